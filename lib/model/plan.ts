import type { Diagnostic } from '../errors';
import type { Edge } from '../graph/layer-graph';
import type { NamespaceSpec } from '../cluster/namespaces';
import type { VariableValue } from '../profile/variable';
import type { Values, ValueSource } from '../values/merge';
import type { LayerSpec } from './layer';
import type { ReadinessGate } from '../readiness/readiness';
import type { ProfileSpec } from './profile';

/** Clusters and their install plans as plain data: what planning reads and returns. */

/** `dag` installs layers in parallel wherever no dependency joins them; `sequential` one at a time. */
export type InstallOrder = 'dag' | 'sequential';

/** A cluster as plain data for planning. */
export interface ClusterSpec {
  readonly name: string;
  readonly path: string;
  /** Attached profiles: the infra or full profile first, then add-on profiles in attach order. */
  readonly profiles: readonly ProfileSpec[];
  /** Cluster-level value overrides by layer name, in the order they were set. */
  readonly values: ReadonlyMap<string, readonly Values[]>;
  readonly installOrder: InstallOrder;
  /** The stack the cluster is in, for the `stack.name` macro. */
  readonly stack: string;
  /** Values of profile variables, by name, for every attached profile that declares them. */
  readonly variables: ReadonlyMap<string, VariableValue>;
  /** User macros (`{{ .spectro.macro.<name> }}`), by name. */
  readonly macros: Readonly<Record<string, string>>;
  /** Layers that must stay installed: never destroyed, and never silently dropped from the code. */
  readonly protectedLayers: readonly string[];
}

/**
 * One layer as it will be installed on one cluster: its {@link LayerSpec} (less the values below
 * its own, now merged in) with what planning adds.
 */
export type PlannedLayer = Omit<LayerSpec, 'baseValues' | 'dependsOn' | 'values' | 'readiness'> & {
  /** The profile the layer comes from. */
  readonly profile: { readonly name: string; readonly version: string };
  /** Index of the group this layer installs with: layers of one group have no order between them. */
  readonly group: number;
  /** Layers this one waits for directly (the transitive reduction), in install order. */
  readonly dependsOn: readonly string[];
  /** Values merged from pack defaults, presets, layer, profile and cluster. */
  readonly values: Values;
  /** For every leaf path of `values`, which source set it. */
  readonly provenance: Readonly<Record<string, ValueSource>>;
  /** Sections of the pack's own values that reach no release (see `checkChartSections`), dropped as Palette drops them. */
  readonly ignoredValues: readonly string[];
  /**
   * Every gate the layer passes before the layers after it start, in order: Helm's wait
   * (`workloads`, `jobsComplete`) when the layer installs a release and waits, then the waiter's
   * gates, declared or automatic (CRDs another layer of the cluster uses).
   */
  readonly readiness: readonly ReadinessGate[];
};

/** The install plan of one cluster. */
export interface InstallPlan {
  readonly cluster: string;
  readonly installOrder: InstallOrder;
  /** Layers in install order. */
  readonly layers: readonly PlannedLayer[];
  /** Groups of layer names that install together, in order. */
  readonly groups: readonly (readonly string[])[];
  /** The edges kept after transitive reduction: exactly the emitted `depends_on`. */
  readonly edges: readonly Edge[];
  /** Namespaces that packs ask to be created with labels or annotations, or in addition. */
  readonly namespaces: readonly NamespaceSpec[];
}

/** The plan, or every problem that prevents it. */
export type PlanResult =
  | { readonly plan: InstallPlan; readonly diagnostics: readonly [] }
  | { readonly plan?: undefined; readonly diagnostics: readonly Diagnostic[] };
