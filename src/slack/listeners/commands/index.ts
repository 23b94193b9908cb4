import type { App } from '@slack/bolt';
import { type VspcCommandServices, vspcCommandCallback } from './vspc.js';

export const VSPC_COMMAND = '/vspc';

export function register(app: App, services: VspcCommandServices): void {
  app.command(VSPC_COMMAND, vspcCommandCallback(services));
}
