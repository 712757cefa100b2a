import { Diagnostic } from '../errors';
import { Edge } from '../graph/layer-graph';
import { transitiveReduction } from '../graph/reduce';
import { ClusterSpec, PlannedLayer, PlanResult } from '../model/plan';
import { addCrdEdges, checkGates, checkGroupGates, groupGatesOf, kindsOf, plannedGates } from '../readiness/plan-gates';
import { installsRelease } from './layer-releases';
import { checkPackConstraints } from '../pack/constraints';
import { MergedValues } from '../values/merge';
import { requestedNamespaces } from './namespaces';
import { checkOverrides, checkProfile, checkUniqueness, checkVariables } from './plan-checks';
import { addDependsOn, buildGraph, cycleDiagnostic, groupLevels, installSequence, Placed } from './plan-order';
import { mergeAll } from './plan-values';

export { ClusterSpec, InstallOrder, InstallPlan, PlannedLayer, PlanResult } from '../model/plan';

/**
 * Planning: from the profiles a cluster runs to the ordered, merged, checked list of layers, in
 * stages: check what is declared (plan-checks.ts), merge values (plan-values.ts), order
 * (plan-order.ts). A pure function of plain data: no cdktf, no I/O. Emission turns its result
 * into Terraform.
 */

export interface PlanOptions {
  /**
   * Whether a string is a Terraform expression, known only at deploy (a cdktf token, for
   * `Cluster`, which asks cdktf's public `Token.isUnresolved`). Expressions are not checked
   * against variable formats, nor typed.
   * @default - no string is an expression
   */
  readonly isExpression?: (value: string) => boolean;
}

/** Plans one cluster. Returns every diagnostic found rather than stopping at the first. */

export function planCluster(cluster: ClusterSpec, options: PlanOptions = {}): PlanResult {
  const isExpression = options.isExpression ?? (() => false);
  const diagnostics: Diagnostic[] = [];
  for (const profile of cluster.profiles) diagnostics.push(...checkProfile(profile));
  const sequence = installSequence(cluster.profiles);
  diagnostics.push(...checkUniqueness(cluster, sequence), ...checkOverrides(cluster, sequence), ...checkVariables(cluster, isExpression));
  if (diagnostics.length > 0) return { diagnostics };

  const merged = mergeAll(cluster, sequence, diagnostics, isExpression);
  diagnostics.push(...checkPackConstraints(sequence.map((p) => p.layer)));
  if (diagnostics.length > 0) return { diagnostics };

  const graph = buildGraph(sequence);
  diagnostics.push(...addDependsOn(graph, sequence));
  const kinds = kindsOf(sequence.map((p) => p.layer));
  for (const { layer } of sequence) diagnostics.push(...checkGates(layer, kinds.get(layer.name)!));
  diagnostics.push(...checkGroupGates(cluster.profiles));
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
    const { layer, profile } = byName.get(name)!;
    const gates = plannedGates(layer, kinds.get(name)!, consumedCrds.get(name) ?? [], installsRelease(planned));
    return { ...planned, readiness: [...gates, ...groupGatesOf(layer, profile)] };
  });
  const namespaces = requestedNamespaces(layers, cluster.path);
  if (namespaces.diagnostics.length > 0) return { diagnostics: namespaces.diagnostics };
  return { plan: { cluster: cluster.name, installOrder: cluster.installOrder, layers, groups, edges, namespaces: namespaces.namespaces }, diagnostics: [] };
}

/** Infra layers bottom-up, then add-on layers profile by profile, by priority, then declaration. */

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
