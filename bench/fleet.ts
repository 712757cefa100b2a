/**
 * Fleet synth at scale (issue 15): `npx tsx bench/fleet.ts [--sizes=10,100,1000] [--layers=30]`.
 * For each size, C clusters of L Helm layers, one stack per cluster, in waves canary (1), early
 * (a tenth) and main (the rest), each stack of a wave depending on every stack of the wave
 * before: built with a Fleet (workloads/fleet-ours.ts) and with raw cdktf (the same stacks,
 * providers, releases and stack dependencies written by hand, workloads/fleet-raw.ts). Every
 * measurement is a fresh node process through tsx, the variants interleaved, `--reps=N` times
 * (default 3); the table gives the median construct + synth time and peak RSS, and how each grows
 * from one size to the next, so load from other processes hits every variant alike. `ours+batches` splits the main wave
 * into batches of 50 (raw cdktf cannot: its addDependency cycle check walks every path).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const argv = process.argv.slice(2);
const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const sizes = (value('sizes') ?? '10,100,1000').split(',').map(Number);
const layers = Number(value('layers') ?? 30);
const reps = Number(value('reps') ?? 3);
const variants: Array<{ name: string; workload: string; extra: string[] }> = [
  { name: 'ours', workload: 'fleet-ours.ts', extra: [] },
  { name: 'raw', workload: 'fleet-raw.ts', extra: [] },
  { name: 'ours+batches', workload: 'fleet-ours.ts', extra: ['batch=50'] },
];

function measure(workload: string, clusters: number, extra: string[]): { workMs: number; maxRssKb: number } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-fleet-'));
  try {
    const script = path.join(__dirname, 'workloads', workload);
    const result = spawnSync(process.execPath, ['--import', 'tsx', script, `clusters=${clusters}`, `layers=${layers}`, `outdir=${outdir}`, ...extra], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const line = result.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
    if (result.status !== 0 || !line) throw new Error(`${workload} ${clusters} failed:\n${result.stderr}`);
    return JSON.parse(line.slice('BENCH_RESULT '.length));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const rows: string[] = [];
const previous = new Map<string, { workMs: number; maxRssKb: number }>();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const clusters of sizes) {
  const samples = new Map(variants.map((v) => [v.name, [] as Array<{ workMs: number; maxRssKb: number }>]));
  for (let rep = 0; rep < reps; rep++) {
    const order = rep % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) samples.get(variant.name)!.push(measure(variant.workload, clusters, variant.extra));
  }
  for (const variant of variants) {
    const runs = samples.get(variant.name)!;
    const r = { workMs: median(runs.map((x) => x.workMs)), maxRssKb: median(runs.map((x) => x.maxRssKb)) };
    const before = previous.get(variant.name);
    const growth = before ? ` (x${(r.workMs / before.workMs).toFixed(1)} time, x${(r.maxRssKb / before.maxRssKb).toFixed(1)} memory)` : '';
    rows.push(`${`${clusters}x${layers}`.padEnd(8)} ${variant.name.padEnd(13)} ${(r.workMs / 1000).toFixed(2).padStart(7)} s ${String(Math.round(r.maxRssKb / 1024)).padStart(6)} MB (median of ${reps})${growth}`);
    previous.set(variant.name, r);
    process.stdout.write(`${rows.at(-1)}\n`);
  }
  const ours = previous.get('ours')!;
  const raw = previous.get('raw')!;
  process.stdout.write(`${`${clusters}x${layers}`.padEnd(8)} ratio ours/raw: time ${(ours.workMs / raw.workMs).toFixed(2)}, memory ${(ours.maxRssKb / raw.maxRssKb).toFixed(2)}\n`);
}
