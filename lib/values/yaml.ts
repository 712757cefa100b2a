import type * as YAML from 'yaml';
import { ProfileError } from '../errors';
import { isPlainObject, Values } from './merge';
import { invalidYaml, valuesYamlNotAMap, yamlAliasProblem } from '../diagnostics';
import { plainYaml } from './plain-yaml';
import { readPlainYaml } from './plain-yaml-reader';

/**
 * YAML in and out. Input errors name the line; output is canonical (keys sorted, no line
 * folding, no anchors) so that synthesizing twice gives the same bytes and Terraform sees no
 * perpetual diff from key order.
 */

/**
 * The yaml library, loaded on first use: profiles whose values are all written in TypeScript
 * never parse YAML, readPlainYaml reads most pack and manifest texts without it, and plainYaml
 * writes most values without it, while loading it costs every process about 30 ms and 4 MB
 * (bench/).
 */
export function yamlLibrary(): typeof YAML {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('yaml') as typeof YAML;
}

/**
 * Helm reads values (and Kubernetes reads manifests) with go-yaml v2, which takes YAML 1.1's
 * booleans: `yes`, `On`, `n`, `OFF`... are booleans there, not strings. Reading them the same way
 * keeps a pack's `enabled: yes` a boolean, as Palette and Helm see it. Everything else stays YAML
 * 1.2 core (no sexagesimal numbers, no timestamps), as go-yaml v2 decodes into untyped values.
 */
const helmBoolean: YAML.ScalarTag = {
  tag: 'tag:yaml.org,2002:bool',
  default: true,
  identify: (value) => typeof value === 'boolean',
  test: /^(?:y|Y|yes|Yes|YES|on|On|ON|n|N|no|No|NO|off|Off|OFF)$/,
  resolve: (text) => /^(?:y|Y|yes|Yes|YES|on|On|ON)$/.test(text),
};

function withHelmBooleans(tags: YAML.Tags): YAML.Tags {
  return [...tags, helmBoolean];
}

/**
 * Parses every document of a YAML text; throws INVALID_YAML naming `where` and the line. The
 * plain texts most packs and manifests hold are read without the yaml library (readPlainYaml),
 * which gives the same values; the library reads the rest and reports every error.
 */
export function parseYamlDocuments(text: string, where: string): unknown[] {
  return readPlainYaml(text) ?? parseYamlDocumentsWithLibrary(text, where);
}

/**
 * One document as the yaml library's `parse` reads it with its defaults (YAML 1.2 core, no Helm
 * booleans; null for an empty text), for files the library reads as other tools do (a
 * kubeconfig, a chart's Chart.yaml): plain texts without loading the library, the rest with it,
 * which also throws its error for a broken text or several documents. Each readiness gate's
 * waiter reads a kubeconfig, and loading the library cost it about 26 ms.
 */
export function parseYaml(text: string): unknown {
  const documents = readPlainYaml(text, { helmBooleans: false });
  if (documents !== undefined && documents.length <= 1) return documents.length === 1 ? documents[0] : null;
  return yamlLibrary().parse(text);
}

/** parseYamlDocuments through the yaml library: the reference readPlainYaml is tested against. */
export function parseYamlDocumentsWithLibrary(text: string, where: string): unknown[] {
  // Only the first error is reported, so only its position is computed: prettyErrors formats
  // every error against its whole line, quadratic in a long line of many errors.
  const yaml = yamlLibrary();
  const lineCounter = new yaml.LineCounter();
  const documents = yaml.parseAllDocuments(text, { prettyErrors: false, lineCounter, uniqueKeys: true, customTags: withHelmBooleans });
  if (!Array.isArray(documents)) return [];
  const values: unknown[] = [];
  for (const document of documents) {
    const error = document.errors[0];
    if (error) throwYamlError(error, where, lineCounter);
    values.push(toJS(document, where));
  }
  return values;
}

