import * as path from 'path';
import { Construct } from 'constructs';
import { Diagnostic, ProfileError, withSuggestions } from '../errors';
import { ChartSource } from '../layer/chart-source';
import { HelmLayer } from '../layer/helm-layer';
import { InfraRole, LayerOptions } from '../layer/layer';
import { KubernetesLayer } from '../layer/kubernetes-layer';
import { ManifestLayer } from '../layer/manifest-layer';
import { PackLayer } from '../layer/pack-layer';
import { PackCatalog, ResolvedPack } from '../pack/catalog';
import { presetValues } from '../pack/presets';
import { AddonProfile } from '../profile/addon-profile';
import { FullProfile } from '../profile/full-profile';
import { InfraProfile } from '../profile/infra-profile';
import { Profile, ProfileProps } from '../profile/profile';
import { VariableDefinition, VariableFormat, VariableValue } from '../profile/variable';
import { isPlainObject, joinPath, mergeValues, Values } from '../values/merge';
import { SensitiveValue } from '../values/sensitive';
import { jsonPathChild } from './json-schema';
import { definedFields, MASKED_EXPRESSION, MASKED_SENSITIVE, PackEntry, ProfileDocument, RegistryEntry, VariableEntry } from './profile-document';
import { Readiness } from '../readiness/readiness';
import { extensionsOf, isOwnDocument, LayerValues, packPath, readLayerValues, readManifestObjects, readProfileDocument } from './read-document';

/** Options of {@link importProfile}. */
export interface ImportProfileOptions {
  /**
   * The sensitive values the document masks as `(sensitive)`, by layer name, then value path
   * (`charts.web.adminToken`; a dot inside a key written `\.`, a list item `[0]`).
   * @default - none: a document that masks a sensitive value does not import without it
   */
  readonly sensitiveValues?: Readonly<Record<string, Readonly<Record<string, SensitiveValue>>>>;
  /**
   * The Terraform expressions (cdktf tokens) the document masks as `(expression)`, by layer name,
   * then value path.
   * @default - none: a document that masks an expression does not import without it
   */
  readonly expressions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /**
   * Defaults of the variables whose `defaultValue` the document masks, by variable name. (A
   * sensitive variable takes no default here, so its masked default is dropped instead.)
   * @default - none
   */
  readonly variables?: Readonly<Record<string, Exclude<VariableValue, SensitiveValue>>>;
  /**
   * Where pack layers resolve.
   * @default - the app's only PackCatalog
   */
  readonly catalog?: PackCatalog;
  /**
   * The directory local chart paths of the document are relative to.
   * @default - the directory the app runs in (`process.cwd()`)
   */
  readonly workingDirectory?: string;
  /**
   * Names the document in errors (a file name), before the JSONPath.
   * @default - none: errors show the JSONPath alone
   */
  readonly source?: string;
}

/**
 * Declares the profile a document describes: an InfraProfile, AddonProfile or FullProfile (from
 * `spec.template.type`) with its layers in order, their values and settings, and its variables.
 * The document is checked first (INVALID_DOCUMENT, at JSONPaths); then every masked value must be
 * given in `options` and every pack must be in the catalog's registries; all problems are thrown
 * at once. Exporting the imported profile gives the same bytes as the document, when the document
 * was exported by this library.
 *
 * A document exported by Palette (it has no `apiVersion`) is read the same way, with three
 * differences: its pack entries (`spectro`, `oci`, or `helm` naming a registry by `metadata`)
 * resolve through the catalog by `tag` (else `version`); its values are a pack's whole values, so
 * only what differs from the pack's defaults and chosen presets becomes the layer's values; and
 * its manifest names are not kept (objects are named `<kind>-<name>` on export).
 *
 * @param input a document, or its JSON text
 */
