import { Cluster } from '../cluster/cluster';
import { didYouMean } from '../errors';
import { describeUnpinned, findUnpinnedVersions } from '../policy/require-pinned-versions';
import { Values } from '../values/merge';
import { synthCluster, SynthesizedCluster } from './synth-cluster';
import { describeMismatches, renderValue, renderValues, ValueMismatch, valueMismatches } from './values-subset';

/**
 * Assertions about a cluster's install plan, as pure functions: each returns whether it holds
 * and the message to print when the assertion fails, whichever way it was asked (the message of
 * a passing result explains the failure of its negation). `jest.ts` adapts them to jest.
 *
 * The subject is a {@link Cluster}, synthesized once per stack by {@link synthCluster}, or that
 * function's result. Naming a layer the cluster does not have is a mistake in the test, not a
 * failed assertion: it throws an `UNKNOWN_LAYER` error either way.
 */

/** The outcome of a matcher. */
export interface MatchResult {
  /** Whether the assertion holds. */
  readonly pass: boolean;
  /** What to print when the assertion (or its negation, when `pass` is true) fails. */
  readonly message: string;
}

/** What a matcher accepts: a cluster, or a cluster already synthesized by {@link synthCluster}. */
export type ClusterSubject = Cluster | SynthesizedCluster;

/** What {@link toHaveLayer} checks besides the layer's presence. */
export interface LayerExpectation {
  /**
   * The chart version; for a pack layer the pack version it resolved to; for a Kubernetes layer the server version it pins.
   * @default - any version
   */
  readonly version?: string;
  /**
   * The namespace the layer installs into.
   * @default - any namespace
   */
  readonly namespace?: string;
  /**
   * A subset of the layer's merged values (see {@link toHaveMergedValues}).
   * @default - any values
   */
  readonly values?: Values;
}

/** `first` installs before `second`: a chain of dependencies leads from one to the other. */
export function toInstallBefore(subject: ClusterSubject, first: string, second: string): MatchResult {
  const cluster = synthesized(subject);
  cluster.layer(first);
  cluster.layer(second);
  const forward = dependencyPath(cluster, first, second);
  if (forward) {
    return {
      pass: true,
      message: `expected layer "${first}" not to install before "${second}" on cluster "${cluster.cluster}", but "${second}" waits for it: ${forward.join(' -> ')}\n${installOrder(cluster)}`,
    };
  }
  const backward = dependencyPath(cluster, second, first);
  const why = backward ? `"${second}" installs first: ${backward.join(' -> ')}` : 'nothing orders them, so they may install in parallel';
  return {
    pass: false,
    message: `expected layer "${first}" to install before "${second}" on cluster "${cluster.cluster}", but ${why}\n${installOrder(cluster)}`,
  };
}

/** `a` and `b` install in the same step: neither waits for the other. */
export function toInstallTogether(subject: ClusterSubject, a: string, b: string): MatchResult {
  const cluster = synthesized(subject);
  const [stepA, stepB] = [cluster.layer(a).group + 1, cluster.layer(b).group + 1];
  const order = installOrder(cluster);
  if (stepA === stepB) {
    return {
      pass: true,
      message: `expected layers "${a}" and "${b}" not to install together on cluster "${cluster.cluster}", but both install in step ${stepA}\n${order}`,
    };
  }
  return {
    pass: false,
    message: `expected layers "${a}" and "${b}" to install together on cluster "${cluster.cluster}", but "${a}" installs in step ${stepA} and "${b}" in step ${stepB}\n${order}`,
  };
}

/** The cluster has a layer of that name and, when given, that version, namespace and values. */
export function toHaveLayer(subject: ClusterSubject, name: string, expected: LayerExpectation = {}): MatchResult {
  const cluster = synthesized(subject);
  const asked = Object.keys(expected).length > 0 ? ` with ${renderValue(expected)}` : '';
  const layer = cluster.layers.find((l) => l.name === name);
  if (!layer) {
    const close = didYouMean(name, cluster.layerNames);
    const hint = close.length > 0 ? ` (did you mean ${close.map((c) => `"${c}"`).join(' or ')}?)` : '';
    return {
      pass: false,
      message: `expected cluster "${cluster.cluster}" to have layer "${name}"${asked}, but it has none of that name${hint}; its layers: ${cluster.layerNames.join(', ')}`,
    };
  }
  const mismatches: ValueMismatch[] = [];
  if (expected.version !== undefined && layer.version !== expected.version) {
    mismatches.push({ path: 'version', expected: expected.version, found: layer.version });
  }
  if (expected.namespace !== undefined && layer.namespace !== expected.namespace) {
    mismatches.push({ path: 'namespace', expected: expected.namespace, found: layer.namespace });
  }
  if (expected.values !== undefined) {
    for (const m of valueMismatches(layer.values, expected.values)) mismatches.push({ ...m, path: m.path ? `values.${m.path}` : 'values' });
  }
  if (mismatches.length === 0) {
    return { pass: true, message: `expected cluster "${cluster.cluster}" not to have layer "${name}"${asked}, but it does` };
  }
  return {
    pass: false,
    message: `expected cluster "${cluster.cluster}" to have layer "${name}"${asked}, but:\n${describeMismatches(mismatches).join('\n')}`,
  };
}

