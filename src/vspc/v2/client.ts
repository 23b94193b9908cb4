/**
 * `createVspcV2Client`: the legacy VAC/VSPC REST v2 licensing client (`VSPC_API=v2`). Same request
 * core as v3 (auth, timeouts, GET retries, error classes, credential scrubbing), paths from the
 * server root (`/token`, `/v2/...`).
 */
import { openConnection } from '../connection.js';
import type { VspcClientOptions } from '../options.js';
import type { TokenApi } from '../token.js';
import { V2LicenseSettingsApi, V2ServerLicenses } from './resources.js';

export interface VspcV2Client {
  readonly cloudConnectLicenses: V2ServerLicenses;
  readonly backupServerLicenses: V2ServerLicenses;
  readonly licenseSettings: V2LicenseSettingsApi;
  readonly token: TokenApi;
  close(): Promise<void>;
}

/**
 * `VSPC_URL` is the server root, but the v2 reference writes every URL as `https://host:1281/v2/…`,
 * so a pasted `…:1281/v2` is taken as its root rather than doubling the prefix (and missing `/token`).
 */
function serverRoot(url: string): string {
  return url.replace(/\/v2\/*$/i, '');
}

export function createVspcV2Client(options: VspcClientOptions): VspcV2Client {
  const { core, token, close } = openConnection({ ...options, url: serverRoot(options.url) }, '');
  return {
    cloudConnectLicenses: new V2ServerLicenses(core, '/v2/licensing/cloudconnectLicenses', 'CloudConnectLicense'),
    backupServerLicenses: new V2ServerLicenses(core, '/v2/licensing/backupserverLicenses', 'BackupServerLicense'),
    licenseSettings: new V2LicenseSettingsApi(core),
    token,
    close,
  };
}
