import { Diagnostic, withSuggestions } from '../errors';
import { fileLocation } from './place';

function invalidDocument(path: string, message: string, fix: string): Diagnostic {
  return { code: 'INVALID_DOCUMENT', path, message, fix };
}

/** A part of a document that breaks the document's JSON Schema; message and fix come from the schema check. */
export function schemaViolationOfDocument(path: string, message: string, fix: string): Diagnostic {
  return invalidDocument(path, message, fix);
}

/** A pack entry whose layer name an earlier entry has. */
export function layerNameRepeated(path: string, name: string, earlier: string): Diagnostic {
  return invalidDocument(path, `repeats the layer name "${name}" of ${earlier}`, 'give every layer of a profile a distinct name');
}

/** Manifests on a pack entry of a type that cannot carry them. */
export function manifestsOnWrongLayer(path: string, type: string): Diagnostic {
  return invalidDocument(path, `are attached to a ${type} layer, which cannot carry manifests here`, 'move the objects to a manifest layer of their own');
}

/** A variable whose name an earlier one has. */
export function variableNameRepeated(path: string, name: string): Diagnostic {
  return invalidDocument(path, `repeats the variable name "${name}"`, 'give every variable of a profile a distinct name');
}

/** A Helm entry's registry naming no chart source, or several (`sources`). */
export function chartSourceCount(path: string, sources: readonly string[]): Diagnostic {
  return invalidDocument(
    path,
    sources.length === 0 ? 'names no chart source' : `names ${sources.length} chart sources (${sources.join(', ')})`,
    'give exactly one of repository (with chart), oci, local, or metadata (a pack registry)',
  );
}

/** A Helm entry's repository without its chart name. */
export function repositoryWithoutChart(path: string): Diagnostic {
  return invalidDocument(path, 'is missing', 'add "chart": the chart\'s name in the repository');
}

/** A Helm entry's chart name given without a repository. */
export function chartWithoutRepository(path: string): Diagnostic {
  return invalidDocument(path, 'is only read with "repository"', 'remove "chart"; an OCI reference ends with the chart name');
}

/** A pack entry without `version` (or `tag`). */
export function packEntryWithoutVersion(path: string): Diagnostic {
  return invalidDocument(path, 'is missing', 'add "version": the pack version (or "tag": the version as chosen, such as "1.33.x")');
}

/** A pack entry without `registry` (or Palette's `registryUid`). */
export function packEntryWithoutRegistry(path: string): Diagnostic {
  return invalidDocument(path, 'is missing', 'add "registry": { "metadata": { "name": "<registry>" } }, or Palette\'s "registryUid"');
}

/** A profile document given as text that is not JSON. */
export function documentNotJson(path: string, problem: string): Diagnostic {
  return invalidDocument(path, `is not valid JSON: ${problem}`, 'give the JSON text of a profile document, as exportProfile and synth write it');
}

/** A problem found while reading a document (its YAML, its values), reported as a problem of the document. */
export function asInvalidDocument(diagnostic: Diagnostic): Diagnostic {
  return { ...diagnostic, code: 'INVALID_DOCUMENT' };
}

/** A document file that cannot be read; `code` is the file system's error code, if any. */
export function documentUnreadable(file: string, code: string | undefined, detail: string): Diagnostic {
  return invalidDocument(
    fileLocation(file),
    code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory' : `cannot be read: ${detail}`,
    'give the path of a profile document, such as cdktf.out/profiles/<name>-<version>.json',
  );
}

/** A Palette export asked of a profile that was not imported from Palette. */
export function noPaletteOrigin(path: string, profile: string): Diagnostic {
  return invalidDocument(
    path,
    `profile "${profile}" was not imported from a Palette document, so it has none to export`,
    'export it with format "library", or import it from the Palette document first',
  );
}

/** A pack entry whose layer differs from the layer of the pack it resolves to. */
export function packLayerMismatch(path: string, layer: string, pack: string, packLayer: string): Diagnostic {
  return invalidDocument(path, `is "${layer}", but pack ${pack} is for layer ${packLayer}`, `write "${packLayer}", the layer of the pack`);
}

/** Values set for a layer the exported profile does not have. */
export function exportValuesForUnknownLayer(path: string, layer: string, profile: string, layers: readonly string[]): Diagnostic {
  return {
    code: 'UNKNOWN_LAYER',
    path,
    message: `values are set for layer "${layer}", which profile "${profile}" does not have`,
    fix: `set values only for the profile's layers: ${layers.join(', ')}`,
  };
}

