import { contentDigest } from '../digest';
import { ProfileError } from '../errors';
import { INFRA_ROLES, InfraRole } from '../layer/layer';
import { isPlainObject, Values } from '../values/merge';
import { parseValuesYaml, parseYamlDocuments } from '../values/yaml';
import { writeArchive } from './archive';
import { parsePresets, Preset } from './presets';
import { parseSchema, SchemaRule } from './schema';
import { isVersion } from './version';
import {
  additionalNamespacesNotAList,
  dependencyBoundInvalid,
  dependencyTypeUnknown,
  dependencyWithoutPackName,
  installPriorityInvalid,
  packDependenciesNotAList,
  packFieldMissing,
  packFileListInvalid,
  packFileMissing,
  packJsonMissing,
  packJsonNotAnObject,
  packJsonNotJson,
  packLayerUnsupported,
  packNamespaceNotAString,
  packSectionFieldNotAMap,
  packSectionNotAMap,
  packValuesMissing,
  packVersionInvalid,
} from '../diagnostics';

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
  if (!valuesFile) ProfileError.throw(packValuesMissing(`${where}/values.yaml`));
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
  if (!file) ProfileError.throw(packJsonMissing(at));
  let json: unknown;
  try {
    json = JSON.parse(file!.toString('utf8'));
  } catch (e) {
    ProfileError.throw(packJsonNotJson(at, (e as Error).message));
  }
  if (!isPlainObject(json)) ProfileError.throw(packJsonNotAnObject(at));
  const m = json as Values;
  for (const field of ['name', 'version', 'layer']) {
    if (typeof m[field] !== 'string' || m[field] === '') ProfileError.throw(packFieldMissing(at, field));
  }
  if (!isVersion(m.version as string)) ProfileError.throw(packVersionInvalid(at, m.version));
  const layers = [...INFRA_ROLES, 'addon'];
  if (!layers.includes(m.layer as string)) ProfileError.throw(packLayerUnsupported(at, m.layer, layers));
  const strings = (field: string): string[] => {
    const value = m[field] ?? [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) ProfileError.throw(packFileListInvalid(at, field));
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
  if (!Array.isArray(list)) ProfileError.throw(packDependenciesNotAList(at));
  return list.map((d, i) => {
    if (!isPlainObject(d) || typeof d.packName !== 'string') ProfileError.throw(dependencyWithoutPackName(at, i));
    const type = d.type ?? 'optional';
    if (!DEPENDENCY_TYPES.includes(type as string)) ProfileError.throw(dependencyTypeUnknown(at, i, type, DEPENDENCY_TYPES));
    // Palette's docs: an empty bound is no bound; a short one ("1.27") is a version all the same.
    const bound = (field: string): string | undefined => {
      const value = d[field];
      if (value === undefined || value === null || value === '') return undefined;
      if (!isVersion(String(value))) ProfileError.throw(dependencyBoundInvalid(at, i, field, value));
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
  if (!isPlainObject(section)) ProfileError.throw(packSectionNotAMap(where));
  const s = section as Values;
  const map = (field: string): Record<string, string> => {
    const value = s[field] ?? {};
    if (!isPlainObject(value) || Object.values(value).some((v) => typeof v !== 'string')) ProfileError.throw(packSectionFieldNotAMap(where, field));
    return value as Record<string, string>;
  };
  const priority = s['spectrocloud.com/install-priority'];
  if (priority !== undefined && !/^-?\d+$/.test(String(priority))) {
    ProfileError.throw(installPriorityInvalid(where, priority));
  }
  const additional = s.additionalNamespaces ?? [];
  const additionalNamespaces = typeof additional === 'string' ? additional.split(',').map((n) => n.trim()).filter(Boolean) : additional;
  if (!Array.isArray(additionalNamespaces)) ProfileError.throw(additionalNamespacesNotAList(where));
  if (s.namespace !== undefined && s.namespace !== null && typeof s.namespace !== 'string') ProfileError.throw(packNamespaceNotAString(where));
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

