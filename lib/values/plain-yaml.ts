import { keyYaml, scalarYaml } from './yaml-scalar';

/**
 * Canonical YAML of values trees, written directly: block maps and lists at any depth, strings
 * plain, quoted or as `|` literal blocks (yaml-scalar.ts), numbers, booleans and null. It gives
 * exactly the text the yaml library gives with canonicalYaml's options, or undefined when the
 * tree holds anything it is not sure of (a string too close to a number or date, a tab or a
 * character beyond ASCII, a key on several lines, a bigint), and canonicalYaml asks the library.
 * The quickstart's values and chart files need no fallback, so writing them does not load the
 * library, which costs a process about 30 ms; and a values tree a cluster overrides is written
 * once per cluster, where the library took about 0.05 ms per tree of a dozen leaves in a warm
 * loop and this about 0.005 ms. test/values/plain-yaml.test.ts compares both on generated trees
 * and strings; test/startup.test.ts checks the quickstart needs no fallback.
 */
export function plainYaml(value: unknown): string | undefined {
  if (!isMap(value) || Object.keys(value).length === 0) return undefined;
  const lines: string[] = [];
  return writeMap(value, '', lines) ? `${lines.join('\n')}\n` : undefined;
}

type Tree = { [key: string]: unknown };

function isMap(value: unknown): value is Tree {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Writes `map`'s entries, keys sorted, each line starting with `indent`; false when unsure. */
function writeMap(map: Tree, indent: string, lines: string[], firstPrefix?: string): boolean {
  const keys = canonicalKeyOrder(map);
  for (let i = 0; i < keys.length; i++) {
    const key = keyYaml(keys[i]);
    if (key === undefined) return false;
    const start = i === 0 && firstPrefix !== undefined ? firstPrefix : indent;
    if (!writeEntry(`${start}${key}:`, map[keys[i]], `${indent}  `, lines)) return false;
  }
  return true;
}

/**
 * The order canonicalYaml's keys come in: sorted, except that keys which are array indices
 * (`0`, `8`, `10`) come first, in numeric order, as in every JavaScript object, including the
 * sorted copy the library writes (sortKeys). Only keys starting with a digit can be indices; for
 * maps that have one, the order is taken from such a copy, so it is the engine's own.
 */
function canonicalKeyOrder(map: Tree): string[] {
  const keys = Object.keys(map).sort();
  if (!keys.some((key) => key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57)) return keys;
  return Object.keys(Object.fromEntries(keys.map((key) => [key, true])));
}

/** Writes `head` (a key and colon, or a list dash) followed by `value`, nested under `indent`. */
function writeEntry(head: string, value: unknown, indent: string, lines: string[]): boolean {
  const scalar = scalarYaml(value, indent);
  if (scalar !== undefined) {
    lines.push(`${head} ${scalar}`);
    return true;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      lines.push(`${head} []`);
      return true;
    }
    lines.push(head);
    return writeList(value, indent, lines);
  }
  if (isMap(value)) {
    if (Object.keys(value).length === 0) {
      lines.push(`${head} {}`);
      return true;
    }
    lines.push(head);
    return writeMap(value, indent, lines);
  }
  return false;
}

/**
 * A list: each item `- ` at `indent`, what it holds nested two spaces further. A map or list in
 * a list starts on the dash's line (`- a: 1` then `  b: 2`; `- - a` then `  - b`), so the first
 * line of a list that is itself an item starts with `firstPrefix`, its parent's dash.
 */
function writeList(list: readonly unknown[], indent: string, lines: string[], firstPrefix?: string): boolean {
  for (let i = 0; i < list.length; i++) {
    if (!(i in list)) return false;
    const item = list[i];
    const dash = `${i === 0 && firstPrefix !== undefined ? firstPrefix : indent}- `;
    const scalar = scalarYaml(item, `${indent}  `);
    if (scalar !== undefined) {
      lines.push(`${dash}${scalar}`);
    } else if (isMap(item)) {
      if (Object.keys(item).length === 0) lines.push(`${dash}{}`);
      else if (!writeMap(item, `${indent}  `, lines, dash)) return false;
    } else if (Array.isArray(item)) {
      if (item.length === 0) lines.push(`${dash}[]`);
      else if (!writeList(item, `${indent}  `, lines, dash)) return false;
    } else {
      return false;
    }
  }
  return true;
}
