/**
 * Benchmarks of issue 7: `npm run bench` (runs this file with tsx).
 *
 * - synth CxL: C clusters x L Helm layers (1x10, 10x30, 100x30), built with our constructs (one
 *   AddonProfile attached to C clusters in one stack) and with raw cdktf (the same helm providers
 *   and helm_releases written by hand); both synthesize to a temporary outdir. Compared: construct
 *   + synth time inside the child, and the child's peak RSS.
 * - cold start: examples/quickstart (`quickstart(app)` then `app.synth()`) against a bare cdktf
 *   app declaring the same resources; whole process, spawn to exit.
 * - lock resolve: a PackCatalog resolving 30 pack constraints against a Helm index of 5,000
 *   entries, from the lockfile and cold (see lock-resolve.ts).
 *
 * Every measurement is a fresh node process. Both sides of a comparison run the same way: the
 * TypeScript is compiled file by file with esbuild into node_modules/.cache and run on plain
 * node (the `cold_tsx` rows run both through tsx instead). Variants are interleaved (ours, raw,
 * raw, ours, ...) after one discarded warm-up each, and the table shows medians, so load from
 * other processes on the machine hits both sides alike. The warm-up outputs of both sides are
 * compared: unless they hold the same cdk.tf.json apart from `//` metadata, the runner warns and
 * marks the benchmark NOT COMPARABLE (a raw workload is out of date with the library).
 *
 * The last line: synth_ratio and memory_ratio are ours/raw at 100x30 (median construct+synth
 * wall time, median peak RSS); cold_start_ratio is ours/raw median process wall time of the
 * precompiled quickstart (`cold_node`); lock_resolve_ms is the median resolve time from the
 * lockfile (the line before it gives its share of the 100x30 synth time, whose target is < 5%).
 *
 * Options (after `npm run bench --`): --reps=N (every benchmark), --quick (few reps),
 * --only=<id prefix> (synth, synth_100x30, cold, ...), --no-tsx.
 * To see where the time goes: `npx tsx bench/profile.ts` (see there).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Benchmark, coldStartBenchmarks, synthBenchmarks, synthId, Variant } from './benchmarks';
import { buildWorkloads, BUILD_DIR, ROOT } from './build';
import { lockResolveBenchmark } from './lock-resolve';
import { max, median, min, pairedRatio, relativeMad } from './stats';
import { compareStacks, OutputSummary, readStacks, summarize } from './verify';
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
  /** Where the variants' outputs differ: then the ratio compares unlike work. */
  readonly differences: readonly string[];
}

function options() {
  const argv = process.argv.slice(2);
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const quick = argv.includes('--quick');
  const reps = value('reps') !== undefined ? Number(value('reps')) : undefined;
  return {
    only: value('only'),
    withTsx: !argv.includes('--no-tsx'),
    synthReps: (clusters: number) => reps ?? (quick ? 3 : clusters >= 100 ? 9 : 11),
    coldReps: reps ?? (quick ? 3 : 11),
  };
}

