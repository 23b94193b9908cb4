/** The VSPC simulator: public surface for the CLI, the demo, integration tests and benchmarks. */
export type { Fault } from './faults.js';
export { generateInventory } from './inventory/generate.js';
export { reportCsv } from './inventory/report-csv.js';
export type {
  Inventory,
  InventoryOptions,
  LicenseRef,
  Notable,
  Organization,
  ServerInfo,
  ServerLicenseKind,
} from './inventory/types.js';
export { KINDS } from './kinds.js';
export type { SimulatorOptions } from './options.js';
export type { RecordedRequest } from './recorder.js';
export { type RunningSimulator, startSimulator } from './server.js';
export type { SimulatorState, UploadedLicense } from './state.js';
