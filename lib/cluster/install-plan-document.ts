import { describeEdge } from '../graph/layer-graph';
import { ProfileSpec } from '../profile/profile';
import { ConnectionSettings } from './connection';
import { EmittedLayer } from './emit';
import { InstallPlan, PlannedLayer } from './plan';
import type { Values } from '../values/merge';

/** Version of the install plan document's shape; bumped on any incompatible change. */
export const INSTALL_PLAN_API_VERSION = 'cluster-profiles.dev/v1';

/**
 * The install plan as the JSON document written beside each synthesized stack, for pipelines,
 * reviewers and tests. Sensitive values show as `(sensitive...)`, Terraform expressions as the
 * expression; no absolute path or time appears, so two synths give the same bytes.
 *
 * @param resolve turns cdktf tokens into Terraform expressions
 * @param shownValues a layer's values as the document shows them; by default
 * {@link documentValues} with `resolve`
 */
export function installPlanDocument(
  plan: InstallPlan,
  profiles: readonly ProfileSpec[],
  emitted: ReadonlyMap<string, EmittedLayer>,
  resolve: (value: unknown) => unknown,
  connection: ConnectionSettings,
  shownValues: (values: Values) => unknown = (values) => documentValues(values, resolve),
): object {
  return {
    apiVersion: INSTALL_PLAN_API_VERSION,
    kind: 'InstallPlan',
    cluster: plan.cluster,
    installOrder: plan.installOrder,
    connection: connectionEntry(plan.cluster, connection, resolve),
    profiles: profiles.map((p) => ({ name: p.name, version: p.version, type: p.type })),
    groups: plan.groups,
    // The emitted depends_on between layers (the transitive reduction), each with its reason.
    edges: plan.edges.map((e) => ({ from: e.from, to: e.to, reason: describeEdge(e) })),
    namespaces: plan.namespaces,
    layers: plan.layers.map((layer) => layerEntry(layer, emitted.get(layer.name)!, shownValues)),
  };
}

/**
 * Values as the document shows them: through JSON first, so SensitiveValue leaves become their
 * masked text before tokens resolve.
 */
export function documentValues(values: Values, resolve: (value: unknown) => unknown): unknown {
  return resolve(JSON.parse(JSON.stringify(values)));
}

function layerEntry(layer: PlannedLayer, emitted: EmittedLayer, shownValues: (values: Values) => unknown): object {
  return {
    name: layer.name,
    kind: layer.kind,
    role: layer.role ?? null,
    profile: layer.profile,
    namespace: layer.namespace,
    releaseName: layer.releaseName,
    priority: layer.priority,
    group: layer.group,
    dependsOn: layer.dependsOn,
    chart: chartEntry(layer, emitted),
    version: layer.pack?.version ?? layer.chartVersion ?? layer.kubernetesVersion ?? null,
    terraform: emitted.addresses,
    releases: emitted.releases,
    drift: layer.drift ?? { ignore: [] },
    // Helm's wait, then the gates the waiter checks (emitted as terraform_data, see emit.ts).
    readiness: layer.readiness,
    values: shownValues(layer.values),
    provenance: layer.provenance,
    ...(layer.ignoredValues.length > 0 ? { ignoredValues: layer.ignoredValues } : {}),
  };
}

function chartEntry(layer: PlannedLayer, emitted: EmittedLayer): object | null {
  const location = layer.chart;
  if (location?.type === 'repository' || location?.type === 'oci') {
    return { type: location.type, repository: location.repository, name: location.chart };
  }
  if (layer.pack) {
    const p = layer.pack;
    return { type: 'pack', registry: p.registry, name: p.name, constraint: p.constraint, digest: p.digest, paths: emitted.charts.map((c) => c.directory) };
  }
  const [chart] = emitted.charts;
  if (!chart) return null;
  return { type: location?.type === 'local' ? 'local' : 'generated', path: chart.directory, digest: chart.files.digest };
}

/**
 * How the cluster is reached, for `cluster-profiles drift` and reviewers: the kind of connection,
 * the helm provider that holds its settings in cdk.tf.json, and the settings that are no
 * credential (kubeconfig path and context, server), as written. Tokens and certificates are
 * never repeated here; the command line reads them where Terraform does.
 */
function connectionEntry(cluster: string, c: ConnectionSettings, resolve: (value: unknown) => unknown): object {
  const type = c.configPath !== undefined ? 'kubeconfig' : c.exec ? 'exec' : 'token';
  const shown = { configPath: c.configPath, configContext: c.configContext, host: type === 'kubeconfig' ? undefined : c.host };
  const defined = Object.fromEntries(Object.entries(shown).filter(([, v]) => v !== undefined));
  return { type, provider: `helm.${cluster}`, ...(resolve(defined) as object) };
}
