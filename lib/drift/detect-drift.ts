import { ProfileError } from '../errors';
import { KubeClient } from '../kube/kube-client';
import { compareObject } from './compare-object';
import { DriftIgnoreRule } from './drift-options';
import { ClusterDrift, LayerDrift, ObjectDrift } from './drift-report';
import { manifestObjects } from './manifest-objects';
import { decodeReleaseRecord, deployedRevision, ReleaseSecret } from './release-record';
import { withField } from '../diagnostics';

/** The parts of an install plan (install-plan.json) drift reads. */
export interface InstallPlanFile {
  readonly cluster: string;
  readonly connection?: { readonly type: string; readonly provider: string };
  readonly layers: ReadonlyArray<{
    readonly name: string;
    readonly namespace: string;
    readonly releaseName: string;
    readonly terraform: readonly string[];
    readonly releases?: ReadonlyArray<{ readonly name: string; readonly namespace: string; readonly address: string }>;
    readonly drift?: { readonly ignore: readonly DriftIgnoreRule[] };
  }>;
}

type PlanLayer = InstallPlanFile['layers'][number];

/**
 * Compares every release of a cluster's install plan with the cluster: for each layer, in
 * install order, each release's manifest as Helm recorded it (its newest deployed revision)
 * against the live objects. Problems reaching one layer's objects make that layer `error`; the
 * others are still checked.
 */
export async function detectClusterDrift(plan: InstallPlanFile, client: KubeClient): Promise<ClusterDrift> {
  const layers: LayerDrift[] = [];
  for (const layer of plan.layers) {
    const releases = releasesOf(layer);
    if (releases.length === 0) continue;
    try {
      layers.push(await layerDrift(layer, releases, client));
    } catch (e) {
      layers.push({ layer: layer.name, status: 'error', addresses: releases.map((r) => r.address), checked: 0, ignored: [], objects: [], error: errorText(e) });
    }
  }
  const status = layers.some((l) => l.status === 'error') ? 'error' : layers.some((l) => l.status === 'drifted') ? 'drifted' : 'in-sync';
  return { cluster: plan.cluster, status, layers };
}

/** The releases of a layer; install plans written before `releases` existed name one at most. */
function releasesOf(layer: PlanLayer): ReadonlyArray<{ name: string; namespace: string; address: string }> {
  if (layer.releases) return layer.releases;
  const address = layer.terraform.find((a) => a.startsWith('helm_release.'));
  return address ? [{ name: layer.releaseName, namespace: layer.namespace, address }] : [];
}

async function layerDrift(layer: PlanLayer, releases: ReadonlyArray<{ name: string; namespace: string; address: string }>, client: KubeClient): Promise<LayerDrift> {
  const objects: ObjectDrift[] = [];
  const ignored: string[] = [];
  const crds: string[] = [];
  let checked = 0;
  for (const release of releases) {
    const secrets = await client.list<ReleaseSecret>(`/api/v1/namespaces/${encodeURIComponent(release.namespace)}/secrets`, `owner=helm,name=${release.name}`);
    const secret = deployedRevision(secrets);
    if (!secret) {
      objects.push({ apiVersion: 'helm.sh/v3', kind: 'Release', namespace: release.namespace, name: release.name, release: release.name, state: 'missing', fields: [] });
      continue;
    }
    // The release record's URL on the API server: where a diagnostic about it points.
    const where = `${client.server}/api/v1/namespaces/${encodeURIComponent(release.namespace)}/secrets/${encodeURIComponent(secret.metadata?.name ?? '?')}`;
    const record = decodeReleaseRecord(secret.data?.release ?? '', where);
    const expected = manifestObjects(record.manifest, where);
    for (const object of expected) if (object.kind === 'CustomResourceDefinition') crds.push(String((object.metadata as { name?: string } | undefined)?.name));
    // CRDs of the chart's crds/ folder too: Helm never upgrades them, but one deleted or edited
    // by hand breaks every custom resource of its kind.
    const chartCrds = record.crds.flatMap((c) => manifestObjects(c.yaml, withField(where, c.file)));
    const results = await Promise.all([...expected, ...chartCrds].map((object) => objectDrift(object, release, layer.drift?.ignore ?? [], client)));
    for (const result of results) {
      checked += 1;
      ignored.push(...result.ignored);
      if (result.drift) objects.push(result.drift);
    }
    objects.push(...(await extraObjects(expected, release, client)));
  }
  return {
    layer: layer.name,
    status: objects.length > 0 ? 'drifted' : 'in-sync',
    addresses: releases.map((r) => r.address),
    checked,
    ...(crds.length > 0 ? { definesCrds: crds.sort() } : {}),
    ignored,
    objects,
  };
}

