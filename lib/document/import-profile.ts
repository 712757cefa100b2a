import * as path from 'path';
import { Construct } from 'constructs';
import { Diagnostic, ProfileError } from '../errors';
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
import { isKubernetesVersion } from '../layer/kubernetes-layer';
import { readSettings } from '../pack/pack';
import { exportProfile } from './export-profile';
import { jsonPathChild } from './json-schema';
import { canonicalJson, PaletteOrigin, RememberedEntry, rememberPaletteOrigin } from './palette-origin';
import { profileNameFrom } from './profile-name';
import { definedFields, MASKED_EXPRESSION, MASKED_SENSITIVE, PackEntry, ProfileDocument, RegistryEntry, VariableEntry } from './profile-document';
import { Readiness } from '../readiness/readiness';
import { entryIdentity, extensionsOf, isOwnDocument, LayerValues, packPath, readLayerValues, readManifestObjects, readProfileDocument, REFUSAL_LINES, RefusalKind, withRefusalKind } from './read-document';
import { importedPacksNotFound, literalImportedSensitiveValue, missingMaskedValues, packLayerMismatch, unknownMaskedValue, withField } from '../diagnostics';

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
   * @default - none: errors show the JSONPath alone ({@link importProfiles}: the id)
   */
  readonly source?: string;
  /**
   * The profile's name. A Palette document's name may hold spaces and capitals (`ML Ops`); the
   * profile is then named after it by {@link profileNameFrom} (`ml-ops`), and exporting it
   * gives Palette's name back.
   * @default - the document's name, made a valid profile name
   */
  readonly name?: string;
}

/** One document of {@link importProfiles}. */
export interface ProfileImport {
  /** The construct id of the profile. */
  readonly id: string;
  /** The document, or its JSON text. */
  readonly document: ProfileDocument | string;
  /**
   * How to import it; `source` defaults to the id, so that every error names its document.
   * @default - none
   */
  readonly options?: ImportProfileOptions;
}

/**
 * Declares the profile a document describes: an InfraProfile, AddonProfile or FullProfile (from
 * `spec.template.type`) with its layers in order, their values and settings, and its variables.
 * The document is checked first (INVALID_DOCUMENT, at JSONPaths); then every masked value must be
 * given in `options` and every pack must be in the catalog's registries; all problems are thrown
 * at once. Exporting the imported profile gives the same bytes as the document, when the document
 * was exported by this library.
 *
 * A document exported by Palette (it has no `apiVersion`) is read the same way, with these
 * differences: its pack entries (`spectro`, `oci`, or `helm` naming a registry by `metadata`)
 * resolve through the catalog by `tag` (else `version`), and an entry named
 * `<display-name>--<pack>` is pack `<pack>` on the layer `<display-name>`; its values are a
 * pack's whole values, so only what differs from the pack's defaults and chosen presets becomes
 * the layer's values; the `pack:` section of a manifest entry's values sets its namespace,
 * install priority and release name; the pack of the k8s layer pins the server version (its
 * `tag`, such as `1.33.x`); and the profile remembers the document, so that exporting it gives
 * Palette's document back (see {@link exportProfile}).
 *
 * @param input a document, or its JSON text
 */
export function importProfile(scope: Construct, id: string, input: ProfileDocument | string, options: ImportProfileOptions = {}): Profile {
  return importAll(scope, [{ id, document: input, options }])[0];
}

/**
 * Imports several documents at once, as {@link importProfile} imports one: every problem of every
 * document is thrown together, in one ProfileError, before any profile is declared. Each error
 * names its document by `options.source`, else by its id.
 */
export function importProfiles(scope: Construct, imports: readonly ProfileImport[]): Profile[] {
  return importAll(
    scope,
    imports.map((i) => ({ ...i, options: { ...i.options, source: i.options?.source ?? i.id } })),
  );
}

function importAll(scope: Construct, imports: readonly ProfileImport[]): Profile[] {
  const prepared = imports.map((i) => prepare(scope, i));
  const diagnostics = prepared.flatMap((p) => p.diagnostics);
  if (diagnostics.length > 0) throw new ProfileError(diagnostics);
  const profiles: Profile[] = [];
  const failures: Diagnostic[] = [];
  // The constructs and their resolve stage check what a document cannot (a variable's regex, a
  // local chart on disk): when one fails, no profile of the call stays in the app, so that a
  // retry can use the same ids.
  const removeDeclared = (): void => profiles.forEach((profile) => scope.node.tryRemoveChild(profile.node.id));
  for (const p of prepared) {
    const existing = scope.node.tryFindChild(p.id);
    try {
      const profile = declareProfile(scope, p);
      profile.layers.forEach((layer) => layer.resolve());
      profiles.push(profile);
    } catch (e) {
      if (!existing) scope.node.tryRemoveChild(p.id);
      if (!(e instanceof ProfileError)) {
        removeDeclared();
        throw e;
      }
      failures.push(...e.diagnostics);
    }
  }
  if (failures.length > 0) {
    removeDeclared();
    throw new ProfileError(failures);
  }
  return profiles;
}

