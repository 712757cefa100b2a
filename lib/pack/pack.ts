import { contentDigest } from '../digest';
import { ProfileError } from '../errors';
import { INFRA_ROLES, InfraRole } from '../layer/layer';
import { isPlainObject, Values } from '../values/merge';
import { parseValuesYaml, parseYamlDocuments } from '../values/yaml';
import { writeArchive } from './archive';
import { parsePresets, Preset } from './presets';
import { parseSchema, SchemaRule } from './schema';
import { isVersion } from './version';
import { invalidPack, packFileMissing, withField } from '../diagnostics';

/**
 * The pack format, as close to Palette's as the deploy model allows, so users can bring their
 * packs: `pack.json`, `values.yaml` (with its `pack:` section), `charts/*.tgz` or
 * `manifests/*.yaml`, and optional `presets.yaml` and `schema.yaml`.
 */

/** A dependency of one pack on another, from `pack.json: constraints.dependencies`. */
export interface PackDependency {
  readonly packName: string;
  readonly layer?: string;
  readonly minVersion?: string;
  readonly maxVersion?: string;
  /**
   * `required`: must be on the cluster within the range; `optional` and `upgrade` (Palette's
   * marker for a dependency that matters when upgrading): checked when present; `notSupported`:
   * must not be within the range.
   */
  readonly type: 'required' | 'optional' | 'upgrade' | 'notSupported';
}

/** `pack.json`. */
export interface PackManifest {
  readonly name: string;
  readonly displayName: string;
  readonly version: string;
  /** `os`, `k8s`, `cni`, `csi` or `addon`. */
  readonly layer: InfraRole | 'addon';
  readonly addonType?: string;
  /** Chart archives, relative to the pack folder. */
  readonly charts: readonly string[];
  /** Manifest files, relative to the pack folder. */
  readonly kubeManifests: readonly string[];
  readonly dependencies: readonly PackDependency[];
}

/** The `pack:` section of `values.yaml`: how the layer installs. */
export interface PackSettings {
  readonly namespace?: string;
  /** Chart (or manifest) name to release name. */
  readonly releaseNameOverride: Readonly<Record<string, string>>;
  /** `spectrocloud.com/install-priority`. */
  readonly installPriority?: number;
  /** `spectrocloud.com/display-name`: the layer's name when a pack appears more than once. */
  readonly displayName?: string;
  readonly additionalNamespaces: readonly string[];
  /** Namespace to `k=v,k2=v2` labels. */
  readonly namespaceLabels: Readonly<Record<string, string>>;
  /** Namespace to `k=v,k2=v2` annotations. */
  readonly namespaceAnnotations: Readonly<Record<string, string>>;
}

/** A pack read whole and checked. */
export interface Pack {
  readonly manifest: PackManifest;
  /** `values.yaml`, whole (including its `pack:` section). */
  readonly values: Values;
  readonly presets: readonly Preset[];
  readonly schema: readonly SchemaRule[];
  /** Every file of the pack, by relative path. */
  readonly files: ReadonlyMap<string, Buffer>;
  /** `sha256:` digest of every file. */
  readonly digest: string;
}

/** Reads a pack from its files; `where` names the pack (folder or archive) in errors. */
export function readPack(packFiles: ReadonlyMap<string, Buffer>, where: string): Pack {
  let files = packFiles;
  const manifest = readManifest(files, where);
  const valuesFile = files.get('values.yaml');
  if (!valuesFile) invalid(`${where}/values.yaml`, 'values.yaml is missing', 'add values.yaml (it may be empty)');
  const values = parseValuesYaml(valuesFile!.toString('utf8'), `${where}/values.yaml`);
  readSettings(values, `${where}/values.yaml`);
  const digest = contentDigest(files);
  files = withPackagedCharts(files, manifest.charts, where);
  for (const file of [...manifest.charts, ...manifest.kubeManifests]) {
    if (!files.has(normalize(file))) {
      ProfileError.throw(packFileMissing(`${where}/pack.json`, file));
    }
  }
  const presetsFile = files.get('presets.yaml');
  const schemaFile = files.get('schema.yaml');
  return {
    manifest,
    values,
    presets: presetsFile ? parsePresets(presetsFile.toString('utf8'), `${where}/presets.yaml`) : [],
    schema: schemaFile ? parseSchema(schemaFile.toString('utf8'), `${where}/schema.yaml`) : [],
    files,
    digest,
  };
}

