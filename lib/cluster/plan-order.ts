import { Diagnostic } from '../errors';
import { describeEdge, Edge, LayerGraph } from '../graph/layer-graph';
import { INFRA_ROLES, LayerSpec } from '../model/layer';
import { ProfileSpec } from '../model/profile';
import { ClusterSpec } from '../model/plan';
import { layerCycle, unknownDependency } from '../diagnostics';

/**
 * Planning, the order: where each layer stands in the install sequence, the dependency graph
 * with a reason on every edge, and the groups that install together. Pure.
 */

export interface Placed {
  readonly layer: LayerSpec;
  readonly profile: ProfileSpec;
}

/** What planning asks of its host: how to tell a deploy-time expression from a literal. */

export function installSequence(profiles: readonly ProfileSpec[]): Placed[] {
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

export function buildGraph(sequence: readonly Placed[]): LayerGraph {
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

export function stageReason(from: Placed, to: Placed): Edge['reason'] {
  if (from.layer.role !== undefined) return { kind: 'infra', from: from.layer.role, to: to.layer.role ?? 'add-ons' };
  if (from.profile === to.profile) return { kind: 'priority', from: from.layer.priority, to: to.layer.priority };
  return { kind: 'profile', from: from.profile.name, to: to.profile.name };
}

export function addDependsOn(graph: LayerGraph, sequence: readonly Placed[]): Diagnostic[] {
  const names = sequence.map((p) => p.layer.name);
  const known = new Set(names);
  const diagnostics: Diagnostic[] = [];
  for (const { layer } of sequence) {
    for (const dependency of layer.dependsOn) {
      if (known.has(dependency)) {
        graph.addEdge({ from: dependency, to: layer.name, reason: { kind: 'dependsOn' } });
        continue;
      }
      diagnostics.push(unknownDependency(layer.path, layer.name, dependency, names));
    }
  }
  return diagnostics;
}

export function cycleDiagnostic(cluster: ClusterSpec, graph: LayerGraph, cycle: readonly string[]): Diagnostic {
  const steps = cycle.slice(1).map((to, i) => graph.edge(cycle[i], to)!);
  return layerCycle(cluster.path, cycle, steps.map((e) => ({ from: e.from, to: e.to, reason: describeEdge(e) })));
}

/** Group index = length of the longest dependency chain before the layer. */

export function groupLevels(order: readonly string[], edges: readonly Edge[]): string[][] {
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
