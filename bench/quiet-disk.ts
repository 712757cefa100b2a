/**
 * Lets the file system calm down between benchmarks, so that none pays for the one before.
 *
 * Why: on the machines this runs on (ext4 mounted with `discard`, a virtual disk), creating a
 * file or folder costs about 0.05 ms when the disk is idle, and 0.5 to 2 ms for a minute or more
 * after a benchmark that wrote and removed a gigabyte of stacks (the fleets) or thousands of
 * files (packs check): `npx tsx bench/quiet-disk.ts` shows it. The quickstart creates about 30
 * files and folders (its chart folders, install plan, profile documents), the bare cdktf app 4,
 * so the cold-start ratio measured just after the fleets measured the fleets' writeback, not the
 * library: 1.27 to 1.37 in a full run against 1.11 to 1.14 when run alone.
 *
 * How: `sync`, then a probe (create 20 folders with a small file each, 40 entries, in the
 * temporary folder the children write to, then remove them) every {@link PROBE_EVERY_MS} until
 * {@link QUIET_PROBES} probes in a row cost at most {@link QUIET_FACTOR} times the quietest probe
 * seen at the start of the run, or {@link MAX_WAIT_MS} have passed. One quiet probe is not
 * enough: while the disk catches up, the cost rises and falls back every half minute or so, and
 * a benchmark started in such a trough ran on a busy disk (cold start 1.184 in a full run).
 * Both sides of a benchmark then start on the same quiet disk; what their own runs do to it
 * (every child's output folder is removed after it) hits both alike, as they are interleaved.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const PROBE_ENTRIES = 20;
const PROBE_EVERY_MS = 2000;
/**
 * The longest wait before a benchmark, which then runs anyway (the log says so). Some runs on
 * this machine never saw 6 quiet seconds in 3 minutes; a longer wait only makes the run longer.
 */
const MAX_WAIT_MS = 60_000;
/** Quiet probes in a row that make a quiet disk: 6 s of quiet. */
const QUIET_PROBES = 3;
/** A probe this many times the baseline counts as quiet (probes of an idle disk vary about 2x). */
const QUIET_FACTOR = 2;
/** Below this, any probe is quiet: timer resolution and the page cache, not the disk. */
const QUIET_FLOOR_MS = 0.1;

/** Milliseconds per entry to create a folder holding one small file, in `directory`. */
export function fileCreationMs(directory: string): number {
  const probe = fs.mkdtempSync(path.join(directory, 'cdktf-bench-probe-'));
  try {
    const start = process.hrtime.bigint();
    for (let i = 0; i < PROBE_ENTRIES; i++) {
      fs.mkdirSync(path.join(probe, String(i)));
      fs.writeFileSync(path.join(probe, String(i), 'file'), 'x'.repeat(200));
    }
    return Number(process.hrtime.bigint() - start) / 1e6 / (2 * PROBE_ENTRIES);
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

export class QuietDisk {
  /** The quietest of three probes at the start: what an idle disk costs on this machine. */
  readonly baselineMs: number;

  constructor(private readonly directory: string = os.tmpdir()) {
    this.baselineMs = Math.min(fileCreationMs(directory), fileCreationMs(directory), fileCreationMs(directory));
  }

  /** Waits for a quiet disk (see the file's comment); says how long it took, for the run's log. */
  async settle(): Promise<string> {
    const start = performance.now();
    const synced = spawnSync('sync', { stdio: 'ignore' });
    const syncFailed = synced.error || synced.status !== 0 ? '`sync` failed; ' : '';
    const threshold = Math.max(QUIET_FLOOR_MS, QUIET_FACTOR * this.baselineMs);
    let quiet = 0;
    let slowest = 0;
    for (;;) {
      const ms = fileCreationMs(this.directory);
      quiet = ms <= threshold ? quiet + 1 : 0;
      slowest = Math.max(slowest, ms);
      const waitedMs = performance.now() - start;
      const outcome = quiet === QUIET_PROBES ? 'disk quiet' : waitedMs >= MAX_WAIT_MS ? 'disk still busy' : undefined;
      if (outcome !== undefined) {
        return `${syncFailed}${outcome} after ${(waitedMs / 1000).toFixed(0)} s; slowest probe ${slowest.toFixed(2)} ms per entry, idle ${this.baselineMs.toFixed(2)}`;
      }
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
    }
  }
}

/** `npx tsx bench/quiet-disk.ts`: writes and removes 1,000 files of 1 MB, then probes for a minute. */
if (require.main === module) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-bench-load-'));
  const block = Buffer.alloc(1 << 20, 120);
  process.stdout.write(`idle: ${fileCreationMs(os.tmpdir()).toFixed(3)} ms per entry\n`);
  for (let i = 0; i < 1000; i++) {
    fs.mkdirSync(path.join(directory, String(i)));
    fs.writeFileSync(path.join(directory, String(i), 'cdk.tf.json'), block);
  }
  fs.rmSync(directory, { recursive: true, force: true });
  const start = Date.now();
  const probes: string[] = [];
  const tick = () => {
    probes.push(`${((Date.now() - start) / 1000).toFixed(0)} s: ${fileCreationMs(os.tmpdir()).toFixed(3)}`);
    if (Date.now() - start < 60_000) setTimeout(tick, 5000);
    else process.stdout.write(`after writing and removing 1,000 MB, ms per entry:\n  ${probes.join('\n  ')}\n`);
  };
  tick();
}