/**
 * Published packs sometimes list a chart archive (`charts/gateway-api-crds-1.4.0.tgz`) but ship
 * the chart as a folder (`charts/gateway-api-crds/` with its Chart.yaml). When a listed archive is
 * missing and a chart folder's `<name>-<version>.tgz` is its name, the folder is packaged, as
 * `helm package` would name it, so the pack installs as its author meant.
 */
function withPackagedCharts(files: ReadonlyMap<string, Buffer>, charts: readonly string[], where: string): ReadonlyMap<string, Buffer> {
  const missing = charts.map(normalize).filter((c) => !files.has(c));
  if (missing.length === 0) return files;
  const result = new Map(files);
  for (const [file, content] of files) {
    const folder = /^(charts\/[^/]+)\/Chart\.yaml$/.exec(file)?.[1];
    if (!folder) continue;
    const chart = parseYamlDocuments(content.toString('utf8'), `${where}/${file}`)[0];
    if (!isPlainObject(chart) || typeof chart.name !== 'string' || chart.version === undefined) continue;
    const archive = `charts/${chart.name}-${chart.version}.tgz`;
    if (!missing.includes(archive)) continue;
    const inside = [...files].filter(([f]) => f.startsWith(`${folder}/`)).map(([f, c]) => [`${chart.name}/${f.slice(folder.length + 1)}`, c] as const);
    result.set(archive, writeArchive(new Map(inside)));
  }
  return result;
}

function readManifest(files: ReadonlyMap<string, Buffer>, where: string): PackManifest {
  const at = `${where}/pack.json`;
  const file = files.get('pack.json');
  if (!file) invalid(at, 'pack.json is missing', 'add pack.json with name, displayName, version and layer');
  let json: unknown;
  try {
    json = JSON.parse(file!.toString('utf8'));
  } catch (e) {
    invalid(at, `pack.json is not valid JSON: ${(e as Error).message}`, 'fix the JSON syntax');
  }
  if (!isPlainObject(json)) invalid(at, 'pack.json is not a JSON object', 'write an object with name, displayName, version and layer');
  const m = json as Values;
  for (const field of ['name', 'version', 'layer']) {
    if (typeof m[field] !== 'string' || m[field] === '') invalid(`${at}: ${field}`, `${field} is missing`, `set "${field}" in pack.json`);
  }
  if (!isVersion(m.version as string)) invalid(`${at}: version`, `version "${m.version}" is not a version`, 'write MAJOR.MINOR.PATCH ("1.2.3"), or a Palette version such as "24.04" or "v1.1.0"');
  const layers = [...INFRA_ROLES, 'addon'];
  if (!layers.includes(m.layer as string)) invalid(`${at}: layer`, `layer "${m.layer}" is not a supported layer`, `use one of ${layers.join(', ')}`);
  const strings = (field: string): string[] => {
    const value = m[field] ?? [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) invalid(`${at}: ${field}`, `${field} is not a list of paths`, `write "${field}": ["..."]`);
    return value as string[];
  };
  return {
    name: m.name as string,
    displayName: typeof m.displayName === 'string' ? m.displayName : (m.name as string),
    version: m.version as string,
    layer: m.layer as PackManifest['layer'],
    addonType: typeof m.addonType === 'string' ? m.addonType : undefined,
    charts: strings('charts'),
    kubeManifests: strings('kubeManifests'),
    dependencies: readDependencies(m.constraints, at),
  };
}

