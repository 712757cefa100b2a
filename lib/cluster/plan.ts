import { createHash } from 'crypto';
import { Diagnostic, withSuggestions } from '../errors';
import { normalizeVersion } from '../pack/version';
import { describeEdge, Edge, LayerGraph } from '../graph/layer-graph';
import { transitiveReduction } from '../graph/reduce';
import { INFRA_ROLES, InfraRole, LayerSpec } from '../model/layer';
import { ProfileSpec } from '../model/profile';
import { ClusterSpec, PlannedLayer, PlanResult } from '../model/plan';
import { checkChartSections } from '../pack/chart-sections';
import { addCrdEdges, checkGates, kindsOf, plannedGates } from '../readiness/plan-gates';
import { installsRelease } from './layer-releases';

import { checkPackConstraints } from '../pack/constraints';
import { requestedNamespaces } from './namespaces';
import { checkSchema } from '../pack/schema';
import { MergedValues, mergeValues, Values, ValuesLayer } from '../values/merge';
import { ExpressionLayer, resolveExpressions } from '../values/expressions';
import { formatProblem, VariableDefinition, VariableValue } from '../profile/variable';
import { SensitiveValue } from '../values/sensitive';

export { ClusterSpec, InstallOrder, InstallPlan, PlannedLayer, PlanResult } from '../model/plan';

/**
 * Planning: from the profiles a cluster runs to the ordered, merged, checked list of layers.
 * A pure function of plain data: no cdktf, no I/O. Emission turns its result into Terraform.
 */

interface Placed {
  readonly layer: LayerSpec;
  readonly profile: ProfileSpec;
}

/** Plans one cluster. Returns every diagnostic found rather than stopping at the first. */
export function planCluster(cluster: ClusterSpec): PlanResult {
  const diagnostics: Diagnostic[] = [];
  for (const profile of cluster.profiles) diagnostics.push(...checkProfile(profile));
  const sequence = installSequence(cluster.profiles);
  diagnostics.push(...checkUniqueness(cluster, sequence), ...checkOverrides(cluster, sequence), ...checkVariables(cluster));
  if (diagnostics.length > 0) return { diagnostics };

  const merged = mergeAll(cluster, sequence, diagnostics);
  diagnostics.push(...checkPackConstraints(sequence.map((p) => p.layer)));
  if (diagnostics.length > 0) return { diagnostics };

  const graph = buildGraph(sequence);
  diagnostics.push(...addDependsOn(graph, sequence));
  const kinds = kindsOf(sequence.map((p) => p.layer));
  for (const { layer } of sequence) diagnostics.push(...checkGates(layer, kinds.get(layer.name)!));
  if (diagnostics.length > 0) return { diagnostics };
  const consumedCrds = addCrdEdges(graph, sequence.map((p) => p.layer), kinds);

  const sorted = graph.sort();
  if ('cycle' in sorted) return { diagnostics: [cycleDiagnostic(cluster, graph, sorted.cycle)] };
  let order = sorted.order;
  if (cluster.installOrder === 'sequential') {
    order.slice(1).forEach((to, i) => graph.addEdge({ from: order[i], to, reason: { kind: 'sequential' } }));
  }
  const edges = transitiveReduction(graph, order);
  const groups = groupLevels(order, edges);
  order = groups.flat();
  const byName = new Map(sequence.map((p) => [p.layer.name, p]));
  const layers = order.map((name) => {
    const planned = plannedLayer(byName.get(name)!, merged.get(name)!, cluster, edges, groups, order);
    return { ...planned, readiness: plannedGates(byName.get(name)!.layer, kinds.get(name)!, consumedCrds.get(name) ?? [], installsRelease(planned)) };
  });
  const namespaces = requestedNamespaces(layers, cluster.path);
  if (namespaces.diagnostics.length > 0) return { diagnostics: namespaces.diagnostics };
  return { plan: { cluster: cluster.name, installOrder: cluster.installOrder, layers, groups, edges, namespaces: namespaces.namespaces }, diagnostics: [] };
}

/** Infra layers bottom-up, then add-on layers profile by profile, by priority, then declaration. */
function installSequence(profiles: readonly ProfileSpec[]): Placed[] {
  const placed = profiles.flatMap((profile) => profile.layers.map((layer) => ({ layer, profile })));
  const infra = placed
    .filter((p) => p.layer.role !== undefined)
    .sort((a, b) => INFRA_ROLES.indexOf(a.layer.role!) - INFRA_ROLES.indexOf(b.layer.role!));
  const addons = profiles.flatMap((profile) =>
    placed.filter((p) => p.profile === profile && p.layer.role === undefined).sort((a, b) => a.layer.priority - b.layer.priority),
  );
  return [...infra, ...addons];
}