export function importProfile(scope: Construct, id: string, input: ProfileDocument | string, options: ImportProfileOptions = {}): Profile {
  const document = readProfileDocument(input, options.source);
  const at = (jsonPath: string): string => (options.source ? `${options.source}: ${jsonPath}` : jsonPath);
  const entries = document.spec.template.packs.map((entry, i) => ({ entry, path: packPath(i), read: readLayerValues(entry, packPath(i)) }));
  const packEntries = entries.filter(({ entry }) => isPackEntry(entry));
  const catalog = packEntries.length > 0 ? (options.catalog ?? PackCatalog.of(scope, at('$'))) : undefined;
  const packs = catalog ? resolvePacks(packEntries, catalog, at) : { resolved: new Map<string, ResolvedPack>(), diagnostics: [] };
  const diagnostics = [...checkMaskedValues(entries, document.spec.variables ?? [], options, at), ...packs.diagnostics];
  if (diagnostics.length > 0) throw new ProfileError(diagnostics);

  const workingDirectory = path.resolve(options.workingDirectory ?? process.cwd());
  const existing = scope.node.tryFindChild(id);
  try {
    const profile = createProfile(scope, id, document, options.variables ?? {});
    for (const { entry, path: jsonPath, read } of entries) {
      const values = unmask(read.values, options.sensitiveValues?.[entry.name] ?? {}, options.expressions?.[entry.name] ?? {});
      const layer = { entry, path: jsonPath, values, presets: read.presets.map((p) => p.name) };
      const resolved = packs.resolved.get(jsonPath);
      if (resolved) declarePackLayer(profile, layer, resolved, catalog!, isOwnDocument(document));
      else declareLayer(profile, layer, workingDirectory);
    }
    return profile;
  } catch (e) {
    // The constructs check what a document cannot (a local chart on disk, a variable's regex): when
    // one fails, no half-declared profile stays in the app to break a retry with the same id.
    if (!existing) scope.node.tryRemoveChild(id);
    throw e;
  }
}

interface ImportedLayer {
  readonly entry: PackEntry;
  /** JSONPath of the entry. */
  readonly path: string;
  readonly values: Values;
  readonly presets: readonly string[];
}

/** Whether an entry is a pack resolved through the catalog, rather than a chart, manifests or Kubernetes. */
function isPackEntry(entry: PackEntry): boolean {
  return entry.type === 'spectro' || entry.type === 'oci' || (entry.type === 'helm' && entry.registry?.metadata !== undefined);
}

function createProfile(scope: Construct, id: string, document: ProfileDocument, suppliedDefaults: NonNullable<ImportProfileOptions['variables']>): Profile {
  const props: ProfileProps = {
    name: document.metadata.name,
    version: document.spec.version,
    description: document.metadata.description,
    variables: (document.spec.variables ?? []).map((v) => variableDefinition(v, suppliedDefaults)),
  };
  switch (document.spec.template.type) {
    case 'infra':
      return new InfraProfile(scope, id, props);
    case 'cluster':
      return new FullProfile(scope, id, props);
    default:
      return new AddonProfile(scope, id, props);
  }
}

function declarePackLayer(profile: Profile, layer: ImportedLayer, resolved: ResolvedPack, catalog: PackCatalog, ownDocument: boolean): void {
  const { entry } = layer;
  const extensions = extensionsOf(entry);
  // Palette's values are the pack's whole values; the layer keeps only what differs from them.
  const values = ownDocument ? layer.values : valuesDelta(packBaseValues(resolved, layer.presets, `${profile.node.path}/${entry.name}`), layer.values);
  new PackLayer(profile, entry.name, {
    ...layerOptions(entry),
    pack: resolved.pack.manifest.name,
    version: resolved.constraint,
    catalog,
    presets: layer.presets.length > 0 ? layer.presets : undefined,
    values,
    includePrerelease: extensions.includePrerelease,
  });
}

function declareLayer(profile: Profile, layer: ImportedLayer, workingDirectory: string): void {
  const { entry, values } = layer;
  const role = entry.layer === 'addon' ? undefined : (entry.layer as InfraRole);
  const documents = (): Values[] => readManifestObjects(entry, layer.path) as Values[];
  switch (entry.type) {
    case 'helm':
      new HelmLayer(profile, entry.name, { ...layerOptions(entry), chart: chartSource(entry.registry!, workingDirectory), version: entry.version ?? entry.tag, values, role });
      return;
    case 'kubernetes':
      new KubernetesLayer(profile, entry.name, { ...layerOptions(entry), version: entry.tag!, values, documents: documents() });
      return;
    default:
      new ManifestLayer(profile, entry.name, { ...layerOptions(entry), role, documents: documents() });
      // A manifest layer takes no values of its own; values the profile set for it stay with the profile.
      if (Object.keys(values).length > 0) profile.setValues(entry.name, values);
  }
}

function layerOptions(entry: PackEntry): LayerOptions {
  const { namespace, createNamespace, releaseName, priority, dependsOn, release, protect, drift, readiness: gates } = extensionsOf(entry);
  const readiness = gates?.map((gate) => Readiness.fromGate(gate));
  return definedFields({ name: entry.name, namespace, createNamespace, releaseName, priority, dependsOn, release, protect, drift, readiness });
}

function chartSource(registry: RegistryEntry, workingDirectory: string): ChartSource {
  if (registry.repository !== undefined) return ChartSource.repository(registry.repository, registry.chart!);
  if (registry.oci !== undefined) return ChartSource.oci(registry.oci);
  return ChartSource.local(path.resolve(workingDirectory, registry.local!));
}

/**
 * Resolves every pack entry through the catalog, by its tag (else its version). Packs the
 * registries lack are reported together, in one diagnostic; other resolution errors as they are.
 */
