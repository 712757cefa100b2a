import { ClusterSpec, LayerSpec, ProfileSpec, resolveReleaseOptions, Values } from '../lib/core';

/**
 * Clusters, profiles and layers as plain data, for tests of the core: what the constructs would
 * hand over, with the defaults a layer construct applies.
 */

const CHART = { type: 'repository' as const, repository: 'https://charts.example.com', chart: 'thing' };

/** A Helm layer of an add-on profile named `apps`, or of the profile named in `more.path`. */
export function layer(name: string, more: Partial<LayerSpec> = {}): LayerSpec {
  return {
    name,
    path: `apps/${name}`,
    kind: 'helm',
    namespace: name,
    createNamespace: true,
    releaseName: name,
    priority: 0,
    dependsOn: [],
    values: {},
    release: resolveReleaseOptions(),
    protect: false,
    chart: CHART,
    chartVersion: '1.0.0',
    ...more,
  };
}

/** An infra layer of `role` with one object, so that it installs a release. */
export function infraLayer(name: string, role: NonNullable<LayerSpec['role']>, more: Partial<LayerSpec> = {}): LayerSpec {
  return layer(name, { kind: 'manifest', role, chart: undefined, chartVersion: undefined, documents: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } }], ...more });
}

export function addons(layers: LayerSpec[], name = 'apps', values: ReadonlyMap<string, readonly Values[]> = new Map()): ProfileSpec {
  return { name, version: '1.0.0', type: 'addon', path: name, layers, values, variables: [] };
}

/** A complete infra profile: os, k8s, cni, csi. */
export function infra(name = 'base'): ProfileSpec {
  const layers = [infraLayer('os', 'os'), infraLayer('k8s', 'k8s', { kind: 'kubernetes', documents: [], kubernetesVersion: '1.34.x' }), infraLayer('cni', 'cni'), infraLayer('csi', 'csi')];
  return { name, version: '1.0.0', type: 'infra', path: name, layers, values: new Map(), variables: [] };
}

export function cluster(profiles: ProfileSpec[], more: Partial<ClusterSpec> = {}): ClusterSpec {
  return {
    name: 'prod',
    path: 'stack/prod',
    profiles,
    values: new Map(),
    installOrder: 'dag',
    stack: 'stack',
    variables: new Map(),
    macros: {},
    protectedLayers: [],
    ...more,
  };
}
