/**
 * `cdktf-cluster-profiles/core`: planning as a pure function over the plain model, loadable
 * without cdktf or constructs (test/core.test.ts checks it). Give `planCluster` a
 * {@link ClusterSpec} and it returns the install plan, or every diagnostic that prevents it.
 */
export { planCluster, PlanOptions } from './cluster/plan';
export { PlanMemo } from './cluster/plan-memo';
export * from './model';
export { Diagnostic, ErrorCode, formatDiagnostics, ProfileError } from './errors';
export { describeEdge, Edge, EdgeReason } from './graph/layer-graph';
export { describeGate, GateObject, Readiness, ReadinessGate } from './readiness/readiness';
export { MergedValues, Values, ValueSource, ValuesLayer } from './values/merge';
export { SensitiveValue } from './values/sensitive';
export { ReleaseOptions, ResolvedReleaseOptions, resolveReleaseOptions } from './layer/release-options';
