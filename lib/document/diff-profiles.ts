import type { Profile } from '../profile/profile';
import { isPlainObject, joinPath, Values } from '../values/merge';
import { definedFields, EXTENSIONS_FIELD, PackEntry, ProfileDocument, VariableEntry } from './profile-document';
import { packPath, readLayerValues, readProfileDocument } from './read-document';

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

/**
 * Compares two profiles. Documents are checked first (INVALID_DOCUMENT); profiles are exported.
 * Layers are matched by name.
 */
export function diffProfiles(oldProfile: ComparableProfile, newProfile: ComparableProfile): ProfileDiff {
  const a = asDocument(oldProfile);
  const b = asDocument(newProfile);
  const oldLayers = new Map(a.spec.template.packs.map((p, i) => [p.name, { entry: p, index: i }]));
  const newLayers = new Map(b.spec.template.packs.map((p, i) => [p.name, { entry: p, index: i }]));
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
    values: pairs.flatMap((p) => valueChanges(p.name, layerValues(p.old.entry, p.old.index), layerValues(p.new.entry, p.new.index))),
    manifests: pairs.flatMap((p) => manifestChanges(p.name, p.old.entry, p.new.entry)),
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
  return document.spec.template.packs.flatMap((p, index) => (keep(p.name) ? [{ name: p.name, index, type: p.type, layer: p.layer }] : []));
}

/** Layers in both documents outside a longest run kept in the same relative order. */
function moves(a: ProfileDocument, b: ProfileDocument, common: readonly string[]): LayerMove[] {
  const oldOrder = a.spec.template.packs.map((p) => p.name).filter((n) => common.includes(n));
  const newOrder = b.spec.template.packs.map((p) => p.name).filter((n) => common.includes(n));
  const kept = longestCommonSubsequence(oldOrder, newOrder);
  const index = (document: ProfileDocument, name: string): number => document.spec.template.packs.findIndex((p) => p.name === name);
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

function layerValues(entry: PackEntry, index: number): Values {
  return readLayerValues(entry, packPath(index)).values;
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

function manifestChanges(layer: string, a: PackEntry, b: PackEntry): ManifestChange[] {
  const oldManifests = new Map((a.manifests ?? []).map((m) => [m.name, m.content]));
  const newManifests = new Map((b.manifests ?? []).map((m) => [m.name, m.content]));
  const names = [...new Set([...oldManifests.keys(), ...newManifests.keys()])].sort();
  return names.flatMap((name): ManifestChange[] => {
    if (!newManifests.has(name)) return [{ layer, name, change: 'removed' }];
    if (!oldManifests.has(name)) return [{ layer, name, change: 'added' }];
    return oldManifests.get(name) === newManifests.get(name) ? [] : [{ layer, name, change: 'changed' }];
  });
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
