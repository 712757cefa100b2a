import { createHash } from 'crypto';
import { Diagnostic, withSuggestions } from '../errors';
import { LayerSpec } from '../model/layer';
import { ProfileSpec } from '../model/profile';
import { ClusterSpec } from '../model/plan';
import { checkChartSections } from '../pack/chart-sections';
import { checkSchema } from '../pack/schema';
import { normalizeVersion } from '../pack/version';
import { VariableDefinition, VariableValue } from '../profile/variable';
import { ExpressionLayer, resolveExpressions } from '../values/expressions';
import { MergedValues, mergeValues, Values, ValuesLayer } from '../values/merge';
import { PackCheck, PlanMemo } from './plan-memo';
import { Placed } from './plan-order';

/**
 * Planning, the values: every layer's values merged from their sources, expressions (variables,
 * macros, other layers' values) resolved, and pack schemas checked. Pure.
 */

/**
 * Merges every layer's values (pack defaults, presets, layer, profile, cluster), replaces pack
 * references between layers, then checks each pack layer's values against its schema.
 */
export function mergeAll(
  cluster: ClusterSpec,
  sequence: readonly Placed[],
  diagnostics: Diagnostic[],
  isExpression: (value: string) => boolean,
  memo?: PlanMemo,
): Map<string, MergedValues & { ignoredValues?: readonly string[] }> {
  const merged = new Map<string, MergedValues & { ignoredValues?: readonly string[] }>();
  for (const { layer, profile } of sequence) {
    const own: ValuesLayer[] = [
      ...(layer.baseValues ?? []),
      { source: 'layer', values: layer.values },
      ...(profile.values.get(layer.name) ?? []).map((values) => ({ source: 'profile' as const, values })),
    ];
    const overrides = (cluster.values.get(layer.name) ?? []).map((values) => ({ source: 'cluster' as const, values }));
    // Without a cluster override, a layer's values are the same on every cluster running its profile.
    const values = overrides.length > 0 || !memo ? mergeValues([...own, ...overrides]) : memo.mergedValues(layer, () => mergeValues(own));
    merged.set(layer.name, values);
  }
  // Macros of the whole cluster, once: a hash and a scan of the layers, not one per layer.
  const clusterMacros = systemMacrosOf(cluster, sequence);
  const references = resolveExpressions(
    sequence.map(({ layer, profile }) => expressionLayer(cluster, clusterMacros, layer, profile, merged.get(layer.name)!.values, isExpression)),
  );
  diagnostics.push(...references.diagnostics);
  for (const { layer } of sequence) {
    const result = { values: references.values.get(layer.name)!, provenance: merged.get(layer.name)!.provenance };
    merged.set(layer.name, result);
    if (layer.pack) {
      const pack = layer.pack;
      const check = (): PackCheck => {
        const sections = checkChartSections(pack, result.values, result.provenance, layer.path);
        return { diagnostics: [...checkSchema(pack.schema, result.values, result.provenance, layer.path), ...sections.diagnostics], ignored: sections.ignored };
      };
      const checked = memo ? memo.packCheck(layer, result.values, check) : check();
      diagnostics.push(...checked.diagnostics);
      if (checked.ignored.length > 0) merged.set(layer.name, { ...result, ignoredValues: checked.ignored });
    }
  }
  return merged;
}

/**
 * `{{ .spectro.system.kubernetes.version }}`: always an exact version, since charts compare it
 * with `semverCompare`, which fails on a train. The Kubernetes layer's pin when it is exact; for a
 * train, the train's first release (`1.34.x` → `1.34.0`, `1.x` → `1.0.0`): the one version every
 * cluster of the train is at least. A Kubernetes pack's own version, normalized, when the k8s
 * layer is a pack.
 */
export function exactKubernetesVersion(layers: readonly LayerSpec[]): string | undefined {
  const k8s = layers.find((l) => l.kubernetesVersion !== undefined) ?? layers.find((l) => l.role === 'k8s' && l.pack);
  const version = k8s?.kubernetesVersion ?? k8s?.pack?.version;
  if (version === undefined) return undefined;
  const parts = version.replace(/^[vV]/, '').split('.').map((p) => (p === 'x' ? '0' : p));
  return normalizeVersion(parts.join('.')) ?? version;
}

/**
 * `{{ .spectro.system.cluster.uid }}`: Palette's cluster UID has no source without Palette, so it
 * is derived from the stack and the cluster name: 24 hex digits, the shape of Palette's UIDs,
 * stable across synths, different for every cluster of an app.
 */
export function clusterUid(cluster: Pick<ClusterSpec, 'stack' | 'name'>): string {
  return createHash('sha256').update(`${cluster.stack}/${cluster.name}`).digest('hex').slice(0, 24);
}

/** What expressions in one layer's values can see: its profile's variables, macros, other layers. */

function systemMacrosOf(cluster: ClusterSpec, sequence: readonly Placed[]): Record<string, string> {
  const infra = cluster.profiles.find((p) => p.type !== 'addon');
  const kubernetes = exactKubernetesVersion(sequence.map((p) => p.layer));
  return {
    'cluster.name': cluster.name,
    'cluster.uid': clusterUid(cluster),
    'stack.name': cluster.stack,
    ...(infra ? { 'clusterprofile.infra.name': infra.name, 'clusterprofile.infra.version': infra.version } : {}),
    ...(kubernetes ? { 'kubernetes.version': kubernetes } : {}),
  };
}

export function expressionLayer(
  cluster: ClusterSpec,
  clusterMacros: Readonly<Record<string, string>>,
  layer: LayerSpec,
  profile: ProfileSpec,
  values: Values,
  isExpression: (value: string) => boolean,
): ExpressionLayer {
  const system: Record<string, string> = {
    ...clusterMacros,
    'clusterprofile.name': profile.name,
    'clusterprofile.version': profile.version,
    'layer.name': layer.name,
    'layer.namespace': layer.namespace,
  };
  return {
    name: layer.name,
    aliases: layer.pack ? [layer.pack.name] : [],
    path: layer.path,
    values,
    system,
    macros: cluster.macros,
    variable: (name) => {
      const definition = profile.variables.find((v) => v.name === name);
      if (!definition) {
        return {
          problem: `profile "${profile.name}" declares no variable ${name}`,
          fix: withSuggestions('declare it with profile.addVariable({ name, format }) or fix the name', name, profile.variables.map((v) => v.name)),
        };
      }
      const value = cluster.variables.has(name) && !definition.readOnly ? cluster.variables.get(name) : definition.default;
      return { value: typed(definition, value, isExpression) };
    },
  };
}

/** A literal variable value as its format's type, so `replicas: '{{.spectro.var.n}}'` is a number. */

export function typed(definition: VariableDefinition, value: VariableValue | undefined, isExpression: (value: string) => boolean): unknown {
  if (value === undefined) return '';
  if (typeof value !== 'string' || isExpression(value)) return value;
  if (definition.format === 'number' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (definition.format === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** Every variable value a cluster gives is declared, allowed and well-formed; required ones are given. */
