/**
 * Canonical YAML of the values trees most layers have, written directly: block maps and lists of
 * strings that need no quotes, integers, booleans and null. It gives exactly the text the yaml
 * library gives with canonicalYaml's options, or undefined when the tree holds anything it is
 * not sure of (a string YAML 1.1 could read as another type or that needs quotes, a fraction,
 * an empty key), and canonicalYaml asks the library. A values tree a cluster overrides is written
 * once per cluster, and the library took about 0.4 ms per tree of a dozen leaves, most of the
 * YAML cost of a synth of 100 clusters (bench/, `npx tsx bench/profile.ts`).
 * test/values/plain-yaml.test.ts compares both on generated trees.
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
  const keys = Object.keys(map).sort();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (!isPlainText(key)) return false;
    const start = i === 0 && firstPrefix !== undefined ? firstPrefix : indent;
    if (!writeEntry(`${start}${key}:`, map[key], `${indent}  `, lines)) return false;
  }
  return true;
}

/** Writes `head` (a key and colon, or a list dash) followed by `value`, nested under `indent`. */
function writeEntry(head: string, value: unknown, indent: string, lines: string[]): boolean {
  const scalar = scalarText(value);
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

/** A list under a key: each item `- ` at `indent`, what it holds nested two spaces further. */
function writeList(list: readonly unknown[], indent: string, lines: string[]): boolean {
  for (let i = 0; i < list.length; i++) {
    if (!(i in list)) return false;
    const item = list[i];
    const scalar = scalarText(item);
    if (scalar !== undefined) {
      lines.push(`${indent}- ${scalar}`);
    } else if (isMap(item) && Object.keys(item).length > 0) {
      // A map in a list starts on the dash's line: `- a: 1`, then `  b: 2`.
      if (!writeMap(item, `${indent}  `, lines, `${indent}- `)) return false;
    } else if (isMap(item) || (Array.isArray(item) && item.length === 0)) {
      lines.push(`${indent}- ${Array.isArray(item) ? '[]' : '{}'}`);
    } else {
      // Lists of lists (`- - a`) are rare in values; the library writes them.
      return false;
    }
  }
  return true;
}

/** The text of a scalar that needs no quotes, or undefined. */
function scalarText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return Number.isSafeInteger(value) && !Object.is(value, -0) ? String(value) : undefined;
    case 'string':
      return isPlainText(value) ? value : undefined;
    case 'object':
      return value === null ? 'null' : undefined;
    default:
      return undefined;
  }
}

/**
 * Whether YAML (1.1 and 1.2) reads `text` unquoted as this very string, and the yaml library
 * writes it unquoted: a conservative subset. Letters, digits and `_ . / + = -`, starting with a
 * letter or with dashes followed by a letter (`--log-level=info`), and not one of YAML 1.1's
 * boolean or null words in any case nor an exponent alone (`e3`); or starting with a digit and holding a letter no number,
 * date or time of YAML 1.1 or 1.2 holds (`100m`, `128Mi`, `30s`), and no colon.
 */
function isPlainText(text: string): boolean {
  if (!SAFE_CHARACTERS.test(text)) return false;
  if (LETTER_FIRST.test(text)) return !RESERVED_WORDS.test(text) && !EXPONENT_ONLY.test(text);
  return DIGIT_FIRST.test(text) && NON_NUMERIC_LETTER.test(text);
}

const SAFE_CHARACTERS = /^[A-Za-z0-9_./+=-]+$/;
const LETTER_FIRST = /^-*[A-Za-z]/;
const DIGIT_FIRST = /^[0-9]/;
/** Letters that appear in no YAML number (`e`, hex digits, `0x`, `0o`, `0b`) or timestamp (`t`). */
const NON_NUMERIC_LETTER = /[g-np-su-wyzG-NP-SU-WYZ]/;
const RESERVED_WORDS = /^(?:y|n|yes|no|on|off|true|false|null)$/i;
/** A number with an exponent and no mantissa, which YAML 1.1 reads as a float (`e3`, `-E+5`). */
const EXPONENT_ONLY = /^[-+]?[eE][-+]?[0-9]/;