function resolvePacks(
  entries: ReadonlyArray<{ entry: PackEntry; path: string }>,
  catalog: PackCatalog,
  at: (jsonPath: string) => string,
): { resolved: Map<string, ResolvedPack>; diagnostics: Diagnostic[] } {
  const resolved = new Map<string, ResolvedPack>();
  const diagnostics: Diagnostic[] = [];
  const missing: string[] = [];
  for (const { entry, path: jsonPath } of entries) {
    const packName = extensionsOf(entry).pack ?? entry.name;
    const constraint = (entry.tag ?? entry.version)!;
    try {
      const pack = catalog.resolve(packName, constraint, at(jsonPath), extensionsOf(entry).includePrerelease ?? false);
      resolved.set(jsonPath, pack);
      if (pack.pack.manifest.layer !== entry.layer) {
        diagnostics.push({
          code: 'INVALID_DOCUMENT',
          path: at(jsonPathChild(jsonPath, 'layer')),
          message: `is "${entry.layer}", but pack ${packName} ${pack.pack.manifest.version} is for layer ${pack.pack.manifest.layer}`,
          fix: `write "${pack.pack.manifest.layer}", the layer of the pack`,
        });
      }
    } catch (e) {
      if (!(e instanceof ProfileError)) throw e;
      const notFound = e.diagnostics.filter((d) => d.code === 'PACK_NOT_FOUND' || d.code === 'VERSION_NOT_FOUND');
      for (const d of notFound) missing.push(`${jsonPath}: ${packName} ${constraint}: ${d.message}${(d.details ?? []).map((l) => `; ${l}`).join('')}`);
      diagnostics.push(...e.diagnostics.filter((d) => !notFound.includes(d)));
    }
  }
  if (missing.length > 0) {
    diagnostics.push({
      code: 'PACK_NOT_FOUND',
      path: at('$.spec.template.packs'),
      message: `${missing.length} ${missing.length === 1 ? 'pack is' : 'packs are'} not in the registries of the catalog (${catalog.registries.map((r) => r.name).join(', ')})`,
      details: missing,
      fix: 'add the registries that hold them to the PackCatalog, or publish the packs to one of its registries',
    });
  }
  return { resolved, diagnostics };
}

/** A pack's defaults with the chosen presets applied: what a Palette document's values start from. */
function packBaseValues(resolved: ResolvedPack, presets: readonly string[], where: string): Values {
  const pack = resolved.pack;
  return mergeValues([{ source: 'pack', values: pack.values }, ...presetValues(pack.presets, presets, where).map((values) => ({ source: 'preset' as const, values }))]).values;
}

/** The values that, merged over `base`, give `target`: what changed, and `null` for what `target` drops. */
function valuesDelta(base: Values, target: Values): Values {
  const delta: Values = {};
  for (const [key, value] of Object.entries(target)) {
    if (isPlainObject(value) && isPlainObject(base[key])) {
      const inner = valuesDelta(base[key] as Values, value);
      if (Object.keys(inner).length > 0) delta[key] = inner;
    } else if (!(key in base) || JSON.stringify(value) !== JSON.stringify(base[key])) {
      delta[key] = value;
    }
  }
  for (const key of Object.keys(base)) if (!(key in target)) delta[key] = null;
  return delta;
}

interface MaskedPath {
  readonly layer: string;
  readonly path: string;
  readonly mask: string;
}

/** Every masked value of the document must be supplied, and every supplied value must be masked there. */
function checkMaskedValues(
  entries: ReadonlyArray<{ entry: PackEntry; read: LayerValues }>,
  variables: readonly VariableEntry[],
  options: ImportProfileOptions,
  at: (jsonPath: string) => string,
): Diagnostic[] {
  const masked = entries.flatMap(({ entry, read }) => maskedPaths(read.values, '').map((m) => ({ layer: entry.name, ...m })));
  const diagnostics: Diagnostic[] = [];
  const missing: string[] = [];
  for (const m of masked) {
    const supplied = (m.mask === MASKED_SENSITIVE ? options.sensitiveValues : options.expressions)?.[m.layer]?.[m.path];
    if (supplied === undefined) missing.push(`layer ${m.layer}, value ${m.path}: ${m.mask}`);
  }
  for (const v of variables) {
    if (!v.isSensitive && isMasked(v.defaultValue) && options.variables?.[v.name] === undefined) missing.push(`variable ${v.name}, defaultValue: ${v.defaultValue}`);
  }
  if (missing.length > 0) {
    diagnostics.push({
      code: 'MISSING_MASKED_VALUE',
      path: at('$'),
      message: `the document masks ${missing.length} ${missing.length === 1 ? 'value' : 'values'} that import must be given again`,
      details: missing,
      fix: "give each in importProfile's options: sensitiveValues (SensitiveValue) or expressions (a Terraform expression) by layer name and value path, variables by variable name",
    });
  }
  diagnostics.push(...unknownSupplied('sensitiveValues', options.sensitiveValues, masked.filter((m) => m.mask === MASKED_SENSITIVE), at));
  diagnostics.push(...unknownSupplied('expressions', options.expressions, masked.filter((m) => m.mask === MASKED_EXPRESSION), at));
  for (const [layer, byPath] of Object.entries(options.sensitiveValues ?? {})) {
    for (const [valuePath, value] of Object.entries(byPath)) {
      if (!SensitiveValue.isSensitive(value)) {
        diagnostics.push({
          code: 'SENSITIVE_LITERAL',
          path: at('$'),
          message: `sensitiveValues gives layer ${layer}, value ${valuePath} as a literal, which would be written in clear text to cdk.tf.json`,
          fix: 'give a SensitiveValue: SensitiveValue.fromVariable("name") or SensitiveValue.fromToken(expression)',
        });
      }
    }
  }
  return diagnostics;
}

