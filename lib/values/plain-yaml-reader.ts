/** How plain scalars resolve. */
export interface PlainYamlOptions {
  /**
   * Whether YAML 1.1's booleans (`yes`, `On`, `n`, ...) are booleans, as Helm reads values and
   * parseYamlDocuments reads them; without, a text reads as the yaml library's `parse` reads it
   * with its default options (YAML 1.2 core), as a kubeconfig is read.
   * @default true
   */
  readonly helmBooleans?: boolean;
}

/**
 * The documents of the YAML texts most packs and manifests hold, read directly: block maps and
 * lists, one-line plain and quoted scalars, comments, one-line flow lists and maps of scalars,
 * literal block scalars and document markers. It gives exactly what parseYamlDocuments gets from
 * the yaml library (YAML 1.2 core, plus Helm's YAML 1.1 booleans), or undefined when the text
 * holds anything it is not sure of (anchors, tags, nested flow collections, folded or multi-line
 * scalars, duplicate keys, odd indentation, tabs, control characters...), and parseYamlDocuments asks the library, which
 * also reports any error. Loading the library costs every process about 26 ms, a large share of
 * the quickstart's cold start (issue 17), and its inputs are all of the plain kind.
 * test/values/plain-yaml-reader.test.ts compares both on generated texts.
 */
