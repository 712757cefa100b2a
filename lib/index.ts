export * from './errors';
export { MergedValues, Values, ValueSource, ValuesLayer } from './values/merge';
export * from './values/sensitive';
export { canonicalYaml, parseValuesYaml } from './values/yaml';
export { Layer, LayerOptions } from './layer/layer';
export { ReleaseOptions, ResolvedReleaseOptions } from './layer/release-options';
export { DriftIgnoreRule, DriftOptions, ResolvedDriftOptions } from './drift/drift-options';
export { ConditionGateOptions, CrdGateOptions, describeGate, GateObject, GateOptions, JsonPathGateOptions, Readiness, ReadinessGate } from './readiness/readiness';
export * from './layer/chart-source';
export { ManifestDocument, ManifestSources } from './layer/manifests';
export * from './layer/helm-layer';
export * from './layer/manifest-layer';
export { KubernetesLayer, KubernetesLayerProps } from './layer/kubernetes-layer';
export * from './layer/pack-layer';
export { Pack, PackDependency, PackManifest, PackSettings } from './pack/pack';
export { Preset } from './pack/presets';
export { SchemaRule } from './pack/schema';
export * from './pack/registry';
export { LockEntry, Lockfile } from './pack/lockfile';
export * from './pack/catalog';
export { ConstraintKind } from './pack/version';
export * from './profile/profile';
export { VARIABLE_FORMATS, VariableDefinition, VariableFormat, VariableValue } from './profile/variable';
export * from './profile/infra-profile';
export * from './profile/addon-profile';
export * from './profile/full-profile';
export { Edge, EdgeReason } from './graph/layer-graph';
export * from './cluster/connection';
export * from './cluster/plan';
export * from './cluster/cluster';
export * from './fleet/fleet-backend';
export * from './fleet/fleet-cluster';
export { planWaves, PlannedWave, WaveCluster, WaveDefaults, WaveOptions } from './fleet/wave';
export { RolloutCluster, RolloutDocument, RolloutSoak, RolloutWave, serializeRolloutDocument } from './fleet/rollout-document';
export * from './fleet/fleet';
export {
  LayerExtensions,
  ManifestEntry,
  PackEntry,
  PackEntryLayer,
  PackEntryType,
  ProfileDocument,
  profileDocumentFileName,
  RegistryEntry,
  serializeProfileDocument,
  TemplateType,
  VariableEntry,
} from './document/profile-document';
export { DocumentFormat, exportProfile, ExportProfileOptions } from './document/export-profile';
export { profileNameFrom } from './document/profile-name';

export { ClusterPolicy, PolicyViolation } from './policy/cluster-policy';
export { installsRelease } from './cluster/layer-releases';
export { RequirePinnedVersions, UnpinnedVersion, findUnpinnedVersions, describeUnpinned } from './policy/require-pinned-versions';
export { ForbidClearTextSecrets, ForbidClearTextSecretsOptions, SECRET_KEY_PATTERN } from './policy/forbid-clear-text-secrets';
export { RequireNamespaces } from './policy/require-namespaces';
export { RequireRecoverableReleases, RequireRecoverableReleasesOptions } from './policy/require-recoverable-releases';
export { RequireKubernetesCompatibility } from './policy/require-kubernetes-compatibility';
export { PROFILE_DOCUMENT_SCHEMA, readProfileDocument } from './document/read-document';
export { importProfile, importProfiles, ImportProfileOptions, ProfileImport } from './document/import-profile';
export {
  ChangeKind,
  ComparableProfile,
  diffProfiles,
  FieldChange,
  formatProfileDiff,
  LayerFieldChange,
  LayerMove,
  LayerPosition,
  ManifestChange,
  ProfileDiff,
  ProfileIdentity,
  ValueChange,
  VariableChange,
  VersionChange,
} from './document/diff-profiles';