function readDependencies(constraints: unknown, at: string): PackDependency[] {
  if (constraints === undefined) return [];
  const list = isPlainObject(constraints) ? (constraints.dependencies ?? []) : undefined;
  if (!Array.isArray(list)) invalid(`${at}: constraints.dependencies`, 'constraints.dependencies is not a list', 'write "dependencies": [{ "packName": ..., "type": "required" }]');
  return list.map((d, i) => {
    const where = `${at}: constraints.dependencies[${i}]`;
    if (!isPlainObject(d) || typeof d.packName !== 'string') invalid(where, 'dependency has no packName', 'name the pack depended on in "packName"');
    const type = d.type ?? 'optional';
    if (!DEPENDENCY_TYPES.includes(type as string)) invalid(`${where}.type`, `dependency type "${type}" is not one of ${DEPENDENCY_TYPES.join(', ')}`, `use one of ${DEPENDENCY_TYPES.join(', ')}`);
    // Palette's docs: an empty bound is no bound; a short one ("1.27") is a version all the same.
    const bound = (field: string): string | undefined => {
      const value = d[field];
      if (value === undefined || value === null || value === '') return undefined;
      if (!isVersion(String(value))) invalid(`${where}.${field}`, `${field} "${value}" is not a version`, 'write a version such as "1.27" or "1.27.5", or leave it empty for no bound');
      return String(value);
    };
    return {
      packName: d.packName as string,
      layer: typeof d.layer === 'string' ? d.layer : undefined,
      minVersion: bound('minVersion'),
      maxVersion: bound('maxVersion'),
      type: type as PackDependency['type'],
    };
  });
}

/** Reads and checks the `pack:` section of values. */
export function readSettings(values: Values, where: string): PackSettings {
  const section = values.pack ?? {};
  if (!isPlainObject(section)) invalid(withField(where, `pack`), 'the pack: section is not a map', 'write `pack:` followed by namespace, releaseNameOverride, ...');
  const s = section as Values;
  const map = (field: string): Record<string, string> => {
    const value = s[field] ?? {};
    if (!isPlainObject(value) || Object.values(value).some((v) => typeof v !== 'string')) invalid(withField(where, `pack.${field}`), `pack.${field} is not a map of strings`, `write pack.${field} as name: value pairs`);
    return value as Record<string, string>;
  };
  const priority = s['spectrocloud.com/install-priority'];
  if (priority !== undefined && !/^-?\d+$/.test(String(priority))) {
    invalid(withField(where, `pack.spectrocloud.com/install-priority`), `install priority "${priority}" is not a whole number`, 'write a whole number in quotes, e.g. "10"');
  }
  const additional = s.additionalNamespaces ?? [];
  const additionalNamespaces = typeof additional === 'string' ? additional.split(',').map((n) => n.trim()).filter(Boolean) : additional;
  if (!Array.isArray(additionalNamespaces)) invalid(withField(where, `pack.additionalNamespaces`), 'pack.additionalNamespaces is not a list of names', 'write a list of namespace names');
  if (s.namespace !== undefined && s.namespace !== null && typeof s.namespace !== 'string') invalid(withField(where, `pack.namespace`), 'pack.namespace is not a string', 'write the namespace name');
  const displayName = s['spectrocloud.com/display-name'];
  return {
    // An empty namespace is unset, as in Palette (the layer installs in "default").
    namespace: typeof s.namespace === 'string' && s.namespace.trim() !== '' ? s.namespace.trim() : undefined,
    releaseNameOverride: map('releaseNameOverride'),
    installPriority: priority === undefined ? undefined : Number(priority),
    displayName: typeof displayName === 'string' ? displayName : undefined,
    additionalNamespaces: additionalNamespaces as string[],
    namespaceLabels: map('namespaceLabels'),
    namespaceAnnotations: map('namespaceAnnotations'),
  };
}

const DEPENDENCY_TYPES = ['required', 'optional', 'upgrade', 'notSupported'];

function normalize(file: string): string {
  return file.replace(/^\.\//, '');
}

function invalid(where: string, message: string, fix: string): never {
  ProfileError.throw(invalidPack(where, message, fix));
}
