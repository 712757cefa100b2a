import { ProfileError } from '../errors';
import type { Pack } from '../pack/pack';
import { presetValues } from '../pack/presets';
import type { PackRegistry } from '../pack/registry';
import { newestSatisfying } from '../pack/version';
import type { Profile } from '../profile/profile';
import { isPlainObject, joinPath, mergeValues, Values } from '../values/merge';
import { sortKeys } from '../values/yaml';
import { definedFields, EXTENSIONS_FIELD, PackEntry, ProfileDocument, VariableEntry } from './profile-document';
import { entryIdentity, isOwnDocument, isPackEntry, packPath, readLayerValues, readManifestObjects, readProfileDocument } from './read-document';
import { comparedPacksNotFound } from '../diagnostics';

/**
 * What changed from one profile document to another, offline: the profile's own fields, layers
 * added, removed and moved, versions, settings, values path by path, manifests and variables.
 * Plain data: `JSON.stringify` it for machines, {@link formatProfileDiff} for people. Masked
 * values compare as their masks, so a secret never shows and a changed secret does not count.
 */
export interface ProfileDiff {
  /** Whether nothing differs. */
  readonly equal: boolean;
  readonly old: ProfileIdentity;
  readonly new: ProfileIdentity;
  /** `metadata.name`, `metadata.description`, `spec.version`, `spec.template.type`. */
  readonly profile: readonly FieldChange[];
  readonly layers: {
    /** Layers only in the new document, at their index there. */
    readonly added: readonly LayerPosition[];
    /** Layers only in the old document, at their index there. */
    readonly removed: readonly LayerPosition[];
    /** Layers in both whose order relative to the others changed (the fewest such). */
    readonly moved: readonly LayerMove[];
  };
  /** Tag and resolved version of layers in both documents. */
  readonly versions: readonly VersionChange[];
  /** `type`, `layer`, `registry.*`, `presets` and the `x-cluster-profiles` fields of layers in both. */
  readonly settings: readonly LayerFieldChange[];
  /** Values of layers in both, by path. */
  readonly values: readonly ValueChange[];
  /** Manifest entries of layers in both, by name. */
  readonly manifests: readonly ManifestChange[];
  readonly variables: readonly VariableChange[];
}

/** A profile's name and version. */
export interface ProfileIdentity {
  readonly name: string;
  readonly version: string;
}

/** A field whose value changed; `old` or `new` is absent when the field is. */
export interface FieldChange {
  readonly field: string;
  readonly old?: unknown;
  readonly new?: unknown;
}

/** A layer field whose value changed. */
export interface LayerFieldChange extends FieldChange {
  readonly layer: string;
}

/** A layer added or removed, at its index in the document that has it. */
export interface LayerPosition {
  readonly name: string;
  readonly index: number;
  readonly type: string;
  readonly layer: string;
}

/** A layer that moved. */
export interface LayerMove {
  readonly name: string;
  readonly oldIndex: number;
  readonly newIndex: number;
}

/** A layer whose tag or resolved version changed; a side is absent when unchanged. */
export interface VersionChange {
  readonly layer: string;
  readonly tag?: { readonly old?: string; readonly new?: string };
  readonly version?: { readonly old?: string; readonly new?: string };
}

/** How a value, manifest or variable changed. */
export type ChangeKind = 'added' | 'removed' | 'changed';

/** A value path whose value changed (`charts.web.replicas`, `args[0]`, as in provenance). */
export interface ValueChange {
  readonly layer: string;
  readonly path: string;
  readonly change: ChangeKind;
  readonly old?: unknown;
  readonly new?: unknown;
}

/** A manifest entry added, removed or changed. */
export interface ManifestChange {
  readonly layer: string;
  readonly name: string;
  readonly change: ChangeKind;
}

/** A variable added or removed, or one field of it changed. */
export interface VariableChange {
  readonly name: string;
  readonly change: ChangeKind;
  readonly field?: string;
  readonly old?: unknown;
  readonly new?: unknown;
}

