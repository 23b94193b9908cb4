export { createV2Backend, V2LicensingBackend } from './backend.js';
