import { Diagnostic, withSuggestions } from '../errors';

function invalidPack(path: string, message: string, fix: string): Diagnostic {
  return { code: 'PACK_INVALID', path, message, fix };
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
