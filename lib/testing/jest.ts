import { Values } from '../values/merge';
import { clusterMatchers, LayerExpectation, MatchResult } from './matchers';

/**
 * The jest adapter: registers the matchers of `matchers.ts` with `expect.extend` and declares
 * their types on `jest.Matchers`. Register once per test run, in a setup file:
 *
 * ```ts
 * import 'cdktf-cluster-profiles/testing/jest-setup';
 * ```
 *
 * or by calling {@link setupJest} there.
 */

/** The matchers in jest's shape: the message is computed only when jest prints it. */
export const jestMatchers = Object.fromEntries(
  Object.entries(clusterMatchers).map(([name, matcher]) => [
    name,
    (received: unknown, ...args: unknown[]) => {
      const result: MatchResult = (matcher as (subject: unknown, ...rest: unknown[]) => MatchResult)(received, ...args);
      return { pass: result.pass, message: () => result.message };
    },
  ]),
);

/** Registers the cluster matchers with jest's global `expect`. Safe to call more than once. */
export function setupJest(): void {
  expect.extend(jestMatchers);
}

declare global {
  // jest's own typings declare Matchers in a namespace; merging into it is how matchers get types.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // The type parameters must match @types/jest's declaration for the interfaces to merge.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    interface Matchers<R, T = {}> {
      /** The cluster installs layer `first` before layer `second`: `second` waits for it. */
      toInstallBefore(first: string, second: string): R;
      /** Layers `a` and `b` install in the same step of the cluster's plan. */
      toInstallTogether(a: string, b: string): R;
      /** The cluster has the layer, with the version, namespace and values subset given. */
      toHaveLayer(name: string, expected?: LayerExpectation): R;
      /** The layer's merged values contain `subset`. */
      toHaveMergedValues(layer: string, subset: Values): R;
      /** Every repository or OCI chart of the cluster has an exact version. */
      toHaveNoUnpinnedVersions(): R;
      /** The plan's reduced dependency edges are exactly `edges`, `[from, to]`, in any order. */
      toHaveDependencyEdges(edges: ReadonlyArray<readonly [string, string]>): R;
    }
  }
}
