/**
 * The bot's Slack layer takes Bolt's App and receivers from their own modules, so starting it does
 * not load what the package entry drags in (Express and its ~120 modules for a receiver the bot
 * never uses). Checked in a child process, where nothing else has loaded those modules yet.
 */
import { spawnSync } from 'node:child_process';
import * as bolt from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { App, HTTPReceiver, LogLevel, SocketModeReceiver } from '../../src/slack/bolt-parts.js';

function modulesLoadedBy(entry: string): string[] {
  const script = `
    const { createRequire } = await import('node:module');
    await import(${JSON.stringify(entry)});
    const cache = createRequire(import.meta.url).cache;
    process.stdout.write(JSON.stringify(Object.keys(cache)));
  `;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as string[];
}

describe("Bolt's parts", () => {
  it('are the classes the package entry exports, so verification and acks stay Bolt’s own', () => {
    expect(App).toBe(bolt.App);
    expect(HTTPReceiver).toBe(bolt.HTTPReceiver);
    expect(SocketModeReceiver).toBe(bolt.SocketModeReceiver);
    expect(LogLevel).toBe(bolt.LogLevel);
  });

  it('the Slack app and the bot load Bolt without Express', () => {
    const loaded = modulesLoadedBy('./src/main.ts');
    expect(loaded.some((file) => file.includes('/@slack/bolt/dist/App.js'))).toBe(true);
    expect(loaded.filter((file) => /\/node_modules\/(express|body-parser)\//.test(file))).toEqual([]);
    expect(loaded.some((file) => file.includes('/@slack/bolt/dist/receivers/ExpressReceiver.js'))).toBe(false);
  });
});