/** A profile to compare: a document, its JSON text, or a profile (exported first). */
export type ComparableProfile = ProfileDocument | Profile | string;

/** Options of {@link diffProfiles}. */
export interface DiffProfilesOptions {
  /**
   * Registries that hold the documents' packs. With them, a pack layer's values compare as what
   * installs: the pack's defaults and chosen presets with the layer's values over them (a Palette
   * document's values are already whole), so a default one document keeps and the other
   * overrides shows as old -> new, and a document of this library compares equal to Palette's
   * document of the same profile. A pack they lack fails with PACK_NOT_FOUND.
   * @default - for profiles given as constructs, the registries their pack layers resolved
   * from; for documents, none: values compare as written (parsed, never by their YAML text)
   */
  readonly registries?: readonly PackRegistry[];
}

/**
 * Compares two profiles. Documents are checked first (INVALID_DOCUMENT); profiles are exported.
 * Layers are matched by name (a Palette entry `<display-name>--<pack>` by its display name);
 * values compare parsed, manifests as the objects they hold, by kind, namespace and name.
 */
export function diffProfiles(oldProfile: ComparableProfile, newProfile: ComparableProfile, options: DiffProfilesOptions = {}): ProfileDiff {
  const a = asDocument(oldProfile);
  const b = asDocument(newProfile);
  const effective = effectiveValues(options.registries ?? registriesOf([oldProfile, newProfile]), [a, b]);
  const layerValues = (document: ProfileDocument, entry: PackEntry, index: number): Values => effective(document, entry, index);
  const oldLayers = new Map(a.spec.template.packs.map((p, i) => [layerName(a, p), { entry: p, index: i }]));
  const newLayers = new Map(b.spec.template.packs.map((p, i) => [layerName(b, p), { entry: p, index: i }]));
  const common = [...oldLayers.keys()].filter((name) => newLayers.has(name));
  const pairs = common.map((name) => ({ name, old: oldLayers.get(name)!, new: newLayers.get(name)! }));
  const diff = {
    old: identity(a),
    new: identity(b),
    profile: fieldChanges(profileFields(a), profileFields(b)),
    layers: {
      added: positions(b, (name) => !oldLayers.has(name)),
      removed: positions(a, (name) => !newLayers.has(name)),
      moved: moves(a, b, common),
    },
    versions: pairs.flatMap((p) => versionChange(p.name, p.old.entry, p.new.entry)),
    settings: pairs.flatMap((p) => fieldChanges(layerSettings(p.old.entry, p.old.index), layerSettings(p.new.entry, p.new.index)).map((c) => ({ layer: p.name, ...c }))),
    values: pairs.flatMap((p) => valueChanges(p.name, layerValues(a, p.old.entry, p.old.index), layerValues(b, p.new.entry, p.new.index))),
    manifests: pairs.flatMap((p) => manifestChanges(p.name, p.old, p.new)),
    variables: variableChanges(a.spec.variables ?? [], b.spec.variables ?? []),
  };
  const counted = [diff.profile, diff.layers.added, diff.layers.removed, diff.layers.moved, diff.versions, diff.settings, diff.values, diff.manifests, diff.variables];
  return { equal: counted.every((list) => list.length === 0), ...diff };
}

