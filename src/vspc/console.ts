/** VSPC's own license: `/licensing/console` (get, install, update) and its read-only settings. */
import type { VspcCore } from './core.js';
import { licenseForm, type UploadFile, type WriteOptions } from './license-resource.js';
import { dataEnvelope } from './schemas/envelope.js';
import {
  type ConsoleLicense,
  ConsoleLicenseSchema,
  type LicenseSettings,
  LicenseSettingsSchema,
} from './schemas/licenses.js';

const ConsoleEnvelope = dataEnvelope(ConsoleLicenseSchema);

export class ConsoleLicenseApi {
  constructor(private readonly core: VspcCore) {}

  async get(): Promise<ConsoleLicense> {
    const answer = await this.core.json(
      { operation: 'GetConsoleLicenseInformation', method: 'GET', path: '/licensing/console' },
      ConsoleEnvelope,
    );
    return answer.data;
  }

  async install(file: UploadFile, options: WriteOptions = {}): Promise<ConsoleLicense | null> {
    const answer = await this.core.jsonAfterWrite(
      {
        operation: 'InstallConsoleLicense',
        method: 'PUT',
        path: '/licensing/console',
        requestId: options.requestId,
        body: { kind: 'multipart', build: licenseForm(file) },
      },
      ConsoleEnvelope,
    );
    return answer?.data ?? null;
  }

  async update(options: WriteOptions = {}): Promise<ConsoleLicense | null> {
    const answer = await this.core.jsonAfterWrite(
      {
        operation: 'UpdateConsoleLicense',
        method: 'POST',
        path: '/licensing/console/update',
        requestId: options.requestId,
      },
      ConsoleEnvelope,
    );
    return answer?.data ?? null;
  }

  /** `isAutoUpdateEnabled`; v3 has no operation to change it. */
  async settings(): Promise<LicenseSettings> {
    const answer = await this.core.json(
      { operation: 'GetConsoleLicenseSettings', method: 'GET', path: '/licensing/console/settings' },
      dataEnvelope(LicenseSettingsSchema),
    );
    return answer.data;
  }
}
