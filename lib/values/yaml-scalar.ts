/**
 * How canonical YAML writes one scalar, key or value, without the yaml library: the text the
 * library gives with canonicalYaml's options (YAML 1.1 with 1.2 core types also quoted, no line
 * folding), or undefined where this module is not sure and the library must decide. Only
 * printable ASCII is taken on; tabs, control and non-ASCII characters are left to the library.
 *
 * A string is written plain when the library would read it back as that very string in both
 * YAML 1.1 and 1.2 core, quoted when it could not be (`yes`, `8080`, `3.10`, `a: b`), and as a
 * `|` block literal when it spans lines. The rules below are the library's choices, restated
 * and narrowed to cases checked against it (test/values/plain-yaml.test.ts).
 */

/** The text of a scalar value: numbers, booleans, null and strings; undefined when unsure. */
export function scalarYaml(value: unknown, blockIndent: string): string | undefined {
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return numberText(value);
    case 'string':
      return value.includes('\n') ? blockLiteral(value, blockIndent) : lineText(value);
    case 'object':
      return value === null ? 'null' : undefined;
    default:
      return undefined;
  }
}

/** The text of a map key (always on one line), or undefined when unsure. */
export function keyYaml(key: string): string | undefined {
  // The library writes a key of over 1024 characters as an explicit `? key` entry.
  return key.length > 1000 ? undefined : lineText(key);
}

/**
 * Numbers as JavaScript prints them (`0.5`, `1e+21`, `5e-324`), which YAML 1.1 and 1.2 read as
 * the same number; -0 keeps its sign, and the non-finite ones take YAML's names.
 */
function numberText(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  return Object.is(value, -0) ? '-0' : String(value);
}

const PRINTABLE_LINE = /^[\x20-\x7e]*$/;
/** A letter, then letters, digits and `_ . / = -`: nothing YAML reads as structure. */
const WORD = /^[A-Za-z][A-Za-z0-9_./=-]*$/;
const PRINTABLE_LINES = /^[\x20-\x7e\n]*$/;

/** A one-line string, plain or quoted. */
function lineText(text: string): string | undefined {
  // Most keys and values are words like these. Only the typed words among them (five letters at
  // most) and exponents (`e3`) are not plain.
  if (WORD.test(text)) {
    if (text.length > 5 && text[0] !== 'e' && text[0] !== 'E') return text;
    if (TYPED_WORDS.test(text) || EXPONENT_ONLY.test(text)) return quoted(text);
    return TYPED_WORDS_ANY_CASE.test(text) ? undefined : text;
  }
  if (!PRINTABLE_LINE.test(text)) return undefined;
  const style = lineStyle(text);
  if (style === 'plain') return text;
  return style === 'quoted' ? quoted(text) : undefined;
}

/**
 * The quoted form: single quotes when the text holds a double quote and no single one, double
 * quotes otherwise. For printable ASCII on one line, the double-quoted form escapes exactly what
 * JSON escapes (`"` and `\`), and the single-quoted one needs no escape at all.
 */
function quoted(text: string): string {
  return text.includes('"') && !text.includes("'") ? `'${text}'` : JSON.stringify(text);
}

/**
 * Text YAML would read as structure rather than as a plain string: an indicator first (a space,
 * `,[]{}#&*!|>'"%@` or a backquote), a lone dash or a dash and a space first, `: ` or ` #` inside,
 * or a space or colon last. The library quotes these.
 */