/** The diff as text for people: a heading, then one line per change, by section. */
export function formatProfileDiff(diff: ProfileDiff): string {
  const sections: Array<[string, string[]]> = [
    ['profile', diff.profile.map((c) => fieldLine('', c))],
    [
      'layers',
      [
        ...diff.layers.added.map((l) => `+ ${l.name} (${l.type}, ${l.layer}) at packs[${l.index}]`),
        ...diff.layers.removed.map((l) => `- ${l.name} (${l.type}, ${l.layer}) was at packs[${l.index}]`),
        ...diff.layers.moved.map((m) => `~ ${m.name} moved from packs[${m.oldIndex}] to packs[${m.newIndex}]`),
      ],
    ],
    ['versions', diff.versions.map(versionLine)],
    ['settings', diff.settings.map((c) => fieldLine(`${c.layer}: `, c))],
    ['values', diff.values.map((c) => fieldLine(`${c.layer}: `, { field: c.path, old: c.old, new: c.new }))],
    ['manifests', diff.manifests.map((c) => `${MARKS[c.change]} ${c.layer}: ${c.name}`)],
    ['variables', diff.variables.map((c) => (c.field ? fieldLine(`${c.name}.`, { field: c.field, old: c.old, new: c.new }) : `${MARKS[c.change]} ${c.name}`))],
  ];
  const count = sections.reduce((n, [, lines]) => n + lines.length, 0);
  const heading = `${diff.old.name} ${diff.old.version} -> ${diff.new.name} ${diff.new.version}: ${count === 0 ? 'no changes' : `${count} ${count === 1 ? 'change' : 'changes'}`}`;
  const body = sections.filter(([, lines]) => lines.length > 0).flatMap(([title, lines]) => [title, ...lines.map((l) => `  ${l}`)]);
  return `${[heading, ...body].join('\n')}\n`;
}

const MARKS: Record<ChangeKind, string> = { added: '+', removed: '-', changed: '~' };

function asDocument(input: ComparableProfile): ProfileDocument {
  const isData = typeof input === 'string' || Object.getPrototypeOf(input) === Object.prototype;
  if (isData) return readProfileDocument(input);
  // Loaded only for constructs: the command line compares files, and so never loads cdktf and the
  // construct classes, which take it more than a second to load.
  const { exportProfile } = require('./export-profile') as typeof import('./export-profile');
  const { Profile } = require('../profile/profile') as typeof import('../profile/profile');
  return Profile.isProfile(input) ? exportProfile(input) : readProfileDocument(input);
}

function identity(document: ProfileDocument): ProfileIdentity {
  return { name: document.metadata.name, version: document.spec.version };
}

function profileFields(document: ProfileDocument): Record<string, unknown> {
  return {
    'metadata.name': document.metadata.name,
    'metadata.description': document.metadata.description,
    'spec.version': document.spec.version,
    'spec.template.type': document.spec.template.type,
  };
}

function positions(document: ProfileDocument, keep: (name: string) => boolean): LayerPosition[] {
  return document.spec.template.packs.flatMap((p, index) => (keep(layerName(document, p)) ? [{ name: layerName(document, p), index, type: p.type, layer: p.layer }] : []));
}

/** The name a layer is matched by: a Palette entry `<display-name>--<pack>` by its display name. */
function layerName(document: ProfileDocument, entry: PackEntry): string {
  return entryIdentity(entry, !isOwnDocument(document)).name;
}

/** Layers in both documents outside a longest run kept in the same relative order. */
function moves(a: ProfileDocument, b: ProfileDocument, common: readonly string[]): LayerMove[] {
  const oldOrder = a.spec.template.packs.map((p) => layerName(a, p)).filter((n) => common.includes(n));
  const newOrder = b.spec.template.packs.map((p) => layerName(b, p)).filter((n) => common.includes(n));
  const kept = longestCommonSubsequence(oldOrder, newOrder);
  const index = (document: ProfileDocument, name: string): number => document.spec.template.packs.findIndex((p) => layerName(document, p) === name);
  return newOrder.filter((name) => !kept.has(name)).map((name) => ({ name, oldIndex: index(a, name), newIndex: index(b, name) }));
}

function longestCommonSubsequence(a: readonly string[], b: readonly string[]): Set<string> {
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      kept.add(a[i]);
      i++;
      j++;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) i++;
    else j++;
  }
  return kept;
}

