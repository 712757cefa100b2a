// Running commands and background processes for the e2e suite.
//
// - `run` throws (rejects) with the command's output when it fails: a helper that returned a flag
//   would let a test forget to check it and pass on a broken deploy.
// - Every process the suite starts is recorded by pid (and its kernel start time, so a recycled pid
//   is never signalled) in <run dir>/processes/. Processes are stopped by that pid, never by name:
//   the machine may run other terraform or postgres processes that are none of our business.
// - Tests stop what they started in afterAll. Jest runs test files in a sandbox whose `process`
//   never emits 'exit', so the last-resort hooks (process exit, SIGINT/SIGTERM, globalTeardown)
//   are installed from globalSetup, which runs in jest's real process, and work from the records.
import { spawn, SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runSubdir } from './run-dir';

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Run as this user and group (the suite runs PostgreSQL as `postgres` when it is root). */
  uid?: number;
  gid?: number;
  /** Kill the command after this long; default 10 minutes, under jest's 15-minute test timeout. */
  timeoutMs?: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** A command that exited non-zero, was killed, or could not start. Carries its full output. */
export class CommandError extends Error {
  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    readonly signal: NodeJS.Signals | null,
    readonly stdout: string,
    readonly stderr: string,
    reason: string,
  ) {
    super(
      `\`${command}\` ${reason}\n` +
        section('stdout', stdout) +
        section('stderr', stderr),
    );
    this.name = 'CommandError';
  }

  /** stdout and stderr together, for assertions on what the command said. */
  get output(): string {
    return `${this.stdout}\n${this.stderr}`;
  }
}

/** Runs a command to completion; resolves with its output, rejects with a CommandError. */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  const shown = commandLine(command, args);
  const timeoutMs = options.timeoutMs ?? 10 * 60 * 1000;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...spawnOptions(options), stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => stdout.push(b));
    child.stderr!.on('data', (b: Buffer) => stderr.push(b));
    // Recorded while it runs, so a command hanging when jest gives up is still stopped.
    if (child.pid !== undefined) recordProcess(child.pid, path.basename(command), 'SIGTERM');

    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM'); // terraform stops gracefully (and releases its state lock) on SIGTERM
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    }, timeoutMs);

    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new CommandError(shown, null, null, '', '', `could not start: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (child.pid !== undefined) forgetProcess(child.pid);
      const out = Buffer.concat(stdout).toString();
      const err = Buffer.concat(stderr).toString();
      if (code === 0) return resolve({ stdout: out, stderr: err });
      const where = options.cwd ? ` (in ${options.cwd})` : '';
      const reason = timedOut
        ? `timed out after ${Math.round(timeoutMs / 1000)} s${where}`
        : signal
          ? `was killed by ${signal}${where}`
          : `failed with exit code ${code}${where}`;
      reject(new CommandError(shown, code, signal, out, err, reason));
    });
  });
}

export interface BackgroundOptions extends Omit<RunOptions, 'timeoutMs'> {
  /** stdout and stderr go here (appended), not into a pipe nobody reads. */
  logFile: string;
  /** The signal that stops it cleanly (PostgreSQL: SIGINT, a fast shutdown). Default SIGTERM. */
  stopSignal?: NodeJS.Signals;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A long-running process started by the suite. */
export class BackgroundProcess {
  readonly exited: Promise<ExitStatus>;
  private status: ExitStatus | undefined;

  constructor(
    readonly name: string,
    readonly pid: number,
    readonly logFile: string,
    private readonly stopSignal: NodeJS.Signals,
    exited: Promise<ExitStatus>,
  ) {
    this.exited = exited.then((s) => (this.status = s));
  }

  get hasExited(): boolean {
    return this.status !== undefined;
  }

  /** The end of its log, for error messages. */
  logTail(lines = 30): string {
    if (!fs.existsSync(this.logFile)) return '';
    return fs.readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  }

  /** Sends the stop signal to its pid, waits, and kills it if it has not exited in time. */
  async stop(timeoutMs = 30_000): Promise<void> {
    if (this.hasExited) return;
    signal(this.pid, this.stopSignal);
    if (await exitsWithin(this.exited, timeoutMs)) return;
    signal(this.pid, 'SIGKILL');
    await this.exited;
  }
}

/** Starts a process in the background with its output in a log file; stop it with `stop()`. */
export function startBackground(name: string, command: string, args: string[], options: BackgroundOptions): BackgroundProcess {
  const stopSignal = options.stopSignal ?? 'SIGTERM';
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = fs.openSync(options.logFile, 'a');
  let child;
  try {
    child = spawn(command, args, { ...spawnOptions(options), stdio: ['ignore', log, log] });
  } finally {
    fs.closeSync(log); // the child has its own copy
  }
  const exited = new Promise<ExitStatus>((resolve) => {
    child.on('error', () => resolve({ code: null, signal: null }));
    child.on('exit', (code, sig) => resolve({ code, signal: sig }));
  });
  if (child.pid === undefined) throw new Error(`could not start ${name}: \`${commandLine(command, args)}\``);
  const pid = child.pid;
  recordProcess(pid, name, stopSignal);
  void exited.then(() => forgetProcess(pid));
  return new BackgroundProcess(name, pid, options.logFile, stopSignal, exited);
}

