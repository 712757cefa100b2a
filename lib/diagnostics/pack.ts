import { Diagnostic } from '../errors';
import { withField } from './place';

function invalidPack(path: string, message: string, fix: string): Diagnostic {
  return { code: 'PACK_INVALID', path, message, fix };
}

/** A pack without values.yaml; the path is the pack's values.yaml. */
export function packValuesMissing(path: string): Diagnostic {
  return invalidPack(path, 'values.yaml is missing', 'add values.yaml (it may be empty)');
}

/** A pack without pack.json; the path is the pack's pack.json. */
export function packJsonMissing(path: string): Diagnostic {
  return invalidPack(path, 'pack.json is missing', 'add pack.json with name, displayName, version and layer');
}

/** A pack.json that is not JSON. */
export function packJsonNotJson(path: string, problem: string): Diagnostic {
  return invalidPack(path, `pack.json is not valid JSON: ${problem}`, 'fix the JSON syntax');
}

/** A pack.json that is not an object. */
export function packJsonNotAnObject(path: string): Diagnostic {
  return invalidPack(path, 'pack.json is not a JSON object', 'write an object with name, displayName, version and layer');
}

/** A pack.json without one of name, version, layer. */
export function packFieldMissing(packJson: string, field: string): Diagnostic {
  return invalidPack(withField(packJson, field), `${field} is missing`, `set "${field}" in pack.json`);
}

/** A pack.json whose version is not a version. */
export function packVersionInvalid(packJson: string, version: unknown): Diagnostic {
  return invalidPack(withField(packJson, 'version'), `version "${version}" is not a version`, 'write MAJOR.MINOR.PATCH ("1.2.3"), or a Palette version such as "24.04" or "v1.1.0"');
}

/** A pack.json whose layer is not one of `layers`. */
export function packLayerUnsupported(packJson: string, layer: unknown, layers: readonly string[]): Diagnostic {
  return invalidPack(withField(packJson, 'layer'), `layer "${layer}" is not a supported layer`, `use one of ${layers.join(', ')}`);
}

/** A pack.json `charts` or `kubeManifests` that is not a list of paths. */
export function packFileListInvalid(packJson: string, field: string): Diagnostic {
  return invalidPack(withField(packJson, field), `${field} is not a list of paths`, `write "${field}": ["..."]`);
}

/** A pack.json `constraints.dependencies` that is not a list. */
export function packDependenciesNotAList(packJson: string): Diagnostic {
  return invalidPack(withField(packJson, 'constraints.dependencies'), 'constraints.dependencies is not a list', 'write "dependencies": [{ "packName": ..., "type": "required" }]');
}

/** A dependency (at `constraints.dependencies[i]` of pack.json) without a packName. */
export function dependencyWithoutPackName(packJson: string, index: number): Diagnostic {
  return invalidPack(withField(packJson, `constraints.dependencies[${index}]`), 'dependency has no packName', 'name the pack depended on in "packName"');
}

/** A dependency whose type is not one of `types`. */
export function dependencyTypeUnknown(packJson: string, index: number, type: unknown, types: readonly string[]): Diagnostic {
  return invalidPack(
    withField(packJson, `constraints.dependencies[${index}].type`),
    `dependency type "${type}" is not one of ${types.join(', ')}`,
    `use one of ${types.join(', ')}`,
  );
}

/** A dependency bound (minVersion, maxVersion) that is not a version. */
export function dependencyBoundInvalid(packJson: string, index: number, field: string, value: unknown): Diagnostic {
  return invalidPack(
    withField(packJson, `constraints.dependencies[${index}].${field}`),
    `${field} "${value}" is not a version`,
    'write a version such as "1.27" or "1.27.5", or leave it empty for no bound',
  );
}

/** A values.yaml whose `pack:` section is not a map. */
export function packSectionNotAMap(valuesYaml: string): Diagnostic {
  return invalidPack(withField(valuesYaml, 'pack'), 'the pack: section is not a map', 'write `pack:` followed by namespace, releaseNameOverride, ...');
}

/** A `pack.<field>` (namespaceLabels, namespaceAnnotations, …) that is not a map of strings. */
export function packSectionFieldNotAMap(valuesYaml: string, field: string): Diagnostic {
  return invalidPack(withField(valuesYaml, `pack.${field}`), `pack.${field} is not a map of strings`, `write pack.${field} as name: value pairs`);
}

