/**
 * Benchmarks of issues 7 and 17: `npm run bench` (runs this file with tsx).
 *
 * Every synth and fleet benchmark measures our side against two raw cdktf baselines in the same
 * run (bench/workloads/raw-cluster.ts):
 * - `raw-binding`: the same resources written with the provider binding's `Release`
 *   (`@cdktf/provider-helm/lib/release`), as a user writes them by hand;
 * - `raw-same`: the same resources written with the library's own helm_release element
 *   (lib/cluster/helm-release.ts): what the library adds on top of cdktf, the floor for a
 *   library on cdktf.
 *
 * - synth CxL: C clusters x L Helm layers (1x10, 10x30, 100x30) in one stack, built with our
 *   constructs (one AddonProfile attached to C clusters) and by hand; compared: construct + synth
 *   time inside the child, and the child's peak RSS.
 * - fleet Cx30: a Fleet of C clusters (10, 100, 1,000), one stack each, in waves
 *   (bench/fleet-scenario.ts); the raw sides write the same stacks and stack dependencies. The
 *   three sizes show how time and memory grow (the growth block after the table).
 * - cold start: examples/quickstart (`quickstart(app)` then `app.synth()`) against a bare cdktf
 *   app declaring the same resources; whole process, spawn to exit. The package compiles its code
 *   with its code cache (lib/code-cache.ts), in a folder of this benchmark that its discarded
 *   warm-up fills, as a user's first synth does; `ours-first` runs with an empty folder each time (and
 *   writes it), `ours-no-cache` with the cache off. Beside it, not a target: the same two apps'
 *   second synth in one process (`warm=1`), once their code is compiled, and the load of the
 *   library's main entry point after cdktf, bundled against one file per module.
 * - lock resolve: a PackCatalog resolving 30 pack constraints against a Helm index of 5,000
 *   entries, from the lockfile and cold (see lock-resolve.ts).
 * - packs check: checkPackRegistry over a registry of 220 packs generated in a temporary folder
 *   (bench/pack-registry.ts).
 *
 * Every benchmark starts on a quiet disk (bench/quiet-disk.ts: after the fleets, creating a file
 * costs ten times more for a minute or more, and the quickstart creates about 30), and with a
 * code cache folder of its own, so no benchmark's result depends on the one before. As the disk
 * is not always quiet again within the minute the run waits, the cold starts run first.
 * Every measurement is a fresh node process. Both sides of a comparison run the same way: the
 * TypeScript is compiled with esbuild into node_modules/.cache, the library bundled as the
 * package ships it (bench/build.ts), and run on plain node (the `cold_tsx` rows run both through
 * tsx instead). Variants are interleaved (ours, raw,
 * raw, ours, ...) after one discarded warm-up each (the 1,000-cluster fleet has none), and the
 * table shows medians, so load from other processes on the machine hits every side alike.
 *
 * Before measuring, the output of every variant is compared with ours (bench/verify.ts, which
 * lists the differences that are intended and why): when they differ, the run stops with a
 * non-zero status and no final line, as the ratios would compare unlike work. `--tamper` makes
 * the raw-same workloads emit one different attribute, to show that it does.
 *
 * The last line (medians): synth_ratio_binding and synth_ratio_same are ours / raw-binding and
 * ours / raw-same construct+synth time at 100x30, memory_ratio_same ours / raw-same peak RSS
 * there; cold_start_ratio ours / raw process wall time of the precompiled quickstart
 * (`cold_node`); lock_resolve_ms the resolve time from the lockfile; fleet_1000_ms our
 * construct+synth time of the 1,000-cluster fleet; packs_check_ms the time of the check.
 *
 * Options (after `npm run bench --`): --reps=N (every benchmark but the 1,000-cluster fleet),
 * --fleet-reps=N (that one; default 3), --quick (few reps), --only=<id prefixes, comma-separated>
 * (synth, synth_100x30, fleet, cold, lock, packs, fleet_1000,cold_node, ...), --no-tsx, --tamper.
 * BENCH_BUILD_DIR names the build folder under node_modules/.cache (to run two at once).
 * To see where the time goes: `npx tsx bench/profile.ts` (see there).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  Benchmark,
  coldStartBenchmarks,
  fleetBenchmarks,
  fleetId,
  FLEET_SIZES,
  packsCheckBenchmark,
  synthBenchmarks,
  synthId,
  Variant,
} from './benchmarks';
import { CODE_CACHE_VARIABLE } from '../lib/code-cache';
import { buildWorkloads, BUILD_DIR, ROOT } from './build';
import { lockResolveBenchmark } from './lock-resolve';
import { QuietDisk } from './quiet-disk';
import { max, median, min, pairedRatio, relativeMad } from './stats';
import { compareOutdirs, OutputSummary, summarizeOutdir } from './verify';
import type { ChildResult } from './workloads/harness';

const RESULT_PREFIX = 'BENCH_RESULT ';

interface Sample {
  /** Spawn to exit, measured by the runner. */
  readonly wallMs: number;
  readonly child: ChildResult;
}