/** Packs of an imported document that the catalog's registries do not hold. */
export function importedPacksNotFound(path: string, registries: readonly string[], missing: number, details: readonly string[]): Diagnostic {
  return {
    code: 'PACK_NOT_FOUND',
    path,
    message: `${missing} ${missing === 1 ? 'pack is' : 'packs are'} not in the registries of the catalog (${registries.join(', ')})`,
    details,
    fix: 'add the registries that hold them to the PackCatalog, or publish the packs to one of its registries',
  };
}

/** Packs of compared documents (at their JSONPath) that the given registries do not hold. */
export function comparedPacksNotFound(registries: readonly string[], missing: readonly string[]): Diagnostic {
  return {
    code: 'PACK_NOT_FOUND',
    path: '$.spec.template.packs',
    message: `${missing.length} ${missing.length === 1 ? 'pack is' : 'packs are'} not in the registries given to compare values with`,
    details: [`registries: ${registries.join(', ')}`, ...missing],
    fix: 'give the registries that hold them, or compare without registries to compare values as written',
  };
}

/** Masked values of a document that import was not given again. */
export function missingMaskedValues(path: string, missing: readonly string[]): Diagnostic {
  return {
    code: 'MISSING_MASKED_VALUE',
    path,
    message: `the document masks ${missing.length} ${missing.length === 1 ? 'value' : 'values'} that import must be given again`,
    details: missing,
    fix: "give each in importProfile's options: sensitiveValues (SensitiveValue) or expressions (a Terraform expression) by layer name and value path, variables by variable name",
  };
}

/** A value supplied to import that the document does not mask; `paths` are those it masks in the layer. */
export function unknownMaskedValue(path: string, option: string, layer: string, valuePath: string, mask: string, paths: readonly string[]): Diagnostic {
  return {
    code: 'UNKNOWN_MASKED_VALUE',
    path,
    message: `${option} gives layer ${layer}, value ${valuePath}, which the document does not mask as ${mask}`,
    fix: withSuggestions(paths.length > 0 ? `give only the masked values of layer ${layer}: ${paths.join(', ')}` : `remove it; layer ${layer} masks no such value`, valuePath, paths),
  };
}

/** A sensitive value supplied to import as a literal. */
export function literalImportedSensitiveValue(path: string, layer: string, valuePath: string): Diagnostic {
  return {
    code: 'SENSITIVE_LITERAL',
    path,
    message: `sensitiveValues gives layer ${layer}, value ${valuePath} as a literal, which would be written in clear text to cdk.tf.json`,
    fix: 'give a SensitiveValue: SensitiveValue.fromVariable("name") or SensitiveValue.fromToken(expression)',
  };
}

/** Two different profiles of one name and version in one app. */
export function duplicateProfile(path: string, profile: string, version: string, earlier: string): Diagnostic {
  return {
    code: 'DUPLICATE_PROFILE',
    path,
    message: `profile "${profile}" ${version} differs from the profile of the same name and version at ${earlier}`,
    fix: 'give one of them another name or version: a name and a version identify one profile',
  };
}

/** An out directory without a rollout document. */
export function noRollout(folder: string, outdir: string): Diagnostic {
  return invalidDocument(fileLocation(folder), 'holds no rollout (fleet/<name>/rollout.json)', `run \`npx cdktf synth\` in the app of a Fleet first, or give its out directory (${outdir} was given)`);
}

function invalidRollout(file: string, message: string): Diagnostic {
  return invalidDocument(fileLocation(file), message, 'synthesize the app again with this version of cdktf-cluster-profiles');
}

/** A rollout document that cannot be read; `why` is the file system's code or message. */
export function rolloutUnreadable(file: string, why: string): Diagnostic {
  return invalidRollout(file, `cannot be read: ${why}`);
}

/** A rollout document that is not JSON. */
export function rolloutNotJson(file: string, problem: string): Diagnostic {
  return invalidRollout(file, `is not JSON: ${problem}`);
}

/** A JSON file that is not a rollout document of `apiVersion`. */
export function notARollout(file: string, apiVersion: string, foundApiVersion: unknown, foundKind: unknown): Diagnostic {
  return invalidRollout(file, `is not a rollout document of ${apiVersion} (apiVersion ${JSON.stringify(foundApiVersion)}, kind ${JSON.stringify(foundKind)})`);
}
