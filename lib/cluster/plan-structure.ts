import { Diagnostic } from '../errors';
import { Edge } from '../graph/layer-graph';
import { transitiveReduction } from '../graph/reduce';
import { ProfileSpec } from '../model/profile';
import { InstallOrder } from '../model/plan';
import { checkPackConstraints } from '../pack/constraints';
import { addCrdEdges, checkGates, checkGroupGates, kindsOf } from '../readiness/plan-gates';
import { LayerKinds } from '../readiness/kinds';
import { checkProfile, isUnique } from './plan-checks';
import { addDependsOn, buildGraph, groupLevels, installSequence, Placed } from './plan-order';
import type { LayerGraph } from '../graph/layer-graph';

/**
 * Planning, the part that depends only on the attached profiles and the install order, not on
 * the cluster: the profiles' own checks, the install sequence, pack constraints, and the order
 * (graph, cycle, reduced edges, groups). Clusters that run the same profiles share it (see
 * PlanMemo). It stops at the first stage with problems, as planning does; planCluster reports
 * them with the cluster's own.
 */
export interface PlanStructure {
  /** Layers in declaration order (infra bottom-up, then add-ons by profile and priority). */
  readonly sequence: readonly Placed[];
  /** Problems of the profiles themselves. */
  readonly profileProblems: readonly Diagnostic[];
  /** Whether layer names and releases are unique on the cluster (when not, `checkUniqueness` says why). */
  readonly unique: boolean;
  /** Pack dependency problems, when the profiles passed the checks before. */
  readonly constraintProblems?: readonly Diagnostic[];
  /** Problems of `dependsOn` and readiness gates, when the stages before passed. */
  readonly orderProblems?: readonly Diagnostic[];
  /** The cycle the layers form, with the graph that explains it. */
  readonly cycle?: { readonly graph: LayerGraph; readonly layers: readonly string[] };
  /** The order, when there was no problem. */
  readonly order?: LayerOrder;
}

/** Where every layer installs. */
export interface LayerOrder {
  /** Layer names in install order (group by group). */
  readonly names: readonly string[];
  readonly groups: readonly (readonly string[])[];
  /** The edges kept after transitive reduction. */
  readonly edges: readonly Edge[];
  /** Each layer's direct dependencies, in install order. */
  readonly dependsOn: ReadonlyMap<string, readonly string[]>;
  /** Each layer's group index. */
  readonly groupOf: ReadonlyMap<string, number>;
  /** The kinds each layer defines and uses, read from its manifests and charts. */
  readonly kinds: ReadonlyMap<string, LayerKinds>;
  /** Per layer, the CRD kinds of other layers it uses (their Established gates). */
  readonly consumedCrds: ReadonlyMap<string, readonly string[]>;
}

/** The structure of a plan for `profiles` installed in `installOrder`. Pure. */
export function planStructure(profiles: readonly ProfileSpec[], installOrder: InstallOrder): PlanStructure {
  const profileProblems = profiles.flatMap((p) => checkProfile(p));
  const sequence = installSequence(profiles);
  const unique = isUnique(sequence);
  if (profileProblems.length > 0 || !unique) return { sequence, profileProblems, unique };

  const layers = sequence.map((p) => p.layer);
  const constraintProblems = checkPackConstraints(layers);
  if (constraintProblems.length > 0) return { sequence, profileProblems, unique, constraintProblems };

  const graph = buildGraph(sequence);
  const orderProblems = addDependsOn(graph, sequence);
  const kinds = kindsOf(layers);
  for (const layer of layers) orderProblems.push(...checkGates(layer, kinds.get(layer.name)!));
  orderProblems.push(...checkGroupGates(profiles));
  if (orderProblems.length > 0) return { sequence, profileProblems, unique, constraintProblems, orderProblems };
  const consumedCrds = addCrdEdges(graph, layers, kinds);

  const sorted = graph.sort();
  if ('cycle' in sorted) return { sequence, profileProblems, unique, constraintProblems, orderProblems, cycle: { graph, layers: sorted.cycle } };
  const sortedOrder = sorted.order;
  if (installOrder === 'sequential') {
    sortedOrder.slice(1).forEach((to, i) => graph.addEdge({ from: sortedOrder[i], to, reason: { kind: 'sequential' } }));
  }
  const edges = transitiveReduction(graph, sortedOrder);
  const groups = groupLevels(sortedOrder, edges);
  const names = groups.flat();
  const position = new Map(names.map((n, i) => [n, i]));
  const dependsOn = new Map<string, string[]>();
  for (const e of edges) dependsOn.set(e.to, [...(dependsOn.get(e.to) ?? []), e.from]);
  for (const list of dependsOn.values()) list.sort((a, b) => position.get(a)! - position.get(b)!);
  const groupOf = new Map(groups.flatMap((g, i) => g.map((n) => [n, i] as const)));
  return { sequence, profileProblems, unique, constraintProblems, orderProblems, order: { names, groups, edges, dependsOn, groupOf, kinds, consumedCrds } };
}
