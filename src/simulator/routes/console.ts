/** The VSPC console's own license. API v3 has no PATCH for its settings (v2 had one). */
import { ok } from '../http/respond.js';
import { type Route, route } from '../router.js';
import type { SimulatorState } from '../state.js';
import { isLicenseFile, readLicenseFile } from './license-file.js';

export function consoleRoutes(state: SimulatorState): Route[] {
  const inv = state.inventory;
  return [
    route('GET', '/api/v3/licensing/console', 'GetConsoleLicenseInformation', () => ok(inv.console)),
    route('PUT', '/api/v3/licensing/console', 'InstallConsoleLicense', (req) => {
      const file = readLicenseFile(req, 'license', 'v3');
      if (!isLicenseFile(file)) return file;
      state.installConsole(file);
      return ok(inv.console);
    }),
    route('POST', '/api/v3/licensing/console/update', 'UpdateConsoleLicense', () => {
      state.updateConsole();
      return ok(inv.console);
    }),
    route('GET', '/api/v3/licensing/console/settings', 'GetConsoleLicenseSettings', () => ok(inv.consoleSettings)),
  ];
}
