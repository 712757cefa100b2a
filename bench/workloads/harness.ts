/**
 * Child-process side of every benchmark. A workload imports this module first (so the time its
 * other imports take can be told apart), then calls {@link run} with a function that constructs
 * the app and one that synthesizes it. The result goes to stdout as one `BENCH_RESULT {json}`
 * line, which the runner parses.
 */
const loadedAt = performance.now();

/** What one child process measured. Times in ms, memory in KiB. */
export interface ChildResult {
  /** From process start (node's time origin) to this module's evaluation: node bootstrap. */
  readonly bootMs: number;
  /** From this module to the start of construction: loading cdktf, providers, the library. */
  readonly importMs: number;
  readonly constructMs: number;
  readonly synthMs: number;
  /** construct + synth: what the synth benchmark compares. */
  readonly workMs: number;
  /** CPU time (user + system, all threads, so GC helpers too) during construct + synth. */
  readonly workCpuMs: number;
  /** Peak resident set size of the process (getrusage ru_maxrss), read right after synth. */
  readonly maxRssKb: number;
  /** Resident set size when construction started (after imports). */
  readonly rssBeforeKb: number;
}

export const RESULT_PREFIX = 'BENCH_RESULT ';

/** Runs construct then synth, timing each, and prints the result line. */
export function run<T>(construct: () => T, synth: (built: T) => void): void {
  const rssBeforeKb = Math.round(process.memoryUsage().rss / 1024);
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const built = construct();
  const constructed = performance.now();
  synth(built);
  const done = performance.now();
  const cpu = process.cpuUsage(cpuBefore);
  // Read before anything else allocates: ru_maxrss is a high-water mark for the whole process.
  const maxRssKb = process.resourceUsage().maxRSS;
  const result: ChildResult = {
    bootMs: loadedAt,
    importMs: start - loadedAt,
    constructMs: constructed - start,
    synthMs: done - constructed,
    workMs: done - start,
    workCpuMs: (cpu.user + cpu.system) / 1000,
    maxRssKb,
    rssBeforeKb,
  };
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

/**
 * Runs `synthesize` once into a folder beside `outdir`, then removes that folder: a run before
 * the measured one, so that the measured one runs compiled code.
 */
export function warmUp(synthesize: (outdir: string) => void, outdir: string): void {
  const dir = `${outdir}-warmup`;
  synthesize(dir);
  require('fs').rmSync(dir, { recursive: true, force: true });
}

/** `name=value` command-line arguments of the child. */
export function args(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const arg of process.argv.slice(2)) {
    const at = arg.indexOf('=');
    if (at > 0) out[arg.slice(0, at)] = arg.slice(at + 1);
  }
  return out;
}

/** A required argument. */
export function arg(name: string): string {
  const value = args()[name];
  if (value === undefined) throw new Error(`missing argument ${name}=...`);
  return value;
}
