/**
 * `createVspcClient`: the typed VSPC REST v3 client, one object per resource group over a single
 * request core and keep-alive pool.
 */
import { AsyncActions } from './async-actions.js';
import { BackupServerLicenses } from './backup-servers.js';
import { openConnection } from './connection.js';
import { ConsoleLicenseApi } from './console.js';
import type { VspcClientOptions } from './options.js';
import { LicensingReports } from './reports.js';
import { SiteLicenses } from './sites.js';
import type { TokenApi } from './token.js';
import { LicenseUsage } from './usage.js';
import { Vb365ServerLicenses } from './vb365-servers.js';
import { VOneServerLicenses } from './vone-servers.js';

export interface VspcClient {
  readonly sites: SiteLicenses;
  readonly backupServers: BackupServerLicenses;
  readonly voneServers: VOneServerLicenses;
  readonly vb365Servers: Vb365ServerLicenses;
  readonly console: ConsoleLicenseApi;
  readonly reports: LicensingReports;
  readonly usage: LicenseUsage;
  readonly asyncActions: AsyncActions;
  readonly token: TokenApi;
  /** Close the client's own connection pool (an injected dispatcher is left to its owner). */
  close(): Promise<void>;
}

export function createVspcClient(options: VspcClientOptions): VspcClient {
  const { core, token, close } = openConnection(options);
  return {
    sites: new SiteLicenses(core),
    backupServers: new BackupServerLicenses(core),
    voneServers: new VOneServerLicenses(core),
    vb365Servers: new Vb365ServerLicenses(core),
    console: new ConsoleLicenseApi(core),
    reports: new LicensingReports(core),
    usage: new LicenseUsage(core),
    asyncActions: new AsyncActions(core),
    token,
    close,
  };
}
