import { Diagnostic, withSuggestions } from '../errors';
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

function invalidPresets(path: string, message: string, fix: string): Diagnostic {
  return invalidPack(path, path.endsWith('presets.yaml') ? `presets.yaml ${message}` : `preset ${message}`, fix);
}

/** A presets.yaml without a `presets:` list. */
export function presetsWithoutList(path: string): Diagnostic {
  return invalidPresets(path, 'has no `presets:` list', 'write `presets:` followed by a list of presets');
}

/** A preset without a name. */
export function presetWithoutName(path: string): Diagnostic {
  return invalidPresets(path, 'has no name', 'give every preset a unique `name`');
}

/** A preset whose name an earlier one has. */
export function presetNameRepeated(path: string, name: string): Diagnostic {
  return invalidPresets(path, `repeats the name "${name}"`, 'give every preset a unique `name`');
}

/** A preset without a group. */
export function presetWithoutGroup(path: string, name: string): Diagnostic {
  return invalidPresets(path, `("${name}") has no group`, 'give every preset a `group`; one preset per group can be chosen');
}

/** A preset whose `remove` is not a list of paths. */
export function presetRemoveNotAList(path: string, name: string): Diagnostic {
  return invalidPresets(path, `("${name}") has a \`remove\` that is not a list of paths`, 'write `remove: [a.b, c]`');
}

/** A preset whose `add` is not a YAML map. */
export function presetAddNotAMap(path: string, name: string): Diagnostic {
  return invalidPresets(path, `("${name}") has an \`add\` that is not a YAML map`, 'write `add: |` followed by YAML values');
}

/** A preset whose `displayName` is not text. */
export function presetDisplayNameNotText(path: string, name: string): Diagnostic {
  return invalidPresets(path, `("${name}") has a \`displayName\` that is not text`, 'write `displayName:` followed by the name people see');
}

function invalidSchemaEntry(path: string, message: string, fix: string): Diagnostic {
  return invalidPack(path, `schema.yaml entry ${message}`, fix);
}

const SCHEMA_FIX = 'write `schema: \'{{ required | format "${string}" }}\'`';

/** A schema.yaml that is not a map of value paths to rules. */
export function schemaNotAMap(path: string): Diagnostic {
  return invalidSchemaEntry(path, 'is not a map of value paths to rules', 'write `path.to.value: { schema: \'{{ required }}\' }`');
}

/** A schema.yaml entry without a `schema:` string. */
export function schemaEntryWithoutSchema(path: string): Diagnostic {
  return invalidSchemaEntry(path, 'has no `schema:` string', SCHEMA_FIX);
}

/** A schema expression not wrapped in `{{ }}`. */
export function schemaNotWrapped(path: string, expression: string): Diagnostic {
  return invalidSchemaEntry(path, `schema "${expression}" is not wrapped in {{ }}`, SCHEMA_FIX);
}

/** A schema rule that does not parse. */
export function schemaRuleUnreadable(path: string, rule: string): Diagnostic {
  return invalidSchemaEntry(path, `has an unreadable rule "${rule}"`, 'use required, readonly, format "${type}" and hints "text", joined by |');
}

/** A schema rule that is not required, readonly, format or hints. */
export function schemaRuleUnknown(path: string, rule: string): Diagnostic {
  return invalidSchemaEntry(path, `has an unknown rule "${rule}"`, 'use required, readonly, format "${type}" and hints "text"');
}

/** A `${string:...}` format whose regular expression does not compile; `reason` says why. */
export function schemaFormatRegexInvalid(path: string, format: string, reason: string): Diagnostic {
  return invalidSchemaEntry(
    path,
    `has a format "${format}" whose regular expression is not valid (${reason})`,
    'write the constraint of ${string:...} as a regular expression without named groups, e.g. "${string:[a-z0-9-]+}"',
  );
}

/** A `${list:[...]}` format without options. */
export function schemaListWithoutOptions(path: string): Diagnostic {
  return invalidSchemaEntry(path, 'has a list format with no options', 'write format "${list:[A,B,C]}"');
}

/** A format of a type the schema does not know. */
export function schemaFormatTypeUnknown(path: string, type: string): Diagnostic {
  return invalidSchemaEntry(path, `has an unknown format type "${type}"`, 'use string, number, boolean, password, list, ipv4, version or input');
}

