import { Diagnostic } from '../errors';
import { ClusterSpec, PlannedLayer, PlanResult } from '../model/plan';
import { groupGatesOf, plannedGates } from '../readiness/plan-gates';
import { installsRelease } from './layer-releases';
import { MergedValues } from '../values/merge';
import { requestedNamespaces } from './namespaces';
import { checkOverrides, checkUniqueness, checkVariables } from './plan-checks';
import { cycleDiagnostic, Placed } from './plan-order';
import { planStructure } from './plan-structure';
import { PlanMemo } from './plan-memo';
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
  /**
   * What planning may reuse between clusters: give the same memo to every `planCluster` call of
   * one synth (over the same, unchanged specs) and clusters running the same profiles merge and
   * check each layer's values once. The plans are the same with or without it.
   * @default - nothing is reused
   */
  readonly memo?: PlanMemo;
}

/** Plans one cluster. Returns every diagnostic found rather than stopping at the first. */

export function planCluster(cluster: ClusterSpec, options: PlanOptions = {}): PlanResult {
  const isExpression = options.isExpression ?? (() => false);
  const structure = options.memo
    ? options.memo.structure(cluster.profiles, cluster.installOrder, () => planStructure(cluster.profiles, cluster.installOrder))
    : planStructure(cluster.profiles, cluster.installOrder);
  const { sequence } = structure;
  const diagnostics: Diagnostic[] = [...structure.profileProblems];
  if (!structure.unique) diagnostics.push(...checkUniqueness(cluster, sequence));
  diagnostics.push(...checkOverrides(cluster, sequence), ...checkVariables(cluster, isExpression));
  if (diagnostics.length > 0) return { diagnostics };

  const merged = mergeAll(cluster, sequence, diagnostics, isExpression, options.memo);
  diagnostics.push(...(structure.constraintProblems ?? []));
  if (diagnostics.length > 0) return { diagnostics };
  diagnostics.push(...(structure.orderProblems ?? []));
  if (diagnostics.length > 0) return { diagnostics };
  if (structure.cycle) return { diagnostics: [cycleDiagnostic(cluster, structure.cycle.graph, structure.cycle.layers)] };

  const order = structure.order!;
  const byName = new Map(sequence.map((p) => [p.layer.name, p]));
  const layers = order.names.map((name) => {
    const placed = byName.get(name)!;
    const values = merged.get(name)!;
    const protect = placed.layer.protect || cluster.protectedLayers.includes(name);
    const plan = (): PlannedLayer => {
      const planned = plannedLayer(placed, values, protect, order.groupOf.get(name)!, order.dependsOn.get(name) ?? []);
      const gates = plannedGates(placed.layer, order.kinds.get(name)!, order.consumedCrds.get(name) ?? [], installsRelease(planned));
      return { ...planned, readiness: [...gates, ...groupGatesOf(placed.layer, placed.profile)] };
    };
    return options.memo ? options.memo.plannedLayer(structure, placed.layer, values, protect, plan) : plan();
  });
  const namespaces = requestedNamespaces(layers, cluster.path);
  if (namespaces.diagnostics.length > 0) return { diagnostics: namespaces.diagnostics };
  const plan = { cluster: cluster.name, installOrder: cluster.installOrder, layers, groups: order.groups, edges: order.edges, namespaces: namespaces.namespaces };
  return { plan, diagnostics: [] };
}

/** Infra layers bottom-up, then add-on layers profile by profile, by priority, then declaration. */

function plannedLayer(
  placed: Placed,
  merged: MergedValues & { ignoredValues?: readonly string[] },
  protect: boolean,
  group: number,
  dependsOn: readonly string[],
): PlannedLayer {
  const { layer, profile } = placed;
  const { baseValues: _mergedIntoValues, readiness: _plannedLater, ...spec } = layer;
  return {
    ...spec,
    profile: { name: profile.name, version: profile.version },
    group,
    dependsOn,
    values: merged.values,
    provenance: merged.provenance,
    ignoredValues: merged.ignoredValues ?? [],
    protect,
    readiness: [],
  };
}

/** Infra profiles hold one layer per role and nothing else; add-on profiles hold no roles. */
