import * as fs from 'fs';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import * as YAML from 'yaml';
import { readPlainYaml } from '../../lib/values/plain-yaml-reader';
import { parseYamlDocuments, parseYamlDocumentsWithLibrary } from '../../lib/values/yaml';
import { seeded } from '../helpers';

/** What the yaml library gives for a text (the reference readPlainYaml must match), or 'error'. */
function library(text: string): unknown[] | 'error' {
  try {
    return parseYamlDocumentsWithLibrary(text, 'test');
  } catch {
    return 'error';
  }
}

/** Fails naming the text when readPlainYaml takes it on and gives anything but the library's documents. */
function expectSameAsLibrary(text: string, label: string): boolean {
  const read = readPlainYaml(text);
  if (read === undefined) return false;
  const expected = library(text);
  if (!isDeepStrictEqual(read, expected)) expect({ label, text, read }).toStrictEqual({ label, text, read: expected });
  return true;
}

/** Scalars as values and manifests write them. */
const ORDINARY = [
  'IfNotPresent', 'registry.k8s.io/pause:3.10', 'v1.2.0', '--log-level=info', '100m', '128Mi', 'hello world', '3', '-1', '0', '8080', 'true', 'false',
  'null', '~', '1.5', "'quoted'", '"double"', "''", '""', '[]', '{}', 'http://example.com/a?b=c', 'a.b.c', '"{{ .Values.x }}"', "'{{ required }}'",
  '{ server: "https://127.0.0.1:6443", certificate-authority: "/etc/ca.crt" }', '{cluster: e2e, user: admin}', '{ server: https://10.0.0.1:6443, insecure-skip-tls-verify: true }',
];
/** Scalars YAML may read as another type, that need care, or that the reader must leave to the library. */
const TRICKY = [
  'yes', 'No', 'ON', 'off', 'y', 'N', 'True', 'FALSE', 'Null', 'NULL', '0o17', '0o8', '0x1F', '0xg', '007', '+1', '-0', '+0', '1_000', '0b11', '1e3', '1E-3', '-1.5e+3',
  '.5', '-.5', '1.', '.', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', 'Infinity', 'NaN', '2001-12-14', '12:30', '1:20:30', '9007199254740993', '0x20000000000001',
  '123456789012345678901234567890', '1e400', 'a: b', 'a:b', 'x #y', 'x#y', 'a # b: c', "'it''s'", '"a\\"b"', '"a\\\\b"', '"tab\\tnl\\n"', '"\\u00e9"', '"\\x41"', '"\\ "',
  "'unterminated", '"unterminated', '\'a\' b', '"a"b', '[a, b]', '["x", \'y\', 3, yes]', '[ a b , c ]', '[a,]', '[,a]', '[a: b]', '[[a]]', '[ ]', '{ }', '{a: 1}', '[a] x',
  '&anchor x', '*alias', '!tag x', '!!str 1', '%x', '@x', '`x', '|x', '>', '> x', '- x', '-', '--', '---', '...', '-x', '?x', '? x', ':x', ',x', 'x,y', 'a]', 'a}', 'a b  ',
  '\u00a0x', 'caf\u00e9', 'emoji \u{1F600}', '#', 'a:', '"\\/"', '"\\0"',
  '{a: {b: 1}}', '{a: [b]}', '{a: 1,}', '{,a: 1}', '{a}', '{a: }', '{a:}', '{a:1}', '{"a":1}', '{"a": 1}', "{'a': 1}", '{ "a" : 1 }', '{a : 1}', '{a: 1, a: 2}', '{a: x:y}',
  '{a: x: y}', '{a: x :y}', '{a: :x}', '{a: x:}', '{a: x:,b: 1}', '{a: https://h:1/p?q=1}', '{a: x#y}', '{a: x #y}', '{a: 1} # c', '{a: 1}x', '{a: 1}}', '{a: b',
  '{__proto__: 1}', '{"__proto__": 1}', '{<<: 1}', '{? a: 1}', '{-a: 1}', '{- a: 1}', '{1: a, true: b, ~: c}', '{a: yes, b: No, c: ~, d: 0o7, e: .5, f: -1}',
  '{a: x y , b:  z }', '{a: "x, y", b: \'}\'}', '{a: &x 1}', '{a: *x}', '{a: !t x}', '{a: |}', '{a: - b}', '{a: -b}', '{a: b, c: d, e: f}', '{a b: c}', '{a.b/c: 1}',
];
const KEYS = ['name', 'image', 'tag', 'enabled', 'replicas', 'app.kubernetes.io/name', 'helm.sh/hook', 'x_y', 'a-b', 'k8s'];
const TRICKY_KEYS = [
  '1', '01', 'true', 'yes', 'on', 'null', '~', '0x10', '1.0', '.inf', '.nan', '"1"', "'a'", '"a"', '"__proto__"', '__proto__', '<<', '"<<"', 'a b', 'key ', 'constructor',
  'toString', '"hook:x"', 'a:b', '-a', '- a', '? a', '&a k', '*k', '!t k', '"a\\"b"', "''", '""', 'a#b', '[a]', '{a}', 'a,b',
];

