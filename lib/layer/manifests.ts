import * as fs from 'fs';
import * as path from 'path';
import { Token } from 'cdktf';
import { ProfileError } from '../errors';
import { isPlainObject, Values } from '../values/merge';
import { parseYamlDocuments } from '../values/yaml';
import { manifestFieldMissing, manifestFileMissing, manifestNotAnObject, manifestToken, manifestWithoutName, withField } from '../diagnostics';

/** Raw Kubernetes objects for a layer: any mix of YAML text, YAML files and objects. */
export interface ManifestSources {
  /**
   * YAML text with one or more documents separated by `---`.
   * @default - none
   */
  readonly yaml?: string;
  /**
   * YAML files, each with one or more documents; relative paths are read from the directory the
   * app runs in.
   * @default - none
   */
  readonly files?: readonly string[];
  /**
   * Objects, each a Kubernetes object with apiVersion, kind and metadata.name.
   * @default - none
   */
  readonly documents?: readonly Values[];
}

/** A Kubernetes object as the library sees it: plain data with the fields Helm needs. */
export interface ManifestDocument extends Values {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string } & Values;
}

/**
 * Reads and checks every document, in order: files first, then text, then objects. Empty
 * documents (a trailing `---`) are skipped; a `List` is not unpacked, write its items instead.
 */
export function readManifests(sources: ManifestSources, where: string): ManifestDocument[] {
  return [...readManifestFiles(sources.files ?? [], where), ...readInlineManifests(sources, where)];
}

/** Reads and checks the documents of manifest files: the I/O part of {@link readManifests}. */
export function readManifestFiles(files: readonly string[], where: string): ManifestDocument[] {
  const found: Array<{ value: unknown; origin: string }> = [];
  for (const file of files) {
    const absolute = path.resolve(file);
    if (!fs.existsSync(absolute)) {
      ProfileError.throw(manifestFileMissing(where, file, path.dirname(absolute)));
    }
    const text = fs.readFileSync(absolute, 'utf8');
    parseYamlDocuments(text, withField(where, file)).forEach((value, i) => found.push({ value, origin: `${file}, document ${i + 1}` }));
  }
  return checkDocuments(found, where);
}

/** Reads and checks the documents given as YAML text and as objects: no I/O. */
export function readInlineManifests(sources: ManifestSources, where: string): ManifestDocument[] {
  const found: Array<{ value: unknown; origin: string }> = [];
  if (sources.yaml !== undefined) {
    parseYamlDocuments(sources.yaml, withField(where, 'yaml')).forEach((value, i) => found.push({ value, origin: `yaml document ${i + 1}` }));
  }
  (sources.documents ?? []).forEach((value, i) => found.push({ value, origin: `documents[${i}]` }));
  return checkDocuments(found, where);
}

function checkDocuments(found: ReadonlyArray<{ value: unknown; origin: string }>, where: string): ManifestDocument[] {
  return found
    .filter(({ value }) => value !== null && value !== undefined)
    .map(({ value, origin }) => checkDocument(value, withField(where, origin)));
}

function checkDocument(value: unknown, where: string): ManifestDocument {
  if (!isPlainObject(value)) return ProfileError.throw(manifestNotAnObject(where));
  if (typeof value.apiVersion !== 'string' || value.apiVersion === '') return ProfileError.throw(manifestFieldMissing(where, 'apiVersion'));
  if (typeof value.kind !== 'string' || value.kind === '') return ProfileError.throw(manifestFieldMissing(where, 'kind'));
  const metadata = value.metadata;
  if (!isPlainObject(metadata) || typeof metadata.name !== 'string' || metadata.name === '') {
    return ProfileError.throw(manifestWithoutName(where, value.kind));
  }
  if (holdsToken(value)) {
    ProfileError.throw(manifestToken(where, value.kind, metadata.name));
  }
  return value as ManifestDocument;
}

// Pure, and kept apart so that planning (the core) reads kinds without loading cdktf.
export { definedKind, kindKey } from './object-kinds';

/** Whether a string anywhere in `value` (keys included) is or holds an unresolved cdktf token. */
function holdsToken(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'number') return Token.isUnresolved(value);
  if (Array.isArray(value)) return value.some(holdsToken);
  if (isPlainObject(value)) return Object.entries(value).some(([k, v]) => Token.isUnresolved(k) || holdsToken(v));
  return false;
}

/**
 * The manifests a layer declares: the YAML text and objects, checked at once (no I/O), and the
 * files, read on first use of {@link documents} (the synth pass's resolve stage), not where the
 * layer is declared.
 */
export class DeclaredManifests {
  private readonly files: readonly string[];
  private readonly inline: readonly ManifestDocument[];
  private fromFiles?: readonly ManifestDocument[];

  constructor(sources: ManifestSources, private readonly where: string) {
    this.files = [...(sources.files ?? [])];
    this.inline = readInlineManifests(sources, where);
  }

  /** Every document, in order: files first, then text, then objects. */
  public documents(): readonly ManifestDocument[] {
    this.fromFiles ??= readManifestFiles(this.files, this.where);
    return this.fromFiles.length === 0 ? this.inline : [...this.fromFiles, ...this.inline];
  }
}
