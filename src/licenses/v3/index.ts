export { createV3Backend, V3LicensingBackend } from './backend.js';
export { type KindEntry, V3_KINDS } from './kinds.js';