interface Style {
  readonly indent: number;
  readonly tricky: boolean;
}

/** Random YAML text: documents of block maps, lists, scalars and literals in random styles. */
function randomText(seed: number, tricky: boolean): string {
  const { next, pick, chance } = seeded(seed);
  const style: Style = { indent: chance(0.5) ? 2 : 4, tricky };
  const lines: string[] = [];
  const pad = (n: number) => ' '.repeat(Math.max(0, n));
  const scalar = () => (tricky && chance(0.4) ? pick(TRICKY) : pick(ORDINARY));
  const trailing = () => (chance(0.1) ? ` # ${pick(['note', 'a: b', '#', ''])}` : '');
  const filler = (indent: number) => {
    if (chance(0.08)) lines.push(chance(0.5) ? '' : pad(Math.floor(next() * 6)));
    if (chance(0.08)) lines.push(`${pad(chance(0.7) ? indent : Math.floor(next() * 8))}# comment ${pick(['', 'a: b', '- x', '|'])}`);
  };
  const literal = (indent: number): string[] => {
    const content = indent + style.indent + (tricky && chance(0.1) ? -1 : 0);
    const body: string[] = [];
    for (let i = Math.floor(next() * 4); i >= 0; i--) {
      // The first line with text sets the literal's indentation, which the ones after keep.
      const r = body.some((line) => line.trim() !== '') || tricky ? next() : 1;
      if (r < 0.15) body.push(chance(0.5) ? '' : pad(Math.floor(next() * (content + 3))));
      else if (r < 0.3) body.push(`${pad(content + 2)}${pick(['nested', '- x', 'k: v'])}`);
      else body.push(`${pad(content)}${pick(['line', 'key: value', '# not a comment', 'echo "$X"', '---', '{{ .Values }}', 'a  b '])}`);
    }
    return body;
  };
  const value = (indent: number, depth: number): { inline: string; block?: () => void; sameIndentList?: boolean } => {
    const r = next();
    if (depth < 4 && r < 0.25) return { inline: '', block: () => map(indent + style.indent, depth + 1) };
    if (depth < 4 && r < 0.45) {
      const same = chance(0.4);
      return { inline: '', block: () => list(same ? indent : indent + style.indent, depth + 1), sameIndentList: same };
    }
    if (r < 0.53) {
      const header = `|${pick(['', '-', '+'])}${tricky && chance(0.1) ? pick(['2', ' x', '#c']) : ''}${chance(0.2) ? ' # c' : ''}`;
      const body = literal(indent);
      return { inline: ` ${header}`, block: () => lines.push(...body) };
    }
    if (r < 0.56) return { inline: '' };
    return { inline: ` ${scalar()}${trailing()}` };
  };
  const key = (used: Set<string>): string => {
    if (tricky && chance(0.15)) return pick(TRICKY_KEYS);
    let k = pick(KEYS);
    if (!tricky) while (used.has(k)) k = `${k}x`;
    used.add(k);
    return k;
  };
  const map = (indent: number, depth: number, firstPrefix?: string) => {
    const used = new Set<string>();
    const count = 1 + Math.floor(next() * 4);
    for (let i = 0; i < count; i++) {
      if (i > 0) filler(indent);
      const prefix = i === 0 && firstPrefix !== undefined ? firstPrefix : pad(indent + (tricky && chance(0.03) ? pick([-1, 1]) : 0));
      const v = value(indent, depth);
      lines.push(`${prefix}${key(used)}:${v.inline}`);
      v.block?.();
    }
  };
  const list = (indent: number, depth: number) => {
    const count = 1 + Math.floor(next() * 3);
    for (let i = 0; i < count; i++) {
      if (i > 0) filler(indent);
      const dash = `${pad(indent)}-${chance(0.1) ? '   ' : ' '}`;
      const r = next();
      if (depth < 4 && r < 0.35) {
        map(dash.length, depth + 1, dash);
      } else if (r < 0.42) {
        lines.push(dash.trimEnd());
        if (depth < 4 && chance(0.6)) map(indent + style.indent, depth + 1);
      } else if (r < 0.47) {
        lines.push(`${dash}|${pick(['', '-', '+'])}`);
        lines.push(...literal(indent));
      } else {
        lines.push(`${dash}${scalar()}${trailing()}`);
      }
    }
  };
  const documents = 1 + (chance(0.3) ? Math.floor(next() * 3) : 0);
  for (let d = 0; d < documents; d++) {
    if (d > 0 || chance(0.2)) lines.push(pick(['---', '---', '--- # doc', ...(d > 0 ? ['...\n---'] : [])]));
    filler(0);
    const r = next();
    if (r < 0.7) map(0, 1);
    else if (r < 0.9) list(0, 1);
    else if (r < 0.95) lines.push(scalar());
    if (chance(0.05)) lines.push('...');
  }
  let text = `${lines.join('\n')}\n`;
  if (chance(0.1)) text = text.slice(0, -1);
  if (tricky && chance(0.2)) text = mutate(text, next);
  return text;
}