function versionChange(layer: string, a: PackEntry, b: PackEntry): VersionChange[] {
  const side = (x?: string, y?: string) => (x === y ? undefined : definedFields({ old: x, new: y }));
  const tag = side(a.tag, b.tag);
  const version = side(a.version, b.version);
  return tag || version ? [definedFields({ layer, tag, version })] : [];
}

/** A layer's settings as flat fields: what is neither its name, versions, values nor manifests. */
function layerSettings(entry: PackEntry, index: number): Record<string, unknown> {
  return {
    type: entry.type,
    layer: entry.layer,
    ...flatten('registry', entry.registry ?? {}),
    presets: readLayerValues(entry, packPath(index)).presets.map((p) => (p.group ? `${p.group}:${p.name}` : p.name)).join(',') || undefined,
    ...flatten(EXTENSIONS_FIELD, entry[EXTENSIONS_FIELD] ?? {}),
  };
}

/**
 * The registries the pack layers of the profiles given as constructs resolved from: comparing
 * profiles, rather than documents, compares what installs. Undefined when there are none.
 */
function registriesOf(inputs: readonly ComparableProfile[]): PackRegistry[] | undefined {
  const registries = new Set<PackRegistry>();
  for (const input of inputs) {
    if (typeof input === 'string' || Object.getPrototypeOf(input) === Object.prototype) continue;
    for (const layer of (input as Profile).layers) for (const registry of (layer as { catalog?: { registries: readonly PackRegistry[] } }).catalog?.registries ?? []) registries.add(registry);
  }
  return registries.size > 0 ? [...registries] : undefined;
}

/**
 * How to read a layer's values for comparison: as written, or with registries, as what installs.
 * Throws PACK_NOT_FOUND listing every pack of both documents the registries lack.
 */
function effectiveValues(registries: readonly PackRegistry[] | undefined, documents: readonly ProfileDocument[]): (document: ProfileDocument, entry: PackEntry, index: number) => Values {
  const written = (entry: PackEntry, index: number): Values => readLayerValues(entry, packPath(index)).values;
  if (!registries) return (_document, entry, index) => written(entry, index);
  const packs = new Map<PackEntry, Pack>();
  const missing = new Set<string>();
  for (const document of documents) {
    document.spec.template.packs.forEach((entry, index) => {
      if (!isPackEntry(entry)) return;
      const name = entryIdentity(entry, !isOwnDocument(document)).pack!;
      const version = (entry.version ?? entry.tag)!;
      const registry = registries.find((r) => newestSatisfying(r.versions(name), version) !== undefined);
      if (registry) packs.set(entry, registry.load(name, newestSatisfying(registry.versions(name), version)!));
      else missing.add(`${document.metadata.name} ${document.spec.version}: ${packPath(index)}: ${name} ${version}`);
    });
  }
  if (missing.size > 0) {
    ProfileError.throw(comparedPacksNotFound(registries.map((r) => r.name), [...missing]));
  }
  return (document, entry, index) => {
    const pack = packs.get(entry);
    const read = readLayerValues(entry, packPath(index));
    if (!pack) return read.values;
    const base = mergeValues([{ source: 'pack', values: pack.values }, ...presetValues(pack.presets, read.presets.map((p) => p.name), packPath(index)).map((values) => ({ source: 'preset' as const, values }))]).values;
    // A Palette document's values are the pack's whole values (blank: its defaults); this library's are what differs.
    if (!isOwnDocument(document)) return (entry.values ?? '').trim() === '' ? base : read.values;
    return mergeValues([{ source: 'pack', values: base }, { source: 'layer', values: read.values }]).values;
  };
}

function flatten(prefix: string, value: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, child]) => (isPlainObject(child) ? Object.entries(flatten(`${prefix}.${key}`, child)) : [[`${prefix}.${key}`, child]])),
  );
}

/** Changes between two flat records, in sorted field order. */
function fieldChanges(a: Record<string, unknown>, b: Record<string, unknown>): FieldChange[] {
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return fields.filter((f) => !same(a[f], b[f])).map((field) => definedFields({ field, old: a[field], new: b[field] }));
}