/** A document's value. The yaml library throws, rather than reports, aliases it cannot expand. */
function toJS(document: YAML.Document, where: string): unknown {
  try {
    return document.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    return ProfileError.throw(yamlAliasProblem(where, (e as Error).message.split('\n')[0]));
  }
}

/** Parses a values YAML text that must hold one map (or nothing). */
export function parseValuesYaml(text: string, where: string): Values {
  const documents = parseYamlDocuments(text, where).filter((d) => d !== null && d !== undefined);
  if (documents.length === 0) return {};
  if (documents.length > 1 || !isPlainObject(documents[0])) {
    ProfileError.throw(valuesYamlNotAMap(where, documents.length));
  }
  return documents[0] as Values;
}

function throwYamlError(error: YAML.YAMLError, where: string, lineCounter: YAML.LineCounter): never {
  const position = error.pos[0] >= 0 ? lineCounter.linePos(error.pos[0]) : undefined;
  const line = position?.line;
  const column = position?.col;
  const firstLine = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  ProfileError.throw(invalidYaml(where, line ? { line, column: column! } : undefined, firstLine));
}

/**
 * Canonical YAML of a values tree: keys sorted at every depth, no folding, no aliases. Written
 * for YAML 1.1, which Helm reads: strings such as `on`, `yes` or `n` are quoted, so they do not
 * arrive as booleans.
 */
export function canonicalYaml(value: unknown, memo?: YamlMemo): string {
  const key = memo && jsonKeyed(value) ? JSON.stringify(value) : undefined;
  if (key !== undefined) {
    const cached = memo!.get(key);
    if (cached !== undefined) return cached;
  }
  // compat 'core': also quote strings that YAML 1.2, which parseValuesYaml reads, takes for
  // another type (`0o12`, an octal number), so documents read back what they wrote.
  const text =
    plainYaml(value) ??
    yamlLibrary().stringify(sortKeys(value), { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false, version: '1.1', compat: 'core' });
  if (key !== undefined) memo!.set(key, text);
  return text;
}

/**
 * Canonical YAML texts by the JSON text of their values, for one synth (the synth pass owns one):
 * a profile's layer values are the same on most clusters, and YAML.stringify is most of the cost
 * of emitting a release. Without it, synth at 100 clusters x 30 layers took about twice as long
 * (`npx tsx bench/workloads/synth-ours.ts clusters=100 layers=30 outdir=...`). Only trees whose
 * JSON text identifies the YAML exactly are memoized (see jsonKeyed); the memo holds at most
 * `maxChars` characters of keys and texts, dropping the oldest first.
 */
export class YamlMemo {
  private readonly texts = new Map<string, string>();
  private chars = 0;

  constructor(private readonly maxChars = 4 * 1024 * 1024) {}

  get(key: string): string | undefined {
    return this.texts.get(key);
  }

  set(key: string, text: string): void {
    if (key.length + text.length > this.maxChars / 16) return;
    this.texts.set(key, text);
    this.chars += key.length + text.length;
    for (const [k, t] of this.texts) {
      if (this.chars <= this.maxChars) break;
      this.texts.delete(k);
      this.chars -= k.length + t.length;
    }
  }
}

/**
 * Whether JSON.stringify(value) tells `value`'s canonical YAML apart from every other: a tree of
 * plain objects and arrays whose leaves are strings, booleans, null and finite numbers other
 * than -0. (Anything else, such as undefined, NaN, -0, Dates or class instances, JSON either
 * drops or prints like another value, so such trees are not memoized.)
 */
function jsonKeyed(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!(i in value) || !jsonKeyed(value[i])) return false;
        return Object.getPrototypeOf(value) === Array.prototype;
      }
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) return false;
      for (const key of Object.keys(value)) if (!jsonKeyed((value as Values)[key])) return false;
      return true;
    }
    default:
      return false;
  }
}

/** A copy of `value` with every map's keys in sorted order. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isPlainObject(value)) {
    // fromEntries defines own properties, so a key named __proto__ stays a key.
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys(value[key])]));
  }
  return value;
}
