import * as path from 'path';
import { Token } from 'cdktf';
import { ProfileError } from '../errors';
import { ChartLocation } from '../layer/chart-source';
import { Layer, LayerSpec } from '../layer/layer';
import { ManifestDocument } from '../layer/manifests';
import { PackLayer } from '../layer/pack-layer';
import { ReleaseOptions } from '../layer/release-options';
import { resolveDriftOptions } from '../drift/drift-options';
import { Profile, ProfileType } from '../profile/profile';
import { VariableDefinition } from '../profile/variable';
import { isPlainObject, joinPath, Values } from '../values/merge';
import { SensitiveValue } from '../values/sensitive';
import { canonicalYaml, YamlMemo } from '../values/yaml';
import {
  definedFields,
  EXTENSIONS_FIELD,
  LayerExtensions,
  MASKED_EXPRESSION,
  MASKED_SENSITIVE,
  ManifestEntry,
  PackEntry,
  PRESETS_COMMENT,
  PROFILE_DOCUMENT_API_VERSION,
  PROFILE_DOCUMENT_KIND,
  ProfileDocument,
  RegistryEntry,
  TemplateType,
  VariableEntry,
} from './profile-document';
import { paletteOriginOf } from './palette-origin';
import { ChosenPreset } from './read-document';
import { exportValuesForUnknownLayer, noPaletteOrigin } from '../diagnostics';

/** Options of {@link exportProfile}. */
export interface ExportProfileOptions {
  /**
   * The directory local chart paths are written relative to.
   * @default - the directory the app runs in (`process.cwd()`)
   */
  readonly workingDirectory?: string;
  /**
   * More value paths to mask as `(sensitive)`, by layer name (paths as in provenance:
   * `charts.db.password`, `args[0]`). Synth passes the paths that a cluster running the profile
   * sets to a SensitiveValue, so that a literal default the secret shadows is not written either.
   * @default - none: only SensitiveValue leaves are masked
   */
  readonly sensitivePaths?: Readonly<Record<string, readonly string[]>>;
  /**
   * `library`: this library's document (`apiVersion` cluster-profiles.dev/v1, a pack layer's
   * values being what differs from the pack's defaults). `palette`: Palette's own shape, for a
   * profile imported from a Palette document: that document as given, with what changed since
   * the import written over it, so that Palette can import it again (see export-palette.ts).
   * @default - "palette" for a profile imported from a Palette document, else "library"
   */
  readonly format?: DocumentFormat;
  /**
   * Canonical YAML already made in this synth; synth passes its own, as layers' values are
   * mostly emitted as they are documented.
   * @default - none
   */
  readonly yaml?: YamlMemo;
}

/** The shape of an exported document: this library's, or Palette's. */
export type DocumentFormat = 'library' | 'palette';

/**
 * The profile as a document (see profile-document.ts): its layers in declaration order, each
 * with its values as canonical YAML. A layer's values in the document are its own values with
 * the profile's `setValues` overrides merged over them (Palette has one values text per layer);
 * `null`s are kept, since they remove a pack's defaults. Sensitive values are written
 * `(sensitive)` and Terraform expressions `(expression)`: neither can live outside the app, and
 * `importProfile` asks for both again. Turn it into bytes with `serializeProfileDocument`.
 *
 * A profile imported from a Palette document exports, by default, as Palette's document again
 * (`format: "palette"`): the document as given, with what changed since the import written over
 * it (see export-palette.ts). Exporting any other profile with `format: "palette"` fails with
 * INVALID_DOCUMENT.
 */
export function exportProfile(profile: Profile, options: ExportProfileOptions = {}): ProfileDocument {
  const own = libraryDocument(profile, options);
  const origin = paletteOriginOf(profile);
  const format = options.format ?? (origin ? 'palette' : 'library');
  if (format === 'library') return own;
  if (!origin) {
    return ProfileError.throw(noPaletteOrigin(profile.node.path, profile.profileName));
  }
  // Loaded here: it reads documents, which an app that only synthesizes its own profiles never does.
  const { paletteDocument } = require('./export-palette') as typeof import('./export-palette');
  return paletteDocument(profile, own, origin);
}