const NEEDS_QUOTES = /^[ ,[\]{}#&*!|>'"%@`]|^-$|^- |: | #|[ :]$/;
/**
 * Starts the library treats in ways that depend on the position (a document marker at the
 * root's keys) or that read oddly (`?x`, `:x`): left to it.
 */
const UNSURE_START = /^(?:---|\.\.\.|[?:])/;

function lineStyle(text: string): 'plain' | 'quoted' | undefined {
  if (UNSURE_START.test(text) || text === '<<') return undefined;
  if (NEEDS_QUOTES.test(text)) return 'quoted';
  const typed = readsAsOtherType(text);
  if (typed === undefined) return undefined;
  return typed ? 'quoted' : 'plain';
}

/** Exactly the boolean and null words of YAML 1.1 and 1.2 core, and the empty string. */
const TYPED_WORDS = /^(?:|~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
/** The same words in other cases (`yEs`): the library reads them as strings; not worth the risk. */
const TYPED_WORDS_ANY_CASE = /^(?:null|y|yes|n|no|true|false|on|off)$/i;
/**
 * Every character a number, sexagesimal number or timestamp of YAML 1.1 or 1.2 can hold:
 * digits, signs, `. _ :`, exponents, hex digits, the `0x 0o 0b` prefixes (lower case only),
 * `.inf` and `.nan`, a timestamp's `t`, `T`, `Z` and space. A text with any other character is
 * none of these.
 */
const OUTSIDE_NUMBER_ALPHABET = /[^0-9a-fA-F_.:+\- xobiInNtTZ]/;

/** No number or timestamp holds two dots (`1.2.3`, `10.0.0.1:8080`). */
const TWO_DOTS = /\..*\./;

/**
 * Whether YAML 1.1 or 1.2 core reads `text`, unquoted, as something other than a string: true,
 * false, or undefined when the text is close enough to a number or date to need the library.
 */
function readsAsOtherType(text: string): boolean | undefined {
  if (TYPED_WORDS.test(text)) return true;
  if (TYPED_WORDS_ANY_CASE.test(text)) return undefined;
  if (OUTSIDE_NUMBER_ALPHABET.test(text) || TWO_DOTS.test(text)) return false;
  const signed = text[0] === '-' || text[0] === '+';
  const unsigned = signed ? text.slice(1) : text;
  const first = unsigned[0];
  // A lone sign, or a second sign: no number starts so.
  if (first === undefined || first === '-' || first === '+') return false;
  if (/[A-Za-z]/.test(first)) return EXPONENT_ONLY.test(unsigned);
  if (first === '.') return dotFirstType(unsigned, signed);
  if (/[0-9]/.test(first)) return digitFirstType(unsigned, signed);
  return false;
}

/** YAML 1.1 reads an exponent with no mantissa as a float (`e3`, `E+5`). */
const EXPONENT_ONLY = /^[eE][-+]?[0-9]+$/;
/**
 * A text starting with a dot is a float when digits or underscores follow (YAML 1.1 reads `.`,
 * `.5` and `._` as floats), or `.inf` or `.nan`; it is not when what follows the dot starts no
 * number (`.git`, `.t`); the rest is left to the library.
 */
function dotFirstType(unsigned: string, signed: boolean): boolean | undefined {
  if (DOT_FIRST_FLOAT.test(unsigned) || INFINITY.test(unsigned) || (!signed && NOT_A_NUMBER.test(unsigned))) return true;
  return /^\.[0-9_eEiInN]/.test(unsigned) ? undefined : false;
}

const DOT_FIRST_FLOAT = /^\.[0-9_]*$/;
const INFINITY = /^\.(?:inf|Inf|INF)$/;
const NOT_A_NUMBER = /^\.(?:nan|NaN|NAN)$/;

/**
 * The forms a text starting with a digit takes: the ones below are certainly numbers or dates
 * (true); a text with a letter or space no number of its kind holds, or a sign other than an
 * exponent's (`1-2`, `6+`), certainly is not (false); the rest is left to the library.
 */
function digitFirstType(unsigned: string, signed: boolean): boolean | undefined {
  if (/^0[xob]/.test(unsigned)) return HEXADECIMAL.test(unsigned) || BINARY.test(unsigned) || (!signed && OCTAL_0O.test(unsigned)) ? true : undefined;
  if (/^[0-9]{4}-/.test(unsigned)) return !signed && DATE.test(unsigned) ? true : undefined;
  if (/[^0-9_.:+\-eE]/.test(unsigned) || SIGN_INSIDE.test(unsigned) || LOOSE_EXPONENT.test(unsigned)) return false;
  if (INTEGER.test(unsigned) || DECIMAL.test(unsigned) || EXPONENT.test(unsigned) || SEXAGESIMAL.test(unsigned)) return true;
  return undefined;
}

const HEXADECIMAL = /^0x[0-9a-fA-F]+$/;
const BINARY = /^0b[01]+$/;
const OCTAL_0O = /^0o[0-7]+$/;
const DATE = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$/;
/** YAML 1.1 integers take underscores (`1_000`); a leading 0 makes them octal, still a number. */
const INTEGER = /^[0-9][0-9_]*$/;
const DECIMAL = /^[0-9]+\.[0-9]*$/;
const EXPONENT = /^[0-9]+(?:\.[0-9]*)?[eE][-+]?[0-9]+$/;
/** YAML 1.1's base-60 integers: `12:30` is 750. */
const SEXAGESIMAL = /^[0-9]+(?::[0-5][0-9])+$/;
/** Past the first character, numbers (dates aside) take a sign only after an exponent's `e`. */
const SIGN_INSIDE = /[^eE][-+]/;
/** An exponent's `e` is followed by digits (and maybe a sign), and a number has one at most. */
const LOOSE_EXPONENT = /[eE](?![-+]?[0-9])|[eE].*[eE]/;

/**
 * A string of several lines as a `|` literal block, its lines at `indent`: `|-` when it does
 * not end in a line break, `|` when it ends in one, `|+` when in more; `|2` when its first line
 * starts with spaces (they are content, the block's indentation is told). Undefined for what
 * the library writes otherwise or that this module does not take on (a leading line break, a
 * space before a line break or at the end, tabs, characters beyond ASCII).
 */
function blockLiteral(text: string, indent: string): string | undefined {
  if (!PRINTABLE_LINES.test(text) || text[0] === '\n' || / \n| $/.test(text)) return undefined;
  const breaks = text.length - text.replace(/\n+$/, '').length;
  const chomping = `${text[0] === ' ' ? '2' : ''}${breaks === 0 ? '-' : breaks === 1 ? '' : '+'}`;
  const body = breaks === 0 ? text : text.slice(0, -1);
  // Empty lines stay empty: the library indents only lines with text.
  const lines = body.split('\n').map((line) => (line === '' ? '' : `${indent}${line}`));
  return `|${chomping}\n${lines.join('\n')}`;
}