/** A file pack.json lists and the pack does not hold. */
export function packFileMissing(path: string, file: string): Diagnostic {
  return { code: 'PACK_FILE_MISSING', path, message: `lists "${file}", which the pack does not contain`, fix: `add ${file} to the pack, or remove it from pack.json` };
}

function invalidArchive(path: string, message: string, fix: string): Diagnostic {
  return { code: 'PACK_ARCHIVE_INVALID', path, message: `archive ${message}`, fix };
}

/** An archive that is not a gzipped tar. */
export function archiveNotGzippedTar(path: string, problem: string): Diagnostic {
  return invalidArchive(path, `is not a gzipped tar archive (${problem})`, 'repack it with `tar -czf`, or give the unpacked folder');
}

/** An archive entry whose size is not octal digits: damage. */
export function archiveEntrySizeInvalid(path: string, entry: string, size: string): Diagnostic {
  return invalidArchive(path, `has an entry "${entry}" whose size "${size}" is not an octal number`, 'the archive is damaged: repack the pack folder with `tar -czf`');
}

/** An archive holding a link, which packs may not. */
export function archiveHoldsLink(path: string, entry: string): Diagnostic {
  return invalidArchive(path, `holds a link "${entry}"`, 'packs may hold only regular files and folders; replace links with copies');
}

/** An archive entry that is absolute or climbs out with `..`. */
export function archiveEntryEscapes(path: string, entry: string): Diagnostic {
  return invalidArchive(path, `has an entry "${entry}" that escapes the archive's folder`, 'rebuild the archive from inside the pack folder; entries must be relative paths without ".."');
}

/** A file of a pack folder that is a link leading outside it. */
export function linkOutsidePack(path: string, file: string): Diagnostic {
  return { code: 'PACK_ARCHIVE_INVALID', path, message: `"${file}" links outside the pack folder`, fix: 'replace the link with a copy of the file' };
}

/** A preset the pack does not define. */
export function unknownPreset(path: string, name: string, presets: ReadonlyArray<{ readonly name: string; readonly group: string }>): Diagnostic {
  return {
    code: 'UNKNOWN_PRESET',
    path,
    message: `preset "${name}" is not defined by the pack`,
    details: presets.length > 0 ? [`presets: ${presets.map((p) => `${p.name} (${p.group})`).join(', ')}`] : ['the pack has no presets.yaml'],
    fix: withSuggestions('choose a preset the pack defines', name, presets.map((p) => p.name)),
  };
}

/** Two chosen presets of one group. */
export function presetConflict(path: string, first: string, second: string, group: string): Diagnostic {
  return {
    code: 'PRESET_CONFLICT',
    path,
    message: `presets "${first}" and "${second}" are both of group "${group}"`,
    fix: `choose one preset of group "${group}"`,
  };
}

function schemaViolation(path: string, valuePath: string, message: string, fix: string): Diagnostic {
  return { code: 'SCHEMA_VIOLATION', path, message: `value ${valuePath} ${message}`, fix };
}

/** A value the pack's schema requires, not set. */
export function requiredValueUnset(path: string, valuePath: string): Diagnostic {
  return schemaViolation(path, valuePath, 'is required by the pack\'s schema.yaml but not set', `set ${valuePath} in the layer's or the cluster's values`);
}

/** A value the pack's schema requires, set empty. */
export function requiredValueEmpty(path: string, valuePath: string): Diagnostic {
  return schemaViolation(path, valuePath, 'is required by the pack\'s schema.yaml but empty', `set ${valuePath} to a value`);
}

/** A value the pack's schema makes read-only, overridden; `by` is where the override came from. */
export function readOnlyValueOverridden(path: string, valuePath: string, by: string): Diagnostic {
  return schemaViolation(path, valuePath, `is read-only in the pack's schema.yaml but was overridden (by ${by})`, `remove the override of ${valuePath}`);
}

/** A value that breaks its format in the pack's schema; `hints` are the schema's hints, if any. */
export function valueBreaksFormat(path: string, valuePath: string, value: unknown, format: string, hints: string | undefined): Diagnostic {
  return schemaViolation(
    path,
    valuePath,
    `= ${JSON.stringify(value)} breaks the rule format "${format}" of the pack's schema.yaml`,
    `give ${valuePath} a value of format ${format}${hints ? ` (${hints})` : ''}`,
  );
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
