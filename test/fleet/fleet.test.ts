import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { AddonProfile, Fleet, FleetBackend } from '../../lib';
import { configMap } from '../helpers';
import { member, outdirApp, platform, sixClusters, stackJson, synthFleet } from './fixtures';

const temporary: string[] = [];
afterAll(() => temporary.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function synthesized(build: (app: App) => unknown, fleet = 'edge') {
  const { app, outdir } = outdirApp();
  temporary.push(outdir);
  build(app);
  return { ...synthFleet(app, outdir, fleet), outdir };
}

describe('Fleet waves', () => {
  it('puts named clusters and label-selected clusters in their waves, canary first', () => {
    const fleet = sixClusters(new App());
    expect(fleet.waves.map((w) => [w.name, w.canary, w.clusters])).toEqual([
      ['canary', true, ['canary']],
      ['eu', false, ['eu-1', 'eu-2', 'eu-3']],
      ['us', false, ['us-1', 'us-2']],
    ]);
  });

  it('splits a wave into batches of maxParallel, in name order for selected clusters', () => {
    const fleet = sixClusters(new App());
    expect(fleet.waves.map((w) => [w.name, w.maxParallel, w.batches])).toEqual([
      ['canary', undefined, [['canary']]],
      ['eu', 2, [['eu-1', 'eu-2'], ['eu-3']]],
      ['us', undefined, [['us-1', 'us-2']]],
    ]);
  });

  it('keeps the order of an explicit list and takes the fleet maxParallel where a wave gives none', () => {
    const app = new App();
    const profile = platform(app);
    const fleet = new Fleet(app, 'edge', {
      maxParallel: 1,
      clusters: ['a', 'b', 'c'].map((n) => member(n, {}, profile)),
      waves: [{ name: 'canary', clusters: ['b'] }, { name: 'rest', clusters: ['c', 'a'] }],
    });
    expect(fleet.waves.map((w) => w.batches)).toEqual([[['b']], [['c'], ['a']]]);
  });

  it('gives each cluster its own stack named after the cluster, holding the cluster', () => {
    const fleet = sixClusters(new App());
    expect(fleet.clusters.map((c) => [c.clusterName, TerraformStack.of(c).node.path])).toEqual([
      ['canary', 'canary'],
      ['eu-1', 'eu-1'],
      ['eu-2', 'eu-2'],
      ['eu-3', 'eu-3'],
      ['us-1', 'us-1'],
      ['us-2', 'us-2'],
    ]);
  });

  it('applies per-cluster values, variables, macros, install order and protected layers to the cluster', () => {
    const app = new App();
    const profile = new AddonProfile(app, 'sized', { version: '1.0.0', variables: [{ name: 'size', format: 'number', default: 1 }] });
    profile.addManifestLayer('settings', { documents: [configMap('settings')] });
    const fleet = new Fleet(app, 'edge', {
      clusters: [member('a', {}, profile, { values: { settings: { replicas: 3, size: '{{.spectro.var.size}}' } }, variables: { size: 2 }, macros: { site: 'lab' }, installOrder: 'sequential', protectedLayers: ['settings'] })],
      waves: [{ name: 'all', clusters: ['a'] }],
    });
    expect(fleet.cluster('a').plan().layers[0].values).toEqual({ replicas: 3, size: 2 });
    const spec = fleet.cluster('a').toSpec();
    expect([spec.macros, [...spec.variables], spec.installOrder, spec.protectedLayers]).toEqual([{ site: 'lab' }, [['size', 2]], 'sequential', ['settings']]);
  });
});

describe('Fleet ordering', () => {
  it('makes every stack of a wave depend on every stack of the wave before, and each batch on the one before', () => {
    const { dependencies } = synthesized((app) => sixClusters(app));
    expect(dependencies).toEqual({
      canary: [],
      'eu-1': ['canary'],
      'eu-2': ['canary'],
      'eu-3': ['canary', 'eu-1', 'eu-2'],
      'us-1': ['eu-1', 'eu-2', 'eu-3'],
      'us-2': ['eu-1', 'eu-2', 'eu-3'],
    });
  });

  it('soaks after a wave in a stack of its own that the next wave waits for', () => {
    const { dependencies, outdir } = synthesized((app) => sixClusters(app, { soakSeconds: 0 }) && undefined);
    expect(Object.keys(dependencies)).not.toContain('edge-soak-canary');
    const soaked = synthesized((app) => {
      const profile = platform(app);
      new Fleet(app, 'edge', {
        clusters: ['a', 'b', 'c'].map((n) => member(n, {}, profile)),
        waves: [{ name: 'canary', clusters: ['a'], soakSeconds: 600 }, { name: 'rest', clusters: ['b', 'c'] }],
      });
    });
    expect(soaked.dependencies).toEqual({ a: [], 'edge-soak-canary': ['a'], b: ['a', 'edge-soak-canary'], c: ['a', 'edge-soak-canary'] });
    const soak = stackJson(soaked.outdir, 'edge-soak-canary').resource.terraform_data.soak;
    expect(soak.provisioner).toEqual([{ 'local-exec': { command: 'node -e "setTimeout(() => {}, 600000)"' } }]);
    expect(soak.input).toEqual({ wave: 'canary', seconds: 600 });
    expect(soak.triggers_replace.rollout).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(stackJson(soaked.outdir, 'edge-soak-canary').provider).toBeUndefined();
    expect(fs.existsSync(outdir)).toBe(true);
  });

  it('soaks again when a profile version of the wave changes, and not on a redeploy of the same code', () => {
    const trigger = (version: string) =>
      stackJson(
        synthesized((app) => {
          const profile = platform(app, version);
          new Fleet(app, 'edge', { clusters: [member('a', {}, profile), member('b', {}, profile)], waves: [{ name: 'canary', clusters: ['a'], soakSeconds: 60 }, { name: 'rest', clusters: ['b'] }] });
        }).outdir,
        'edge-soak-canary',
      ).resource.terraform_data.soak.triggers_replace.rollout;
    expect(trigger('1.0.0')).toEqual(trigger('1.0.0'));
    expect(trigger('1.1.0')).not.toEqual(trigger('1.0.0'));
  });
});

describe('Fleet stack dependencies at scale', () => {
  // cdktf's own cycle check walks every path: 40 batches of 5 would be 5^40 paths.
  it('chains 40 batches of 5 clusters at once, and still refuses a cycle added later', () => {
    const app = new App();
    const profile = platform(app);
    const names = Array.from({ length: 201 }, (_, i) => `c-${i}`);
    const fleet = new Fleet(app, 'edge', { clusters: names.map((n) => member(n, {}, profile)), waves: [{ name: 'canary', clusters: ['c-0'] }, { name: 'main', clusters: names.slice(1), maxParallel: 5 }] });
    expect(fleet.waves[1].batches).toHaveLength(40);
    const last = fleet.stack('c-200');
    expect(last.dependsOn(fleet.stack('c-0'))).toBe(true);
    expect(fleet.stack('c-0').dependsOn(last)).toBe(false);
    expect(() => fleet.stack('c-0').addDependency(last)).toThrow(/circular/i);
  });
});

describe('Fleet addresses', () => {
  it('keeps every stack and address when clusters are added and reordered', () => {
    const build = (names: string[]) =>
      synthesized((app) => {
        const profile = platform(app);
        new Fleet(app, 'edge', { clusters: names.map((n) => member(n, { ring: n === 'a' ? 'canary' : 'main' }, profile)), waves: [{ name: 'canary', clusters: ['a'] }, { name: 'main', matchLabels: { ring: 'main' } }] });
      });
    const before = build(['a', 'b', 'c']);
    const after = build(['d', 'c', 'a', 'b']);
    for (const stack of ['a', 'b', 'c']) {
      expect(stackJson(after.outdir, stack).resource).toEqual(stackJson(before.outdir, stack).resource);
      expect(Object.keys(stackJson(after.outdir, stack).resource.helm_release)).toEqual([`${stack}_settings`]);
    }
    expect(after.rollout.waves[1].stacks).toEqual(['b', 'c', 'd']);
  });
});

describe('Fleet backends', () => {
  it('gives each stack its own local state file', () => {
    const { outdir } = synthesized((app) => sixClusters(app, { backend: FleetBackend.local({ directory: '../../../state' }) }));
    expect(stackJson(outdir, 'eu-2').terraform.backend).toEqual({ local: { path: '../../../state/eu-2.tfstate' } });
  });

  it('gives each stack its own PostgreSQL schema, and lets a wave use another backend', () => {
    const { outdir } = synthesized((app) => {
      const profile = platform(app);
      new Fleet(app, 'edge', {
        backend: FleetBackend.pg({ connStr: 'postgres://127.0.0.1:5432/state' }),
        clusters: [member('canary-1', {}, profile), member('b', {}, profile)],
        waves: [
          { name: 'canary', clusters: ['canary-1'], backend: FleetBackend.fromFactory((stack, context) => new TerraformVariable(stack, 'wave', { default: `${context.fleet}/${context.wave}/${context.cluster}` })) },
          { name: 'rest', clusters: ['b'] },
        ],
      });
    });
    expect(stackJson(outdir, 'b').terraform.backend).toEqual({ pg: { conn_str: 'postgres://127.0.0.1:5432/state', schema_name: 'fleet_b' } });
    expect(stackJson(outdir, 'canary-1').terraform.backend).not.toHaveProperty('pg');
    expect(stackJson(outdir, 'canary-1').variable.wave.default).toBe('edge/canary/canary-1');
  });
});

describe('rollout.json', () => {
  it('records waves, batches, stacks, dependencies and the profile versions of every cluster', () => {
    const { rollout } = synthesized((app) => sixClusters(app));
    expect(rollout).toMatchObject({ apiVersion: 'cluster-profiles.dev/v1', kind: 'Rollout', fleet: 'edge', stopOnFailure: true });
    expect(rollout.waves.map((w) => [w.name, w.canary, w.maxParallel, w.batches, w.soak])).toEqual([
      ['canary', true, null, [['canary']], null],
      ['eu', false, 2, [['eu-1', 'eu-2'], ['eu-3']], null],
      ['us', false, null, [['us-1', 'us-2']], null],
    ]);
    expect(rollout.waves[1].clusters[2]).toEqual({
      name: 'eu-3',
      stack: 'eu-3',
      batch: 2,
      labels: { region: 'eu', ring: 'main' },
      profiles: [{ name: 'platform', version: '1.0.0', type: 'addon' }],
      dependsOn: ['canary', 'eu-1', 'eu-2'],
      installPlan: 'stacks/eu-3/clusters/eu-3/install-plan.json',
    });
  });

  it('is the same bytes on every synth and whatever the order of the clusters', () => {
    const first = synthesized((app) => sixClusters(app)).rolloutText;
    const again = synthesized((app) => sixClusters(app)).rolloutText;
    const reordered = synthesized((app) => {
      const profile = platform(app);
      const names: Array<[string, Record<string, string>]> = [['us-2', { ring: 'main', region: 'us' }], ['eu-3', { ring: 'main', region: 'eu' }], ['canary', { ring: 'canary' }], ['us-1', { region: 'us', ring: 'main' }], ['eu-2', { ring: 'main', region: 'eu' }], ['eu-1', { region: 'eu', ring: 'main' }]];
      new Fleet(app, 'edge', { clusters: names.map(([n, l]) => member(n, l, profile)), waves: [{ name: 'canary', clusters: ['canary'] }, { name: 'eu', matchLabels: { region: 'eu' }, maxParallel: 2 }, { name: 'us', matchLabels: { region: 'us' } }] });
    }).rolloutText;
    expect(again).toBe(first);
    expect(reordered).toBe(first);
  });

  it('is not written when synth fails', () => {
    const { app, outdir } = outdirApp();
    temporary.push(outdir);
    const profile = platform(app);
    new Fleet(app, 'edge', { clusters: [member('a', {}, profile), member('b', {}, profile, { values: { missing: { x: 1 } } })], waves: [{ name: 'all', clusters: ['a', 'b'] }] });
    expect(() => app.synth()).toThrow(/UNKNOWN_LAYER at b\/b/);
    expect(fs.existsSync(path.join(outdir, 'fleet'))).toBe(false);
  });
});
