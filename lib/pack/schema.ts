import { Diagnostic, ProfileError } from '../errors';
import { isPlainObject, Values, ValueSource } from '../values/merge';
import { SensitiveValue } from '../values/sensitive';
import { parseYamlDocuments } from '../values/yaml';
import {
  readOnlyValueOverridden,
  requiredValueEmpty,
  requiredValueUnset,
  schemaEntryWithoutSchema,
  schemaFormatRegexInvalid,
  schemaFormatTypeUnknown,
  schemaListWithoutOptions,
  schemaNotAMap,
  schemaNotWrapped,
  schemaRuleUnknown,
  schemaRuleUnreadable,
  valueBreaksFormat,
  withField,
} from '../diagnostics';

/**
 * A pack's `schema.yaml`: rules on value paths, in Palette's syntax:
 *   registry.port:
 *     schema: '{{ required | format "${number:[5000-5005]}" }}'
 * Formats: string (optionally `string:<regex>`), number (optionally `number:[min-max]`),
 * boolean, password, list (`list:[A,B,C]`), ipv4, version, and `input` (free text, seen in
 * published packs though not in Palette's docs); literal text may sit between
 * placeholders (`${ipv4} - ${ipv4}`). `$[]` in a path means every element of a list.
 */
export interface SchemaRule {
  readonly path: string;
  readonly required: boolean;
  readonly readonly: boolean;
  /** The format as written, e.g. `${number:[5000-5005]}`. */
  readonly format?: string;
  readonly hints?: string;
}

/** Parses `schema.yaml`. */
export function parseSchema(text: string, where: string): SchemaRule[] {
  const [document] = parseYamlDocuments(text, where);
  if (document === null || document === undefined) return [];
  if (!isPlainObject(document)) ProfileError.throw(schemaNotAMap(where));
  return Object.entries(document).map(([path, entry]) => {
    const at = withField(where, `${path}`);
    const expression = isPlainObject(entry) ? entry.schema : undefined;
    if (typeof expression !== 'string') ProfileError.throw(schemaEntryWithoutSchema(at));
    const inner = /^\s*\{\{(.*)\}\}\s*$/s.exec(expression as string);
    if (!inner) ProfileError.throw(schemaNotWrapped(at, expression));
    const rule: { required: boolean; readonly: boolean; format?: string; hints?: string } = { required: false, readonly: false };
    for (const part of inner![1].split('|').map((p) => p.trim()).filter(Boolean)) {
      const call = /^(\w+)(?:\s+"((?:[^"\\]|\\.)*)")?$/.exec(part);
      if (!call) ProfileError.throw(schemaRuleUnreadable(at, part));
      const [, name, argument] = call!;
      if (name === 'required') rule.required = true;
      else if (name === 'readonly') rule.readonly = true;
      else if (name === 'format' && argument !== undefined) {
        formatPattern(argument, at);
        rule.format = argument;
      } else if (name === 'hints') rule.hints = argument;
      else ProfileError.throw(schemaRuleUnknown(at, part));
    }
    return { path, ...rule };
  });
}

const PLACEHOLDER = /\$\{(\w+)(?::([^}]*))?\}/g;

/**
 * The regular expression a format's text must match, whole, with one named group per
 * placeholder (`p0`, `p1`, ...) so number ranges can be checked. Throws on an unknown type.
 */
function formatPattern(format: string, where: string): RegExp {
  let pattern = '';
  let last = 0;
  let index = 0;
  for (const m of format.matchAll(PLACEHOLDER)) {
    pattern += escapeRegex(format.slice(last, m.index));
    pattern += `(?<p${index++}>${typePattern(m[1], m[2], where)})`;
    last = m.index! + m[0].length;
  }
  pattern += escapeRegex(format.slice(last));
  try {
    return new RegExp(`^${pattern}$`, 's');
  } catch (e) {
    // A `${string:<regex>}` constraint is pasted into the pattern as it is written.
    const reason = (e as Error).message.split(': ').pop();
    return ProfileError.throw(schemaFormatRegexInvalid(where, format, String(reason)));
  }
}

function typePattern(type: string, constraint: string | undefined, where: string): string {
  switch (type) {
    case 'string':
      return constraint ? `(?:${constraint.replace(/^\^|\$$/g, '')})` : '.*';
    case 'password':
    case 'hints':
    // `input` is not in Palette's documented list, but published packs use it (gridlight) for a
    // free-text field, and Palette accepts them: read it as free text.
    case 'input':
      return '.*';
    case 'number':
      return '-?\\d+(?:\\.\\d+)?';
    case 'boolean':
      return 'true|false';
    case 'ipv4':
      return '(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)';
    case 'version':
      return 'v?\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?';
    case 'list': {
      const options = (constraint ?? '').replace(/^\[|\]$/g, '').split(',').map((o) => o.trim()).filter(Boolean);
      if (options.length === 0) ProfileError.throw(schemaListWithoutOptions(where));
      return options.map(escapeRegex).join('|');
    }
    default:
      return ProfileError.throw(schemaFormatTypeUnknown(where, type));
  }
}

/** Checks merged values against the rules; every broken rule is one diagnostic naming path and rule. */
export function checkSchema(
  rules: readonly SchemaRule[],
  values: Values,
  provenance: Readonly<Record<string, ValueSource>>,
  where: string,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const found = lookup(values, rule.path.split('.'), '');
    if (found.length === 0 && rule.required) {
      diagnostics.push(requiredValueUnset(where, rule.path));
    }
    for (const { path, value } of found) {
      if (rule.required && (value === '' || value === null)) diagnostics.push(requiredValueEmpty(where, path));
      if (rule.readonly && Object.entries(provenance).some(([p, s]) => (p === path || p.startsWith(`${path}.`)) && s !== 'pack')) {
        diagnostics.push(readOnlyValueOverridden(where, path, provenance[path] ?? 'an override'));
      }
      if (rule.format !== undefined && !SensitiveValue.isSensitive(value) && !matchesFormat(rule.format, value, rule.path)) {
        diagnostics.push(valueBreaksFormat(where, path, value, rule.format, rule.hints));
      }
    }
  }
  return diagnostics;
}

function matchesFormat(format: string, value: unknown, where: string): boolean {
  if (typeof value === 'object' && value !== null) return false;
  const match = formatPattern(format, where).exec(String(value));
  if (!match) return false;
  return [...format.matchAll(PLACEHOLDER)].every((p, i) => {
    const range = p[1] === 'number' ? /^\[(-?[\d.]+)-(-?[\d.]+)\]$/.exec(p[2] ?? '') : null;
    const n = Number(match.groups![`p${i}`]);
    return !range || (n >= Number(range[1]) && n <= Number(range[2]));
  });
}

/** Every value at a dotted path, expanding `$[]` over list elements. */
function lookup(value: unknown, keys: string[], prefix: string): Array<{ path: string; value: unknown }> {
  if (keys.length === 0) return value === undefined ? [] : [{ path: prefix, value }];
  const [key, ...rest] = keys;
  if (key === '$[]') {
    return Array.isArray(value) ? value.flatMap((v, i) => lookup(v, rest, `${prefix}[${i}]`)) : [];
  }
  if (!isPlainObject(value) || !(key in value)) return [];
  return lookup(value[key], rest, prefix ? `${prefix}.${key}` : key);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