/** A document read and checked, with its packs resolved: everything but the constructs. */
interface Prepared {
  readonly id: string;
  readonly document: ProfileDocument;
  readonly options: ImportProfileOptions;
  readonly palette: boolean;
  readonly layers: readonly ImportedEntry[];
  readonly catalog?: PackCatalog;
  readonly diagnostics: readonly Diagnostic[];
}

/** A pack entry of a document, read. */
interface ImportedEntry {
  readonly entry: PackEntry;
  /** JSONPath of the entry. */
  readonly path: string;
  readonly read: LayerValues;
  /** The layer's name: the entry's, or the display name of `<display-name>--<pack>`. */
  readonly name: string;
  /** The pack's name, for an entry resolved through the catalog. */
  readonly pack?: string;
  readonly resolved?: ResolvedPack;
}

function prepare(scope: Construct, item: ProfileImport): Prepared {
  const options = item.options ?? {};
  const at = (jsonPath: string): string => (options.source ? withField(options.source, jsonPath) : jsonPath);
  let document: ProfileDocument;
  try {
    document = readProfileDocument(item.document, options.source);
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    // Nothing is declared for a document that does not read: declareProfile never sees this one.
    return { id: item.id, document: undefined as unknown as ProfileDocument, options, palette: false, layers: [], diagnostics: e.diagnostics };
  }
  const palette = !isOwnDocument(document);
  const entries = document.spec.template.packs.map((entry, i) => ({ entry, path: packPath(i), read: readLayerValues(entry, packPath(i)), ...entryIdentity(entry, palette) }));
  const diagnostics: Diagnostic[] = [...checkMaskedValues(entries, document.spec.variables ?? [], options, at)];
  const packEntries = entries.filter((e) => e.pack !== undefined);
  let catalog: PackCatalog | undefined;
  const resolved = new Map<string, ResolvedPack>();
  if (packEntries.length > 0) {
    try {
      catalog = options.catalog ?? PackCatalog.of(scope, at('$'));
    } catch (e) {
      if (!(e instanceof ProfileError)) throw e;
      diagnostics.push(...e.diagnostics);
    }
    if (catalog) {
      const packs = resolvePacks(packEntries, catalog, palette, at);
      packs.resolved.forEach((pack, jsonPath) => resolved.set(jsonPath, pack));
      diagnostics.push(...packs.diagnostics);
    }
  }
  return { id: item.id, document, options, palette, layers: entries.map((e) => ({ ...e, resolved: resolved.get(e.path) })), catalog, diagnostics };
}

function declareProfile(scope: Construct, prepared: Prepared): Profile {
  const { document, options, palette } = prepared;
  const workingDirectory = path.resolve(options.workingDirectory ?? process.cwd());
  const name = options.name ?? (palette ? profileNameFrom(document.metadata.name) : document.metadata.name);
  const profile = createProfile(scope, prepared.id, name, document, options.variables ?? {});
  for (const imported of prepared.layers) {
    const { entry, read } = imported;
    const values = unmask(read.values, options.sensitiveValues?.[imported.name] ?? {}, options.expressions?.[imported.name] ?? {});
    const layer = { entry, name: imported.name, path: imported.path, values, presets: read.presets.map((p) => p.name) };
    if (imported.resolved) declarePackLayer(profile, layer, imported.resolved, prepared.catalog!, palette);
    else declareLayer(profile, layer, workingDirectory, palette);
  }
  if (palette) rememberPaletteOrigin(profile, originOf(profile, document));
  return profile;
}

/** What the profile keeps of its Palette document: each layer and variable as given, and as imported. */
function originOf(profile: Profile, document: ProfileDocument): PaletteOrigin {
  const own = exportProfile(profile, { format: 'library' });
  const layers = new Map<string, RememberedEntry<PackEntry>>();
  document.spec.template.packs.forEach((given, i) => layers.set(profile.layers[i].layerName, { given, imported: canonicalJson(own.spec.template.packs[i]) }));
  const variables = new Map<string, RememberedEntry<VariableEntry>>();
  (document.spec.variables ?? []).forEach((given, i) => variables.set(given.name, { given, imported: canonicalJson(own.spec.variables?.[i]) }));
  return { document, layers, variables };
}

