/**
 * The simulator and the fake Slack as child processes: the bot under test and the measuring
 * client then share no event loop with them, as in production.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../test/support/app.js';

export interface SimulatorProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** `vspc-license-bot simulator …args` on a free port; resolves with its URL. */
export async function startSimulatorProcess(args: string[]): Promise<SimulatorProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'simulator', '--port', '0', ...args],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /listening on (http\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the simulator exited (${code}): ${err.slice(0, 2000)}`)));
  });
  return { url, pid: child.pid ?? -1, stop: () => stopChild(child) };
}

export interface FakeSlackProcess {
  apiUrl: string;
  botToken: string;
  /** A response_url on the fake (each command gets its own). */
  responseUrl(): Promise<string>;
  /** How many posts reached response URLs so far. */
  answers(): Promise<number>;
  stop(): Promise<void>;
}

type Reply = { type: 'ready'; apiUrl: string; botToken: string } | { type: 'result'; id: number; value: unknown };

/** The offline Slack harness (test/support/slack) in its own process, driven over IPC. */
export async function startFakeSlackProcess(): Promise<FakeSlackProcess> {
  const child = fork(join(ROOT, 'bench/lib/fake-slack-child.ts'), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (value: unknown) => void>();
  let nextId = 0;
  const ready = new Promise<{ apiUrl: string; botToken: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the fake Slack exited (${code})`)));
    child.on('message', (message: Reply) => {
      if (message.type === 'ready') resolve(message);
      else waiting.get(message.id)?.(message.value);
    });
  });
  const ask = (type: string) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      child.send({ type, id });
    });
  const { apiUrl, botToken } = await ready;
  return {
    apiUrl,
    botToken,
    responseUrl: async () => String(await ask('responseUrl')),
    answers: async () => Number(await ask('answers')),
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}