// --- records of running processes, by pid ---------------------------------------------------------

interface ProcessRecord {
  pid: number;
  name: string;
  signal: NodeJS.Signals;
  /** Field 22 of /proc/<pid>/stat: tells our process from a later one that got the same pid. */
  startTime: string;
}

function recordsDir(): string {
  return runSubdir('processes');
}

function recordProcess(pid: number, name: string, sig: NodeJS.Signals): void {
  const startTime = processStartTime(pid);
  if (startTime === undefined) return; // already gone
  const record: ProcessRecord = { pid, name, signal: sig, startTime };
  fs.writeFileSync(path.join(recordsDir(), `${pid}.json`), JSON.stringify(record));
}

function forgetProcess(pid: number): void {
  const dir = process.env.E2E_RUN_DIR;
  if (dir) fs.rmSync(path.join(dir, 'processes', `${pid}.json`), { force: true });
}

/** Recorded processes that are still the very processes we started. */
function liveRecords(): ProcessRecord[] {
  const dir = process.env.E2E_RUN_DIR && path.join(process.env.E2E_RUN_DIR, 'processes');
  if (!dir || !fs.existsSync(dir)) return [];
  const records: ProcessRecord[] = [];
  for (const file of fs.readdirSync(dir)) {
    const record = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as ProcessRecord;
    if (processStartTime(record.pid) === record.startTime) records.push(record);
    else fs.rmSync(path.join(dir, file), { force: true });
  }
  return records;
}

/**
 * Stops every recorded process still running (stop signal, then SIGKILL after a grace period)
 * and returns a description of each. For globalTeardown: normally there is none left.
 */
export async function stopRecordedProcesses(graceMs = 15_000): Promise<string[]> {
  const records = liveRecords();
  for (const r of records) signal(r.pid, r.signal);
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && records.some((r) => processStartTime(r.pid) === r.startTime)) {
    await sleep(200);
  }
  for (const r of records) if (processStartTime(r.pid) === r.startTime) signal(r.pid, 'SIGKILL');
  return records.map((r) => `${r.name} (pid ${r.pid})`);
}

/** Signals every recorded process; synchronous, for a process 'exit' hook that cannot wait. */
export function signalRecordedProcessesSync(): void {
  for (const r of liveRecords()) signal(r.pid, r.signal);
}

/**
 * Stops the suite's processes when jest's process ends without running afterAll/globalTeardown
 * (a crash, process.exit, SIGINT or SIGTERM). Call from globalSetup: see the header.
 */
export function installExitHooks(): void {
  process.once('exit', signalRecordedProcessesSync);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      signalRecordedProcessesSync();
      process.kill(process.pid, sig); // our once-listener is gone: the default action ends jest
    });
  }
}

// --- small helpers ------------------------------------------------------------------------------

function spawnOptions(o: RunOptions): SpawnOptions {
  return { cwd: o.cwd, env: o.env ?? process.env, uid: o.uid, gid: o.gid };
}

function processStartTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: count after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err; // already gone is fine
  }
}

async function exitsWithin(exited: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const result = await Promise.race([exited.then(() => true as const), timeout]);
  clearTimeout(timer);
  return result;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function commandLine(command: string, args: string[]): string {
  return [command, ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

function section(name: string, text: string): string {
  const max = 20_000; // keep jest's report readable; the end is where terraform puts its errors
  const body = text.length > max ? `[… ${text.length - max} characters cut …]\n${text.slice(-max)}` : text;
  return body.trim() ? `--- ${name} ---\n${body.trimEnd()}\n` : '';
}
