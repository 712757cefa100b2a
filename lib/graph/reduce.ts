import { Edge, LayerGraph } from './layer-graph';

/**
 * The transitive reduction of an acyclic graph: the fewest edges that keep every ordering.
 * An edge a -> b is dropped when b is reachable from a through another successor. This is what
 * the emitter writes as `depends_on`, so Terraform's graph stays small and readable.
 *
 * @param order a topological order of the graph's nodes
 */
export function transitiveReduction(graph: LayerGraph, order: readonly string[]): Edge[] {
  const position = new Map(order.map((n, i) => [n, i]));
  // reachable.get(n): every node reachable from n, filled in reverse topological order.
  const reachable = new Map<string, Set<string>>();
  const kept: Edge[] = [];
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    const successors = graph.next(node).sort((a, b) => position.get(a)! - position.get(b)!);
    const reach = new Set<string>();
    for (const next of successors) {
      // Visiting successors nearest-first: one already reachable is implied by an earlier one.
      if (!reach.has(next)) kept.push(graph.edge(node, next)!);
      reach.add(next);
      for (const r of reachable.get(next)!) reach.add(r);
    }
    reachable.set(node, reach);
  }
  return kept.sort((a, b) => position.get(a.from)! - position.get(b.from)! || position.get(a.to)! - position.get(b.to)!);
}
