/**
 * A throwaway PostgreSQL cluster for tests: a temp data dir, trust auth on 127.0.0.1 only, a free port,
 * the unix socket inside the temp dir, fsync off. One per test file (`beforeAll`), stopped in `afterAll`.
 *
 * The test machines run as root and postgres refuses to, so initdb and the server run as the
 * `postgres` user (or `nobody`) through spawn's uid/gid. Missing binaries fail loudly: a store that is
 * only tested against SQLite would be a store that is not tested.
 */
import { spawn } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

export interface PostgresServer {
  /** URL of the default `postgres` database, e.g. `postgres://postgres@127.0.0.1:54321/postgres`. */
  url: string;
  port: number;
  /** An empty, isolated database URL (a fresh schema, see databaseMaker): isolation without a new cluster. */
  newDatabase(): Promise<string>;
  /** Fast shutdown of the server (connections are cut), keeping its data: a restart's first half. */
  down(): Promise<void>;
  /** Starts the server again on the same port and data; resolves once it takes connections. */
  up(): Promise<void>;
  stop(): Promise<void>;
}

interface RunAs {
  uid: number;
  gid: number;
}

const READY_TIMEOUT_MS = 20_000;

export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgresBin();
  const runAs = unprivilegedUser();
  const root = mkdtempSync(join(tmpdir(), 'vspc-pg-'));
  if (runAs) chownSync(root, runAs.uid, runAs.gid);
  const dataDir = join(root, 'data');
  try {
    await run(join(bin, 'initdb'), initdbArgs(dataDir), root, runAs);
    writeFileSync(join(dataDir, 'pg_hba.conf'), HBA);
    return await startServer(bin, root, dataDir, runAs);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

const HBA = ['local all all trust', 'host all all 127.0.0.1/32 trust', ''].join('\n');

function initdbArgs(dataDir: string): string[] {
  return [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '--no-sync',
    '--no-instructions',
    '-E',
    'UTF8',
    '--locale=C',
  ];
}

async function startServer(bin: string, root: string, dataDir: string, runAs: RunAs | null): Promise<PostgresServer> {
  let lastError: Error | null = null;
  // A port found free can be taken before postgres binds it (parallel test files): try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const logPath = join(root, `server-${attempt}.log`);
    const log = openSync(logPath, 'a');
    if (runAs) chownSync(logPath, runAs.uid, runAs.gid);
    const launch = () => {
      const server = spawn(join(bin, 'postgres'), serverArgs(dataDir, root, port), {
        cwd: root,
        stdio: ['ignore', log, log],
        ...(runAs ?? {}),
      });
      const gone = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
      return { server, gone };
    };
    let { server: child, gone: exited } = launch();
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const ready = await waitReady(url, exited);
    if (ready) {
      return {
        url,
        port,
        newDatabase: databaseMaker(url),
        down: async () => {
          if (child.exitCode === null) child.kill('SIGINT');
          await exited;
        },
        up: async () => {
          ({ server: child, gone: exited } = launch());
          if (!(await waitReady(url, exited))) throw new Error(`PostgreSQL did not start again on port ${port}`);
        },
        stop: async () => {
          // Immediate shutdown: the data is thrown away anyway.
          if (child.exitCode === null) child.kill('SIGQUIT');
          await exited;
          rmSync(root, { recursive: true, force: true });
        },
      };
    }
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    lastError = new Error(`PostgreSQL test server did not start on port ${port}:\n${readFileSync(logPath, 'utf8')}`);
  }
  throw lastError ?? new Error('PostgreSQL test server did not start');
}

function serverArgs(dataDir: string, socketDir: string, port: number): string[] {
  const settings = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: socketDir,
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: '200',
    log_min_messages: 'warning',
  };
  return ['-D', dataDir, ...Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`])];
}

async function waitReady(url: string, exited: Promise<number | null>): Promise<boolean> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!gone && Date.now() < deadline) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return false;
}

/**
 * A fresh schema rather than a fresh database: CREATE DATABASE copies a template (about half a second
 * on a busy machine), CREATE SCHEMA takes a millisecond. The URL's search_path makes the schema the
 * connection's whole world, so to the store it is an empty database.
 */
function databaseMaker(url: string): () => Promise<string> {
  let counter = 0;
  return async () => {
    counter += 1;
    const schema = `test_${process.pid}_${counter}`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA ${schema}`);
    } finally {
      await client.end();
    }
    return `${url}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  };
}

function run(command: string, args: string[], cwd: string, runAs: RunAs | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], ...(runAs ?? {}) });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} exited with ${code}:\n${output}`));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The directory holding initdb and postgres: PATH first, then Debian's /usr/lib/postgresql/<version>/bin. */
export function findPostgresBin(): string {
  const fromPath = (process.env.PATH ?? '')
    .split(delimiter)
    .find((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres')));
  if (fromPath) return fromPath;
  const debianRoot = '/usr/lib/postgresql';
  const versions = existsSync(debianRoot)
    ? readdirSync(debianRoot)
        .filter((v) => existsSync(join(debianRoot, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest) return join(debianRoot, newest, 'bin');
  throw new Error(
    'PostgreSQL server binaries (initdb, postgres) were not found on PATH or in /usr/lib/postgresql/*/bin. ' +
      'The store tests need a real server: install the `postgresql` package (Debian/Ubuntu: apt-get install postgresql).',
  );
}

/** postgres refuses to run as root: when we are root, pick an unprivileged account to run it as. */
function unprivilegedUser(): RunAs | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n');
  for (const name of ['postgres', 'nobody']) {
    const fields = passwd.find((line) => line.startsWith(`${name}:`))?.split(':');
    if (fields?.[2] && fields[3]) return { uid: Number(fields[2]), gid: Number(fields[3]) };
  }
  throw new Error('Running as root and no `postgres` or `nobody` user exists to run the PostgreSQL test server as.');
}