function libraryDocument(profile: Profile, options: ExportProfileOptions): ProfileDocument {
  const workingDirectory = path.resolve(options.workingDirectory ?? process.cwd());
  const spec = profile.toSpec();
  const overrides = spec.values;
  const layers = profile.layers;
  const names = layers.map((l) => l.layerName);
  for (const name of overrides.keys()) {
    if (!names.includes(name)) {
      ProfileError.throw(exportValuesForUnknownLayer(profile.node.path, name, profile.profileName, names));
    }
  }
  return {
    apiVersion: PROFILE_DOCUMENT_API_VERSION,
    kind: PROFILE_DOCUMENT_KIND,
    metadata: { name: profile.profileName, ...(profile.description !== undefined ? { description: profile.description } : {}) },
    spec: {
      version: profile.version,
      template: {
        type: TEMPLATE_TYPES[profile.type],
        packs: layers.map((layer, i) =>
          packEntry(layer, spec.layers[i], overrides.get(layer.layerName) ?? [], new Set(options.sensitivePaths?.[layer.layerName] ?? []), workingDirectory, options.yaml),
        ),
      },
      variables: spec.variables.map(variableEntry),
    },
  };
}

/** Palette's name of each profile type. */
const TEMPLATE_TYPES: Readonly<Record<ProfileType, TemplateType>> = { infra: 'infra', addon: 'add-on', full: 'cluster' };

function packEntry(layer: Layer, spec: LayerSpec, overrides: readonly Values[], sensitivePaths: ReadonlySet<string>, workingDirectory: string, yaml?: YamlMemo): PackEntry {
  const values = maskValues(overlay([spec.values, ...overrides]), '', sensitivePaths) as Values;
  const extensions = layerExtensions(layer, spec);
  const common = { name: spec.name, layer: spec.role ?? ('addon' as const), ...(extensions ? { [EXTENSIONS_FIELD]: extensions } : {}) };
  if (layer instanceof PackLayer) {
    const pack = spec.pack!;
    const presets = (layer.declaredOptions.presets ?? []).map((name) => ({ group: layer.resolved.pack.presets.find((p) => p.name === name)?.group, name }));
    return { ...common, type: 'spectro', tag: pack.constraint, version: pack.version, values: valuesText(values, presets, yaml), registry: { metadata: { name: pack.registry } } };
  }
  switch (spec.kind) {
    case 'helm': {
      const version = spec.chartVersion !== undefined ? { tag: spec.chartVersion, version: spec.chartVersion } : {};
      return { ...common, type: 'helm', ...version, values: valuesText(values, [], yaml), registry: chartRegistry(spec.chart!, workingDirectory) };
    }
    case 'kubernetes':
      return { ...common, type: 'kubernetes', tag: spec.kubernetesVersion, version: spec.kubernetesVersion, values: valuesText(values, [], yaml), manifests: manifestEntries(spec.documents ?? []) };
    default:
      return { ...common, type: 'manifest', values: valuesText(values, [], yaml), manifests: manifestEntries(spec.documents ?? []) };
  }
}

/** Only what the layer's declaration set explicitly, so that import declares it the same way. */
function layerExtensions(layer: Layer, spec: LayerSpec): LayerExtensions | undefined {
  const declared = layer.declaredOptions;
  const pack = layer instanceof PackLayer ? layer.declaredOptions : undefined;
  const extensions = definedFields({
    pack: spec.pack && spec.pack.name !== spec.name ? spec.pack.name : undefined,
    namespace: declared.namespace,
    createNamespace: declared.createNamespace,
    releaseName: declared.releaseName,
    priority: declared.priority,
    dependsOn: spec.dependsOn.length > 0 ? [...new Set(spec.dependsOn)].sort() : undefined,
    includePrerelease: pack?.includePrerelease,
    release: declared.release ? releaseOptions(declared.release) : undefined,
    protect: declared.protect,
    drift: declared.drift?.ignore?.length ? { ignore: resolveDriftOptions(declared.drift, layer.node.path).ignore } : undefined,
    kubernetesVersion: pack?.kubernetesVersion,
    readiness: spec.readiness && spec.readiness.length > 0 ? spec.readiness : undefined,
  });
  return Object.keys(extensions).length > 0 ? extensions : undefined;
}

