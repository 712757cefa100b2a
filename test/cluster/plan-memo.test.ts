import { ClusterSpec, planCluster, PlanMemo, ProfileSpec } from '../../lib/core';
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