/** A `pack.spectrocloud.com/install-priority` that is not a whole number. */
export function installPriorityInvalid(valuesYaml: string, priority: unknown): Diagnostic {
  return invalidPack(withField(valuesYaml, 'pack.spectrocloud.com/install-priority'), `install priority "${priority}" is not a whole number`, 'write a whole number in quotes, e.g. "10"');
}

/** A `pack.additionalNamespaces` that is not a list. */
export function additionalNamespacesNotAList(valuesYaml: string): Diagnostic {
  return invalidPack(withField(valuesYaml, 'pack.additionalNamespaces'), 'pack.additionalNamespaces is not a list of names', 'write a list of namespace names');
}

/** A `pack.namespace` that is not a string. */
export function packNamespaceNotAString(valuesYaml: string): Diagnostic {
  return invalidPack(withField(valuesYaml, 'pack.namespace'), 'pack.namespace is not a string', 'write the namespace name');
}

/** A pack listing two charts of one name, though each chart is a release of its own. */
export function duplicatePackChart(path: string, pack: string, chartName: string, first: string, second: string): Diagnostic {
  return invalidPack(
    path,
    `pack ${pack} has two charts named "${chartName}" (${first} and ${second}), but each chart of a pack is a release of its own`,
    'list each chart archive once in pack.json: charts, and give each chart of the pack its own name in its Chart.yaml',
  );
}

/** A chart archive of a pack without a named Chart.yaml. */
export function chartArchiveUnnamed(path: string): Diagnostic {
  return invalidPack(path, 'chart archive has no Chart.yaml with a name', 'package the chart with `helm package`');
}

/** A file pack.json lists and the pack does not hold. */
export function packFileMissing(path: string, file: string): Diagnostic {
  return { code: 'PACK_FILE_MISSING', path, message: `lists "${file}", which the pack does not contain`, fix: `add ${file} to the pack, or remove it from pack.json` };
}

function packConstraint(path: string, subject: string, message: string, fix: string): Diagnostic {
  return { code: 'PACK_CONSTRAINT', path, message: `${subject} ${message}`, fix };
}

/** A pack (`subject`: name and version) requiring a pack no layer of the cluster provides; `range` bounds its version. */
export function requiredPackMissing(path: string, subject: string, wanted: string, pack: string, range: string | undefined): Diagnostic {
  return packConstraint(path, subject, `requires ${wanted}, which no layer on the cluster provides`, `attach a profile with ${pack}${range ? ` in ${range}` : ''}, or remove this layer`);
}

/** A pack requiring a version of another pack (`wanted`) that the cluster's layer does not have. */
export function requiredPackVersionMismatch(path: string, subject: string, wanted: string, layer: string, version: string, pack: string, range: string, subjectPack: string): Diagnostic {
  return packConstraint(path, subject, `requires ${wanted}, but layer "${layer}" has ${version}`, `use a version of ${pack} in ${range}, or another version of ${subjectPack}`);
}

/** A pack that does not support the version of another pack the cluster's layer has. */
export function unsupportedPackVersion(path: string, subject: string, pack: string, range: string, layer: string, version: string): Diagnostic {
  return packConstraint(path, subject, `does not support ${pack} ${range}, but layer "${layer}" has ${version}`, `use a version of ${pack} outside ${range}`);
}

/** A `charts:` section of a pack's values that is not a map. */
export function chartsSectionNotAMap(path: string, pack: string, chartNames: readonly string[]): Diagnostic {
  return {
    code: 'INVALID_VALUES',
    path,
    message: `charts: of pack ${pack} is not a map of chart names to values`,
    fix: `write charts: ${chartNames[0] ?? '<chart>'}: <values>`,
  };
}

/** A `charts.<key>` section naming no chart of the pack, whose values would reach no release. */
export function unknownChartSection(path: string, key: string, pack: string, chartNames: readonly string[]): Diagnostic {
  return {
    code: 'INVALID_VALUES',
    path,
    message: `charts.${key} names no chart of pack ${pack} (its charts: ${chartNames.join(', ') || 'none'}), so its values would reach no release`,
    fix:
      chartNames.length > 0
        ? `put these values under charts.${chartNames[0]}${chartNames.length > 1 ? ` (or another of ${chartNames.join(', ')})` : ''}`
        : 'remove the charts: section, or add the chart to the pack',
  };
}

/** A failure of the library itself while `packs check` loaded or synthesized a pack. */
export function packCheckCrash(path: string, error: unknown): Diagnostic {
  return { code: 'PACK_INVALID', path, message: (error as Error).message ?? String(error), fix: 'this is a bug of cdktf-cluster-profiles: report it with the pack' };
}