function releaseOptions(release: ReleaseOptions): LayerExtensions['release'] | undefined {
  const { atomic, cleanupOnFail, wait, waitForJobs, timeoutSeconds, maxHistory, upgradeInstall } = release;
  const declared = definedFields({ atomic, cleanupOnFail, wait, waitForJobs, timeoutSeconds, maxHistory, upgradeInstall });
  return Object.keys(declared).length > 0 ? declared : undefined;
}

function chartRegistry(chart: ChartLocation, workingDirectory: string): RegistryEntry {
  switch (chart.type) {
    case 'repository':
      return { repository: chart.repository, chart: chart.chart };
    case 'oci':
      return { oci: `${chart.repository}/${chart.chart}` };
    default:
      return { local: path.relative(workingDirectory, chart.path).split(path.sep).join('/') || '.' };
  }
}

/** One entry per object, named `<kind>-<name>` in lower case, numbered when a name repeats. */
function manifestEntries(documents: readonly ManifestDocument[]): ManifestEntry[] {
  const used = new Set<string>();
  return documents.map((document) => {
    const base = `${document.kind}-${document.metadata.name}`.toLowerCase();
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
    used.add(name);
    return { name, content: canonicalYaml(maskValues(document)) };
  });
}

function variableEntry(variable: VariableDefinition): VariableEntry {
  const value = variable.default;
  const defaultValue = value === undefined ? undefined : variable.sensitive ? MASKED_SENSITIVE : Token.isUnresolved(value) ? MASKED_EXPRESSION : String(value);
  return definedFields({
    name: variable.name,
    displayName: variable.displayName ?? variable.name,
    description: variable.description ?? '',
    format: variable.format ?? 'string',
    defaultValue,
    regex: variable.regex,
    required: variable.required ?? false,
    hidden: variable.hidden ?? false,
    immutable: variable.readOnly ?? false,
    isSensitive: variable.sensitive ?? false,
  });
}

/** Values text: Palette's presets comment when presets are chosen, then canonical YAML. */
function valuesText(values: Values, presets: readonly ChosenPreset[] = [], yaml?: YamlMemo): string {
  const comment = presets.length > 0 ? `${PRESETS_COMMENT} ${presets.map((p) => (p.group ? `${p.group}:${p.name}` : p.name)).join(',')}\n` : '';
  return comment + (Object.keys(values).length > 0 ? canonicalYaml(values, yaml) : '');
}

/** Later trees over earlier ones: maps merge, anything else replaces, and `null` is kept. */
function overlay(trees: readonly Values[]): Values {
  return trees.reduce<Values>((base, tree) => {
    const out: Values = { ...base };
    for (const [key, value] of Object.entries(tree)) out[key] = isPlainObject(value) && isPlainObject(out[key]) ? overlay([out[key] as Values, value]) : value;
    return out;
  }, {});
}

/** A copy with sensitive values (and whatever is at `sensitivePaths`) and Terraform expressions masked. */
function maskValues(value: unknown, at = '', sensitivePaths: ReadonlySet<string> = new Set()): unknown {
  if (SensitiveValue.isSensitive(value) || sensitivePaths.has(at)) return MASKED_SENSITIVE;
  if (Token.isUnresolved(value)) return MASKED_EXPRESSION;
  if (Array.isArray(value)) return value.map((v, i) => maskValues(v, `${at}[${i}]`, sensitivePaths));
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValues(v, joinPath(at, k), sensitivePaths)]));
  return value;
}
