import type { App } from '@slack/bolt';
import { type InstallListenerDeps, register as registerInstallLicense } from './install-license.js';

export function register(app: App, install: InstallListenerDeps | undefined): void {
  if (install) registerInstallLicense(app, install);
}
