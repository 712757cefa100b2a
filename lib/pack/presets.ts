import { ProfileError } from '../errors';
import { isPlainObject, Values } from '../values/merge';
import { parseValuesYaml, parseYamlDocuments } from '../values/yaml';
import {
  presetAddNotAMap,
  presetConflict,
  presetDisplayNameNotText,
  presetNameRepeated,
  presetRemoveNotAList,
  presetsWithoutList,
  presetWithoutGroup,
  presetWithoutName,
  unknownPreset,
  withField,
} from '../diagnostics';

/** One preset of a pack's `presets.yaml`: a named change to the pack's default values. */
export interface Preset {
  readonly name: string;
  readonly displayName: string;
  /** Only one preset of a group may be chosen. */
  readonly group: string;
  /** Dotted value paths removed from the values. */
  readonly remove: readonly string[];
  /** Values merged in after the removals. */
  readonly add: Values;
}

/** Parses `presets.yaml`; `where` names the file for errors. */
export function parsePresets(text: string, where: string): Preset[] {
  const [document] = parseYamlDocuments(text, where);
  if (document === null || document === undefined) return [];
  const list = isPlainObject(document) ? document.presets : undefined;
  if (!Array.isArray(list)) ProfileError.throw(presetsWithoutList(where));
  const seen = new Set<string>();
  return list.map((entry, i) => {
    const at = withField(where, `presets[${i}]`);
    if (!isPlainObject(entry) || typeof entry.name !== 'string' || entry.name === '') ProfileError.throw(presetWithoutName(at));
    const name = entry.name as string;
    if (seen.has(name)) ProfileError.throw(presetNameRepeated(at, name));
    seen.add(name);
    if (typeof entry.group !== 'string' || entry.group === '') ProfileError.throw(presetWithoutGroup(at, name));
    const remove = entry.remove ?? [];
    if (!Array.isArray(remove) || remove.some((r) => typeof r !== 'string')) ProfileError.throw(presetRemoveNotAList(at, name));
    const add = entry.add === undefined || entry.add === null ? {} : typeof entry.add === 'string' ? parseValuesYaml(entry.add, `${at}.add`) : entry.add;
    if (!isPlainObject(add)) ProfileError.throw(presetAddNotAMap(at, name));
    if (typeof entry.displayName === 'object' && entry.displayName !== null) ProfileError.throw(presetDisplayNameNotText(at, name));
    return { name, displayName: String(entry.displayName ?? name), group: entry.group as string, remove: remove as string[], add: add as Values };
  });
}

/**
 * The value layers that apply the chosen presets, in the order chosen: for each, first the
 * removals (as `null`, which the merge reads as "remove"), then the additions.
 */
export function presetValues(presets: readonly Preset[], chosen: readonly string[], where: string): Values[] {
  const byGroup = new Map<string, string>();
  return chosen.flatMap((name) => {
    const preset = presets.find((p) => p.name === name);
    if (!preset) {
      ProfileError.throw(unknownPreset(where, name, presets));
    }
    const other = byGroup.get(preset.group);
    if (other) {
      ProfileError.throw(presetConflict(where, other, name, preset.group));
    }
    byGroup.set(preset.group, name);
    const removal: Values = {};
    for (const path of preset.remove) setPath(removal, path.split('.'), null);
    return [removal, preset.add];
  });
}

function setPath(target: Values, keys: string[], value: unknown): void {
  // Own properties only: a path through `__proto__` names a key of the values, never Object.prototype.
  const define = (node: Values, key: string, v: unknown) => Object.defineProperty(node, key, { value: v, enumerable: true, writable: true, configurable: true });
  let node = target;
  keys.slice(0, -1).forEach((k) => {
    if (!Object.hasOwn(node, k) || !isPlainObject(node[k])) define(node, k, {});
    node = node[k] as Values;
  });
  define(node, keys[keys.length - 1], value);
}
