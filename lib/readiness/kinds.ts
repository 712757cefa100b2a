import * as fs from 'fs';
import * as path from 'path';
import type { ManifestDocument } from '../layer/manifests';
import { definedKind, kindKey } from '../layer/object-kinds';
import type { LayerSpec, PackSpec } from '../model/layer';
import { readArchive } from '../pack/archive';
import { parseYamlDocuments } from '../values/yaml';

/**
 * The kinds a layer defines (its CRDs) and the kinds it creates objects of, read where they can be
 * known at synth: a manifest layer's documents (and any layer's extra documents), a pack's
 * manifests and chart archives, a local chart's files. In a chart, files under `crds/` and
 * templates that are plain YAML (no `{{`) are read; a template is not rendered, so objects it
 * makes from values stay unknown, and a chart of a remote repository is not read at all: there the
 * explicit `dependsOn` stays the way.
 */
export interface LayerKinds {
  /** `group/Kind` of every CRD the layer creates, with the CRD's name (`widgets.example.com`). */
  readonly defines: ReadonlyMap<string, string>;
  /** `group/Kind` of every object the layer creates that is not a CRD. */
  readonly uses: ReadonlySet<string>;
}

/** Reads the kinds of one layer; files that cannot be read or parsed add nothing. */
export function layerKinds(layer: LayerSpec): LayerKinds {
  const documents: ManifestDocument[] = [...(layer.documents ?? [])];
  if (layer.chart?.type === 'local') documents.push(...localChartDocuments(layer.chart.path));
  const own = kindsOfDocuments(documents);
  const pack = layer.pack && (layer.pack.kinds ?? packKinds(layer.pack));
  if (!pack) return own;
  return { defines: new Map([...own.defines, ...pack.defines]), uses: new Set([...own.uses, ...pack.uses]) };
}

/**
 * The kinds of a pack's manifests and chart archives. A pack layer reads them once (see
 * `PackSpec.kinds`), so a fleet of clusters does not unpack every chart once per cluster.
 */
export function packKinds(pack: Pick<PackSpec, 'manifests' | 'charts' | 'files'>): LayerKinds {
  const documents: ManifestDocument[] = [];
  for (const file of pack.manifests) documents.push(...plainDocuments(pack.files.get(file)));
  for (const chart of pack.charts) documents.push(...archiveDocuments(pack.files.get(chart.file)));
  return kindsOfDocuments(documents);
}

function kindsOfDocuments(documents: readonly ManifestDocument[]): LayerKinds {
  const defines = new Map<string, string>();
  const uses = new Set<string>();
  for (const document of documents) {
    const defined = definedKind(document);
    if (defined !== undefined) defines.set(defined, document.metadata.name);
    else uses.add(kindKey(document.apiVersion, document.kind));
  }
  return { defines, uses };
}

/** `Widget` of `example.com/Widget`. */
export function kindName(key: string): string {
  return key.slice(key.indexOf('/') + 1);
}

function localChartDocuments(chartPath: string): ManifestDocument[] {
  try {
    const stat = fs.statSync(chartPath);
    if (stat.isFile()) return archiveDocuments(fs.readFileSync(chartPath));
    return listYaml(chartPath, '').flatMap((file) => (chartFileRead(file) ? plainDocuments(fs.readFileSync(path.join(chartPath, file))) : []));
  } catch {
    return [];
  }
}

function archiveDocuments(archive: Buffer | undefined): ManifestDocument[] {
  if (!archive) return [];
  try {
    const files = readArchive(archive, 'chart');
    return [...files].filter(([file]) => chartFileRead(file.split('/').slice(1).join('/'))).flatMap(([, content]) => plainDocuments(content));
  } catch {
    return [];
  }
}

/** `crds/*.yaml` and `templates/*.yaml` of a chart (paths relative to the chart's folder). */
function chartFileRead(file: string): boolean {
  return /^(crds|templates)\/.*\.ya?ml$/.test(file);
}

/** Every file under `crds/` and `templates/` of a chart folder, relative, sorted. */
function listYaml(root: string, relative: string): string[] {
  return fs
    .readdirSync(path.join(root, relative), { withFileTypes: true })
    .flatMap((e) => {
      const child = relative === '' ? e.name : `${relative}/${e.name}`;
      if (e.isDirectory()) return relative !== '' || e.name === 'crds' || e.name === 'templates' ? listYaml(root, child) : [];
      return relative !== '' && e.isFile() ? [child] : [];
    })
    .sort();
}

/** The Kubernetes objects of a YAML text that is no template; nothing for a template or bad YAML. */
function plainDocuments(content: Buffer | undefined): ManifestDocument[] {
  if (!content) return [];
  const text = content.toString('utf8');
  if (text.includes('{{')) return [];
  try {
    return parseYamlDocuments(text, 'chart file').filter(isObject);
  } catch {
    return [];
  }
}

function isObject(value: unknown): value is ManifestDocument {
  const v = value as ManifestDocument | null;
  return typeof v === 'object' && v !== null && typeof v.apiVersion === 'string' && typeof v.kind === 'string' && typeof v.metadata?.name === 'string';
}
