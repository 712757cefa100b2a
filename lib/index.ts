export * from './errors';
export { checkName, checkSemver, NameKind } from './names';
export * from './values/merge';
export * from './values/sensitive';
export { canonicalYaml, parseValuesYaml } from './values/yaml';
export * from './layer/layer';
export * from './layer/release-options';
export * from './layer/chart-source';
export * from './layer/manifests';
export * from './layer/helm-layer';
export * from './layer/manifest-layer';
export * from './layer/kubernetes-layer';
export * from './layer/pack-layer';
export * from './pack/pack';
export * from './pack/presets';
export * from './pack/schema';
export * from './pack/registry';
export * from './pack/lockfile';
export * from './pack/catalog';
export * from './pack/version';
export { readArchive, writeArchive } from './pack/archive';
export { contentDigest, blobDigest } from './digest';
export * from './profile/profile';
export * from './profile/variable';
export * from './profile/infra-profile';
export * from './profile/addon-profile';
export * from './profile/full-profile';
export * from './graph/layer-graph';
export { transitiveReduction } from './graph/reduce';
export * from './cluster/connection';
export * from './cluster/plan';
export { INSTALL_PLAN_API_VERSION } from './cluster/install-plan-document';
export * from './cluster/cluster';
export * from './fleet/fleet-backend';
export * from './fleet/fleet-cluster';
export { planWaves, PlannedWave, WaveCluster, WaveDefaults, WaveOptions } from './fleet/wave';
export * from './fleet/rollout-document';
export * from './fleet/fleet';
export {
  EXTENSIONS_FIELD,
  LayerExtensions,
  MASKED_EXPRESSION,
  MASKED_SENSITIVE,
  ManifestEntry,
  PackEntry,
  PackEntryLayer,
  PackEntryType,
  PRESETS_COMMENT,
  PROFILE_DOCUMENT_API_VERSION,
  PROFILE_DOCUMENT_KIND,
  ProfileDocument,
  profileDocumentFileName,
  RegistryEntry,
  serializeProfileDocument,
  TemplateType,
  VariableEntry,
} from './document/profile-document';
export { exportProfile, ExportProfileOptions } from './document/export-profile';

// Loaded on first use: policies, and reading, importing and diffing profile documents. An app that
// only synthesizes needs none of them, and loading them with the rest cost every cold start about
// 3% (bench/, cold_node). Their names stay exports of this module: types here, values as getters
// (test/index.test.ts checks that every export of these modules is one of ours).
import type * as clusterPolicy from './policy/cluster-policy';
import type * as forbidClearTextSecrets from './policy/forbid-clear-text-secrets';
import type * as requireKubernetesCompatibility from './policy/require-kubernetes-compatibility';
import type * as requireNamespaces from './policy/require-namespaces';
import type * as requirePinnedVersions from './policy/require-pinned-versions';
import type * as requireRecoverableReleases from './policy/require-recoverable-releases';
import type * as readDocument from './document/read-document';
import type * as importDocument from './document/import-profile';
import type * as diff from './document/diff-profiles';

export type { PolicyViolation } from './policy/cluster-policy';
export declare const ClusterPolicy: typeof clusterPolicy.ClusterPolicy;
export type ClusterPolicy = clusterPolicy.ClusterPolicy;
export declare const installsRelease: typeof clusterPolicy.installsRelease;
lazyExports(() => require('./policy/cluster-policy'), ['ClusterPolicy', 'installsRelease']);

export type { UnpinnedVersion } from './policy/require-pinned-versions';
export declare const RequirePinnedVersions: typeof requirePinnedVersions.RequirePinnedVersions;
export type RequirePinnedVersions = requirePinnedVersions.RequirePinnedVersions;
export declare const findUnpinnedVersions: typeof requirePinnedVersions.findUnpinnedVersions;
export declare const describeUnpinned: typeof requirePinnedVersions.describeUnpinned;
lazyExports(() => require('./policy/require-pinned-versions'), ['RequirePinnedVersions', 'findUnpinnedVersions', 'describeUnpinned']);

export type { ForbidClearTextSecretsOptions } from './policy/forbid-clear-text-secrets';
export declare const ForbidClearTextSecrets: typeof forbidClearTextSecrets.ForbidClearTextSecrets;
export type ForbidClearTextSecrets = forbidClearTextSecrets.ForbidClearTextSecrets;
export declare const SECRET_KEY_PATTERN: typeof forbidClearTextSecrets.SECRET_KEY_PATTERN;
lazyExports(() => require('./policy/forbid-clear-text-secrets'), ['ForbidClearTextSecrets', 'SECRET_KEY_PATTERN']);

export declare const RequireNamespaces: typeof requireNamespaces.RequireNamespaces;
export type RequireNamespaces = requireNamespaces.RequireNamespaces;
lazyExports(() => require('./policy/require-namespaces'), ['RequireNamespaces']);

export type { RequireRecoverableReleasesOptions } from './policy/require-recoverable-releases';
export declare const RequireRecoverableReleases: typeof requireRecoverableReleases.RequireRecoverableReleases;
export type RequireRecoverableReleases = requireRecoverableReleases.RequireRecoverableReleases;
lazyExports(() => require('./policy/require-recoverable-releases'), ['RequireRecoverableReleases']);

export declare const RequireKubernetesCompatibility: typeof requireKubernetesCompatibility.RequireKubernetesCompatibility;
export type RequireKubernetesCompatibility = requireKubernetesCompatibility.RequireKubernetesCompatibility;
lazyExports(() => require('./policy/require-kubernetes-compatibility'), ['RequireKubernetesCompatibility']);

export declare const PROFILE_DOCUMENT_SCHEMA: typeof readDocument.PROFILE_DOCUMENT_SCHEMA;
export declare const readProfileDocument: typeof readDocument.readProfileDocument;
lazyExports(() => require('./document/read-document'), ['PROFILE_DOCUMENT_SCHEMA', 'readProfileDocument']);

export type { ImportProfileOptions } from './document/import-profile';
export declare const importProfile: typeof importDocument.importProfile;
lazyExports(() => require('./document/import-profile'), ['importProfile']);

export type {
  ChangeKind,
  ComparableProfile,
  FieldChange,
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
export declare const diffProfiles: typeof diff.diffProfiles;
export declare const formatProfileDiff: typeof diff.formatProfileDiff;
lazyExports(() => require('./document/diff-profiles'), ['diffProfiles', 'formatProfileDiff']);

/** Defines `names` on this module's exports as getters that load their module on first access. */
function lazyExports(load: () => Record<string, unknown>, names: readonly string[]): void {
  let loaded: Record<string, unknown> | undefined;
  for (const name of names) {
    Object.defineProperty(module.exports, name, { enumerable: true, get: () => (loaded ??= load())[name] });
  }
}
