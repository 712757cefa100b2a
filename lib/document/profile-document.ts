import { DriftOptions } from '../drift/drift-options';
import type { ReadinessGate } from '../readiness/readiness';
import { ReleaseOptions } from '../layer/release-options';
import { sortKeys } from '../values/yaml';
import { profileNameFrom } from './profile-name';

/**
 * The profile document: one profile as versioned JSON, shaped like Palette's cluster profile
 * export (`metadata`, `spec.version`, `spec.template.packs[]`, `spec.variables[]`) so that a
 * profile can be reviewed, stored, compared and moved between apps, and Palette's own exports can
 * be imported. What Palette has no field for sits in each pack entry's `x-cluster-profiles`.
 * The JSON Schema is profile-document.schema.json beside this file.
 */

/** `apiVersion` of the documents this library writes; bumped on any incompatible change. */
export const PROFILE_DOCUMENT_API_VERSION = 'cluster-profiles.dev/v1';

/** `kind` of a profile document. */
export const PROFILE_DOCUMENT_KIND = 'ClusterProfile';

/** What an export writes in place of a sensitive value; import needs the value again. */
export const MASKED_SENSITIVE = '(sensitive)';

/** What an export writes in place of a Terraform expression (a cdktf token); import needs it again. */
export const MASKED_EXPRESSION = '(expression)';

/** The name of the field of a pack entry that holds what Palette's format has no field for. */
export const EXTENSIONS_FIELD = 'x-cluster-profiles';

/** First-line comment of Palette's layer values that records the chosen presets. */
export const PRESETS_COMMENT = '# spectrocloud.com/enabled-presets:';

/** Palette's profile types: `cluster` is what this library calls a full profile. */
export type TemplateType = 'infra' | 'add-on' | 'cluster';

/**
 * How a layer is delivered: `spectro` a pack (Palette's `oci` and `helm` entries with a
 * `registry.metadata` are packs too, resolved through the app's PackCatalog), `helm` a chart from
 * a repository, an OCI registry or a local path, `manifest` raw objects, `kubernetes` the
 * Kubernetes layer that pins the server version.
 */
export type PackEntryType = 'spectro' | 'helm' | 'manifest' | 'kubernetes' | 'oci';

/** The layer a pack entry fills: an infrastructure role or `addon`. */
export type PackEntryLayer = 'os' | 'k8s' | 'cni' | 'csi' | 'addon';

/** A profile document. */
export interface ProfileDocument {
  /** {@link PROFILE_DOCUMENT_API_VERSION}; absent in documents exported by Palette. */
  readonly apiVersion?: string;
  /** {@link PROFILE_DOCUMENT_KIND}; absent in documents exported by Palette. */
  readonly kind?: string;
  readonly metadata: {
    /**
     * The profile's name. In a document exported by Palette it is Palette's name of the profile,
     * which may hold spaces and capitals (`ML Ops`); import derives a valid name from it.
     */
    readonly name: string;
    readonly description?: string;
  };
  readonly spec: {
    /** The profile's version (strict semver). */
    readonly version: string;
    readonly template: {
      readonly type: TemplateType;
      /** The layers, in declaration order. */
      readonly packs: readonly PackEntry[];
    };
    /** Profile variables, in declaration order. */
    readonly variables?: readonly VariableEntry[];
  };
}

/** One layer of a profile document. */
export interface PackEntry {
  /** The layer's name. */
  readonly name: string;
  readonly type: PackEntryType;
  readonly layer: PackEntryLayer;
  /**
   * The version as written: a pack's constraint (exact, train or range), a chart's version or
   * range, the Kubernetes version (exact or train).
   */
  readonly tag?: string;
  /**
   * The version in use: what a pack's constraint resolved to; for Helm and Kubernetes layers,
   * which resolve nothing at synth, the same as `tag`.
   */
  readonly version?: string;
  /**
   * The layer's values as canonical YAML, after a first-line {@link PRESETS_COMMENT} when presets
   * are chosen; sensitive values and Terraform expressions masked.
   */
  readonly values?: string;
  /** Where a pack or chart comes from. */
  readonly registry?: RegistryEntry;
  /** The objects of a manifest or Kubernetes layer, one entry per object. */
  readonly manifests?: readonly ManifestEntry[];
  /** Palette's id of the pack (documents exported by Palette); kept, never read. */
  readonly uid?: string;
  /** Palette's id of the pack's registry, in Palette's API payloads instead of `registry`. */
  readonly registryUid?: string;
  /** What Palette's format has no field for. */
  readonly [EXTENSIONS_FIELD]?: LayerExtensions;
}

