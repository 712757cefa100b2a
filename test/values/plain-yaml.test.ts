import * as YAML from 'yaml';
import { plainYaml } from '../../lib/values/plain-yaml';
import { canonicalYaml, sortKeys } from '../../lib/values/yaml';
import { seeded } from '../helpers';

/** What the yaml library writes with canonicalYaml's options: the reference plainYaml must match. */
const library = (value: unknown) =>
  YAML.stringify(sortKeys(value), { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false, version: '1.1', compat: 'core' });

/** plainYaml writes `expected` for `values`, and so does the library. */
function expectWritten(values: unknown, expected: string): void {
  expect(plainYaml(values)).toBe(expected);
  expect(library(values)).toBe(expected);
}

/** Strings YAML could read as something else, or that need quotes or the library, beside ordinary ones. */
const TRICKY = [
  'yes', 'No', 'ON', 'off', 'y', 'N', 'true', 'False', 'null', '~', '', ' ', 'a b', 'a: b', '#x', 'x #y', '-', '--', '=', '-1', '+1', '007', '0x1F',
  '0o17', '0b11', '1_000', '1e3', 'e3', 'E+3', '-e3', '1.2.3', '.5', '-.5', '.inf', '-Inf', '.nan', '2001-12-14', '12:30', '1:20:30', 'a\nb',
  'Infinity', 'NaN', '"q"', "'q'", '*a', '&a', '!t', '%x', '@x', '`x', '[a]', '{a}', 'a,b', '?x', '|x', '>x',
  // Added with the quoted and block forms: what sits at their edges.
  ' lead', 'trail ', 'x:', 'x::', ':x', '? x', '- x', 'a#b', 'a #b', 'it\'s', 'say "hi"', `both " and '`, 'back\\slash', '\\n', 'a \\n', '3.10', '1.0', '1.', '.',
  '-.', '+', '+-1', '--1', '0x', '0xZ', '0X1F', '-0x1F', '+0b1', '-0o7', '2001-12-14T10:00:00Z', '2001-12-14 10:00:00', '-2001-12-14', '1-2', '8080:80',
  '1.2.3-4', '12:30.5', '1:2', '12:60', '.e3', '1e', '1e+', '._', '---', '---x', '--- x', '...', '...x', '<<', 'yEs', 'nULL', 'tRUE', 'oN', 'x\ty', '\tx',
  'caf\u00e9', 'a\u0085b', 'a\rb', 'a\u00a0b', 'x'.repeat(1100), `${'y '.repeat(600)}z`, 'A', 'Z', 'nan', 'inf', 't', 'Tx', '1T', '1Z', '1 2', '1x2',
];
/** Strings like those the quickstart and ordinary values hold. */
const ORDINARY = [
  'IfNotPresent', 'registry.example.com/team/app-1', 'v1.2.0', '--log-level=info', '--port=8000', '100m', '128Mi', '10Gi', '30s', '1h30m', 'Y2K', 'e_3', '--e3',
  '-yes', 'x.inf', 'a=b', 'team-1', 'hello from edge-1', 'Deployed by a cluster profile', 'registry.k8s.io/pause:3.10', 'repo/app:1.0', '10.244.0.0/16',
  '10.96.0.0/12', '1.2.3', '10.0.0.1', '1.34.x', 'Ubuntu 24.04 LTS', 'net.ipv4.ip_forward=1', 'https://charts.example.com:8443/stable', 'Edge internal CA',
  'a:b', 'key=value,other=1', 'say "hi"', "it's", 'C:\\temp', 'x-y_z.w', '0.0.0.0:8080', '*.example.com', 'a b c', '3d', '1.2.3-rc.1', 'sha256:abc123',
];
/** Lines for multi-line strings: manifests, scripts, config files in values. */
const LINES = [
  'apiVersion: v1', 'kind: ConfigMap', '  name: demo', '---', '...', '# a comment', '%YAML 1.1', 'key: "quoted"', "it's", '- item', '  - nested', 'echo $HOME',
  '', '', 'plain text line', '    deep', 'a #b', 'ends with colon:', 'x', '| pipe', '> fold', '[flow]', '{map: 1}', ' ', 'trailing ', '\tTab', 'caf\u00e9',
];
const CHARACTERS = 'abxyzeEtTfFoO0123456789_./+=-'.split('');
const UNSAFE_CHARACTERS = [...CHARACTERS, ':', '#', ' ', ' ', '"', "'", '\n', ',', '[', '&', '\\'];
const NUMBERS = [0.5, -1.25, 1e21, 1e-7, 5e-324, 0.1 + 0.2, 2 ** 60, -(2 ** 53), -0, NaN, Infinity, -Infinity, 1.5e300, 100, 0];