/** The layer's merged values contain `subset`: maps partially, lists whole, scalars exactly. */
export function toHaveMergedValues(subject: ClusterSubject, layerName: string, subset: Values): MatchResult {
  const cluster = synthesized(subject);
  const values = cluster.layer(layerName).values;
  const mismatches = valueMismatches(values, subset);
  const what = `the merged values of layer "${layerName}" on cluster "${cluster.cluster}"`;
  const found = `merged values:\n${renderValues(values)}`;
  if (mismatches.length === 0) {
    return { pass: true, message: `expected ${what} not to contain ${renderValue(subset)}, but they do\n${found}` };
  }
  return {
    pass: false,
    message: `expected ${what} to contain ${renderValue(subset)}, but:\n${describeMismatches(mismatches).join('\n')}\n${found}`,
  };
}

/** Every chart from a repository or an OCI registry names an exact version. */
export function toHaveNoUnpinnedVersions(subject: ClusterSubject): MatchResult {
  const cluster = synthesized(subject);
  const unpinned = findUnpinnedVersions(cluster.plan);
  if (unpinned.length === 0) {
    return {
      pass: true,
      message: `expected cluster "${cluster.cluster}" to have unpinned chart versions, but every chart from a repository or registry has an exact version`,
    };
  }
  const lines = unpinned.map((u) => `  ${u.layer.name}: chart ${u.chart} has ${describeUnpinned(u)}`);
  return { pass: false, message: `expected cluster "${cluster.cluster}" to have no unpinned chart versions, but:\n${lines.join('\n')}` };
}

/**
 * The plan's reduced dependency edges are exactly `edges` (`[from, to]`: `to` waits for `from`),
 * in any order: the `depends_on` emission writes, no more, no fewer.
 */
export function toHaveDependencyEdges(subject: ClusterSubject, edges: ReadonlyArray<readonly [string, string]>): MatchResult {
  const cluster = synthesized(subject);
  const arrow = ([from, to]: readonly [string, string]) => `${from} -> ${to}`;
  const actual = cluster.edges.map(arrow);
  const wanted = edges.map(arrow);
  const actualText = `actual edges:\n${actual.map((e) => `  ${e}`).join('\n') || '  (none)'}`;
  const missing = wanted.filter((e) => !actual.includes(e));
  const unexpected = actual.filter((e) => !wanted.includes(e));
  if (missing.length === 0 && unexpected.length === 0) {
    return { pass: true, message: `expected the dependency edges of cluster "${cluster.cluster}" not to be exactly the given ones, but they are\n${actualText}` };
  }
  const lines = [...missing.map((e) => `  missing:    ${e}`), ...unexpected.map((e) => `  unexpected: ${e}`)];
  return {
    pass: false,
    message: `expected the dependency edges of cluster "${cluster.cluster}" to be exactly the given ones, but:\n${lines.join('\n')}\n${actualText}`,
  };
}

/** Every matcher, by name, for adapters. */
export const clusterMatchers = {
  toInstallBefore,
  toInstallTogether,
  toHaveLayer,
  toHaveMergedValues,
  toHaveNoUnpinnedVersions,
  toHaveDependencyEdges,
};

function synthesized(subject: unknown): SynthesizedCluster {
  if (SynthesizedCluster.isSynthesizedCluster(subject)) return subject;
  if (Cluster.isCluster(subject)) return synthCluster(subject);
  throw new TypeError(`expected a Cluster or the result of synthCluster(), but got ${subject === null ? 'null' : typeof subject}`);
}

/** The groups, one step a line: what a reader needs to see why an order assertion failed. */
function installOrder(cluster: SynthesizedCluster): string {
  const steps = cluster.groups.map((group, i) => `  step ${i + 1}: ${group.join(', ')}`);
  return [`install order of cluster "${cluster.cluster}":`, ...steps].join('\n');
}

/** The shortest chain of edges from `from` to `to`, as layer names, if there is one. */
function dependencyPath(cluster: SynthesizedCluster, from: string, to: string): string[] | undefined {
  const previous = new Map<string, string>();
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const [a, b] of cluster.edges) {
      if (a !== node || previous.has(b) || b === from) continue;
      previous.set(b, node);
      if (b === to) return chain(previous, from, to);
      queue.push(b);
    }
  }
  return undefined;
}

function chain(previous: ReadonlyMap<string, string>, from: string, to: string): string[] {
  const path = [to];
  while (path[0] !== from) path.unshift(previous.get(path[0])!);
  return path;
}
