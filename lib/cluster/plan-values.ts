import { Diagnostic, withSuggestions } from '../errors';
import { LayerSpec } from '../model/layer';
import { ProfileSpec } from '../model/profile';
import { ClusterSpec } from '../model/plan';
import { checkSchema } from '../pack/schema';
import { VariableDefinition, VariableValue } from '../profile/variable';
import { ExpressionLayer, resolveExpressions } from '../values/expressions';
import { MergedValues, mergeValues, Values, ValuesLayer } from '../values/merge';
import { Placed } from './plan-order';

/**
 * Planning, the values: every layer's values merged from their sources, expressions (variables,
 * macros, other layers' values) resolved, and pack schemas checked. Pure.
 */

/**
 * Merges every layer's values (pack defaults, presets, layer, profile, cluster), replaces pack
 * references between layers, then checks each pack layer's values against its schema.
 */
export function mergeAll(cluster: ClusterSpec, sequence: readonly Placed[], diagnostics: Diagnostic[], isExpression: (value: string) => boolean): Map<string, MergedValues> {
  const merged = new Map<string, MergedValues>();
  for (const { layer, profile } of sequence) {
    const sources: ValuesLayer[] = [
      ...(layer.baseValues ?? []),
      { source: 'layer', values: layer.values },
      ...(profile.values.get(layer.name) ?? []).map((values) => ({ source: 'profile' as const, values })),
      ...(cluster.values.get(layer.name) ?? []).map((values) => ({ source: 'cluster' as const, values })),
    ];
    merged.set(layer.name, mergeValues(sources));
  }
  const references = resolveExpressions(
    sequence.map(({ layer, profile }) => expressionLayer(cluster, layer, profile, merged.get(layer.name)!.values, sequence, isExpression)),
  );
  diagnostics.push(...references.diagnostics);
  for (const { layer } of sequence) {
    const result = { values: references.values.get(layer.name)!, provenance: merged.get(layer.name)!.provenance };
    merged.set(layer.name, result);
    if (layer.pack) diagnostics.push(...checkSchema(layer.pack.schema, result.values, result.provenance, layer.path));
  }
  return merged;
}

/** What expressions in one layer's values can see: its profile's variables, macros, other layers. */

export function expressionLayer(
  cluster: ClusterSpec,
  layer: LayerSpec,
  profile: ProfileSpec,
  values: Values,
  sequence: readonly Placed[],
  isExpression: (value: string) => boolean,
): ExpressionLayer {
  const infra = cluster.profiles.find((p) => p.type !== 'addon');
  const kubernetes = sequence.find((p) => p.layer.kubernetesVersion !== undefined)?.layer.kubernetesVersion;
  const system: Record<string, string> = {
    'cluster.name': cluster.name,
    'stack.name': cluster.stack,
    'clusterprofile.name': profile.name,
    'clusterprofile.version': profile.version,
    'layer.name': layer.name,
    'layer.namespace': layer.namespace,
    ...(infra ? { 'clusterprofile.infra.name': infra.name, 'clusterprofile.infra.version': infra.version } : {}),
    ...(kubernetes ? { 'kubernetes.version': kubernetes } : {}),
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