/** Consecutive stages (one per infra role; one per profile and priority) install in order. */
function buildGraph(sequence: readonly Placed[]): LayerGraph {
  const graph = new LayerGraph(sequence.map((p) => p.layer.name));
  const stages: Placed[][] = [];
  for (const p of sequence) {
    const last = stages[stages.length - 1]?.[0];
    const sameStage =
      last !== undefined &&
      last.layer.role === undefined &&
      p.layer.role === undefined &&
      last.profile === p.profile &&
      last.layer.priority === p.layer.priority;
    if (sameStage) stages[stages.length - 1].push(p);
    else stages.push([p]);
  }
  stages.slice(1).forEach((stage, i) => {
    const before = stages[i];
    for (const from of before) {
      for (const to of stage) graph.addEdge({ from: from.layer.name, to: to.layer.name, reason: stageReason(from, to) });
    }
  });
  return graph;
}

function stageReason(from: Placed, to: Placed): Edge['reason'] {
  if (from.layer.role !== undefined) return { kind: 'infra', from: from.layer.role, to: to.layer.role ?? 'add-ons' };
  if (from.profile === to.profile) return { kind: 'priority', from: from.layer.priority, to: to.layer.priority };
  return { kind: 'profile', from: from.profile.name, to: to.profile.name };
}

function addDependsOn(graph: LayerGraph, sequence: readonly Placed[]): Diagnostic[] {
  const names = sequence.map((p) => p.layer.name);
  const known = new Set(names);
  const diagnostics: Diagnostic[] = [];
  for (const { layer } of sequence) {
    for (const dependency of layer.dependsOn) {
      if (known.has(dependency)) {
        graph.addEdge({ from: dependency, to: layer.name, reason: { kind: 'dependsOn' } });
        continue;
      }
      diagnostics.push({
        code: 'UNKNOWN_DEPENDENCY',
        path: layer.path,
        message: `layer "${layer.name}" depends on "${dependency}", which is not a layer on this cluster`,
        details: [`layers on this cluster: ${names.join(', ')}`],
        fix: withSuggestions('name a layer of a profile attached to the same cluster', dependency, names),
      });
    }
  }
  return diagnostics;
}

function cycleDiagnostic(cluster: ClusterSpec, graph: LayerGraph, cycle: readonly string[]): Diagnostic {
  const steps = cycle.slice(1).map((to, i) => graph.edge(cycle[i], to)!);
  const width = Math.max(...steps.map((e) => `${e.from} -> ${e.to}`.length));
  return {
    code: 'LAYER_CYCLE',
    path: cluster.path,
    message: `layers form a cycle: ${cycle.join(' -> ')}`,
    details: steps.map((e) => `${`${e.from} -> ${e.to}`.padEnd(width)}   (${describeEdge(e)})`),
    fix: 'remove one of these dependsOn entries, or change the priorities or the order profiles are attached in',
  };
}

/** Group index = length of the longest dependency chain before the layer. */
function groupLevels(order: readonly string[], edges: readonly Edge[]): string[][] {
  const level = new Map<string, number>();
  const incoming = new Map<string, string[]>();
  for (const e of edges) incoming.set(e.to, [...(incoming.get(e.to) ?? []), e.from]);
  const groups: string[][] = [];
  for (const name of order) {
    const l = Math.max(-1, ...(incoming.get(name) ?? []).map((p) => level.get(p)!)) + 1;
    level.set(name, l);
    (groups[l] ??= []).push(name);
  }
  return groups;
}

/**
 * Merges every layer's values (pack defaults, presets, layer, profile, cluster), replaces pack
 * references between layers, then checks each pack layer's values against its schema.
 */
