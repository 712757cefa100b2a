import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { ChartSource, Cluster, ClusterConnection } from '../../lib';
import { ClusterSpec, planCluster, PlanMemo, ProfileSpec } from '../../lib/core';
import { addonProfile, testApp } from '../helpers';
import { addons, cluster, infra, layer } from '../plain-specs';

/**
 * A PlanMemo lets clusters running the same profiles share planning work; it must never change
 * a plan. Every case plans a list of clusters twice, each on its own and all through one memo,
 * and requires the same results, diagnostics included.
 */
function planBothWays(clusters: readonly ClusterSpec[]) {
  const alone = clusters.map((c) => planCluster(c));
  const memo = new PlanMemo();
  const shared = clusters.map((c) => planCluster(c, { memo }));
  expect(shared).toEqual(alone);
  return shared;
}

const apps = (): ProfileSpec =>
  addons([
    layer('ingress', { values: { replicas: 2, image: { tag: 'v1' } } }),
    layer('monitoring', { priority: 10, values: { retention: '7d' } }),
    layer('logging', { priority: 10, dependsOn: ['monitoring'] }),
  ]);

describe('planning many clusters through one PlanMemo', () => {
  it('gives each cluster its own overrides, names and macros while sharing the rest', () => {
    const base = infra();
    const profile = addons([layer('app', { values: { name: '{{ .spectro.system.cluster.name }}', size: 1 } }), layer('db', { values: { size: 3 } })]);
    const plans = planBothWays([
      cluster([base, profile], { name: 'a', path: 'stack/a', values: new Map([['db', [{ size: 5 }]]]) }),
      cluster([base, profile], { name: 'b', path: 'stack/b' }),
      cluster([base, profile], { name: 'c', path: 'stack/c', values: new Map([['app', [{ size: 2 }]]]) }),
    ]);
    const values = (i: number, name: string) => plans[i].plan!.layers.find((l) => l.name === name)!.values;
    expect(values(0, 'db')).toEqual({ size: 5 });
    expect(values(1, 'db')).toEqual({ size: 3 });
    expect(values(1, 'app')).toEqual({ name: 'b', size: 1 });
    expect(values(2, 'app')).toEqual({ name: 'c', size: 2 });
    expect(plans[0].plan!.layers.find((l) => l.name === 'db')!.provenance).toEqual({ size: 'cluster' });
    expect(plans[1].plan!.layers.find((l) => l.name === 'db')!.provenance).toEqual({ size: 'layer' });
  });

  it('orders a sequential cluster sequentially and a dag cluster of the same profiles as a DAG', () => {
    const profile = addons([layer('x'), layer('y')], 'two');
    const [dag, sequential] = planBothWays([cluster([profile]), cluster([profile], { installOrder: 'sequential' })]);
    expect(dag.plan!.groups).toEqual([['x', 'y']]);
    expect(sequential.plan!.groups).toEqual([['x'], ['y']]);
  });

  it('protects a layer only on the cluster that protects it', () => {
    const profile = apps();
    const [guarded, open] = planBothWays([cluster([profile], { protectedLayers: ['ingress'] }), cluster([profile])]);
    expect(guarded.plan!.layers.find((l) => l.name === 'ingress')!.protect).toBe(true);
    expect(open.plan!.layers.find((l) => l.name === 'ingress')!.protect).toBe(false);
  });

  it('places a layer by the profiles of each cluster, alone or after another profile', () => {
    const first = addons([layer('first')], 'first');
    const profile = apps();
    const [alone, after] = planBothWays([cluster([profile]), cluster([first, profile])]);
    expect(alone.plan!.layers.find((l) => l.name === 'ingress')!.dependsOn).toEqual([]);
    expect(after.plan!.layers.find((l) => l.name === 'ingress')!.dependsOn).toEqual(['first']);
  });

  it('reports the problems of shared profiles for every cluster, each at its own path', () => {
    const clash = addons([layer('one', { releaseName: 'same', namespace: 'ns' }), layer('two', { releaseName: 'same', namespace: 'ns' })]);
    const results = planBothWays([cluster([clash], { name: 'a', path: 'stack/a' }), cluster([clash], { name: 'b', path: 'stack/b' })]);
    expect(results.map((r) => r.diagnostics.map((d) => `${d.code} ${d.path}`))).toEqual([['DUPLICATE_RELEASE stack/a'], ['DUPLICATE_RELEASE stack/b']]);
  });

  it('reports a cycle of shared profiles at each cluster', () => {
    const cyclic = addons([layer('a', { dependsOn: ['b'] }), layer('b', { dependsOn: ['a'] })]);
    const results = planBothWays([cluster([cyclic], { path: 'stack/one' }), cluster([cyclic], { path: 'stack/two' })]);
    expect(results.map((r) => r.diagnostics.map((d) => `${d.code} ${d.path}`))).toEqual([['LAYER_CYCLE stack/one'], ['LAYER_CYCLE stack/two']]);
  });

  it('checks each cluster\'s own overrides and variables against shared profiles', () => {
    const profile = apps();
    const results = planBothWays([cluster([profile], { values: new Map([['nope', [{ a: 1 }]]]) }), cluster([profile])]);
    expect(results[0].diagnostics.map((d) => d.code)).toEqual(['UNKNOWN_LAYER']);
    expect(results[1].diagnostics).toEqual([]);
  });

  it('plans equal but distinct spec objects on their own: the memo goes by identity', () => {
    const memo = new PlanMemo();
    const first = planCluster(cluster([addons([layer('a', { values: { v: 1 } })])]), { memo });
    const second = planCluster(cluster([addons([layer('a', { values: { v: 2 } })])]), { memo });
    expect(first.plan!.layers[0].values).toEqual({ v: 1 });
    expect(second.plan!.layers[0].values).toEqual({ v: 2 });
  });
});

describe('synthesizing many clusters of one profile', () => {
  const chart = ChartSource.repository('https://charts.example.com', 'thing');
  /** An app whose clusters `names` run one profile; `prod-b` overrides a value of `web`. */
  function synthesized(names: readonly string[]): Record<string, any> {
    const app = testApp();
    const profile = addonProfile(app);
    profile.addHelmLayer('web', { chart, values: { replicas: 2, image: { tag: 'v1' }, host: '{{ .spectro.system.cluster.name }}.example.com' } });
    profile.addHelmLayer('db', { chart, values: { size: '10Gi' } });
    const stack = new TerraformStack(app, 'stack');
    for (const name of names) {
      const cluster = new Cluster(stack, name, { connection: ClusterConnection.kubeconfig({ path: '~/.kube/config' }), profiles: [profile] });
      if (name === 'prod-b') cluster.setValues('web', { replicas: 5 });
    }
    app.synth();
    return JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'stack', 'cdk.tf.json'), 'utf8')).resource.helm_release;
  }

  it('emits for each cluster the releases it gets when synthesized alone', () => {
    const together = synthesized(['prod-a', 'prod-b', 'prod-c']);
    for (const name of ['prod-a', 'prod-b', 'prod-c']) {
      const alone = synthesized([name]);
      for (const layer of ['web', 'db']) expect(together[`${name}_${layer}`]).toEqual(alone[`${name}_${layer}`]);
    }
    expect(together['prod-b_web'].values).toEqual(['host: prod-b.example.com\nimage:\n  tag: v1\nreplicas: 5\n']);
    expect(together['prod-c_web'].values).toEqual(['host: prod-c.example.com\nimage:\n  tag: v1\nreplicas: 2\n']);
  });
});