async function objectDrift(
  expected: Record<string, unknown>,
  release: { name: string; namespace: string },
  rules: readonly DriftIgnoreRule[],
  client: KubeClient,
): Promise<{ drift?: ObjectDrift; ignored: string[] }> {
  const metadata = (expected.metadata ?? {}) as Record<string, unknown>;
  const ref = { apiVersion: String(expected.apiVersion), kind: String(expected.kind), name: String(metadata.name ?? ''), namespace: metadata.namespace as string | undefined };
  const location = await client.locate(ref, release.namespace);
  const namespace = location?.namespaced === false ? undefined : (ref.namespace ?? release.namespace);
  const base = { apiVersion: ref.apiVersion, kind: ref.kind, ...(namespace ? { namespace } : {}), name: ref.name, release: release.name };
  // A kind the server no longer serves (its CRD was deleted) means the object is gone too.
  const live = location ? await client.get(location.path) : undefined;
  if (!live) return { drift: { ...base, state: 'missing', fields: [] }, ignored: [] };
  const withNamespace = namespace ? { ...expected, metadata: { ...metadata, namespace } } : expected;
  const comparison = compareObject(withNamespace, live, rules);
  const ignored = comparison.ignored.map((field) => `${ref.kind}/${ref.name} ${field}`);
  return comparison.fields.length > 0 ? { drift: { ...base, state: 'changed', fields: comparison.fields }, ignored } : { ignored };
}

/**
 * Objects Helm labelled as this release's (label `app.kubernetes.io/managed-by=Helm`, annotations
 * `meta.helm.sh/release-name` and `-namespace`) that its manifest no longer holds, among the
 * kinds and namespaces the manifest uses: what can be known without listing every kind.
 */
async function extraObjects(expected: readonly Record<string, unknown>[], release: { name: string; namespace: string }, client: KubeClient): Promise<ObjectDrift[]> {
  const known = new Set<string>();
  const collections = new Map<string, { apiVersion: string; kind: string; namespaced: boolean }>();
  for (const object of expected) {
    const metadata = (object.metadata ?? {}) as Record<string, unknown>;
    const ref = { apiVersion: String(object.apiVersion), kind: String(object.kind), name: String(metadata.name ?? ''), namespace: metadata.namespace as string | undefined };
    const location = await client.locate(ref, release.namespace);
    if (!location) continue;
    known.add(`${location.collection}/${ref.name}`);
    collections.set(location.collection, { apiVersion: ref.apiVersion, kind: ref.kind, namespaced: location.namespaced });
  }
  const extra: ObjectDrift[] = [];
  for (const [collection, type] of [...collections].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const items = await client.list<{ metadata?: { name?: string; namespace?: string; annotations?: Record<string, string> } }>(collection, 'app.kubernetes.io/managed-by=Helm');
    for (const item of items) {
      const annotations = item.metadata?.annotations ?? {};
      const name = item.metadata?.name ?? '';
      if (annotations['meta.helm.sh/release-name'] !== release.name || annotations['meta.helm.sh/release-namespace'] !== release.namespace) continue;
      if (known.has(`${collection}/${name}`)) continue;
      extra.push({ apiVersion: type.apiVersion, kind: type.kind, ...(type.namespaced && item.metadata?.namespace ? { namespace: item.metadata.namespace } : {}), name, release: release.name, state: 'extra', fields: [] });
    }
  }
  return extra.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function errorText(e: unknown): string {
  if (e instanceof ProfileError) return e.diagnostics.map((d) => `${d.code}: ${d.message} (fix: ${d.fix})`).join('; ');
  return (e as Error).message ?? String(e);
}