function mergeAll(cluster: ClusterSpec, sequence: readonly Placed[], diagnostics: Diagnostic[]): Map<string, MergedValues & { ignoredValues?: readonly string[] }> {
  const merged = new Map<string, MergedValues & { ignoredValues?: readonly string[] }>();
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
    sequence.map(({ layer, profile }) => expressionLayer(cluster, layer, profile, merged.get(layer.name)!.values, sequence)),
  );
  diagnostics.push(...references.diagnostics);
  for (const { layer } of sequence) {
    const result = { values: references.values.get(layer.name)!, provenance: merged.get(layer.name)!.provenance };
    merged.set(layer.name, result);
    if (layer.pack) {
      diagnostics.push(...checkSchema(layer.pack.schema, result.values, result.provenance, layer.path));
      const sections = checkChartSections(layer.pack, result.values, result.provenance, layer.path);
      diagnostics.push(...sections.diagnostics);
      if (sections.ignored.length > 0) merged.set(layer.name, { ...result, ignoredValues: sections.ignored });
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
function expressionLayer(cluster: ClusterSpec, layer: LayerSpec, profile: ProfileSpec, values: Values, sequence: readonly Placed[]): ExpressionLayer {
  const infra = cluster.profiles.find((p) => p.type !== 'addon');
  const kubernetes = exactKubernetesVersion(sequence.map((p) => p.layer));
  const system: Record<string, string> = {
    'cluster.name': cluster.name,
    'cluster.uid': clusterUid(cluster),
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
      return { value: typed(definition, value) };
    },
  };
}

/** A literal variable value as its format's type, so `replicas: '{{.spectro.var.n}}'` is a number. */
function typed(definition: VariableDefinition, value: VariableValue | undefined): unknown {
  if (value === undefined) return '';
  if (typeof value !== 'string' || value.includes('${TfToken[')) return value;
  if (definition.format === 'number' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (definition.format === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** Every variable value a cluster gives is declared, allowed and well-formed; required ones are given. */
function checkVariables(cluster: ClusterSpec): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const problem = (path: string, message: string, fix: string) => diagnostics.push({ code: 'INVALID_VARIABLE', path, message, fix });
  const declared = cluster.profiles.flatMap((p) => p.variables.map((v) => v.name));
  for (const name of cluster.variables.keys()) {
    if (declared.includes(name)) continue;
    diagnostics.push({
      code: 'UNKNOWN_VARIABLE',
      path: cluster.path,
      message: `a value is given for variable ${name}, which no attached profile declares`,
      fix: withSuggestions('give values only for variables of the attached profiles', name, declared),
    });
  }
  for (const profile of cluster.profiles) {
    for (const v of profile.variables) {
      const value = cluster.variables.get(v.name);
      const where = `${cluster.path} (variable ${v.name} of profile ${profile.name})`;
      if (value === undefined) {
        if (v.required && v.default === undefined) problem(where, `variable ${v.name} is required but cluster "${cluster.name}" gives no value`, `give it with cluster.setVariables({ ${v.name}: ... })`);
        continue;
      }
      if (v.readOnly) problem(where, `variable ${v.name} is read-only, but cluster "${cluster.name}" gives a value`, 'remove the value; the default applies to every cluster');
      else if (v.sensitive && !SensitiveValue.isSensitive(value)) problem(where, `variable ${v.name} is sensitive, but cluster "${cluster.name}" gives it as plain text`, `give SensitiveValue.fromVariable("${v.name}") or SensitiveValue.fromToken(...)`);
      else {
        const why = formatProblem(v, value, (s) => s.includes('${TfToken['));
        if (why) problem(where, `variable ${v.name} = ${JSON.stringify(value)} ${why}`, `give a value of format ${v.format ?? 'string'}${v.regex ? ` matching ${v.regex}` : ''}`);
      }
    }
  }
  return diagnostics;
}

function plannedLayer(
  placed: Placed,
  merged: MergedValues & { ignoredValues?: readonly string[] },
  cluster: ClusterSpec,
  edges: readonly Edge[],
  groups: readonly (readonly string[])[],
  order: readonly string[],
): PlannedLayer {
  const { layer, profile } = placed;
  const position = new Map(order.map((n, i) => [n, i]));
  const { baseValues: _mergedIntoValues, readiness: _plannedLater, ...spec } = layer;
  return {
    ...spec,
    profile: { name: profile.name, version: profile.version },
    group: groups.findIndex((g) => g.includes(layer.name)),
    dependsOn: edges
      .filter((e) => e.to === layer.name)
      .map((e) => e.from)
      .sort((a, b) => position.get(a)! - position.get(b)!),
    values: merged.values,
    provenance: merged.provenance,
    ignoredValues: merged.ignoredValues ?? [],
    protect: layer.protect || cluster.protectedLayers.includes(layer.name),
    readiness: [],
  };
}

/** Infra profiles hold one layer per role and nothing else; add-on profiles hold no roles. */
function checkProfile(profile: ProfileSpec): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const roles = new Map<InfraRole, string[]>();
  for (const layer of profile.layers) {
    if (layer.role === undefined) {
      if (profile.type === 'infra') {
        diagnostics.push({
          code: 'ADDON_NOT_ALLOWED',
          path: layer.path,
          message: `layer "${layer.name}" has no infrastructure role, but infra profile "${profile.name}" holds only infra layers`,
          fix: `give the layer a role (${INFRA_ROLES.join(', ')}), or move it to an AddonProfile or a FullProfile`,
        });
      }
      continue;
    }
    if (profile.type === 'addon') {
      diagnostics.push({
        code: 'ROLE_NOT_ALLOWED',
        path: layer.path,
        message: `layer "${layer.name}" has role "${layer.role}", but add-on profile "${profile.name}" holds only add-on layers`,
        fix: 'move the layer to an InfraProfile or a FullProfile, or remove its role',
      });
      continue;
    }
    roles.set(layer.role, [...(roles.get(layer.role) ?? []), layer.name]);
  }
  if (profile.type === 'addon') return diagnostics;
  for (const role of INFRA_ROLES) {
    const holders = roles.get(role) ?? [];
    if (holders.length === 0) {
      diagnostics.push({
        code: 'MISSING_INFRA_ROLE',
        path: profile.path,
        message: `${profile.type} profile "${profile.name}" has no ${role} layer`,
        fix: `add a layer with role "${role}"; for a ${role} the platform already provides, add a ManifestLayer with role "${role}" and no documents`,
      });
    } else if (holders.length > 1) {
      diagnostics.push({
        code: 'DUPLICATE_INFRA_ROLE',
        path: profile.path,
        message: `${profile.type} profile "${profile.name}" has ${holders.length} ${role} layers: ${holders.join(', ')}`,
        fix: `keep one layer with role "${role}" and make the others add-on layers`,
      });
    }
  }
  return diagnostics;
}

/** Layer names and (namespace, release name) pairs are unique on a cluster. */
function checkUniqueness(cluster: ClusterSpec, sequence: readonly Placed[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byName = new Map<string, Placed[]>();
  const byRelease = new Map<string, Placed[]>();
  for (const p of sequence) {
    byName.set(p.layer.name, [...(byName.get(p.layer.name) ?? []), p]);
    const release = `${p.layer.namespace}/${p.layer.releaseName}`;
    byRelease.set(release, [...(byRelease.get(release) ?? []), p]);
  }
  for (const [name, holders] of byName) {
    if (holders.length < 2) continue;
    diagnostics.push({
      code: 'DUPLICATE_LAYER',
      path: cluster.path,
      message: `layer name "${name}" is used ${holders.length} times on cluster "${cluster.name}"`,
      details: holders.map((h) => `${h.layer.path} (profile ${h.profile.name} ${h.profile.version})`),
      fix: 'give each layer a distinct name with the `name` prop',
    });
  }
  for (const [release, holders] of byRelease) {
    const distinctLayers = new Set(holders.map((h) => h.layer.name));
    if (distinctLayers.size < 2) continue;
    diagnostics.push({
      code: 'DUPLICATE_RELEASE',
      path: cluster.path,
      message: `release "${release}" is claimed by ${[...distinctLayers].join(' and ')} on cluster "${cluster.name}"`,
      details: holders.map((h) => h.layer.path),
      fix: 'give the layers distinct `releaseName`s or install them into distinct namespaces',
    });
  }
  return diagnostics;
}

/** Value overrides name layers that exist where they are set. */
function checkOverrides(cluster: ClusterSpec, sequence: readonly Placed[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const onCluster = sequence.map((p) => p.layer.name);
  for (const name of cluster.protectedLayers) {
    if (onCluster.includes(name)) continue;
    diagnostics.push({
      code: 'PROTECTED_LAYER_REMOVED',
      path: cluster.path,
      message: `layer "${name}" is protected on cluster "${cluster.name}", but no attached profile has it any more, so the deploy would uninstall it`,
      fix: `attach a profile with layer "${name}" again; to uninstall it on purpose, first remove "${name}" from protectedLayers`,
    });
  }
  for (const name of cluster.values.keys()) {
    if (onCluster.includes(name)) continue;
    diagnostics.push({
      code: 'UNKNOWN_LAYER',
      path: cluster.path,
      message: `values are set for layer "${name}", which no profile attached to cluster "${cluster.name}" has`,
      fix: withSuggestions('name a layer of an attached profile', name, onCluster),
    });
  }
  for (const profile of cluster.profiles) {
    const inProfile = profile.layers.map((l) => l.name);
    for (const name of profile.values.keys()) {
      if (inProfile.includes(name)) continue;
      diagnostics.push({
        code: 'UNKNOWN_LAYER',
        path: profile.path,
        message: `values are set for layer "${name}", which profile "${profile.name}" does not have`,
        fix: withSuggestions('name one of the profile\'s layers', name, inProfile),
      });
    }
  }
  return diagnostics;
}