/** A broken or unusual variant of a text: a tab, a carriage return, a byte order mark, an indent off by one, a duplicated or cut line. */
function mutate(text: string, next: () => number): string {
  const lines = text.split('\n');
  const at = Math.floor(next() * lines.length);
  switch (Math.floor(next() * 7)) {
    case 0:
      lines[at] = `\t${lines[at]}`;
      break;
    case 1:
      return text.replace(/\n/g, '\r\n');
    case 2:
      return `\uFEFF${text}`;
    case 3:
      lines[at] = ` ${lines[at]}`;
      break;
    case 4:
      lines[at] = lines[at].slice(1);
      break;
    case 5:
      lines.splice(at, 0, lines[at]);
      break;
    default:
      lines[at] = lines[at].slice(0, Math.floor(next() * lines[at].length));
  }
  return lines.join('\n');
}

/** Hand-picked texts at the edges of what it reads: for each, it gives the library's documents or leaves the text to it. */
const EDGES: readonly string[] = [
  '  a: 1\n  b: 2\n', '  a: 1\nb: 2\n', 'a:\n  - b\n  -\n  - c: 1\n    d: 2\n', 'a: x\u00a0\n', 'a\u00a0b: 1\n', '\u00a0a: 1\n', 'a: \u00a0\n', 'a: x\u3000\n',
  'a: "x"  # c\n', "a: 'x'# c\n", 'a: [a, b]  # c\n', 'a: [a, b]#c\n', 'a: []x\n', 'a: [] # c\n', '- []\n- {}\n- [a]\n',
  'a: |\n  x\n\n# c\n\n  y\n', 'a: |\n  x\n  # c\n', 'a: |-\n\n\n', '- |\n  a\n- |+\n  b\n\n- c\n', 'a:\n  b: |\n    x\n  c: 1\n',
  'a: "\\"\\\\"\n', "a: ''''\n", 'a: "" \n', '"a b": 1\n', "'a''b': 1\n", '"a": 1\n"a": 2\n', '"": 1\n', '? \n', 'a:   \n  b: 1\n', 'a:\n\n\n  b: 1\n',
  'a: 1\n\n\n', '---\n\n---\n\n', '--- \n...\n', 'a: 1 #\n', 'a: 1 ##\n', 'a: x  y\n', 'a: x :y\n', 'a: x?\n', 'a: x!\n', 'a: x&y\n', 'a: x*\n', 'a: x|y\n',
  'a: x>\n', 'a: x%\n', 'a: x@\n', 'a: x`\n', "a: x'\n", 'a: x"\n', 'a: x,y\n', 'a: x[\n', 'a: x]\n', 'a: x{\n', 'a: x}\n', 'a: 1:\n', 'a:b:\n',
  'a/b: 1\n', 'a.b: 1\n', '$a: 1\n', '~a: 1\n', '+a: 1\n', '-a: 1\n', '_: 1\n', '.: 1\n', '~: 1\n', '1: 1\n2: 2\n', '-1: x\n', '+: 1\n',
  'a: .\n', 'a: ..\n', 'a: +\n', 'a: +.5\n', 'a: -.5e3\n', 'a: 1.5E3\n', 'a: 0.\n', 'a: 00\n', 'a: 0o\n', 'a: 0x\n', 'a: 0X1\n', 'a: 0O7\n', 'a: 1e\n',
  'a: e1\n', 'a: 1e1.5\n', 'a: .e1\n', 'a: 1.e1\n', 'a: +.inf\n', 'a: .INF\n', 'a: .Nan\n', 'a: -.nan\n', 'a: TRUE\nb: tRUE\nc: NO\nd: nO\ne: ~x\n', 'a: null x\n', 'a: nULL\n',
  `${'k'.repeat(1100)}: 1\n`, `${'k'.repeat(990)}: 1\n`, `"${'\\"'.repeat(520)}": 1\n`, `'${"''".repeat(520)}': 1\n`, `- ${'k'.repeat(1030)}: 1\n`, 'a: 0o777777777777777777777\n', 'a: 0x1fffffffffffff\n', 'a: 9007199254740991\n', 'a: -9007199254740991\n', 'a: 9007199254740992\n',
  '- a\n  # c\n- b\n', 'a:\n# c\n  b: 1\n', 'a:\n  b: 1\n# c\n  c: 2\n', 'a:\n  b: 1\n # c\n  c: 2\n', 'a: 1\n  # c\nb: 2\n', 'a: |\n   \n   x\n', 'a: |+\n  x\n   \n',
  'a: |\n  x\n   ', 'a: |\n  x\n\n', 'a: |\n  x\n...\n', 'a: |\n  x\n---\n', 'a: |+\n  x\n\n---\n', '-\n  - a\n', '- \n', '-\n', '- # c\n  a: 1\n', 'a: # c\n  b: 1\n',
  'a: # c\n- b\n', '- a: 1\n  - b\n', '- a:\n  - b\n  c: 1\n', 'a:\n- b\n  c: 1\n', 'a:\n- b: 1\n  c: 2\n- d\ne: 3\n', '- a: 1\n\n  b: 2\n', '-  a: 1\n   b: 2\n',
  'a: x\n---\nb: y\n...\n', 'a: "x\\\n  y"\n', 'a: "x\\ty"\n', "a: 'x\\ty'\n", 'a: x\\ty\n', '"a\\nb": 1\n', 'a: "\\e\\a\\b\\f\\v\\0\\r"\n',
  'a: [ "x" , y ]\n', 'a: [x,y]\n', 'a: [x ,y]\n', 'a: [ , ]\n', 'a: [x, ]\n', 'a: [-x, -1, --]\n', 'a: [-]\n', 'a: [x y, z]\n', 'a: [yes, No, ~, null, 0o7, 0x1, .5, 1e3]\n',
  'a: [x]]\n', 'a: [[]]\n', 'a: [{}]\n', 'a: [x] [y]\n', 'a: ["a,b", \'c]\']\n', 'a: [x\u00a0]\n', 'a: [a?b, a!b, a&b, a*b, a|b, a>b, a%b, a@b]\n', 'a: [?x]\n', 'a: [!x]\n', 'a: [&x]\n',
  'a: {b: 1}\n', 'a: { b: "x", c: \'y\' }\n', '- {a: 1}\n- {b: 2}\n', 'a:\n  {b: 1}\n', '{a: 1}\n', '{a: 1} # c\n', 'a: {b: 1}  # c\n', 'a: {b: 1}#c\n',
  'a: {b: 1, c: {d: 2}}\n', 'a: {b: 1,\n  c: 2}\n', 'a: {b: 1, b: 2}\n', 'a: {"b":1}\n', 'a: {b:1}\n', 'a: {b: c:d}\n', 'a: {b: c: d}\n', 'a: {b: http://h:80}\n',
  'a: {b: x,}\n', 'a: {b: "\\u00e9"}\n', 'a: {b: 1}\nb: {a: 2}\n', 'a: {? b: 1}\n', 'a: {b: c d}\n', 'a: {b: [c]}\n', 'a: {"b" : 1}\n', 'a: {b : 1}\n',
  'a: {}x\n', '{}\n', '[]\n', '[a, b]\n', '"x"\n', "'x'\n", '"x" # c\n', '~\n', '1\n', 'yes\n', 'x\n---\ny\n', '- x\n---\n- y\n', '\n\na: 1\n', '# c\na: 1\n# d\n',
  'a:\n  []\n  b: 1\n', 'a:\n  [x]\nb: 1\n', 'a:\n  {}\n', 'a:\n- []\n', 'a: - b\n', 'a: -\n', 'a: --\n', 'a: ---\n', 'a: ...\n', 'a: -- b\n', '- -\n', '- --\n', '- ---\n',
  'a:\n  - b\n - c\n', 'a:\n    b: 1\n  c: 2\n', 'a: 1\nb:\n  c: 2\n d: 3\n', 'a:\n  b:\n  c: 1\n', '- a\n-b\n', '-a\n', '--- |\n  x\n', '---\n|\n  x\n', 'a: |\n  x\n  ---\n',
  '...x\n', '---x\n', '--- x\n', '---#c\n', '... # c\na: 1\n', 'a: 1\n... x\n', 'a: 1\n....\n', '%YAML 1.2\n', 'a: 1\n%x\n', 'a: 1\n  %x\n', 'a: "x\\u0041"\n',
  'a: \'\'\n', "a: ''x\n", 'a: ""x\n', 'a: "x"y\n', 'a: "x" y\n', "a: 'x' 'y'\n", '"a"b: 1\n', '"a" : 1\n', '"a":1\n', "'a':\n  - b\n", '"a":\n  b: 1\n',
  'a: x #c\n  b\n', 'a: x\n  #c\n', 'a: x\n\n  y\n', 'a:\n  b: x\n    c\n', '- x\n  - y\n', 'a: 1\n- b\n', 'a: [\n', 'a: ]\n', 'a: {\n', 'a: }\n',
  'constructor: 1\ntoString: 2\nhasOwnProperty: 3\n', '"__proto__": {}\n', 'a:\n  __proto__: 1\n', '<<: 1\n', '"<<": 1\n', "'<<': 1\n", '=: 1\n', 'a: =\n',
  '-   |\n  x\n', '-   |\n x\n', '-   a: |\n     x\n', '-   a: |\n    x\n', 'a "x: y"\n', "a'b: c\n", 'a&b*c!d|e>f%g@h`i: 1\n', 'a: b "c: d"\n', 'a: |+\n  x\n\n---\n',
  'a: |+\n   \nb: 1\n', 'a: |+\n  x\n\n\n...\n', 'a: |\n  x\n  \n  ', 'a: |-\n  x\n\n  ', 'a: |+\n  x\n\n  ', 'a: |+\n  x', 'a: |-\n  x', 'a: |\n  x\n  y',
  'a: |+\n  x\n# c\n\nb: 1\n', 'a: |+\n  x\n\n  # c\n\nb: 1\n', 'a: |+\n    x\n\n  # c\n\nb: 1\n', '- |+\n  x\n\n# c\n- y\n',
  'a: 😀\n', '😀: 1\n', '"😀": 1\n', 'a: \ud800\n', 'a: \u2028\n', 'a: \u0085\n', 'a: \u007f\n', 'a: \u0000\n', 'a: \ufeff\n', 'a: x\r\n',
];

