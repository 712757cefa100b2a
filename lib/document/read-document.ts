import { Diagnostic, ProfileError } from '../errors';
import { isPlainObject, Values } from '../values/merge';
import { parseValuesYaml, parseYamlDocuments } from '../values/yaml';
import { jsonPathChild, JsonSchema, validateJson } from './json-schema';
import { DISPLAY_NAME_SEPARATOR, EXTENSIONS_FIELD, PackEntry, PRESETS_COMMENT, ProfileDocument } from './profile-document';
import schemaJson from './profile-document.schema.json';
import {
  asInvalidDocument,
  chartSourceCount,
  chartWithoutRepository,
  documentNotJson,
  layerNameRepeated,
  manifestsOnWrongLayer,
  packEntryWithoutRegistry,
  packEntryWithoutVersion,
  repositoryWithoutChart,
  schemaViolationOfDocument,
  variableNameRepeated,
  withField,
} from '../diagnostics';

/** The JSON Schema of profile documents (profile-document.schema.json). */
export const PROFILE_DOCUMENT_SCHEMA: JsonSchema = schemaJson;

/** A preset chosen in a layer's values comment: `Group:name`. */
export interface ChosenPreset {
  readonly group?: string;
  readonly name: string;
}

/** A pack entry's values text, read: the presets of its first-line comment and the values. */
export interface LayerValues {
  readonly presets: readonly ChosenPreset[];
  readonly values: Values;
}

/**
 * Reads a profile document (an object, or JSON text) and checks it: against the JSON Schema
 * first, then what a schema cannot say (distinct layer and variable names, where a chart comes
 * from, values and manifests that are YAML). Throws one {@link ProfileError} with every problem,
 * code INVALID_DOCUMENT, each at the JSONPath of the value (`$.spec.template.packs[2].layer`).
 *
 * @param source names the document in errors (a file name), before the JSONPath
 */
export function readProfileDocument(input: unknown, source?: string): ProfileDocument {
  const at = (path: string): string => (source ? withField(source, path) : path);
  let document = input;
  if (typeof input === 'string') {
    try {
      document = JSON.parse(input);
    } catch (e) {
      ProfileError.throw(documentNotJson(at('$'), (e as Error).message.split('\n')[0]));
    }
  }
  const violations = validateJson(PROFILE_DOCUMENT_SCHEMA, document);
  let diagnostics: Diagnostic[] = violations.map((v) => schemaViolationOfDocument(v.path, v.message, v.fix));
  if (diagnostics.length === 0) diagnostics.push(...checkContent(document as ProfileDocument));
  const palette = isPlainObject(document) && document.apiVersion === undefined;
  if (palette) diagnostics = diagnostics.map((d) => withRefusalKind(d, refusalKind(d, document)));
  if (diagnostics.length > 0) throw new ProfileError(diagnostics.map((d) => ({ ...d, path: at(d.path) })));
  return document as ProfileDocument;
}

/** Whether refusing something of a Palette document follows a rule of Palette's format or a limit of this library. */
export type RefusalKind = 'palette' | 'library';

/** The line an error about a Palette document adds to say whose rule refused it. */
export const REFUSAL_LINES: Readonly<Record<RefusalKind, string>> = {
  palette: "a rule of Palette's format: Palette refuses this too",
  library: "a limit of this library: Palette's format allows this",
};

/** A diagnostic with the line saying whose rule refused it, as its first detail. */
export function withRefusalKind(diagnostic: Diagnostic, kind: RefusalKind): Diagnostic {
  return { ...diagnostic, details: [REFUSAL_LINES[kind], ...(diagnostic.details ?? [])] };
}

/**
 * Whose rule a problem of a Palette document breaks. This library's limits: layer names that
 * become Helm release names and Terraform addresses, pack and template types it does not read
 * (`zarf`, `system`), manifests attached to a pack layer, Go templates in manifests. Everything
 * else the schema and checks ask for is Palette's format as Palette documents it.
 */
function refusalKind(diagnostic: Diagnostic, document: unknown): RefusalKind {
  const { path, message } = diagnostic;
  if (/\.packs\[\d+\]\.name$/.test(path) && !message.startsWith('repeats') && message !== 'is missing') return 'library';
  if (/\.packs\[\d+\]\.type$/.test(path) && message.includes('"zarf"')) return 'library';
  if (path === '$.spec.template.type' && message.includes('"system"')) return 'library';
  if (/\.manifests$/.test(path) && message.startsWith('are attached')) return 'library';
  const manifest = /^\$\.spec\.template\.packs\[(\d+)\]\.manifests\[(\d+)\]\.content\b/.exec(path);
  if (manifest) {
    // Palette renders manifests as templates; this library reads them as YAML.
    // The document may break the schema anywhere: read the content defensively.
    const content: unknown = (document as ProfileDocument).spec?.template?.packs?.[Number(manifest[1])]?.manifests?.[Number(manifest[2])]?.content;
    return typeof content === 'string' && content.includes('{{') ? 'library' : 'palette';
  }
  return 'palette';
}

/** The JSONPath of the pack entry at `index`. */
export function packPath(index: number): string {
  return `$.spec.template.packs[${index}]`;
}

/**
 * Reads a pack entry's `values`: the presets named by a first line
 * `# spectrocloud.com/enabled-presets: Group:name,...` (Palette's record of them), then the YAML.
 * Throws INVALID_DOCUMENT at `path` (the entry's JSONPath) when the YAML is not one map.
 */
export function readLayerValues(entry: PackEntry, path: string): LayerValues {
  const text = entry.values ?? '';
  const [firstLine] = text.split('\n', 1);
  const presets = firstLine.startsWith(PRESETS_COMMENT) ? parsePresetsComment(firstLine.slice(PRESETS_COMMENT.length)) : [];
  return { presets, values: asDocumentError(() => parseValuesYaml(text, jsonPathChild(path, 'values'))) };
}