export function readPlainYaml(text: string, options: PlainYamlOptions = {}): unknown[] | undefined {
  if (NOT_PLAIN_ASCII.test(text) && UNSURE_CHARACTERS.test(text)) return undefined;
  const lines = text.split('\n');
  const finalNewline = lines[lines.length - 1] === '';
  if (finalNewline) lines.pop();
  const documents = splitDocuments(lines);
  if (documents === undefined) return undefined;
  try {
    const scalar = options.helmBooleans === false ? coreScalar : plainScalar;
    return documents.map(([start, end]) => new DocumentReader(lines, start, end, finalNewline, scalar).read());
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}

/**
 * Tabs, carriage returns, the byte order mark, control characters (the yaml library's lexer uses
 * some as token markers), Unicode line separators and lone surrogates.
 */
const UNSURE_CHARACTERS = /[^\n\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Anything but printable ASCII and newlines: most texts have none, and this test is fast. */
const NOT_PLAIN_ASCII = /[^\n\x20-\x7E]/;

/** Thrown inside the reader when it is not sure; readPlainYaml turns it into undefined. */
const DECLINE = Object.freeze({ decline: true });

function decline(): never {
  throw DECLINE;
}

const DOCUMENT_START = /^---(?: +(?:#.*)?)?$/;
const DOCUMENT_END = /^\.\.\.(?: +(?:#.*)?)?$/;

/**
 * The line ranges [start, end) of the documents, as the library counts them: `---` starts one,
 * so does the first content line after `...` or at the top; comments alone make none, and `...`
 * alone an empty one. Undefined for directives and for markers with content on their line.
 */
function splitDocuments(lines: readonly string[]): Array<[number, number]> | undefined {
  const documents: Array<[number, number]> = [];
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('---')) {
      if (!DOCUMENT_START.test(line)) return undefined;
      if (start >= 0) documents.push([start, i]);
      start = i + 1;
    } else if (line.startsWith('...')) {
      if (!DOCUMENT_END.test(line)) return undefined;
      // Outside a document, `...` ends an empty one.
      documents.push(start < 0 ? [i, i] : [start, i]);
      start = -1;
    } else if (line.startsWith('%')) {
      return undefined;
    } else if (start < 0 && isContent(line)) {
      start = i;
    }
  }
  if (start >= 0) documents.push([start, lines.length]);
  return documents;
}

/** Leading spaces of a line. */
function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
}

/** Whether a line holds more than spaces and a comment. */
function isContent(line: string): boolean {
  const i = indentOf(line);
  return i < line.length && line[i] !== '#';
}

/** Whether the text from `column` on is a list item's dash: `-` then a space or the line's end. */
function isDash(line: string, column: number): boolean {
  return line[column] === '-' && (column + 1 === line.length || line[column + 1] === ' ');
}

/** Spaces then nothing or a comment. */
const NOTHING = /^(?: +#.*)? *$/;
/** A block literal's header after `|`: an optional chomping indicator, then nothing or a comment. */
const LITERAL_HEADER = /^\|([+-]?)(?: +#.*| *)$/;
/** The first characters that start something other than a plain scalar. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** A plain key's first character: a letter, a digit, or `_ . / $ ~ +`, or a dash before a letter or digit. */
const PLAIN_KEY_START = /^(?:[A-Za-z0-9_./$~+]|-[A-Za-z0-9])/;
/** In a plain key: flow indicators, a colon, a comment. */
const UNSURE_IN_KEY = /[:,[\]{}]| #/;
/** Only spaces: YAML's other white space (tabs) is declined, and no-break spaces are content. */
const LEADING_SPACES = /^ +/;
const TRAILING_SPACES = / +$/;
/** The deepest nesting of collections read here. */
const MAX_DEPTH = 64;
/** Implicit keys whose source is longer than 1024 characters are an error in YAML. */
const MAX_KEY_LENGTH = 1000;

type Tree = { [key: string]: unknown };

/** A map entry's key and where the text after its colon starts. */
interface Key {
  readonly key: string;
  readonly rest: number;
}

/** Reads one document: lines [start, end) of the text. */
class DocumentReader {
  /** The line being read. */
  private line: number;
  /** How many collections hold the one being read. */
  private depth = 0;

  constructor(
    private readonly lines: readonly string[],
    start: number,
    private readonly end: number,
    private readonly finalNewline: boolean,
    /** How a plain scalar's source resolves. */
    private readonly scalar: (source: string) => unknown,
  ) {
    this.line = start;
  }

  read(): unknown {
    const first = this.nextContent();
    if (first === undefined) return null;
    const text = this.lines[first];
    const column = indentOf(text);
    let value: unknown;
    if (isDash(text, column) || this.key(text, column) !== undefined) {
      value = this.collection(first, column);
    } else {
      this.line = first + 1;
      const inline = text.slice(column);
      if (inline.startsWith('|')) decline();
      value = this.inline(inline, -1);
    }
    if (this.nextContent() !== undefined) decline();
    return value;
  }

  /** The index of the next content line from this.line on (skipping blanks and comments), or undefined. */
  private nextContent(): number | undefined {
    for (let i = this.line; i < this.end; i++) {
      if (isContent(this.lines[i])) {
        this.line = i;
        return i;
      }
    }
    this.line = this.end;
    return undefined;
  }

  /** A block list or map whose first item starts at `column` of line `index`. */
  private collection(index: number, column: number): unknown {
    return isDash(this.lines[index], column) ? this.list(index, column) : this.map(index, column);
  }

  /** A block list whose dashes are at `column`, the first on line `index`. */
  private list(index: number, column: number): unknown[] {
    this.enter();
    const items: unknown[] = [];
    let line = index;
    for (;;) {
      const text = this.lines[line];
      this.line = line + 1;
      const after = text.slice(column + 1);
      if (NOTHING.test(after)) {
        items.push(this.nested(column, false));
      } else {
        if (after[0] !== ' ') decline();
        const start = indentOf(after) + column + 1;
        if (isDash(text, start)) decline(); // `- - a`: the library reads it
        items.push(this.key(text, start) !== undefined ? this.map(line, start) : this.inline(text.slice(start), column));
      }
      const next = this.nextContent();
      if (next === undefined) break;
      const indent = indentOf(this.lines[next]);
      if (indent > column) decline();
      if (indent < column || !isDash(this.lines[next], column)) break;
      line = next;
    }
    this.depth -= 1;
    return items;
  }

  /** A block map whose keys start at `column`, the first on line `index` (maybe after a list's dash). */
  private map(index: number, column: number): Tree {
    this.enter();
    const map: Tree = {};
    let line = index;
    for (;;) {
      const text = this.lines[line];
      const found = this.key(text, column) ?? decline();
      if (Object.prototype.hasOwnProperty.call(map, found.key)) decline();
      this.line = line + 1;
      const after = text.slice(found.rest);
      map[found.key] = NOTHING.test(after) ? this.nested(column, true) : this.inline(after.replace(LEADING_SPACES, ''), column);
      const next = this.nextContent();
      if (next === undefined) break;
      const indent = indentOf(this.lines[next]);
      if (indent > column) decline();
      if (indent < column) break;
      line = next;
    }
    this.depth -= 1;
    return map;
  }

  /**
   * Counts a collection going in. The library reads deep nesting recursively and reports
   * RESOURCE_EXHAUSTION when its stack runs out, at a depth that depends on the caller's stack
   * (about 900 from a shallow one): far deeper texts than values hold are left to it.
   */
  private enter(): void {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) decline();
  }

  /**
   * What follows a key or dash with nothing after it on its line: a collection more indented than
   * `column` (or, under a key, a list at `column`), or null.
   */
  private nested(column: number, underKey: boolean): unknown {
    const next = this.nextContent();
    if (next === undefined) return null;
    const text = this.lines[next];
    const indent = indentOf(text);
    if (indent > column) {
      if (isDash(text, indent) || this.key(text, indent) !== undefined) return this.collection(next, indent);
      // `[a, b]` or `{}` on its own line; a scalar there may go on over lines, so is left to the library.
      if (text[indent] !== '[' && text[indent] !== '{') decline();
      this.line = next + 1;
      return flowCollection(text.slice(indent), this.scalar);
    }
    if (underKey && indent === column && isDash(text, column)) return this.list(next, column);
    return null;
  }

  /** The key of a map entry starting at `column`, or undefined when the text there is no entry. */
  private key(text: string, column: number): Key | undefined {
    if (isQuote(text[column])) {
      const key = quotedAt(text, column);
      if (key === undefined || text[key.end] !== ':') return undefined;
      return keyEnd(text, key.end) ? checkedKey(key.value, column, key.end) : undefined;
    }
    const colon = plainKeyColon(text, column);
    if (colon === undefined) return undefined;
    const source = text.slice(column, colon);
    if (!PLAIN_KEY_START.test(source) || UNSURE_IN_KEY.test(source)) decline();
    return checkedKey(keyText(this.scalar(source.replace(TRAILING_SPACES, ''))), column, colon);
  }

  /** A value written on the line of its key or dash: `text`, in a collection at `column`. */
  private inline(text: string, column: number): unknown {
    switch (text[0]) {
      case '|':
        return this.literal(text, column);
      case '[':
      case '{':
        return flowCollection(text, this.scalar);
      case "'":
      case '"': {
        const quoted = quotedAt(text, 0);
        if (quoted === undefined || !NOTHING.test(text.slice(quoted.end))) decline();
        return quoted.value;
      }
      default:
        return this.scalar(plainSource(text));
    }
  }

  /**
   * A literal block scalar (`|`, `|-`, `|+`) whose header is `header`, under a collection at
   * `column`: its lines are the following ones indented as the first that holds text, which must
   * be more indented than `column`.
   */
  private literal(header: string, column: number): string {
    const chomping = LITERAL_HEADER.exec(header)?.[1] ?? decline();
    const lines: string[] = [];
    let indent = -1;
    let longestLeadingBlank = 0;
    let line = this.line;
    for (; line < this.end; line++) {
      const text = this.lines[line];
      const spaces = indentOf(text);
      if (spaces === text.length) {
        // A blank line more indented than the first with text keeps its extra spaces; before
        // that line, it is an error.
        if (indent < 0) longestLeadingBlank = Math.max(longestLeadingBlank, spaces);
        lines.push(indent >= 0 && spaces > indent ? text.slice(indent) : '');
        continue;
      }
      if (indent < 0) {
        if (spaces <= column) break;
        if (longestLeadingBlank > spaces) decline();
        indent = spaces;
      } else if (spaces < indent) {
        // Less indented than the text but more than its key or dash: only a comment may be there.
        if (spaces > column && text[spaces] !== '#') decline();
        break;
      }
      lines.push(text.slice(indent));
    }
    // The last line of a text without a final newline has no line break: the library reads it as
    // if it had one when it holds text, and drops it when it is blank.
    if (line === this.lines.length && !this.finalNewline) {
      if (indent < 0 || lines[lines.length - 1] === undefined) decline();
      const blank = indentOf(this.lines[line - 1]) === this.lines[line - 1].length;
      if (blank && lines.pop() !== '') decline();
    }
    this.line = line;
    let last = lines.length - 1;
    while (last >= 0 && lines[last] === '') last--;
    if (last < 0) {
      return chomping === '+' ? '\n'.repeat(lines.length) : '';
    }
    const body = lines.slice(0, last + 1).join('\n');
    if (chomping === '-') return body;
    return chomping === '+' ? `${body}\n${'\n'.repeat(lines.length - 1 - last)}` : `${body}\n`;
  }
}

/** Whether the colon at `colon` ends a key: a space or the line's end follows it. */
function keyEnd(text: string, colon: number): boolean {
  return colon + 1 === text.length || text[colon + 1] === ' ';
}

/** The colon ending a plain key that starts at `column`, or undefined when there is none before a comment. */
function plainKeyColon(text: string, column: number): number | undefined {
  const comment = text.indexOf(' #', column);
  const end = comment < 0 ? text.length : comment;
  for (let colon = text.indexOf(':', column); colon >= 0 && colon < end; colon = text.indexOf(':', colon + 1)) {
    if (keyEnd(text, colon)) return colon;
  }
  return undefined;
}

/**
 * A key whose source runs from `column` to the colon at `colon`, declining the keys the library
 * treats specially and sources too long for an implicit key.
 */
function checkedKey(key: string, column: number, colon: number): Key {
  if (key === '__proto__' || key === '<<' || colon - column > MAX_KEY_LENGTH) decline();
  return { key, rest: colon + 1 };
}

/** The property name the library makes of a key's value (toJS, then String; null gives ''). */
function keyText(value: unknown): string {
  return value === null ? '' : String(value);
}

/**
 * The source of a plain scalar on one line: `text` without a trailing comment and spaces.
 * Declines what would start something else or continue as a map (`: `).
 */
function plainSource(text: string): string {
  if (INDICATOR.test(text) && !/^-[^ ]/.test(text)) decline();
  const comment = text.indexOf(' #');
  const source = (comment >= 0 ? text.slice(0, comment) : text).replace(TRAILING_SPACES, '');
  if (source.includes(': ') || source.endsWith(':')) decline();
  return source;
}

/**
 * A flow collection on one line: `{}`, `[]`, a list of one-line scalars, `[a, "b", 1]`, or a map
 * of one-line scalars, `{ server: "https://10.0.0.1:6443", insecure: true }` (as a kubeconfig
 * written by hand or by a script holds them). Nested collections, empty or trailing entries and
 * lines that go on make the reader decline.
 */
function flowCollection(text: string, scalar: (source: string) => unknown): unknown {
  const empty = /^(?:\[ *\]|\{ *\})(?: +#.*| *)$/.exec(text);
  if (empty) return text[0] === '[' ? [] : {};
  if (text[0] !== '[' && text[0] !== '{') decline();
  const isMap = text[0] === '{';
  const items: unknown[] = [];
  const map: Tree = {};
  let i = 1;
  for (;;) {
    while (text[i] === ' ') i++;
    if (isMap) {
      const key = flowKey(text, i, scalar);
      if (Object.prototype.hasOwnProperty.call(map, key.key)) decline();
      // `"a":1` (a value right after a quoted key's colon) is left to the library.
      if (text[key.rest] !== ' ') decline();
      i = key.rest;
      while (text[i] === ' ') i++;
      const value = flowScalar(text, i, FLOW_MAP_PLAIN, scalar);
      map[key.key] = value.value;
      i = value.end;
    } else {
      const item = flowScalar(text, i, FLOW_PLAIN, scalar);
      items.push(item.value);
      i = item.end;
    }
    while (text[i] === ' ') i++;
    if (text[i] === (isMap ? '}' : ']')) break;
    if (text[i] !== ',') decline();
    i++;
  }
  if (!NOTHING.test(text.slice(i + 1))) decline();
  return isMap ? map : items;
}

/** A one-line scalar of a flow collection starting at `start`, quoted or plain (matching `plain`), and the index after it. */
function flowScalar(text: string, start: number, plain: RegExp, scalar: (source: string) => unknown): { value: unknown; end: number } {
  if (isQuote(text[start])) return quotedAt(text, start) ?? decline();
  const length = plain.exec(text.slice(start))?.[0].length ?? decline();
  return { value: scalar(plainSource(text.slice(start, start + length))), end: start + length };
}

/** The key of a flow map's entry starting at `start`: quoted, or plain without colons, then its colon. */
function flowKey(text: string, start: number, scalar: (source: string) => unknown): Key {
  if (isQuote(text[start])) {
    const key = quotedAt(text, start) ?? decline();
    if (text[key.end] !== ':') decline();
    return checkedKey(key.value, start, key.end);
  }
  const source = FLOW_PLAIN.exec(text.slice(start))?.[0] ?? decline();
  const colon = start + source.length;
  if (text[colon] !== ':' || source.endsWith(' ') || !PLAIN_KEY_START.test(source)) decline();
  return checkedKey(keyText(scalar(source)), start, colon);
}

/** A plain scalar in a flow list, or a flow map's plain key: no flow indicators, colons or comments in it. */
const FLOW_PLAIN = /^[^,[\]{}:#\s][^,[\]{}:#]*/;
/** A plain value in a flow map: as in a list, and colons before anything but a space or a flow indicator (`https://a:1`). */
const FLOW_MAP_PLAIN = /^[^,[\]{}:#\s](?:[^,[\]{}:#]|:(?=[^\s,[\]{}]))*/;

/** A one-line quoted scalar's value and the index after its closing quote. */
interface Quoted {
  readonly value: string;
  readonly end: number;
}

function isQuote(character: string | undefined): boolean {
  return character === "'" || character === '"';
}

/** The single- or double-quoted scalar opening at `start`, or undefined when it does not close on this line. */
function quotedAt(text: string, start: number): Quoted | undefined {
  return text[start] === "'" ? singleQuoted(text, start) : doubleQuoted(text, start);
}

/** A single-quoted scalar opening at `start`, or undefined when it does not close on this line. */
function singleQuoted(text: string, start: number): Quoted | undefined {
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] !== "'") {
      value += text[i];
    } else if (text[i + 1] === "'") {
      value += "'";
      i++;
    } else {
      return { value, end: i + 1 };
    }
  }
  return undefined;
}

/** The escapes of double-quoted scalars read here; others make the reader decline. */
const ESCAPES: { readonly [escape: string]: string } = {
  '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v',
};

/** A double-quoted scalar opening at `start`, or undefined when it does not close on this line. */
function doubleQuoted(text: string, start: number): Quoted | undefined {
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"') return { value, end: i + 1 };
    if (c !== '\\') {
      value += c;
      continue;
    }
    const escaped = Object.prototype.hasOwnProperty.call(ESCAPES, text[i + 1]) ? ESCAPES[text[i + 1]] : decline();
    value += escaped;
    i++;
  }
  return undefined;
}

/** A plain scalar's value as parseYamlDocuments reads it: the YAML 1.2 core schema, then Helm's booleans. */
function plainScalar(source: string): unknown {
  const value = coreScalar(source);
  if (value !== source) return value;
  if (/^(?:y|Y|yes|Yes|YES|on|On|ON|n|N|no|No|NO|off|Off|OFF)$/.test(source)) return /^(?:y|Y|yes|Yes|YES|on|On|ON)$/.test(source);
  return source;
}

/**
 * A plain scalar's value, resolved as the library resolves it in the YAML 1.2 core schema: its
 * tags in its order (null, bool, octal, decimal and hex ints, then floats), else a string.
 * Integers JavaScript cannot hold exactly make the reader decline.
 */
function coreScalar(source: string): unknown {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(source)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(source)) return source[0] === 't' || source[0] === 'T';
  if (/^0o[0-7]+$/.test(source)) return safeInteger(parseInt(source.slice(2), 8));
  if (/^[-+]?[0-9]+$/.test(source)) return safeInteger(parseInt(source, 10));
  if (/^0x[0-9a-fA-F]+$/.test(source)) return safeInteger(parseInt(source.slice(2), 16));
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) {
    return source.slice(-3).toLowerCase() === 'nan' ? NaN : source[0] === '-' ? -Infinity : Infinity;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source)) return parseFloat(source);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)) return parseFloat(source);
  return source;
}

function safeInteger(value: number): number {
  return Number.isSafeInteger(value) ? value : decline();
}
