/**
 * Where the time goes: runs one workload once under `node --cpu-prof` and prints the functions
 * with the most self time and the most inclusive time (library functions, and the cdktf and
 * provider functions they spend it in).
 *
 *   npx tsx bench/profile.ts [workload] [name=value ...] [--top=N] [--filter=regex] [--keep]
 *   npx tsx bench/profile.ts synth-ours clusters=100 layers=30
 *   npx tsx bench/profile.ts quickstart-ours --filter=lib/
 *
 * With --stacks, it profiles nothing and instead runs the workload three times: counting cdktf's
 * stack-trace captures (how many, how deep), then with them on and off, to show their cost
 * (see diagnostics/stack-captures.ts).
 *
 * Workloads are the files in bench/workloads (synth-ours, synth-raw, quickstart-ours, ...).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildWorkloads, BUILD_DIR } from './build';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const option = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const positional = argv.filter((a) => !a.startsWith('--'));
  const workload = positional.find((a) => !a.includes('=')) ?? 'synth-ours';
  const args = positional.filter((a) => a.includes('='));
  if (workload.startsWith('synth-') && !args.some((a) => a.startsWith('clusters='))) args.push('clusters=100', 'layers=30');
  const top = Number(option('top') ?? 30);
  const filter = option('filter') ? new RegExp(option('filter')!) : undefined;

  await buildWorkloads();
  if (argv.includes('--stacks')) return stackCaptures(workload, args);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-bench-profile-'));
  const child = spawnSync(
    process.execPath,
    ['--cpu-prof', `--cpu-prof-dir=${work}`, path.join(BUILD_DIR, 'bench', 'workloads', `${workload}.js`), ...args, `outdir=${path.join(work, 'out')}`],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`${workload} failed with status ${child.status}`);
  process.stdout.write(`${workload} ${args.join(' ')}\n${child.stdout}`);
  const file = fs.readdirSync(work).find((f) => f.endsWith('.cpuprofile'))!;
  const profile = JSON.parse(fs.readFileSync(path.join(work, file), 'utf8')) as CpuProfile;
  report(profile, top, filter);
  if (argv.includes('--keep')) process.stdout.write(`profile: ${path.join(work, file)} (open in Chrome DevTools)\n`);
  else fs.rmSync(work, { recursive: true, force: true });
}

/** Runs the workload counting cdktf's stack captures, then with capture on and off. */
function stackCaptures(workload: string, args: readonly string[]): void {
  const script = path.join(BUILD_DIR, 'bench', 'workloads', `${workload}.js`);
  const preload = path.join(BUILD_DIR, 'bench', 'diagnostics', 'stack-captures.js');
  for (const mode of ['count', 'on', 'off']) {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-bench-stacks-'));
    const child = spawnSync(process.execPath, ['-r', preload, script, ...args, `outdir=${outdir}`], {
      encoding: 'utf8',
      env: { ...process.env, BENCH_STACKS: mode },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    fs.rmSync(outdir, { recursive: true, force: true });
    if (child.status !== 0) throw new Error(`${workload} failed with status ${child.status}`);
    process.stdout.write(`${workload} ${args.join(' ')} [stack capture ${mode}]\n${child.stdout}`);
  }
}

function report(profile: CpuProfile, top: number, filter: RegExp | undefined): void {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map<number, number>();
  profile.samples.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...time.values()].reduce((a, b) => a + b, 0);
  const name = (n: ProfileNode) => {
    const url = n.callFrame.url.replace(/^.*node_modules\/(?!\.cache)/, '').replace(/^.*cdktf-cluster-profiles-bench\//, '');
    return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, t] of time) {
    const key = name(nodes.get(id)!);
    self.set(key, (self.get(key) ?? 0) + t);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = name(nodes.get(at)!);
      if (seen.has(k)) continue; // recursion counts once
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + t);
    }
  }
  const print = (title: string, table: Map<string, number>) => {
    process.stdout.write(`\n${title} (of ${(total / 1000).toFixed(0)} ms sampled)\n`);
    [...table]
      .filter(([k]) => filter === undefined || filter.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .forEach(([k, t]) => process.stdout.write(`${(t / 1000).toFixed(0).padStart(7)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}\n`));
  };
  print('self time', self);
  print('inclusive time', inclusive);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