function unknownSupplied(option: string, supplied: ImportProfileOptions['expressions'], masked: readonly MaskedPath[], at: (jsonPath: string) => string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [layer, byPath] of Object.entries(supplied ?? {})) {
    const paths = masked.filter((m) => m.layer === layer).map((m) => m.path);
    for (const valuePath of Object.keys(byPath)) {
      if (paths.includes(valuePath)) continue;
      diagnostics.push({
        code: 'UNKNOWN_MASKED_VALUE',
        path: at('$'),
        message: `${option} gives layer ${layer}, value ${valuePath}, which the document does not mask as ${option === 'sensitiveValues' ? MASKED_SENSITIVE : MASKED_EXPRESSION}`,
        fix: withSuggestions(
          paths.length > 0 ? `give only the masked values of layer ${layer}: ${paths.join(', ')}` : `remove it; layer ${layer} masks no such value`,
          valuePath,
          paths,
        ),
      });
    }
  }
  return diagnostics;
}

function isMasked(value: unknown): boolean {
  return value === MASKED_SENSITIVE || value === MASKED_EXPRESSION;
}

/** Paths (as in provenance: `a.b[0]`) of the masked leaves of a values tree. */
function maskedPaths(value: unknown, at: string): Array<{ path: string; mask: string }> {
  if (isMasked(value)) return [{ path: at, mask: value as string }];
  if (Array.isArray(value)) return value.flatMap((v, i) => maskedPaths(v, `${at}[${i}]`));
  if (isPlainObject(value)) return Object.entries(value).flatMap(([k, v]) => maskedPaths(v, joinPath(at, k)));
  return [];
}

/** A copy of `values` with each masked leaf replaced by the value supplied for its path. */
function unmask(values: Values, sensitive: Readonly<Record<string, unknown>>, expressions: Readonly<Record<string, unknown>>): Values {
  const walk = (value: unknown, at: string): unknown => {
    if (value === MASKED_SENSITIVE) return sensitive[at];
    if (value === MASKED_EXPRESSION) return expressions[at];
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${at}[${i}]`));
    if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, joinPath(at, k))]));
    return value;
  };
  return walk(values, '') as Values;
}

/** A variable definition from Palette's shape; `defaultValue` text is read back by format. */
function variableDefinition(entry: VariableEntry, supplied: NonNullable<ImportProfileOptions['variables']>): VariableDefinition {
  const format = (entry.format ?? 'string') as VariableFormat;
  const given = isMasked(entry.defaultValue) ? supplied[entry.name] : entry.defaultValue;
  // This library's sensitive variables take no default: every cluster supplies a SensitiveValue.
  const value = entry.isSensitive ? undefined : typedDefault(given, format);
  return definedFields({
    name: entry.name,
    displayName: entry.displayName,
    description: entry.description,
    format: entry.format as VariableFormat | undefined,
    default: value,
    regex: entry.regex,
    required: entry.required,
    hidden: entry.hidden,
    readOnly: entry.immutable,
    sensitive: entry.isSensitive,
  });
}

function typedDefault(value: string | number | boolean | undefined, format: VariableFormat): string | number | boolean | undefined {
  if (typeof value !== 'string') return value;
  // Palette writes "" for "no default"; only a string variable can mean the empty text by it.
  if (value === '' && format !== 'string') return undefined;
  // Exports write numbers with String(), which uses an exponent for the very large and small (1e+21).
  if (format === 'number' && /^-?\d+(\.\d+)?(e[-+]?\d+)?$/.test(value)) return Number(value);
  if (format === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}
