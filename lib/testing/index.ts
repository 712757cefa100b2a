/**
 * `cdktf-cluster-profiles/testing`: helpers and matchers for users' own tests of their profiles
 * and clusters. Importing this module also brings the matchers' types onto `jest.Matchers`.
 */
export { synthCluster, SynthesizedCluster } from './synth-cluster';
export type { SynthesizedLayer, TerraformBlock } from './synth-cluster';
export { valueMismatches } from './values-subset';
export type { ValueMismatch } from './values-subset';
export {
  clusterMatchers,
  toHaveDependencyEdges,
  toHaveLayer,
  toHaveMergedValues,
  toHaveNoUnpinnedVersions,
  toInstallBefore,
  toInstallTogether,
} from './matchers';
export type { ClusterSubject, LayerExpectation, MatchResult } from './matchers';
export { jestMatchers, setupJest } from './jest';