function randomTree(seed: number, tricky: boolean): Record<string, unknown> {
  const { next, pick } = seeded(seed);
  const characters = () => Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(tricky ? UNSAFE_CHARACTERS : CHARACTERS)).join('');
  const lines = () => Array.from({ length: 1 + Math.floor(next() * 5) }, () => pick(tricky ? LINES : LINES.slice(0, 12))).join('\n') + '\n'.repeat(Math.floor(next() * 3));
  const text = (): string => {
    const r = next();
    if (r < 0.35) return pick(ORDINARY);
    if (r < 0.45) return lines();
    if (tricky && r < 0.7) return pick(TRICKY);
    return characters();
  };
  // Keys are names in ordinary values; edge cases (and the lines the library quotes) among the tricky.
  const key = (): string => (tricky ? text() : next() < 0.5 ? pick(ORDINARY) : next() < 0.9 ? characters() : String(Math.floor(next() * 20)));
  const scalar = (): unknown =>
    pick<() => unknown>([text, text, () => Math.floor(next() * 2000) - 1000, () => next() < 0.5, () => null, () => pick(NUMBERS), () => Math.round(next() * 1000) / 100])();
  const node = (depth: number): unknown => {
    const r = next();
    if (depth > 3 || r < 0.4) return scalar();
    if (r < 0.65) return Array.from({ length: Math.floor(next() * 4) }, () => node(depth + 1));
    return Object.fromEntries(Array.from({ length: Math.floor(next() * 5) }, () => [key(), node(depth + 1)]));
  };
  return Object.fromEntries(Array.from({ length: 1 + Math.floor(next() * 4) }, () => [key(), node(1)]));
}

/** Checks plainYaml against the library on `value`; true when plainYaml wrote it. */
function agrees(value: unknown, label: string): boolean {
  const text = plainYaml(value);
  if (text === undefined) return false;
  const expected = library(value);
  if (text !== expected) throw new Error(`${label}: ${JSON.stringify(value)}\nplainYaml:\n${text}\nlibrary:\n${expected}`);
  return true;
}

