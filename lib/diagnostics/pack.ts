import { Diagnostic, withSuggestions } from '../errors';

/** A pack whose files break the pack format: `message` says which rule. */
export function invalidPack(path: string, message: string, fix: string): Diagnostic {
  return { code: 'PACK_INVALID', path, message, fix };
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

/** A presets.yaml (or one preset) that breaks the format. */
export function invalidPresets(path: string, message: string, fix: string): Diagnostic {
  return invalidPack(path, path.endsWith('presets.yaml') ? `presets.yaml ${message}` : `preset ${message}`, fix);
}

/** A schema.yaml entry that breaks the format. */
export function invalidSchemaEntry(path: string, message: string, fix: string): Diagnostic {
  return invalidPack(path, `schema.yaml entry ${message}`, fix);
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

/** A value that breaks the pack's schema.yaml. */
export function schemaViolation(path: string, valuePath: string, message: string, fix: string): Diagnostic {
  return { code: 'SCHEMA_VIOLATION', path, message: `value ${valuePath} ${message}`, fix };
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