/** Value changes at the highest path where the trees differ; added and removed subtrees whole. */
function valueChanges(layer: string, a: unknown, b: unknown, at = ''): ValueChange[] {
  if (same(a, b)) return [];
  if (a === undefined) return [{ layer, path: at, change: 'added', new: b }];
  if (b === undefined) return [{ layer, path: at, change: 'removed', old: a }];
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => valueChanges(layer, a[key], b[key], joinPath(at, key)));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => valueChanges(layer, a[i], b[i], `${at}[${i}]`)).flat();
  }
  return [{ layer, path: at, change: 'changed', old: a, new: b }];
}

/**
 * Changes to a layer's objects, by kind, namespace and name (`ConfigMap/apps/settings`,
 * `Namespace/team`): how the documents split them into manifest entries, name the entries and
 * write the YAML does not count.
 */
function manifestChanges(layer: string, a: { entry: PackEntry; index: number }, b: { entry: PackEntry; index: number }): ManifestChange[] {
  const oldManifests = manifestObjects(a.entry, a.index);
  const newManifests = manifestObjects(b.entry, b.index);
  const names = [...new Set([...oldManifests.keys(), ...newManifests.keys()])].sort();
  return names.flatMap((name): ManifestChange[] => {
    if (!newManifests.has(name)) return [{ layer, name, change: 'removed' }];
    if (!oldManifests.has(name)) return [{ layer, name, change: 'added' }];
    return oldManifests.get(name) === newManifests.get(name) ? [] : [{ layer, name, change: 'changed' }];
  });
}

/** A layer's objects as canonical JSON, by `Kind/namespace/name` (`Kind/name` without a namespace; repeats numbered). */
function manifestObjects(entry: PackEntry, index: number): Map<string, string> {
  const objects = new Map<string, string>();
  for (const object of readManifestObjects(entry, packPath(index)) as Values[]) {
    const metadata = isPlainObject(object.metadata) ? object.metadata : {};
    const base = [object.kind, metadata.namespace, metadata.name].filter((p) => p !== undefined && p !== '').join('/');
    let key = base;
    for (let n = 2; objects.has(key); n++) key = `${base} (${n})`;
    objects.set(key, JSON.stringify(sortKeys(object)));
  }
  return objects;
}

function variableChanges(a: readonly VariableEntry[], b: readonly VariableEntry[]): VariableChange[] {
  const oldVariables = new Map(a.map((v) => [v.name, v]));
  const newVariables = new Map(b.map((v) => [v.name, v]));
  const names = [...new Set([...oldVariables.keys(), ...newVariables.keys()])].sort();
  return names.flatMap((name): VariableChange[] => {
    const before = oldVariables.get(name);
    const after = newVariables.get(name);
    if (!after) return [{ name, change: 'removed' }];
    if (!before) return [{ name, change: 'added' }];
    const { name: _old, ...oldFields } = before;
    const { name: _new, ...newFields } = after;
    return fieldChanges(oldFields, newFields).map((c) => ({ name, change: 'changed', ...c }));
  });
}

function versionLine(c: VersionChange): string {
  const parts = [c.tag && `tag ${shown(c.tag.old)} -> ${shown(c.tag.new)}`, c.version && `version ${shown(c.version.old)} -> ${shown(c.version.new)}`];
  return `~ ${c.layer}: ${parts.filter(Boolean).join(', ')}`;
}

function fieldLine(prefix: string, c: FieldChange): string {
  if (c.old === undefined) return `+ ${prefix}${c.field}: ${shown(c.new)}`;
  if (c.new === undefined) return `- ${prefix}${c.field}: ${shown(c.old)}`;
  return `~ ${prefix}${c.field}: ${shown(c.old)} -> ${shown(c.new)}`;
}

/** A value as compact JSON; `(none)` when absent. */
function shown(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