interface ImportedLayer {
  readonly entry: PackEntry;
  /** The layer's name. */
  readonly name: string;
  /** JSONPath of the entry. */
  readonly path: string;
  readonly values: Values;
  readonly presets: readonly string[];
}

function createProfile(scope: Construct, id: string, name: string, document: ProfileDocument, suppliedDefaults: NonNullable<ImportProfileOptions['variables']>): Profile {
  const props: ProfileProps = {
    name,
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

function declarePackLayer(profile: Profile, layer: ImportedLayer, resolved: ResolvedPack, catalog: PackCatalog, palette: boolean): void {
  const { entry } = layer;
  const extensions = extensionsOf(entry);
  // Palette's values are the pack's whole values; the layer keeps only what differs from them. An
  // entry with no values text (absent or blank) takes the pack's defaults, as Palette's import does.
  const given = (entry.values ?? '').trim() !== '';
  const values = palette && given ? valuesDelta(packBaseValues(resolved, layer.presets, `${profile.node.path}/${layer.name}`), layer.values) : layer.values;
  new PackLayer(profile, layer.name, {
    ...layerOptions(entry, layer.name),
    pack: resolved.pack.manifest.name,
    version: resolved.constraint,
    catalog,
    presets: layer.presets.length > 0 ? layer.presets : undefined,
    values,
    includePrerelease: extensions.includePrerelease,
    kubernetesVersion: palette ? paletteKubernetesVersion(entry) : extensions.kubernetesVersion,
  });
}

/**
 * The server version a Palette pack of the k8s layer pins: its `tag` when that is an exact
 * version or a train (`1.33.x`: the cluster may run any 1.33 patch), else its `version`; none
 * when neither reads as a Kubernetes version (a distribution's own numbering).
 */
function paletteKubernetesVersion(entry: PackEntry): string | undefined {
  if (entry.layer !== 'k8s') return undefined;
  return [entry.tag, entry.version].find((v) => isKubernetesVersion(v));
}

function declareLayer(profile: Profile, layer: ImportedLayer, workingDirectory: string, palette: boolean): void {
  const { entry, values } = layer;
  const role = entry.layer === 'addon' ? undefined : (entry.layer as InfraRole);
  const documents = (): Values[] => readManifestObjects(entry, layer.path) as Values[];
  const options = { ...(palette ? paletteSettings(entry, values, withField(`${profile.node.path}/${layer.name}`, 'values')) : {}), ...layerOptions(entry, layer.name) };
  switch (entry.type) {
    case 'helm':
      new HelmLayer(profile, layer.name, { ...options, chart: chartSource(entry.registry!, workingDirectory), version: entry.version ?? entry.tag, values, role });
      return;
    case 'kubernetes':
      new KubernetesLayer(profile, layer.name, { ...options, version: entry.tag!, values, documents: documents() });
      return;
    default:
      new ManifestLayer(profile, layer.name, { ...options, role, documents: documents() });
      // A manifest layer takes no values of its own; values the profile set for it stay with the profile.
      if (Object.keys(values).length > 0) profile.setValues(layer.name, values);
  }
}

/**
 * What the `pack:` section of a Palette manifest or chart entry's values sets, as Palette reads it
 * for every kind of layer: the namespace, the install priority, and the release name
 * (`releaseNameOverride`, by the entry's name, a manifest's name, or its only entry).
 */
function paletteSettings(entry: PackEntry, values: Values, where: string): LayerOptions {
  const settings = readSettings(values, where);
  const overrides = settings.releaseNameOverride;
  const keys = [entry.name, ...(entry.manifests ?? []).map((m) => m.name)];
  const only = Object.values(overrides).length === 1 ? Object.values(overrides)[0] : undefined;
  return definedFields({
    namespace: settings.namespace || undefined,
    priority: settings.installPriority,
    releaseName: keys.map((k) => overrides[k]).find((n) => n !== undefined) ?? only,
  });
}

function layerOptions(entry: PackEntry, name: string): LayerOptions {
  const { namespace, createNamespace, releaseName, priority, dependsOn, release, protect, drift, readiness: gates } = extensionsOf(entry);
  const readiness = gates?.map((gate) => Readiness.fromGate(gate));
  return definedFields({ name, namespace, createNamespace, releaseName, priority, dependsOn, release, protect, drift, readiness });
}

function chartSource(registry: RegistryEntry, workingDirectory: string): ChartSource {
  if (registry.repository !== undefined) return ChartSource.repository(registry.repository, registry.chart!);
  if (registry.oci !== undefined) return ChartSource.oci(registry.oci);
  return ChartSource.local(path.resolve(workingDirectory, registry.local!));
}

/**
 * Resolves every pack entry through the catalog, by its tag (else its version). Packs the
 * registries lack are reported together, in one diagnostic; other resolution errors as they are.
 * For a Palette document, each refusal says whether Palette's format or this library refuses it.
 */
function resolvePacks(
  entries: ReadonlyArray<{ entry: PackEntry; path: string; pack?: string }>,
  catalog: PackCatalog,
  palette: boolean,
  at: (jsonPath: string) => string,
): { resolved: Map<string, ResolvedPack>; diagnostics: Diagnostic[] } {
  const resolved = new Map<string, ResolvedPack>();
  const diagnostics: Diagnostic[] = [];
  const missing: string[] = [];
  const refused = (d: Diagnostic, kind: RefusalKind): Diagnostic => (palette ? withRefusalKind(d, kind) : d);
  for (const { entry, path: jsonPath, pack: packName } of entries) {
    const constraint = (entry.tag ?? entry.version)!;
    try {
      const pack = catalog.resolve(packName!, constraint, at(jsonPath), extensionsOf(entry).includePrerelease ?? false);
      resolved.set(jsonPath, pack);
      if (pack.pack.manifest.layer !== entry.layer) {
        diagnostics.push(
          refused(packLayerMismatch(at(jsonPathChild(jsonPath, 'layer')), entry.layer, `${packName} ${pack.pack.manifest.version}`, pack.pack.manifest.layer), 'palette'),
        );
      }
    } catch (e) {
      if (!(e instanceof ProfileError)) throw e;
      const notFound = e.diagnostics.filter((d) => d.code === 'PACK_NOT_FOUND' || d.code === 'VERSION_NOT_FOUND');
      for (const d of notFound) missing.push(`${jsonPath}: ${packName} ${constraint}: ${d.message}${(d.details ?? []).map((l) => `; ${l}`).join('')}`);
      // A version Palette publishes that this library cannot read is a limit of ours; a pack's own problems are the pack's.
      diagnostics.push(...e.diagnostics.filter((d) => !notFound.includes(d)).map((d) => (d.code === 'INVALID_VERSION_CONSTRAINT' ? refused(d, 'library') : d)));
    }
  }
  if (missing.length > 0) {
    diagnostics.push(importedPacksNotFound(at('$.spec.template.packs'), catalog.registries.map((r) => r.name), missing.length, palette ? [MISSING_PACKS_LINE, ...missing] : missing));
  }
  return { resolved, diagnostics };
}

/** Why packs a Palette document names, and the app's registries lack, are refused. */
const MISSING_PACKS_LINE = `${REFUSAL_LINES.library} (Palette finds packs in its own registries, this library in the app's PackCatalog)`;

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
  entries: ReadonlyArray<{ name: string; read: LayerValues }>,
  variables: readonly VariableEntry[],
  options: ImportProfileOptions,
  at: (jsonPath: string) => string,
): Diagnostic[] {
  const masked = entries.flatMap(({ name, read }) => maskedPaths(read.values, '').map((m) => ({ layer: name, ...m })));
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
    diagnostics.push(missingMaskedValues(at('$'), missing));
  }
  diagnostics.push(...unknownSupplied('sensitiveValues', options.sensitiveValues, masked.filter((m) => m.mask === MASKED_SENSITIVE), at));
  diagnostics.push(...unknownSupplied('expressions', options.expressions, masked.filter((m) => m.mask === MASKED_EXPRESSION), at));
  for (const [layer, byPath] of Object.entries(options.sensitiveValues ?? {})) {
    for (const [valuePath, value] of Object.entries(byPath)) {
      if (!SensitiveValue.isSensitive(value)) {
        diagnostics.push(literalImportedSensitiveValue(at('$'), layer, valuePath));
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
      diagnostics.push(unknownMaskedValue(at('$'), option, layer, valuePath, option === 'sensitiveValues' ? MASKED_SENSITIVE : MASKED_EXPRESSION, paths));
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
