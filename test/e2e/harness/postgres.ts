// A real, throwaway PostgreSQL server for tests of Terraform's pg state backend: Debian's server
// binaries (scripts/e2e/postgres.sh installs them when missing), a fresh data dir in the run
// directory, 127.0.0.1 only, a free port, trust authentication (nothing but loopback can reach it
// and it lives for one run), stopped by its pid.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { BackgroundProcess, run, sleep, startBackground } from './processes';
import { REPO_ROOT, runSubdir } from './run-dir';

const SUPERUSER = 'e2e';

export interface Postgres {
  port: number;
  dataDir: string;
  /** A libpq URL to `database` (default: the one startPostgres created), as Terraform's pg backend takes it. */
  connectionString(database?: string): string;
  /** Runs SQL with psql and returns its unaligned, tuples-only output, trimmed. Throws on SQL errors. */
  query(sql: string, database?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** Created empty after start. */
  database?: string;
  /** A name for the data and log directory inside the run directory. */
  name?: string;
}

/** Initializes a data dir, starts the server, waits until it accepts connections, creates the database. */
export async function startPostgres(options: PostgresOptions = {}): Promise<Postgres> {
  const database = options.database ?? 'terraform_state';
  const bin = await serverBinDir();
  const owner = await serverUser();
  const dir = runSubdir(options.name ?? 'postgres');
  fs.chownSync(dir, owner.uid, owner.gid);
  fs.chmodSync(dir, 0o700);
  const dataDir = path.join(dir, 'data');
  const asOwner = { ...owner, cwd: dir, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } };

  await run(
    path.join(bin, 'initdb'),
    // --no-sync: a test database need not survive a power cut, and fsync is slow on CI disks.
    ['-D', dataDir, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
    asOwner,
  );

  // The free port is found before the server binds it, so another process may take it in
  // between: retry with a new port when that happens.
  for (let attempt = 1; ; attempt++) {
    const port = await freeLoopbackPort();
    const server = startBackground('postgres', path.join(bin, 'postgres'), [
      '-D', dataDir,
      '-c', 'listen_addresses=127.0.0.1',
      '-p', String(port),
      '-c', 'unix_socket_directories=', // TCP only: no socket in /var/run/postgresql to collide with
      '-c', 'fsync=off',
      '-c', 'full_page_writes=off',
      '-c', 'synchronous_commit=off',
    ], { ...asOwner, logFile: path.join(dir, `postgres-${port}.log`), stopSignal: 'SIGINT' /* fast shutdown */ });

    const ready = await waitUntilReady(bin, port, server);
    if (ready === 'ready') {
      const pg = handle(bin, port, dataDir, database, server);
      try {
        await run(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER, database]);
      } catch (err) {
        await server.stop();
        throw err;
      }
      return pg;
    }
    await server.stop();
    if (ready === 'port taken' && attempt < 3) continue;
    throw new Error(`e2e: PostgreSQL did not start on 127.0.0.1:${port} (${ready}); its log ${server.logFile} ends:\n${server.logTail()}`);
  }
}

function handle(bin: string, port: number, dataDir: string, database: string, server: BackgroundProcess): Postgres {
  const connectionString = (db = database) => `postgres://${SUPERUSER}@127.0.0.1:${port}/${db}?sslmode=disable`;
  return {
    port,
    dataDir,
    connectionString,
    async query(sql, db) {
      const psql = path.join(bin, 'psql');
      const { stdout } = await run(psql, ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', connectionString(db), '-c', sql]);
      return stdout.trim();
    },
    stop: () => server.stop(),
  };
}

type Readiness = 'ready' | 'port taken' | 'exited' | 'timed out';

async function waitUntilReady(bin: string, port: number, server: BackgroundProcess, timeoutMs = 60_000): Promise<Readiness> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.hasExited) return /could not bind|address already in use/i.test(server.logTail()) ? 'port taken' : 'exited';
    try {
      await run(path.join(bin, 'pg_isready'), ['-q', '-h', '127.0.0.1', '-p', String(port), '-t', '1']);
      return 'ready';
    } catch {
      await sleep(200); // not yet accepting connections
    }
  }
  return 'timed out';
}

/** Debian's server binaries, installing the package when missing (see the script). */
async function serverBinDir(): Promise<string> {
  const { stdout } = await run('bash', [path.join(REPO_ROOT, 'scripts', 'e2e', 'postgres.sh')]);
  return stdout.trim();
}

/**
 * Who runs the server: PostgreSQL refuses to run as root, so as root the `postgres` system user
 * the Debian package creates; otherwise the current user.
 */
async function serverUser(): Promise<{ uid: number; gid: number }> {
  const uid = process.getuid!();
  if (uid !== 0) return { uid, gid: process.getgid!() };
  const { stdout } = await run('getent', ['passwd', 'postgres']).catch(() => {
    throw new Error('e2e: running as root, and there is no `postgres` user to run PostgreSQL as (install Debian\'s postgresql package)');
  });
  const [, , u, g] = stdout.trim().split(':');
  return { uid: Number(u), gid: Number(g) };
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
