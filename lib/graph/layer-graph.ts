/**
 * The dependency graph of one cluster's layers. Nodes are layer names; every edge carries the
 * reason it exists, which is what lets a cycle error explain itself.
 */

/** Why one layer installs before another. */
export type EdgeReason =
  | { readonly kind: 'infra'; readonly from: string; readonly to: string }
  | { readonly kind: 'profile'; readonly from: string; readonly to: string }
  | { readonly kind: 'priority'; readonly from: number; readonly to: number }
  | { readonly kind: 'dependsOn' }
  /** `to` creates objects of a kind whose CRD `from` installs (read from manifests and charts). */
  | { readonly kind: 'crd'; readonly crdKind: string }
  | { readonly kind: 'sequential' };

/** `from` installs before `to`. */
export interface Edge {
  readonly from: string;
  readonly to: string;
  readonly reason: EdgeReason;
}

/** Renders an edge's reason for humans: `(cert-manager.dependsOn)`, `(priority 10 < 20)`. */
export function describeEdge(edge: Edge): string {
  const r = edge.reason;
  switch (r.kind) {
    case 'infra':
      return `infra order: ${r.from} before ${r.to}`;
    case 'profile':
      return `profile order: ${r.from} before ${r.to}`;
    case 'priority':
      return `priority ${r.from} < ${r.to}`;
    case 'dependsOn':
      return `${edge.to}.dependsOn`;
    case 'sequential':
      return 'sequential install order';
    case 'crd':
      return `${edge.from} defines CRD of kind ${r.crdKind}`;
  }
}

/** A directed graph over named nodes, keeping insertion order for determinism. */
export class LayerGraph {
  private readonly successors = new Map<string, Map<string, Edge>>();
  private readonly predecessors = new Map<string, Set<string>>();

  constructor(public readonly nodes: readonly string[]) {
    for (const n of nodes) {
      this.successors.set(n, new Map());
      this.predecessors.set(n, new Set());
    }
  }

  /** Adds an edge; the first reason given for a pair is kept. */
  addEdge(edge: Edge): void {
    const out = this.successors.get(edge.from)!;
    if (!out.has(edge.to)) {
      out.set(edge.to, edge);
      this.predecessors.get(edge.to)!.add(edge.from);
    }
  }

  /** Direct successors of a node. */
  next(node: string): string[] {
    return [...this.successors.get(node)!.keys()];
  }

  /** Direct predecessors of a node. */
  previous(node: string): string[] {
    return [...this.predecessors.get(node)!];
  }

  /** The edge between two nodes, if any. */
  edge(from: string, to: string): Edge | undefined {
    return this.successors.get(from)!.get(to);
  }

  /** Every edge, in insertion order. */
  edges(): Edge[] {
    return this.nodes.flatMap((n) => [...this.successors.get(n)!.values()]);
  }

  /**
   * Topological order, ties broken by the nodes' declared order, or the cycle that prevents one
   * (as a closed walk of node names: a -> b -> a).
   */
  sort(): { order: string[] } | { cycle: string[] } {
    const rank = new Map(this.nodes.map((n, i) => [n, i]));
    const remaining = new Map(this.nodes.map((n) => [n, this.previous(n).length]));
    const ready = this.nodes.filter((n) => remaining.get(n) === 0);
    const order: string[] = [];
    while (ready.length > 0) {
      ready.sort((a, b) => rank.get(a)! - rank.get(b)!);
      const node = ready.shift()!;
      order.push(node);
      for (const next of this.next(node)) {
        const left = remaining.get(next)! - 1;
        remaining.set(next, left);
        if (left === 0) ready.push(next);
      }
    }
    if (order.length === this.nodes.length) return { order };
    return { cycle: this.findCycle(new Set(this.nodes.filter((n) => !order.includes(n)))) };
  }

  /** Finds one cycle among `candidates` (nodes left over by a failed sort). */
  private findCycle(candidates: Set<string>): string[] {
    const self = this.nodes.find((n) => candidates.has(n) && this.successors.get(n)!.has(n));
    if (self) return [self, self];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (node: string): string[] | undefined => {
      state.set(node, 'open');
      stack.push(node);
      for (const next of this.next(node)) {
        if (!candidates.has(next)) continue;
        if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
        if (!state.has(next)) {
          const found = visit(next);
          if (found) return found;
        }
      }
      stack.pop();
      state.set(node, 'done');
      return undefined;
    };
    for (const node of this.nodes) {
      if (candidates.has(node) && !state.has(node)) {
        const found = visit(node);
        if (found) return found;
      }
    }
    return [];
  }
}
