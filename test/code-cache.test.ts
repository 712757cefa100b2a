import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CACHED_DEPENDENCIES } from '../lib/code-cache';

/**
 * The package's code cache (lib/code-cache.ts), on the package as it is built: each entry point
 * of dist/lib is a stub that compiles its implementation and chunks with V8's cache of them.
 * Each case runs fresh node processes on a build in node_modules/.cache (so that cdktf
 * resolves), with the cache folder given by CLUSTER_PROFILES_CODE_CACHE.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildLibrary } = require('../scripts/build-lib') as { buildLibrary: (outdir: string) => Promise<string> };

const ROOT = path.join(__dirname, '..');
let build: string;
let lib: string;
let scratch: string;

/** What a process reports: how each file was compiled, and what the synth wrote. */
interface Report {
  readonly directory?: string;
  readonly uses: { file: string; cache: 'accepted' | 'absent' | 'rejected' }[];
  readonly sameProfileError: boolean;
  readonly clusterName: string;
  readonly names: number;
  readonly terraform: string;
  readonly yaml: string;
}

const PROGRAM = `
const fs = require('fs'), os = require('os'), path = require('path');
const { App, TerraformStack } = require('cdktf');
const lib = require('./lib/index.js');
const core = require('./lib/core.js');
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'code-cache-out-'));
const app = new App({ outdir });
const addons = new lib.AddonProfile(app, 'apps', { version: '1.0.0' });
addons.addHelmLayer('web', { chart: lib.ChartSource.repository('https://charts.example.com', 'web'), version: '1.0.0', namespace: 'web', values: { replicas: 2 } });
new lib.Cluster(new TerraformStack(app, 'prod'), 'prod', { connection: lib.ClusterConnection.kubeconfig({ path: '~/.kube/config' }), profiles: [addons] });
app.synth();
// A key with a line break is written by the yaml library, which the package requires.
const yaml = lib.canonicalYaml({ 'two\\nlines': 1 });
const terraform = fs.readFileSync(path.join(outdir, 'stacks', 'prod', 'cdk.tf.json'), 'utf8');
fs.rmSync(outdir, { recursive: true, force: true });
const status = require('./lib/code-cache.js').codeCacheStatus();
process.stdout.write(JSON.stringify({ ...status, yaml, sameProfileError: lib.ProfileError === core.ProfileError, clusterName: lib.Cluster.name, names: Object.keys(lib).length, terraform }));
`;

/** Runs the program in a fresh node process with the cache setting given (and node options). */
function run(cache: string, nodeOptions: string[] = []): Report {
  const env: NodeJS.ProcessEnv = { ...process.env, CLUSTER_PROFILES_CODE_CACHE: cache };
  delete env.NODE_OPTIONS;
  const output = execFileSync(process.execPath, [...nodeOptions, path.join(build, 'program.js')], { cwd: build, env, encoding: 'utf8' });
  return JSON.parse(output) as Report;
}

const cacheStates = (report: Report) => [...new Set(report.uses.map((u) => u.cache))];
/** The folder of this node's caches under a cache root (lib/code-cache.ts names it). */
const cacheFolder = (root: string) => path.join(root, `v8-${process.versions.v8}-${process.arch}`);

beforeAll(async () => {
  // A clean clone has no node_modules/.cache yet.
  fs.mkdirSync(path.join(ROOT, 'node_modules', '.cache'), { recursive: true });
  build = fs.mkdtempSync(path.join(ROOT, 'node_modules', '.cache', 'code-cache-test-'));
  lib = await buildLibrary(build);
  fs.writeFileSync(path.join(build, 'program.js'), PROGRAM);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'code-cache-test-'));
}, 60_000);