async function main(): Promise<void> {
  const opts = options();
  const benchmarks = [
    ...synthBenchmarks(opts.synthReps),
    ...coldStartBenchmarks(opts.coldReps, opts.withTsx),
    lockResolveBenchmark(opts.coldReps),
  ].filter((b) => opts.only === undefined || b.id.startsWith(opts.only));

  process.stdout.write(
    `node ${process.version}, ${os.cpus().length} cpus, ${Math.round(os.totalmem() / 2 ** 30)} GiB; load average ${loadAverage()} at start\n`,
  );
  const started = performance.now();
  await buildWorkloads();
  process.stdout.write(`compiled workloads into ${path.relative(ROOT, BUILD_DIR)} in ${Math.round(performance.now() - started)} ms\n`);

  const outcomes: Outcome[] = [];
  for (const benchmark of benchmarks) {
    process.stdout.write(`running ${benchmark.title}: ${benchmark.reps} reps x ${benchmark.variants.length} variants ...`);
    const t = performance.now();
    outcomes.push(runBenchmark(benchmark));
    process.stdout.write(` ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
  process.stdout.write(`load average ${loadAverage()} at end; total ${((performance.now() - started) / 1000).toFixed(0)} s\n\n`);

  printTable(outcomes);
  process.stdout.write('\n');

  const synth = outcomes.find((o) => o.benchmark.id === synthId(100, 30));
  const cold = outcomes.find((o) => o.benchmark.id === 'cold_node');
  const lockOutcome = outcomes.find((o) => o.benchmark.id === 'lock_resolve');
  const fmt = (x: number | undefined, digits: number) => (x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(digits));
  const lockMs = lockOutcome && median(lockOutcome.samples.get('lockfile')!.map(metricOf(lockOutcome.benchmark)));
  const coldMs = lockOutcome && median(lockOutcome.samples.get('cold')!.map(metricOf(lockOutcome.benchmark)));
  const synthMs = synth && median(synth.samples.get('ours')!.map(metricOf(synth.benchmark)));
  if (lockMs !== undefined) {
    const share = synthMs === undefined ? 'run synth_100x30 too for its share of synth time' : `${fmt((100 * lockMs) / synthMs, 1)}% of our synth 100x30 (target < 5%)`;
    process.stdout.write(`lock resolve: ${fmt(lockMs, 1)} ms from the lockfile, ${fmt(coldMs, 1)} ms cold; from the lockfile is ${share}\n`);
  }
  const line = [
    `synth_ratio=${fmt(synth && ratio(synth, metricOf(synth.benchmark)), 3)}`,
    `memory_ratio=${fmt(synth && ratio(synth, (s) => s.child.maxRssKb), 3)}`,
    `cold_start_ratio=${fmt(cold && ratio(cold, metricOf(cold.benchmark)), 3)}`,
    `lock_resolve_ms=${fmt(lockMs, 1)}`,
  ].join(' ');
  process.stdout.write(`${line}\n`);
}

/** Warm-up (checked for equal output), then interleaved reps. */
function runBenchmark(benchmark: Benchmark): Outcome {
  const samples = new Map<string, Sample[]>(benchmark.variants.map((v) => [v.name, []]));
  const outputs = new Map<string, ReturnType<typeof readStacks>>();
  for (const variant of benchmark.variants) {
    runChild(variant, benchmark.sameOutput ? (outdir) => outputs.set(variant.name, readStacks(outdir)) : undefined);
  }
  let summary: OutputSummary | undefined;
  const differences: string[] = [];
  if (benchmark.sameOutput) {
    const [a, ...others] = benchmark.variants;
    summary = summarize(outputs.get(a.name)!);
    for (const v of others) {
      const d = compareStacks(outputs.get(a.name)!, outputs.get(v.name)!);
      if (d !== undefined) differences.push(`${a.name} and ${v.name} synthesize different cdk.tf.json at ${d}`);
    }
    // Loud, but not fatal: the table still shows what was measured, marked as not comparable.
    for (const d of differences) process.stderr.write(`\nWARNING ${benchmark.title}: ${d} (update the raw workload)\n`);
  }
  outputs.clear();
  for (let rep = 0; rep < benchmark.reps; rep++) {
    // Alternate which side goes first so neither always follows the other.
    const order = rep % 2 === 0 ? benchmark.variants : [...benchmark.variants].reverse();
    for (const variant of order) samples.get(variant.name)!.push(runChild(variant));
  }
  return { benchmark, samples, summary, differences };
}

function runChild(variant: Variant, inspect?: (outdir: string) => void): Sample {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-bench-'));
  try {
    const script =
      variant.loader === 'node'
        ? [path.join(BUILD_DIR, 'bench', 'workloads', `${variant.workload}.js`)]
        : ['--import', 'tsx', path.join(ROOT, 'bench', 'workloads', `${variant.workload}.ts`)];
    const env = { ...process.env };
    // Nothing of the runner's own loader or of a cdktf CLI session leaks into the child, and the
    // quickstart resolves packs in the default lock mode (never rewriting the example's lockfile).
    for (const key of ['NODE_OPTIONS', 'CDKTF_OUTDIR', 'CDKTF_CONTEXT_JSON', 'CDKTF_TARGET_STACK_ID', 'CLUSTER_PROFILES_LOCK']) delete env[key];
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
      throw new Error(`${variant.workload} (${variant.loader}) failed with status ${child.status}:\n${child.stderr}${child.stdout}`);
    }
    inspect?.(outdir);
    return { wallMs, child: JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
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

/** First variant over second, ratio of medians. */
function ratio(outcome: Outcome, metric: (s: Sample) => number): number {
  const [a, b] = outcome.benchmark.variants;
  if (!b) return NaN;
  return median(outcome.samples.get(a.name)!.map(metric)) / median(outcome.samples.get(b.name)!.map(metric));
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
        mb(median(s.map((x) => x.child.maxRssKb))),
        `${mb(min(s.map((x) => x.child.maxRssKb)))}-${mb(max(s.map((x) => x.child.maxRssKb)))}`,
        phase((c) => c.bootMs),
        phase((c) => c.importMs),
        phase((c) => c.constructMs),
        phase((c) => c.synthMs),
        phase((c) => c.workCpuMs),
      ]);
    }
    const [a, b] = benchmark.variants;
    if (b) {
      const paired = pairedRatio(outcome.samples.get(a.name)!.map(metric), outcome.samples.get(b.name)!.map(metric));
      rows.push([
        '',
        `${a.name}/${b.name}`,
        '',
        `paired ${paired.toFixed(3)}`,
        ratio(outcome, metric).toFixed(3),
        '',
        '',
        '',
        ratio(outcome, (x) => x.child.maxRssKb).toFixed(3),
        '',
        '',
        '',
        '',
        '',
        ratio(outcome, (x) => x.child.workCpuMs).toFixed(3),
      ]);
    }
    if (outcome.summary) {
      const providers = countBy(outcome.summary.providers.map((p) => p.split('.')[0]));
      const what = `${outcome.summary.helmReleases} helm_release, ${providers} aliased providers, ${outcome.summary.dependsOn} depends_on`;
      const note =
        outcome.differences.length === 0
          ? `same cdk.tf.json (apart from // metadata): ${what}`
          : `NOT COMPARABLE, outputs differ: ${outcome.differences.join('; ')}`;
      rows.push(['', note, ...Array(header.length - 2).fill('')]);
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
      'ratio rows: medians of the first variant over the second ("paired": median of per-rep ratios).\n',
  );
}

function isNote(row: readonly string[]): boolean {
  return row[1].startsWith('same ') || row[1].startsWith('NOT COMPARABLE');
}

function countBy(items: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(' + ');
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
