import * as YAML from 'yaml';
import { plainYaml } from '../../lib/values/plain-yaml';
import { canonicalYaml, sortKeys } from '../../lib/values/yaml';

/** What the yaml library writes with canonicalYaml's options: the reference plainYaml must match. */
const library = (value: unknown) =>
  YAML.stringify(sortKeys(value), { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false, version: '1.1', compat: 'core' });

/** A small seeded generator, so a failure names a case that can be run again. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return { next, pick };
}

/** Strings YAML could read as something else, or that need quotes, beside ordinary ones. */
const TRICKY = [
  'yes', 'No', 'ON', 'off', 'y', 'N', 'true', 'False', 'null', '~', '', ' ', 'a b', 'a: b', '#x', 'x #y', '-', '--', '=', '-1', '+1', '007', '0x1F',
  '0o17', '0b11', '1_000', '1e3', 'e3', 'E+3', '-e3', '1.2.3', '.5', '-.5', '.inf', '-Inf', '.nan', '2001-12-14', '12:30', '1:20:30', 'a\nb',
  'Infinity', 'NaN', '"q"', "'q'", '*a', '&a', '!t', '%x', '@x', '`x', '[a]', '{a}', 'a,b', '?x', '|x', '>x',
];
const ORDINARY = ['IfNotPresent', 'registry.example.com/team/app-1', 'v1.2.0', '--log-level=info', '--port=8000', '100m', '128Mi', '10Gi', '30s', '1h30m', 'Y2K', 'e_3', '--e3', '-yes', 'x.inf', 'a=b', 'team-1'];
const CHARACTERS = 'abxyzeEtTfFoO0123456789_./+=-'.split('');
const UNSAFE_CHARACTERS = [...CHARACTERS, ':', '#', ' ', '"'];

function randomTree(seed: number, tricky: boolean): Record<string, unknown> {
  const { next, pick } = generator(seed);
  const text = () => (next() < 0.3 ? pick(ORDINARY) : tricky && next() < 0.5 ? pick(TRICKY) : Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(tricky ? UNSAFE_CHARACTERS : CHARACTERS)).join(''));
  const scalar = (): unknown =>
    pick<() => unknown>([text, () => Math.floor(next() * 2000) - 1000, () => next() < 0.5, () => null, ...(tricky ? [() => next() * 10, () => -0, () => 2 ** 60] : [])])();
  const node = (depth: number): unknown => {
    const r = next();
    if (depth > 3 || r < 0.4) return scalar();
    if (r < 0.65) return Array.from({ length: Math.floor(next() * 4) }, () => node(depth + 1));
    return Object.fromEntries(Array.from({ length: Math.floor(next() * 5) }, () => [text(), node(depth + 1)]));
  };
  return Object.fromEntries(Array.from({ length: 1 + Math.floor(next() * 4) }, () => [text(), node(1)]));
}

describe('plainYaml, canonical YAML written without the yaml library', () => {
  it('writes exactly what the library writes, for every generated tree it takes on', () => {
    let written = 0;
    for (let seed = 1; seed <= 20000; seed++) {
      const tree = randomTree(seed, seed % 2 === 0);
      const text = plainYaml(tree);
      if (text === undefined) continue;
      written += 1;
      if (text !== library(tree)) throw new Error(`seed ${seed}: ${JSON.stringify(tree)}\nplainYaml:\n${text}\nlibrary:\n${library(tree)}`);
    }
    // It must take on a good share, or it would be a slow way to call the library.
    expect(written).toBeGreaterThan(1500);
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

  it('leaves to the library what needs quotes or another type, and canonicalYaml still quotes it', () => {
    for (const tricky of ['yes', 'on', '8080', 'e3', '1.2.3', '', 'a: b', '2001-12-14', '0o17']) {
      expect(plainYaml({ key: tricky })).toBeUndefined();
      expect(YAML.parse(canonicalYaml({ key: tricky }), { version: '1.1' })).toEqual({ key: tricky });
    }
    expect(plainYaml({ cpu: 0.5 })).toBeUndefined();
    expect(plainYaml({ nested: [['a']] })).toBeUndefined();
    expect(plainYaml({})).toBeUndefined();
  });
});