describe('readPlainYaml, the YAML of values and manifests read without the yaml library', () => {
  it('reads exactly what the library reads, for every generated text it takes on, broken ones included', () => {
    let ordinary = 0;
    let ordinaryRead = 0;
    let trickyRead = 0;
    // PLAIN_YAML_SEEDS=300000 searches further, locally.
    for (let seed = 1; seed <= Number(process.env.PLAIN_YAML_SEEDS ?? 12000); seed++) {
      const tricky = seed % 2 === 0;
      const text = randomText(seed, tricky);
      const read = expectSameAsLibrary(text, `seed ${seed}`);
      if (tricky) {
        if (read) trickyRead += 1;
      } else if (library(text) !== 'error') {
        ordinary += 1;
        if (read) ordinaryRead += 1;
      }
    }
    // It must take on most ordinary texts, or it would be a slow way to call the library.
    expect(ordinaryRead / ordinary).toBeGreaterThan(0.8);
    expect(trickyRead).toBeGreaterThan(500);
  });

  it("reads exactly what the library's parse reads with its defaults (YAML 1.2 core, no Helm booleans) when asked, as a kubeconfig is read", () => {
    const core = (text: string): unknown[] | 'error' => {
      try {
        return YAML.parseAllDocuments(text).map((document) => {
          if (document.errors.length > 0) throw document.errors[0];
          return document.toJS();
        });
      } catch {
        return 'error';
      }
    };
    let read = 0;
    for (let seed = 1; seed <= 6000; seed++) {
      const text = randomText(seed, seed % 2 === 0);
      const documents = readPlainYaml(text, { helmBooleans: false });
      if (documents === undefined) continue;
      read += 1;
      if (!isDeepStrictEqual(documents, core(text))) expect({ seed, text, documents }).toStrictEqual({ seed, text, documents: core(text) });
    }
    expect(read).toBeGreaterThan(2000);
    expect(readPlainYaml('a: yes\nb: On\nc: true\nd: ~\n', { helmBooleans: false })).toStrictEqual([{ a: 'yes', b: 'On', c: true, d: null }]);
    expect(readPlainYaml('a: yes\nb: On\n')).toStrictEqual([{ a: true, b: true }]);
  });

  /** Each construct it reads, with the documents it gives, which are also the library's. */
  const READ: ReadonlyArray<[string, string, unknown[]]> = [
    ['block maps and lists, a list at its key\'s indent or indented', 'a:\n  b: 1\n  c:\n  - x\n  - w\nd:\n    - z\n', [{ a: { b: 1, c: ['x', 'w'] }, d: ['z'] }]],
    ['maps in lists, their first key on the dash\'s line', '- name: a\n  image: registry.k8s.io/pause:3.10\n-   name: b\n    ports:\n    - 80\n- x\n', [[{ name: 'a', image: 'registry.k8s.io/pause:3.10' }, { name: 'b', ports: [80] }, 'x']]],
    ['a dash alone, then what it holds, or nothing', '-\n  a: 1\n-\n- b\n', [[{ a: 1 }, null, 'b']]],
    ['plain scalars with inner spaces, colons and hashes', 'msg: hello world\nurl: http://example.com/a?b=c#d\nx: a#b\nz: a:b\n', [{ msg: 'hello world', url: 'http://example.com/a?b=c#d', x: 'a#b', z: 'a:b' }]],
    ['quoted scalars, with doubled single quotes and simple escapes', `a: 'it''s'\nb: "a\\"b\\\\c\\tx\\n\\/"\nc: ''\nd: "yes"\n'e f': "1"\n`, [{ a: "it's", b: 'a"b\\c\tx\n/', c: '', d: 'yes', 'e f': '1' }]],
    ['comments on their own lines, at any indent, and after values', '# head\na: 1 # one\n  # inner\nb:  # none\n# between\n  c: x #y\nd: "q" # z\n', [{ a: 1, b: { c: 'x' }, d: 'q' }]],
    ['empty values as null, and empty flow collections', 'a:\nb: []\nc: {}\nd: [ ]\ne: { }\nf:\n  []\n', [{ a: null, b: [], c: {}, d: [], e: {}, f: [] }]],
    ['flow lists of scalars on one line', 'a: [x, "y", \'z\', 1, yes, 0.5, ~, a b]\n', [{ a: ['x', 'y', 'z', 1, true, 0.5, null, 'a b'] }]],
    ['flow maps of scalars on one line, plain values with colons', '- cluster: { server: "https://127.0.0.1:6443", certificate-authority: /ca.crt }\n  c: {url: https://h:80/p, size: 1, enabled: yes}\n', [[{ cluster: { server: 'https://127.0.0.1:6443', 'certificate-authority': '/ca.crt' }, c: { url: 'https://h:80/p', size: 1, enabled: true } }]]],
    ['YAML 1.2 core nulls and booleans, and Helm\'s YAML 1.1 booleans', 'a: ~\nb: null\nc: NULL\nd: True\ne: FALSE\nf: yes\ng: Off\nh: y\ni: N\nj: tRue\n', [{ a: null, b: null, c: null, d: true, e: false, f: true, g: false, h: true, i: false, j: 'tRue' }]],
    ['integers in decimal, octal and hex, and what is no integer of YAML 1.2', 'a: 007\nb: +1\nc: -0\nd: 0o17\ne: 0x1F\nf: 0b11\ng: 1_000\nh: 0o8\n', [{ a: 7, b: 1, c: -0, d: 15, e: 31, f: '0b11', g: '1_000', h: '0o8' }]],
    ['floats, infinities and NaN, and what is no float of YAML 1.2', 'a: 1e3\nb: .5\nc: -1.5e+3\nd: 1.\ne: .inf\nf: -.Inf\ng: .NaN\nh: 1e400\ni: Infinity\nj: 2001-12-14\nk: 12:30\n', [{ a: 1000, b: 0.5, c: -1500, d: 1, e: Infinity, f: -Infinity, g: NaN, h: Infinity, i: 'Infinity', j: '2001-12-14', k: '12:30' }]],
    ['keys the library turns into property names: null as empty, numbers and booleans as text', 'true: 1\nnull: 2\n1.0: 3\n0x10: 4\nkey : 5\n"q": 6\n', [{ 1: 3, 16: 4, true: 1, '': 2, key: 5, q: 6 }]],
    ['literal block scalars with each chomping', 'clip: |\n  a\n\n  b\n\n\nstrip: |-\n  a\n\nkeep: |+\n  a\n\nlast: x\n', [{ clip: 'a\n\nb\n', strip: 'a', keep: 'a\n\n', last: 'x' }]],
    ['literal lines that look like YAML, comments or markers, and more-indented lines', 'script: |\n  #!/bin/sh\n  key: value\n    ---\n  - x\n     \n  end\n', [{ script: '#!/bin/sh\nkey: value\n  ---\n- x\n   \nend\n' }]],
    ['empty literals, and a literal ending at a less indented comment', 'a: |\nb: |+\n\n\nc: |\n    x\n  # note\nd: 1\n', [{ a: '', b: '\n\n', c: 'x\n', d: 1 }]],
    ['a literal at the end of a text without a final newline', 'a: |\n  x', [{ a: 'x\n' }]],
    ['documents between markers, empty ones as null', '---\na: 1\n...\n---\n# only a comment\n---\n- b\n', [{ a: 1 }, null, ['b']]],
    ['a lone document end as an empty document', '...\n---\na: 1\n', [null, { a: 1 }]],
    ['a scalar as the whole document', 'hello world # greeting\n', ['hello world']],
  ];
  it.each(READ)('reads %s', (_, text, expected) => {
    expect(readPlainYaml(text)).toStrictEqual(expected);
    expect(library(text)).toStrictEqual(expected);
  });

  it('reads exactly what the library reads, for every hand-picked edge text it takes on', () => {
    const read = EDGES.filter((text, i) => expectSameAsLibrary(text, `edge ${i}`));
    expect(read.length).toBeGreaterThan(EDGES.length / 2);
  });

  it('reads collections nested 64 deep, and leaves deeper ones to the library, whose stack may run out', () => {
    const nested = (depth: number) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n';
    expect(expectSameAsLibrary(nested(64), 'depth 64')).toBe(true);
    expect(readPlainYaml(nested(65))).toBeUndefined();
  });

  it('reads no document from an empty text, blank lines or comments alone, as the library', () => {
    for (const text of ['', '\n', '  \n\n', '# only\n  # comments']) {
      expect(readPlainYaml(text)).toStrictEqual([]);
      expect(library(text)).toStrictEqual([]);
    }
  });

  /** Texts it leaves to the library: it is unsure of them, or they are errors the library reports. */
  const DECLINED: ReadonlyArray<[string, string]> = [
    ['anchors, aliases and tags', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a merge key', 'a:\n  <<: {}\n'],
    ['a __proto__ key', '__proto__: 1\n'],
    ['a quoted __proto__ key', '"__proto__": 1\n'],
    ['a flow map in a flow map', 'a: {b: {c: 1}}\n'],
    ['a flow map with a duplicate key', 'a: {b: 1, b: 2}\n'],
    ['a flow map going on to the next line', 'a: {b: 1,\n  c: 2}\n'],
    ['a nested flow list', 'a: [[b]]\n'],
    ['a flow list going on to the next line', 'a: [b,\n  c]\n'],
    ['a folded block scalar', 'a: >\n  b\n'],
    ['a block scalar with an indentation indicator', 'a: |2\n   b\n'],
    ['a multi-line plain scalar', 'a: b\n  c\n'],
    ['a multi-line quoted scalar', 'a: "b\n  c"\n'],
    ['a plain scalar on the line after its key', 'a:\n  b\n'],
    ['a complex key', '? a\n: b\n'],
    ['a list in a list on one line', '- - a\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a byte order mark', '\uFEFFa: 1\n'],
    ['a tab in the indentation', 'a:\n\tb: 1\n'],
    ['a carriage return', 'a: 1\r\nb: 2\r\n'],
    ['a double-quoted escape it does not read', 'a: "\\u00e9"\n'],
    ['an integer JavaScript cannot hold exactly', 'a: 9007199254740993\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['keys the library takes as one', 'yes: 1\ntrue: 2\n'],
    ['a quoted key whose source is too long for an implicit key', `"${'\\"'.repeat(520)}": 1\n`],
    ['a key indented apart from its map', 'a: 1\n b: 2\n'],
    ['a literal less indented than its first line', 'a: |\n    x\n  y\n'],
    ['a more-indented blank line before a literal\'s first line', 'a: |\n    \n  x\n'],
    ['a map after a list at the same indent', '- a\nb: 1\n'],
    ['a value holding a map', 'a: b: c\n'],
    ['a marker with content', '--- a\n'],
  ];
  it.each(DECLINED)('leaves to the library %s', (_, text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });

  it('reports an input error as the library did, naming where and the line', () => {
    expect(() => parseYamlDocuments('a: 1\na: 2\n', 'pack demo/values.yaml')).toThrow(
      expect.objectContaining({ code: 'INVALID_YAML', message: expect.stringMatching(/^INVALID_YAML at pack demo\/values\.yaml: line 2, column 1: invalid YAML: Map keys must be unique/) }),
    );
  });

  it('reads every pack values, presets and schema file of the public registry as the library does (local only)', () => {
    const root = '/work/pack-central/packs';
    if (!fs.existsSync(root)) return;
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/^(?:values|presets|schema)\.yaml$/.test(entry.name)) files.push(file);
      }
    };
    walk(root);
    let read = 0;
    for (const file of files) if (expectSameAsLibrary(fs.readFileSync(file, 'utf8'), file)) read += 1;
    if (process.env.PLAIN_YAML_STATS) process.stderr.write(`pack-central: ${files.length} files, ${read} read, ${files.length - read} left to the library, 0 mismatches\n`);
    expect(read / files.length).toBeGreaterThan(0.9);
  });
});
