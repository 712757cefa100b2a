import { LayerGraph } from '../../lib/graph/layer-graph';
import { transitiveReduction } from '../../lib/graph/reduce';

function graph(nodes: string[], edges: Array<[string, string]>): LayerGraph {
  const g = new LayerGraph(nodes);
  for (const [from, to] of edges) g.addEdge({ from, to, reason: { kind: 'dependsOn' } });
  return g;
}

describe('LayerGraph', () => {
  it('sorts topologically, breaking ties by declared order', () => {
    const g = graph(['c', 'a', 'b', 'd'], [['a', 'd'], ['b', 'd']]);
    expect(g.sort()).toEqual({ order: ['c', 'a', 'b', 'd'] });
  });

  it('reports a cycle as a closed walk', () => {
    const g = graph(['a', 'b', 'c', 'x'], [['a', 'b'], ['b', 'c'], ['c', 'a'], ['x', 'a']]);
    expect(g.sort()).toEqual({ cycle: ['a', 'b', 'c', 'a'] });
  });

  it('reports a self-loop', () => {
    const g = graph(['a', 'b'], [['b', 'b']]);
    expect(g.sort()).toEqual({ cycle: ['b', 'b'] });
  });
});

describe('transitiveReduction', () => {
  it('drops edges implied by longer paths', () => {
    const g = graph(['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['a', 'c'], ['a', 'd'], ['c', 'd']]);
    const order = (g.sort() as { order: string[] }).order;
    expect(transitiveReduction(g, order).map((e) => `${e.from}->${e.to}`)).toEqual(['a->b', 'b->c', 'c->d']);
  });

  it('keeps every edge of complete bipartite stages, which nothing implies', () => {
    const g = graph(['a1', 'a2', 'b1', 'b2'], [['a1', 'b1'], ['a1', 'b2'], ['a2', 'b1'], ['a2', 'b2']]);
    const order = (g.sort() as { order: string[] }).order;
    expect(transitiveReduction(g, order)).toHaveLength(4);
  });

  it('keeps the reachability of the original graph on a random DAG', () => {
    const nodes = Array.from({ length: 25 }, (_, i) => `n${i}`);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const edges: Array<[string, string]> = [];
    for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) if (random() < 0.2) edges.push([nodes[i], nodes[j]]);
    const g = graph(nodes, edges);
    const order = (g.sort() as { order: string[] }).order;
    const reduced = transitiveReduction(g, order);
    const reach = (pairs: Array<[string, string]>) => {
      const next = new Map(nodes.map((n) => [n, pairs.filter(([f]) => f === n).map(([, t]) => t)]));
      const all = new Set<string>();
      for (const n of nodes) {
        const stack = [...next.get(n)!];
        const seen = new Set<string>();
        while (stack.length) {
          const m = stack.pop()!;
          if (seen.has(m)) continue;
          seen.add(m);
          all.add(`${n}->${m}`);
          stack.push(...next.get(m)!);
        }
      }
      return all;
    };
    expect(reach(reduced.map((e) => [e.from, e.to]))).toEqual(reach(edges));
    expect(reduced.length).toBeLessThan(edges.length);
    // Minimal: removing any kept edge loses reachability.
    for (const e of reduced) {
      const without = reduced.filter((x) => x !== e).map((x) => [x.from, x.to] as [string, string]);
      expect(reach(without).has(`${e.from}->${e.to}`)).toBe(false);
    }
  });
});
