import type { ChartLocation } from '../layer/chart-source';
import type { ManifestDocument } from '../layer/manifests';
import type { ResolvedReleaseOptions } from '../layer/release-options';
import type { ResolvedDriftOptions } from '../drift/drift-options';
import type { ReadinessGate } from '../readiness/readiness';
import type { LayerKinds } from '../readiness/kinds';
import type { PackChart } from '../pack/chart-sections';
import type { PackDependency } from '../pack/pack';
import type { SchemaRule } from '../pack/schema';
import type { Values, ValuesLayer } from '../values/merge';

/**
 * Layers as plain data: what planning reads. No construct and no cdktf here; the constructs of
 * lib/layer/ record a user's intent and hand it over in these shapes.
 */

/** The infrastructure roles, bottom-up: the order in which a cluster's infra layers install. */
export const INFRA_ROLES = ['os', 'k8s', 'cni', 'csi'] as const;

/** An infrastructure role: operating system, Kubernetes, network (CNI), storage (CSI). */
export type InfraRole = (typeof INFRA_ROLES)[number];

/** How a layer is delivered. */
export type LayerKind = 'helm' | 'manifest' | 'kubernetes' | 'pack';

/** Everything the planner needs to know about a layer, as plain data. */
export interface LayerSpec {
  readonly name: string;
  /** Construct path of the layer, for errors. */
  readonly path: string;
  readonly kind: LayerKind;
  readonly role?: InfraRole;
  readonly namespace: string;
  readonly createNamespace: boolean;
  readonly releaseName: string;
  readonly priority: number;
  readonly dependsOn: readonly string[];
  /** Values below the layer's own: a pack's defaults and its chosen presets. */
  readonly baseValues?: readonly ValuesLayer[];
  /** The layer's own values, above `baseValues` and below the profile's and the cluster's. */
  readonly values: Values;
  readonly release: ResolvedReleaseOptions;
  /** Whether Terraform must refuse to destroy the layer's releases. */
  readonly protect: boolean;
  /** Drift rules, checked. */
  readonly drift?: ResolvedDriftOptions;
  /** Readiness gates as declared and checked (planning adds Helm's wait and automatic CRD gates). */
  readonly readiness?: readonly ReadinessGate[];
  /** Chart of a Helm layer. */
  readonly chart?: ChartLocation;
  /** Chart version or range of a Helm layer. */
  readonly chartVersion?: string;
  /** Objects of a manifest layer (or the extra objects of another layer). */
  readonly documents?: readonly ManifestDocument[];
  /** Server version a Kubernetes layer expects: exact (`1.34.4`) or a train (`1.34.x`). */
  readonly kubernetesVersion?: string;
  /** The Kubernetes distribution a Kubernetes layer is, for pack dependencies on `layer: k8s`. */
  readonly kubernetesDistribution?: string;
  /** The resolved pack of a pack layer. */
  readonly pack?: PackSpec;
}

/** A pack layer's resolved pack, as plain data. */
export interface PackSpec {
  readonly name: string;
  readonly displayName: string;
  /** The version resolved from `constraint`. */
  readonly version: string;
  /** What the profile asked for: exact, a train or a range. */
  readonly constraint: string;
  readonly registry: string;
  readonly digest: string;
  /** Chart archives in install order, with the chart name and top folder read from each. */
  readonly charts: ReadonlyArray<PackChart>;
  /** Manifest files in install order. */
  readonly manifests: readonly string[];
  /** Every file of the pack. */
  readonly files: ReadonlyMap<string, Buffer>;
  readonly dependencies: ReadonlyArray<PackDependency>;
  readonly schema: ReadonlyArray<SchemaRule>;
  /**
   * The CRDs and other kinds the pack's manifests and chart files create, read once per layer.
   * @default - read when planning
   */
  readonly kinds?: LayerKinds;
}