interface Outcome {
  readonly benchmark: Benchmark;
  readonly samples: Map<string, Sample[]>;
  readonly summary?: OutputSummary;
}

/** The variants of a benchmark whose outputs differ: the run must not report a ratio. */
class OutputsDiffer extends Error {}

function options() {
  const argv = process.argv.slice(2);
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const known = ['reps', 'fleet-reps', 'only', 'quick', 'no-tsx', 'tamper'];
  const unknown = argv.filter((a) => !known.includes(a.replace(/^--/, '').replace(/=.*$/, '')));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')}; options: ${known.map((k) => `--${k}`).join(' ')}`);
  const quick = argv.includes('--quick');
  const reps = value('reps') !== undefined ? Number(value('reps')) : undefined;
  const fleetReps = value('fleet-reps') !== undefined ? Number(value('fleet-reps')) : quick ? 1 : 3;
  return {
    only: value('only'),
    withTsx: !argv.includes('--no-tsx'),
    tamper: argv.includes('--tamper'),
    synthReps: (clusters: number) => reps ?? (quick ? 3 : clusters >= 100 ? 9 : 11),
    fleetReps: (clusters: number) => (clusters >= 1000 ? fleetReps : reps ?? (quick ? 3 : clusters >= 100 ? 7 : 11)),
    coldReps: reps ?? (quick ? 3 : 11),
    packsReps: reps ?? (quick ? 2 : 5),
  };
}