/** Reads the objects of a pack entry's `manifests`, in order; empty documents are skipped. */
export function readManifestObjects(entry: PackEntry, path: string): unknown[] {
  return (entry.manifests ?? []).flatMap((manifest, i) =>
    asDocumentError(() => parseYamlDocuments(manifest.content, jsonPathChild(jsonPathChild(jsonPathChild(path, 'manifests'), i), 'content'))).filter(
      (d) => d !== null && d !== undefined,
    ),
  );
}

function parsePresetsComment(list: string): ChosenPreset[] {
  return list
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => {
      const colon = item.indexOf(':');
      return colon < 0 ? { name: item } : { group: item.slice(0, colon).trim(), name: item.slice(colon + 1).trim() };
    });
}

/** What the schema cannot check; paths are JSONPaths. */
function checkContent(document: ProfileDocument): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const problem = (diagnostic: Diagnostic): void => {
    diagnostics.push(diagnostic);
  };
  const firstIndex = new Map<string, number>();
  document.spec.template.packs.forEach((entry, i) => {
    const path = packPath(i);
    const earlier = firstIndex.get(entry.name);
    if (earlier !== undefined) problem(layerNameRepeated(jsonPathChild(path, 'name'), entry.name, packPath(earlier)));
    else firstIndex.set(entry.name, i);
    checkRegistry(entry, path, problem);
    if (entry.type === 'spectro' || entry.type === 'oci') checkPackSource(entry, path, problem);
    if ((entry.manifests ?? []).length > 0 && entry.type !== 'manifest' && entry.type !== 'kubernetes') {
      problem(manifestsOnWrongLayer(jsonPathChild(path, 'manifests'), entry.type));
    }
    for (const read of [() => readLayerValues(entry, path), () => readManifestObjects(entry, path)]) {
      try {
        read();
      } catch (e) {
        if (!(e instanceof ProfileError)) throw e;
        diagnostics.push(...e.diagnostics);
      }
    }
  });
  const variables = new Set<string>();
  (document.spec.variables ?? []).forEach((variable, i) => {
    if (variables.has(variable.name)) problem(variableNameRepeated(`$.spec.variables[${i}].name`, variable.name));
    variables.add(variable.name);
  });
  return diagnostics;
}

/** A pack names its registry by `metadata`; a Helm chart by exactly one of repository, oci or local. */
function checkRegistry(entry: PackEntry, path: string, problem: (diagnostic: Diagnostic) => void): void {
  const registry = entry.registry;
  const at = jsonPathChild(path, 'registry');
  if (!registry || entry.type !== 'helm') return;
  const sources = (['metadata', 'repository', 'oci', 'local'] as const).filter((k) => registry[k] !== undefined);
  if (sources.length !== 1) {
    problem(chartSourceCount(at, sources));
  } else if (sources[0] === 'repository' && registry.chart === undefined) {
    problem(repositoryWithoutChart(jsonPathChild(at, 'chart')));
  }
  if (registry.chart !== undefined && sources[0] !== 'repository') {
    problem(chartWithoutRepository(jsonPathChild(at, 'chart')));
  }
}

/** A pack entry names its version (`tag` or `version`) and its registry (`registry.metadata` or Palette's `registryUid`). */
function checkPackSource(entry: PackEntry, path: string, problem: (diagnostic: Diagnostic) => void): void {
  if (entry.tag === undefined && entry.version === undefined) problem(packEntryWithoutVersion(jsonPathChild(path, 'version')));
  if (entry.registry === undefined && entry.registryUid === undefined) {
    problem(packEntryWithoutRegistry(jsonPathChild(path, 'registry')));
  }
}

/** Runs `read` and turns the YAML and values errors it throws into INVALID_DOCUMENT ones. */
function asDocumentError<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    throw new ProfileError(e.diagnostics.map(asInvalidDocument));
  }
}

/** Whether a document was written by this library (as opposed to exported by Palette). */
export function isOwnDocument(document: ProfileDocument): boolean {
  return document.apiVersion !== undefined;
}

/** The extensions of a pack entry, or an empty object. */
export function extensionsOf(entry: PackEntry): NonNullable<PackEntry[typeof EXTENSIONS_FIELD]> {
  return entry[EXTENSIONS_FIELD] ?? {};
}

/** Whether an entry is a pack resolved through a catalog, rather than a chart, manifests or Kubernetes. */
export function isPackEntry(entry: PackEntry): boolean {
  return entry.type === 'spectro' || entry.type === 'oci' || (entry.type === 'helm' && entry.registry?.metadata !== undefined);
}

/**
 * The layer name of an entry and, for a pack entry, the pack's name: `x-cluster-profiles.pack`
 * when set; in a Palette document, `<display-name>--<pack>` (split at the last `--`) names both;
 * else the entry's name is both.
 */
export function entryIdentity(entry: PackEntry, palette: boolean): { name: string; pack?: string } {
  if (!isPackEntry(entry)) return { name: entry.name };
  const declared = extensionsOf(entry).pack;
  if (declared !== undefined) return { name: entry.name, pack: declared };
  const split = palette ? entry.name.lastIndexOf(DISPLAY_NAME_SEPARATOR) : -1;
  if (split > 0 && split + DISPLAY_NAME_SEPARATOR.length < entry.name.length) {
    return { name: entry.name.slice(0, split), pack: entry.name.slice(split + DISPLAY_NAME_SEPARATOR.length) };
  }
  return { name: entry.name, pack: entry.name };
}