/**
 * Where a layer comes from: a pack registry (`metadata.name`, Palette's shape) or, for a Helm
 * layer, exactly one of `repository` (with `chart`), `oci` or `local`.
 */
export interface RegistryEntry {
  /** The pack registry the pack resolved from; Palette writes more fields (uid, kind, ...), kept as given. */
  readonly metadata?: { readonly name: string; readonly [field: string]: unknown };
  /** A Helm repository URL. */
  readonly repository?: string;
  /** The chart's name in `repository`. */
  readonly chart?: string;
  /** An OCI chart reference, `oci://registry/path/chart`. */
  readonly oci?: string;
  /** A local chart, relative to the directory the app runs in, with `/` separators. */
  readonly local?: string;
}

/** One Kubernetes object of a manifest layer. */
export interface ManifestEntry {
  /** `<kind>-<metadata.name>`, lower case, unique in the layer. */
  readonly name: string;
  /** The object as canonical YAML. */
  readonly content: string;
}

/** The settings of a layer that Palette's pack entries have no field for; each only when declared. */
export interface LayerExtensions {
  /** The pack's name, when it differs from the layer's. */
  readonly pack?: string;
  readonly namespace?: string;
  readonly createNamespace?: boolean;
  readonly releaseName?: string;
  readonly priority?: number;
  /** Layers this one installs after, sorted. */
  readonly dependsOn?: readonly string[];
  readonly includePrerelease?: boolean;
  /** Terraform refuses to destroy the layer's releases. */
  readonly protect?: boolean;
  /** Helm release options, as declared. */
  readonly release?: ReleaseOptions;
  /** Fields `cluster-profiles drift` ignores, every rule in its long form. */
  readonly drift?: DriftOptions;
  /** The server version a pack layer on the k8s layer expects (exact or a train), as declared. */
  readonly kubernetesVersion?: string;
  /** Readiness gates as declared, each with its timeout. */
  readonly readiness?: readonly ReadinessGate[];
}

/** A profile variable in Palette's shape (`V1Variable`). */
export interface VariableEntry {
  readonly name: string;
  readonly displayName?: string;
  readonly description?: string;
  readonly format?: string;
  /** Palette writes text; import reads it back by `format` (a number, true/false, or text). */
  readonly defaultValue?: string | number | boolean;
  readonly regex?: string;
  readonly required?: boolean;
  readonly hidden?: boolean;
  /** This library's `readOnly`. */
  readonly immutable?: boolean;
  readonly isSensitive?: boolean;
}

/**
 * The document as canonical JSON text: keys sorted at every depth (no key order carries meaning;
 * list order does and is kept), two-space indent, a final newline. Equal documents give equal bytes.
 */
export function serializeProfileDocument(document: ProfileDocument): string {
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

/**
 * The separator of Palette's pack entry names for a pack used on several layers:
 * `<display-name>--<pack>` is pack `<pack>` under the layer name `<display-name>`.
 */
export const DISPLAY_NAME_SEPARATOR = '--';

/**
 * The file name synth writes a document to: `<name>-<version>.json`, with a Palette name made a
 * valid profile name (`ML Ops` → `ml-ops`).
 */
export function profileDocumentFileName(document: ProfileDocument): string {
  return `${profileNameFrom(document.metadata.name)}-${document.spec.version}.json`;
}

/** A copy of `record` without its undefined fields, so that documents hold only what is set. */
export function definedFields<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
