import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { compareOutdirs, INTENDED_DIFFERENCES, summarizeOutdir } from '../../bench/verify';
import { tempDir } from '../helpers';

/** A synth outdir of one stack per entry, with a manifest listing each stack's dependencies. */
function outdir(stacks: Record<string, { json: object; dependencies?: string[] }>): string {
  const dir = tempDir('bench-verify-');
  const manifest: { stacks: Record<string, object>; version: string } = { stacks: {}, version: '0.21.0' };
  for (const [name, { json, dependencies }] of Object.entries(stacks)) {
    fs.mkdirSync(path.join(dir, 'stacks', name), { recursive: true });
    fs.writeFileSync(path.join(dir, 'stacks', name, 'cdk.tf.json'), JSON.stringify(json));
    manifest.stacks[name] = { name, dependencies: dependencies ?? [] };
  }
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

const release = (extra: object = {}) => ({
  '//': { metadata: { path: 'bench/c000/release-addon-01' } },
  name: 'addon-01',
  chart: 'app-1',
  max_history: 10,
  depends_on: ['helm_release.b', 'helm_release.a'],
  ...extra,
});
const stack = (r: object) => ({ provider: { helm: [{ alias: 'c000' }] }, resource: { helm_release: { 'c000_addon-01': r } } });

describe('comparing the outputs of two benchmark sides', () => {
  it('forgives only the intended differences: // metadata and the order of depends_on and stack dependencies', () => {
    const ours = outdir({ a: { json: stack(release()) }, b: { json: stack(release()), dependencies: ['a', 'x'] } });
    const raw = outdir({
      a: { json: stack({ ...release({ depends_on: ['helm_release.a', 'helm_release.b'] }), '//': { metadata: { path: 'bench/c000_addon-01' } } }) },
      b: { json: stack(release()), dependencies: ['x', 'a'] },
    });
    expect(compareOutdirs(ours, raw)).toBeUndefined();
    expect([...INTENDED_DIFFERENCES.ignoredKeys]).toEqual(['//']);
    expect([...INTENDED_DIFFERENCES.unorderedLists]).toEqual(['depends_on', 'dependencies']);
  });

  it('names the file, the JSON path and both values of the first other difference', () => {
    const ours = outdir({ a: { json: stack(release()) } });
    const raw = outdir({ a: { json: stack(release({ max_history: 11 })) } });
    expect(compareOutdirs(ours, raw)).toBe('stacks/a/cdk.tf.json/resource/helm_release/c000_addon-01/max_history: 10 <> 11');
  });

  it('reports an attribute one side lacks, another stack, and other stack dependencies', () => {
    const base = outdir({ a: { json: stack(release()) } });
    expect(compareOutdirs(base, outdir({ a: { json: stack(release({ wait: true })) } }))).toBe(
      'stacks/a/cdk.tf.json/resource/helm_release/c000_addon-01/wait: (absent) <> true',
    );
    expect(compareOutdirs(base, outdir({ b: { json: stack(release()) } }))).toBe('stacks: ["a"] <> ["b"]');
    expect(compareOutdirs(base, outdir({ a: { json: stack(release()), dependencies: ['z'] } }))).toBe('manifest.json/stacks/a/dependencies/0: (absent) <> "z"');
  });

  it('counts what an outdir holds', () => {
    const dir = outdir({ a: { json: stack(release()) }, b: { json: stack(release()) } });
    expect(summarizeOutdir(dir)).toEqual({ stacks: 2, helmReleases: 2, providers: { helm: 2 }, dependsOn: 4 });
  });
});

describe('npm run bench on the 1x10 workload', () => {
  const root = path.resolve(__dirname, '..', '..');
  const buildDir = `bench-test-${process.pid}`;
  const bench = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'run.ts'), '--only=synth_1x10', '--reps=1', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, BENCH_BUILD_DIR: buildDir },
    });
  afterAll(() => fs.rmSync(path.join(root, 'node_modules', '.cache', buildDir), { recursive: true, force: true }));

  it('fails with no final line when one raw side emits a different attribute (--tamper)', () => {
    const run = bench('--tamper');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ours and raw-same synthesize different output at stacks/bench/cdk.tf.json/resource/helm_release/c000_addon-00/max_history: 10 <> 11');
    expect(run.stdout).not.toContain('synth_ratio_binding=');
  }, 180_000);

  it('ends with the final line when every side emits the same', () => {
    const run = bench();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split('\n').pop()).toMatch(
      /^synth_ratio_binding=n\/a synth_ratio_same=n\/a memory_ratio_same=n\/a cold_start_ratio=n\/a lock_resolve_ms=n\/a fleet_1000_ms=n\/a packs_check_ms=n\/a$/,
    );
    expect(run.stdout).toMatch(/ours\/raw-same +paired [0-9.]+ +[0-9.]+/);
    expect(run.stdout).toMatch(/ours\/raw-binding +paired [0-9.]+ +[0-9.]+/);
  }, 180_000);
});