async function main(): Promise<void> {
  const opts = options();
  // The cold starts first (the header says why), then the rest by how much they write.
  const benchmarks = [
    ...coldStartBenchmarks(opts.coldReps, opts.withTsx),
    lockResolveBenchmark(opts.coldReps),
    ...synthBenchmarks(opts.synthReps),
    ...fleetBenchmarks(opts.fleetReps),
    packsCheckBenchmark(opts.packsReps),
  ]
    .filter((b) => opts.only === undefined || opts.only.split(',').some((prefix) => b.id.startsWith(prefix)))
    .map((b) => (opts.tamper ? tampered(b) : b));
  if (benchmarks.length === 0) throw new Error(`--only=${opts.only} selects no benchmark`);

  process.stdout.write(
    `node ${process.version}, ${os.cpus().length} cpus, ${Math.round(os.totalmem() / 2 ** 30)} GiB; load average ${loadAverage()} at start\n`,
  );
  const started = performance.now();
  await buildWorkloads();
  process.stdout.write(`compiled workloads into ${path.relative(ROOT, BUILD_DIR)} in ${Math.round(performance.now() - started)} ms\n`);

  const disk = new QuietDisk();
  const outcomes: Outcome[] = [];
  for (const benchmark of benchmarks) {
    const settled = await disk.settle();
    process.stdout.write(`running ${benchmark.title}: ${benchmark.reps} reps x ${benchmark.variants.length} variants (${settled}) ...`);
    const t = performance.now();
    outcomes.push(runBenchmark(benchmark));
    process.stdout.write(` ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
  process.stdout.write(`load average ${loadAverage()} at end; total ${((performance.now() - started) / 1000).toFixed(0)} s\n\n`);

  printTable(outcomes);
  process.stdout.write('\n');
  printGrowth(outcomes);
  printTargets(outcomes);

  const find = (id: string) => outcomes.find((o) => o.benchmark.id === id);
  const synth = find(synthId(100, 30));
  const fleet = find(fleetId(1000));
  const cold = find('cold_node');
  const lock = find('lock_resolve');
  const packs = find('packs_check');
  const fmt = (x: number | undefined, digits: number) => (x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(digits));
  const lockMs = lock && medianOf(lock, 'lockfile', metricOf(lock.benchmark));
  const lockColdMs = lock && medianOf(lock, 'cold', metricOf(lock.benchmark));
  const synthMs = synth && medianOf(synth, 'ours', metricOf(synth.benchmark));
  if (lockMs !== undefined) {
    const share = synthMs === undefined ? 'run synth_100x30 too for its share of synth time' : `${fmt((100 * lockMs) / synthMs, 1)}% of our synth 100x30 (target < 5%)`;
    process.stdout.write(`lock resolve: ${fmt(lockMs, 1)} ms from the lockfile, ${fmt(lockColdMs, 1)} ms cold; from the lockfile is ${share}\n`);
  }
  const line = [
    `synth_ratio_binding=${fmt(synth && ratio(synth, metricOf(synth.benchmark), 'ours', 'raw-binding'), 3)}`,
    `synth_ratio_same=${fmt(synth && ratio(synth, metricOf(synth.benchmark), 'ours', 'raw-same'), 3)}`,
    `memory_ratio_same=${fmt(synth && ratio(synth, rss, 'ours', 'raw-same'), 3)}`,
    `cold_start_ratio=${fmt(cold && ratio(cold, metricOf(cold.benchmark), 'ours', 'raw'), 3)}`,
    `lock_resolve_ms=${fmt(lockMs, 1)}`,
    `fleet_1000_ms=${fmt(fleet && medianOf(fleet, 'ours', metricOf(fleet.benchmark)), 0)}`,
    `packs_check_ms=${fmt(packs && medianOf(packs, 'ours', metricOf(packs.benchmark)), 0)}`,
  ].join(' ');
  process.stdout.write(`${line}\n`);
}

/** The benchmark with its raw-same workloads told to emit one attribute ours does not. */
function tampered(benchmark: Benchmark): Benchmark {
  return {
    ...benchmark,
    variants: benchmark.variants.map((v) => (v.name === 'raw-same' ? { ...v, args: [...v.args, 'tamper=yes'] } : v)),
  };
}

/**
 * Runs a benchmark: first one run of each variant whose output is compared with the first
 * variant's (discarded as a warm-up unless `warmup: false`); throws {@link OutputsDiffer} when
 * they differ. Then the reps, interleaved.
 */
function runBenchmark(benchmark: Benchmark): Outcome {
  const samples = new Map<string, Sample[]>(benchmark.variants.map((v) => [v.name, []]));
  const warmup = benchmark.warmup ?? true;
  const outdirs = new Map<string, string>();
  let summary: OutputSummary | undefined;
  try {
    for (const variant of benchmark.variants) {
      const sample = runChild(benchmark, variant, benchmark.sameOutput ? (outdir) => outdirs.set(variant.name, outdir) : undefined);
      if (!warmup) samples.get(variant.name)!.push(sample);
    }
    if (benchmark.sameOutput) {
      const [first, ...others] = benchmark.variants;
      const differences = others.flatMap((v) => {
        const d = compareOutdirs(outdirs.get(first.name)!, outdirs.get(v.name)!);
        return d === undefined ? [] : [`${first.name} and ${v.name} synthesize different output at ${d}`];
      });
      if (differences.length > 0) {
        throw new OutputsDiffer(
          `${benchmark.title}: the sides compared do different work, so no ratio is reported:\n` +
            differences.map((d) => `  ${d}\n`).join('') +
            '  (update the raw workload, or list an intended difference in bench/verify.ts with why)',
        );
      }
      summary = summarizeOutdir(outdirs.get(first.name)!);
    }
  } finally {
    for (const outdir of outdirs.values()) fs.rmSync(outdir, { recursive: true, force: true });
  }
  for (let rep = warmup ? 0 : 1; rep < benchmark.reps; rep++) {
    // Alternate which side goes first so neither always follows the other.
    const order = rep % 2 === 0 ? benchmark.variants : [...benchmark.variants].reverse();
    for (const variant of order) samples.get(variant.name)!.push(runChild(benchmark, variant));
  }
  return { benchmark, samples, summary };
}

/** Runs one variant in a fresh process. With `keep`, the outdir is handed over instead of removed. */
function runChild(benchmark: Benchmark, variant: Variant, keep?: (outdir: string) => void): Sample {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-bench-'));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-bench-scratch-'));
  let kept = false;
  try {
    const script =
      variant.loader === 'node'
        ? [path.join(BUILD_DIR, 'bench', 'workloads', `${variant.workload}.js`)]
        : ['--import', 'tsx', path.join(ROOT, 'bench', 'workloads', `${variant.workload}.ts`)];
    const env = { ...process.env };
    // Nothing of the runner's own loader or of a cdktf CLI session leaks into the child, and the
    // quickstart resolves packs in the default lock mode (never rewriting the example's lockfile).
    for (const key of ['NODE_OPTIONS', 'NODE_COMPILE_CACHE', 'CDKTF_OUTDIR', 'CDKTF_CONTEXT_JSON', 'CDKTF_TARGET_STACK_ID', 'CLUSTER_PROFILES_LOCK']) delete env[key];
    env[CODE_CACHE_VARIABLE] = codeCacheFolder(benchmark, variant.codeCache ?? 'shared', scratch);
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, [...script, ...variant.args, `outdir=${outdir}`], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
    const line = child.stdout?.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
    if (child.status !== 0 || line === undefined) {
      throw new Error(`${variant.workload} ${variant.args.join(' ')} (${variant.loader}) failed with status ${child.status}:\n${child.stderr}${child.stdout}`);
    }
    if (keep) {
      keep(outdir);
      kept = true;
    }
    return { wallMs, child: JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult };
  } finally {
    if (!kept) fs.rmSync(outdir, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The package's code cache folder for a child (Variant.codeCache): for `shared`, the benchmark's
 * own folder in the build folder (which every run starts without) rather than the user's, or for
 * `fresh` a new one in the child's scratch folder (removed after it).
 *
 * One folder per benchmark, not per run: V8 caches the functions that the process which wrote
 * the cache had compiled, so a folder filled by another benchmark's workload (the synth of
 * generated Helm layers) lacks the quickstart's pack and chart code, and a benchmark's result
 * would depend on which benchmark ran first. Within a benchmark, the discarded warm-up fills it,
 * as a user's first synth of the same app does.
 */
function codeCacheFolder(benchmark: Benchmark, mode: 'shared' | 'fresh' | 'off', scratch: string): string {
  if (mode === 'off') return 'off';
  if (mode === 'fresh') return path.join(scratch, 'code-cache');
  return path.join(BUILD_DIR, 'code-cache', benchmark.id);
}

const rss = (s: Sample): number => s.child.maxRssKb;

function medianOf(outcome: Outcome, variant: string, metric: (s: Sample) => number): number | undefined {
  const samples = outcome.samples.get(variant);
  return samples === undefined ? undefined : median(samples.map(metric));
}

function metricOf(benchmark: Benchmark): (s: Sample) => number {
  switch (benchmark.metric) {
    case 'wall':
      return (s) => s.wallMs;
    case 'synth':
      return (s) => s.child.synthMs;
    case 'work':
      return (s) => s.child.workMs;
  }
}

/** Ratio of medians, `numerator` over `denominator` (variant names). */
function ratio(outcome: Outcome, metric: (s: Sample) => number, numerator: string, denominator: string): number {
  const a = medianOf(outcome, numerator, metric);
  const b = medianOf(outcome, denominator, metric);
  return a === undefined || b === undefined ? NaN : a / b;
}

/** The ratios a benchmark reports: its first variant over every other variant that is not informational. */
function ratioPairs(benchmark: Benchmark): Array<[string, string]> {
  const [first, ...others] = benchmark.variants;
  return others.filter((v) => !v.informational).map((v) => [first.name, v.name]);
}

function printTable(outcomes: readonly Outcome[]): void {
  const header = ['benchmark', 'variant', 'runs', 'metric', 'median ms', 'min', 'max', 'MAD', 'peak RSS MB', 'RSS min-max', 'boot', 'import', 'construct', 'synth', 'work cpu'];
  const rows: string[][] = [];
  const ms = (x: number) => x.toFixed(x < 100 ? 1 : 0);
  const mb = (kb: number) => (kb / 1024).toFixed(1);
  for (const outcome of outcomes) {
    const { benchmark } = outcome;
    const metric = metricOf(benchmark);
    const metricName = benchmark.metricLabel ?? (benchmark.metric === 'wall' ? 'process wall' : benchmark.metric === 'work' ? 'construct+synth' : 'synth');
    for (const variant of benchmark.variants) {
      const s = outcome.samples.get(variant.name)!;
      const values = s.map(metric);
      const phase = (f: (c: ChildResult) => number) => ms(median(s.map((x) => f(x.child))));
      rows.push([
        benchmark.title,
        variant.name + (variant.informational ? ' (info)' : ''),
        String(s.length),
        metricName,
        ms(median(values)),
        ms(min(values)),
        ms(max(values)),
        `${(relativeMad(values) * 100).toFixed(1)}%`,
        mb(median(s.map(rss))),
        `${mb(min(s.map(rss)))}-${mb(max(s.map(rss)))}`,
        phase((c) => c.bootMs),
        phase((c) => c.importMs),
        phase((c) => c.constructMs),
        phase((c) => c.synthMs),
        phase((c) => c.workCpuMs),
      ]);
    }
    for (const [a, b] of ratioPairs(benchmark)) {
      const paired = pairedRatio(outcome.samples.get(a)!.map(metric), outcome.samples.get(b)!.map(metric));
      rows.push([
        '',
        `${a}/${b}`,
        '',
        `paired ${paired.toFixed(3)}`,
        ratio(outcome, metric, a, b).toFixed(3),
        '',
        '',
        '',
        ratio(outcome, rss, a, b).toFixed(3),
        '',
        '',
        '',
        '',
        '',
        ratio(outcome, (x) => x.child.workCpuMs, a, b).toFixed(3),
      ]);
    }
    if (outcome.summary) {
      const { stacks, helmReleases, providers, dependsOn } = outcome.summary;
      const what = `${stacks} stack${stacks === 1 ? '' : 's'}, ${helmReleases} helm_release, ${Object.entries(providers).map(([k, n]) => `${n} ${k}`).join(' + ')} providers, ${dependsOn} depends_on`;
      rows.push(['', `${NOTE}${what}`, ...Array(header.length - 2).fill('')]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.filter((r) => !isNote(r)).map((r) => r[i].length)));
  const format = (r: string[]) =>
    r.map((cell, i) => (i <= 1 || i === 3 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  process.stdout.write(`${format(header)}\n`);
  for (const r of rows) {
    process.stdout.write(isNote(r) ? `${''.padEnd(widths[0])}  ${r[1]}\n` : `${format(r)}\n`);
  }
  process.stdout.write(
    '\nmedian/min/max: the metric; MAD: median absolute deviation / median; peak RSS: getrusage maxrss of the child\n' +
      '(median, and range: V8 may let the heap grow further before a full GC, so single runs can be far off);\n' +
      'boot/import/construct/synth: medians of the phases inside the child (boot = node start-up to the harness,\n' +
      'import = cdktf, providers and library); work cpu: user+system CPU time of construct+synth (all threads);\n' +
      'ratio rows: medians of the first variant over the other ("paired": median of per-rep ratios);\n' +
      'raw-same: raw cdktf with our helm_release element; raw-binding: raw cdktf with the binding\'s Release.\n',
  );
}

const NOTE = 'same output (apart from the intended differences of bench/verify.ts): ';

function isNote(row: readonly string[]): boolean {
  return row[1].startsWith(NOTE);
}

/** How far per-cluster cost may grow from 100 to 1,000 clusters and still count as linear. */
const LINEAR_TOLERANCE = 1.5;

/**
 * Growth of the fleet from 10 to 100 to 1,000 clusters, per variant: time and peak RSS, the
 * time per cluster and the memory per cluster (peak RSS less the RSS after imports), and whether
 * the per-cluster cost at 1,000 stays within {@link LINEAR_TOLERANCE} of that at 100.
 */
function printGrowth(outcomes: readonly Outcome[]): void {
  const fleets = FLEET_SIZES.map((c) => ({ clusters: c, outcome: outcomes.find((o) => o.benchmark.id === fleetId(c)) })).filter(
    (f): f is { clusters: number; outcome: Outcome } => f.outcome !== undefined,
  );
  if (fleets.length < 2) return;
  process.stdout.write('growth of the fleet with clusters (medians; memory per cluster = peak RSS less RSS after imports):\n');
  for (const variant of fleets[0].outcome.benchmark.variants.map((v) => v.name)) {
    const points = fleets.map(({ clusters, outcome }) => {
      const ms = medianOf(outcome, variant, metricOf(outcome.benchmark))!;
      const kb = medianOf(outcome, variant, rss)!;
      const grownKb = medianOf(outcome, variant, (s) => s.child.maxRssKb - s.child.rssBeforeKb)!;
      return { clusters, ms, kb, msPerCluster: ms / clusters, kbPerCluster: grownKb / clusters };
    });
    const cells = points.map((p) => `${p.clusters}: ${(p.ms / 1000).toFixed(2)} s ${(p.kb / 1024).toFixed(0)} MB (${p.msPerCluster.toFixed(1)} ms, ${(p.kbPerCluster / 1024).toFixed(2)} MB per cluster)`);
    const at = (c: number) => points.find((p) => p.clusters === c);
    const [p100, p1000] = [at(100), at(1000)];
    let verdict = '';
    if (p100 && p1000) {
      const time = p1000.msPerCluster / p100.msPerCluster;
      const memory = p1000.kbPerCluster / p100.kbPerCluster;
      const linear = time <= LINEAR_TOLERANCE && memory <= LINEAR_TOLERANCE;
      verdict = `; per cluster 1000 vs 100: time x${time.toFixed(2)}, memory x${memory.toFixed(2)}: ${linear ? 'linear' : 'NOT linear'} (within x${LINEAR_TOLERANCE})`;
    }
    process.stdout.write(`  ${variant.padEnd(12)} ${cells.join(' -> ')}${verdict}\n`);
  }
  process.stdout.write('\n');
}

/** The targets of issue 17, each with what this run measured. Reported, never failing the run. */
function printTargets(outcomes: readonly Outcome[]): void {
  const find = (id: string) => outcomes.find((o) => o.benchmark.id === id);
  const rows: string[] = [];
  const check = (what: string, outcome: Outcome | undefined, metric: (s: Sample) => number, a: string, b: string, target: number) => {
    if (!outcome) return;
    const r = ratio(outcome, metric, a, b);
    rows.push(`  ${r <= target ? 'holds' : 'FAILS'}  ${what}: ${r.toFixed(3)} (target <= ${target})`);
  };
  for (const id of [synthId(100, 30), fleetId(1000)]) {
    const o = find(id);
    if (!o) continue;
    check(`${id} time ours/raw-same`, o, metricOf(o.benchmark), 'ours', 'raw-same', 1.05);
    check(`${id} memory ours/raw-same`, o, rss, 'ours', 'raw-same', 1.05);
    check(`${id} time ours/raw-binding`, o, metricOf(o.benchmark), 'ours', 'raw-binding', 0.8);
  }
  const cold = find('cold_node');
  if (cold) check('cold start ours/raw', cold, metricOf(cold.benchmark), 'ours', 'raw', 1.15);
  if (rows.length === 0) return;
  process.stdout.write(`targets of issue 17 (ratios of medians in this run):\n${rows.join('\n')}\n\n`);
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

main().catch((error: unknown) => {
  if (error instanceof OutputsDiffer) process.stderr.write(`\nbench: FAILED: ${error.message}\n`);
  else process.stderr.write(`\n${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