afterAll(() => {
  for (const folder of [build, scratch]) if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

describe('the code cache of the built package', () => {
  it('is written by the first process, in a folder of its own, and compiles every file of the next one', () => {
    const root = path.join(scratch, 'first');
    const first = run(root);
    expect(first.directory).toBe(cacheFolder(root));
    // The entry points, and the yaml library's modules, which the package requires; semver is
    // in the bundle (scripts/build-lib.js).
    expect(first.uses.map((u) => u.file)).toEqual(expect.arrayContaining(['index.impl.js', 'core.impl.js', 'yaml/dist/index.js']));
    expect(first.uses.filter((u) => u.file.startsWith('semver/'))).toEqual([]);
    expect(first.yaml).toBe('"two\\nlines": 1\n');
    expect(first.uses.some((u) => u.file.startsWith('chunk-'))).toBe(true);
    expect(cacheStates(first)).toEqual(['absent']);

    const written = fs.readdirSync(cacheFolder(root)).sort();
    expect(written).toHaveLength(first.uses.length);
    for (const { file } of first.uses) expect(written.filter((w) => w.startsWith(`${file.replace(/\//g, '+')}-`) && w.endsWith('.v8'))).toHaveLength(1);
    expect(fs.statSync(cacheFolder(root)).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(cacheFolder(root), written[0])).mode & 0o777).toBe(0o600);

    const second = run(root);
    expect(second.uses.map((u) => u.file)).toEqual(first.uses.map((u) => u.file));
    expect(cacheStates(second)).toEqual(['accepted']);
    expect(fs.readdirSync(cacheFolder(root)).sort()).toEqual(written);
  });

  it('loads the same package as without it: one ProfileError class, names kept, the same Terraform', () => {
    const root = path.join(scratch, 'same');
    run(root);
    const cached = run(root);
    const off = run('off');
    expect(cacheStates(cached)).toEqual(['accepted']);
    expect(off.uses).toEqual([]);
    expect(off.directory).toBeUndefined();
    for (const report of [cached, off]) {
      expect(report.sameProfileError).toBe(true);
      expect(report.clusterName).toBe('Cluster');
    }
    expect(cached.names).toBe(off.names);
    expect(cached.terraform).toBe(off.terraform);
    expect(JSON.parse(cached.terraform).resource.helm_release.prod_web.values).toEqual(['replicas: 2\n']);
  });

  it('never runs an old cache for a changed file: the file gets a cache of its own', () => {
    const root = path.join(scratch, 'changed');
    run(root);
    const chunk = fs.readdirSync(lib).find((f) => f.startsWith('chunk-'))!;
    const original = fs.readFileSync(path.join(lib, chunk), 'utf8');
    try {
      // As a patched package would: same name, other content.
      fs.writeFileSync(path.join(lib, chunk), `${original}\n// patched\n`);
      const patched = run(root);
      expect(patched.uses.find((u) => u.file === chunk)?.cache).toBe('absent');
      expect(patched.uses.filter((u) => u.file !== chunk).every((u) => u.cache === 'accepted')).toBe(true);
      expect(fs.readdirSync(cacheFolder(root)).filter((f) => f.startsWith(`${chunk}-`))).toHaveLength(2);
    } finally {
      fs.writeFileSync(path.join(lib, chunk), original);
    }
  });

  it('rebuilds a cache that V8 refuses, and the program still runs', () => {
    const root = path.join(scratch, 'corrupt');
    run(root);
    const index = fs.readdirSync(cacheFolder(root)).find((f) => f.startsWith('index.impl.js-'))!;
    fs.writeFileSync(path.join(cacheFolder(root), index), Buffer.alloc(4096, 7));
    const refused = run(root);
    expect(refused.uses.find((u) => u.file === 'index.impl.js')?.cache).toBe('rejected');
    expect(refused.clusterName).toBe('Cluster');
    expect(run(root).uses.find((u) => u.file === 'index.impl.js')?.cache).toBe('accepted');
  });

  it('removes cache files untouched for 30 days when it writes one', () => {
    const root = path.join(scratch, 'stale');
    fs.mkdirSync(cacheFolder(root), { recursive: true, mode: 0o700 });
    const old = path.join(cacheFolder(root), 'chunk-OLDRELEASE.js-0123456789abcdef01234567.v8');
    const recent = path.join(cacheFolder(root), 'chunk-LASTWEEK.js-0123456789abcdef01234567.v8');
    fs.writeFileSync(old, 'x');
    fs.writeFileSync(recent, 'x');
    const day = 24 * 3600;
    fs.utimesSync(old, Date.now() / 1000 - 31 * day, Date.now() / 1000 - 31 * day);
    fs.utimesSync(recent, Date.now() / 1000 - 7 * day, Date.now() / 1000 - 7 * day);
    run(root);
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(recent)).toBe(true);
  });

  it('does not use a folder that others can write to, and writes nothing there', () => {
    const root = path.join(scratch, 'shared');
    fs.mkdirSync(cacheFolder(root), { recursive: true });
    fs.chmodSync(cacheFolder(root), 0o777);
    const report = run(root);
    expect(report.directory).toBeUndefined();
    expect(report.uses).toEqual([]);
    expect(fs.readdirSync(cacheFolder(root))).toEqual([]);
  });

  it('writes nothing when switched off, and runs where no folder can be made', () => {
    const off = run('off');
    expect(off.uses).toEqual([]);
    expect(fs.existsSync(path.join(build, 'off'))).toBe(false);
    // A path under a regular file: the folder cannot be made; the program runs all the same.
    const file = path.join(scratch, 'a-file');
    fs.writeFileSync(file, '');
    const blocked = run(path.join(file, 'cache'));
    expect(blocked.clusterName).toBe('Cluster');
    expect(blocked.terraform).toBe(off.terraform);
  });

  it("leaves the caching to node when node's own compile cache is on (node 22's NODE_COMPILE_CACHE)", () => {
    // Node 20 has no compile cache: the preload gives it the function node 22 answers with.
    const preload = path.join(scratch, 'node-compile-cache.js');
    fs.writeFileSync(preload, "require('module').getCompileCacheDir = () => '/tmp/node-compile-cache';\n");
    const root = path.join(scratch, 'node-cache');
    const report = run(root, ['--require', preload]);
    expect(report.uses).toEqual([]);
    expect(report.clusterName).toBe('Cluster');
    expect(fs.existsSync(root)).toBe(false);
  });

  it("caches the files of every one of the package's dependencies", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { dependencies } = require('../package.json') as { dependencies: Record<string, string> };
    expect([...CACHED_DEPENDENCIES].sort()).toEqual(Object.keys(dependencies).sort());
  });

  it('is not used under another module system: jest loads the stub, and its implementation, its own way', () => {
    // This test runs in jest, whose require is not node's: the stub falls back to require.
    const loaded = require(path.join(lib, 'core.js')) as { ProfileError: unknown };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const status = require(path.join(lib, 'code-cache.js')) as { codeCacheStatus(): { uses: unknown[] } };
    expect(typeof loaded.ProfileError).toBe('function');
    expect(status.codeCacheStatus().uses).toEqual([]);
  });
});