describe('plainYaml, canonical YAML written without the yaml library', () => {
  it('writes exactly what the library writes, for every generated tree it takes on', () => {
    let ordinary = 0;
    let tricky = 0;
    for (let seed = 1; seed <= 20000; seed++) {
      const isTricky = seed % 2 === 0;
      if (agrees(randomTree(seed, isTricky), `seed ${seed}`)) {
        if (isTricky) tricky += 1;
        else ordinary += 1;
      }
    }
    // It must take on most trees, or it would be a slow way to call the library: nearly all
    // ordinary ones, and a good share of those full of edge cases (most hold one it declines).
    expect(ordinary).toBeGreaterThan(9500);
    expect(tricky).toBeGreaterThan(2500);
  });

  it('writes short strings of number, date and indicator characters as the library does, as keys and as values', () => {
    const alphabet = ['0', '1', '6', '.', '_', ':', '+', '-', 'e', 'E', 'x', 'o', 'b', 'a', 'n', 'T', 'Z', ' ', '#', '"', "'", '/'];
    let written = 0;
    const strings = [''];
    for (let length = 1; length <= 3; length++) {
      for (const prefix of strings.filter((s) => s.length === length - 1)) for (const c of alphabet) strings.push(prefix + c);
    }
    const { pick } = seeded(7);
    for (let i = 0; i < 3000; i++) strings.push(Array.from({ length: 4 + (i % 7) }, () => pick(alphabet)).join(''));
    for (const s of strings) {
      if (agrees({ key: s, list: [s] }, 'value')) written += 1;
      agrees({ [s]: 1, nested: { [s]: 1 } }, 'key');
    }
    expect(written).toBeGreaterThan(strings.length * 0.8);
  });

  it('takes on the values layers usually hold: maps, lists of strings and maps, integers, booleans', () => {
    const values = {
      replicaCount: 3,
      image: { repository: 'registry.example.com/team/app', tag: 'v1.2.0', pullPolicy: 'IfNotPresent' },
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: {} },
      extraArgs: ['--log-level=info', '--port=8000'],
      tolerations: [{ key: 'dedicated', operator: 'Exists' }, {}],
      ingress: { enabled: false, hosts: [], annotations: null },
    };
    expect(plainYaml(values)).toBe(library(values));
    expect(canonicalYaml(values)).toBe(library(values));
  });

  it('writes strings with inner spaces and colons plain, and digit-first texts no schema reads as another type', () => {
    const values = {
      message: 'hello from edge-1',
      image: 'registry.k8s.io/pause:3.10',
      podCIDR: '10.244.0.0/16',
      version: '1.2.3',
      address: '10.0.0.1',
      app: 'repo/app:1.0',
      memory: '128Mi',
      url: 'https://charts.example.com:8443/stable',
      quoted: 'say "hi"',
      range: '1-2',
      hidden: '.git',
      listen: '0.0.0.0:8080',
    };
    const expected = [
      'address: 10.0.0.1',
      'app: repo/app:1.0',
      'hidden: .git',
      'image: registry.k8s.io/pause:3.10',
      'listen: 0.0.0.0:8080',
      'memory: 128Mi',
      'message: hello from edge-1',
      'podCIDR: 10.244.0.0/16',
      'quoted: say "hi"',
      'range: 1-2',
      'url: https://charts.example.com:8443/stable',
      'version: 1.2.3',
      '',
    ].join('\n');
    expectWritten(values, expected);
  });

  it('quotes what YAML 1.1 or 1.2 would read as another type, in double quotes', () => {
    const values = {
      bool11: 'yes', bool12: 'True', off: 'off', n: 'n', null: '~', empty: '', int: '8080', octal: '0o17', hex: '0x1F', float: '3.10', exponent: '1e3',
      bareExponent: 'e3', infinity: '-.inf', date: '2001-12-14', sexagesimal: '12:30', underscored: '1_000',
    };
    const expected = [
      'bareExponent: "e3"', 'bool11: "yes"', 'bool12: "True"', 'date: "2001-12-14"', 'empty: ""', 'exponent: "1e3"', 'float: "3.10"', 'hex: "0x1F"',
      'infinity: "-.inf"', 'int: "8080"', '"n": "n"', '"null": "~"', 'octal: "0o17"', '"off": "off"', 'sexagesimal: "12:30"', 'underscored: "1_000"', '',
    ].join('\n');
    expectWritten(values, expected);
  });

  it('quotes what would read as structure: in double quotes, or single ones when the text holds only double quotes', () => {
    const values = {
      a: 'a: b', b: 'x #y', c: '#x', d: 'trail ', e: ' lead', f: 'x:', g: '- x', h: '*a', i: '"q"', j: `"it's"`, k: "'q'", l: '@x "y" \\z', m: '[a]', o: '&back\\slash',
    };
    const expected = [
      'a: "a: b"', 'b: "x #y"', 'c: "#x"', 'd: "trail "', 'e: " lead"', 'f: "x:"', 'g: "- x"', 'h: "*a"', "i: '\"q\"'", `j: "\\"it's\\""`, `k: "'q'"`,
      `l: '@x "y" \\z'`, 'm: "[a]"', 'o: "&back\\\\slash"', '',
    ].join('\n');
    expectWritten(values, expected);
  });

  it('writes strings of several lines as literal blocks: |- without a final line break, | with one, |+ with more, |2 when the first line is indented', () => {
    const values = {
      strip: 'line one\nline two',
      clip: 'apiVersion: v1\nkind: ConfigMap\n---\n# comment\n',
      keep: 'a\n\n',
      list: ['x\n  indented\n\ny'],
      nested: [{ script: 'echo "hi"\nexit 0\n' }],
      told: '  indented first\nline\n',
    };
    const expected = [
      'clip: |',
      '  apiVersion: v1',
      '  kind: ConfigMap',
      '  ---',
      '  # comment',
      'keep: |+',
      '  a',
      '',
      'list:',
      '  - |-',
      '    x',
      '      indented',
      '',
      '    y',
      'nested:',
      '  - script: |',
      '      echo "hi"',
      '      exit 0',
      'strip: |-',
      '  line one',
      '  line two',
      'told: |2',
      '    indented first',
      '  line',
      '',
    ].join('\n');
    expectWritten(values, expected);
  });

  it('writes fractions, large and non-finite numbers and -0 as the library does', () => {
    const values = { half: 0.5, large: 1e21, small: 1e-7, sum: 0.1 + 0.2, big: 2 ** 60, negativeZero: -0, nan: NaN, inf: Infinity, negativeInf: -Infinity };
    const expected = [
      `big: ${2 ** 60}`, 'half: 0.5', 'inf: .inf', 'large: 1e+21', 'nan: .nan',
      'negativeInf: -.inf', 'negativeZero: -0', 'small: 1e-7', 'sum: 0.30000000000000004', '',
    ].join('\n');
    expectWritten(values, expected);
  });

  it('writes lists in lists starting on the dash line, as the library does', () => {
    const values = { matrix: [['a', 'b'], [], [{ x: 1, y: [['z']] }], [{}]] };
    const expected = ['matrix:', '  - - a', '    - b', '  - []', '  - - x: 1', '      "y":', '        - - z', '  - - {}', ''].join('\n');
    expectWritten(values, expected);
  });

  it('puts keys that are array indices first, in numeric order, as the library does', () => {
    const values = { b: 1, 10: 'ten', a: 2, 9: 'nine', '09': 'padded' };
    expect(plainYaml(values)).toBe('"9": nine\n"10": ten\n"09": padded\na: 2\nb: 1\n');
    expect(library(values)).toBe(plainYaml(values));
    const edges = { '4294967295': 'not an index', '4294967294': 'the last index', '-1': 'minus', '1e3': 'exponent', z: 0 };
    expect(plainYaml(edges)).toBe(library(edges));
  });

  it('leaves to the library what it is not sure of, and canonicalYaml still writes it', () => {
    const declined = [
      '1_e5', '8080:80', '2001-12-14T10:00:00Z', '---x', '...', '?x', ':x', '<<', 'yEs', '.e3', 'x\ty', 'caf\u00e9', 'a\rb', '\nlead', 'x \ny', 'x\n ',
    ];
    for (const text of declined) {
      expect(plainYaml({ key: text })).toBeUndefined();
      expect(YAML.parse(canonicalYaml({ key: text }), { version: '1.1' })).toEqual({ key: text });
    }
    expect(plainYaml({ 'two\nlines': 1 })).toBeUndefined();
    expect(plainYaml({ ['k'.repeat(1001)]: 1 })).toBeUndefined();
    expect(plainYaml({ big: BigInt(1) })).toBeUndefined();
    expect(plainYaml({})).toBeUndefined();
  });
});
