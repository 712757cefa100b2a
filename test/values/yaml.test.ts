import { canonicalYaml, parseValuesYaml } from '../../lib';
import { profileError } from '../helpers';

describe('values YAML', () => {
  it('writes keys sorted at every depth, whatever the input order', () => {
    const a = canonicalYaml({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 'x' } });
    const b = canonicalYaml({ a: { c: 'x', d: [{ y: 2, z: 1 }] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe('a:\n  c: x\n  d:\n    - "y": 2\n      z: 1\nb: 1\n');
  });

  it('quotes strings that Helm, reading YAML 1.1, would take for booleans', () => {
    expect(canonicalYaml({ a: 'on', b: 'yes', c: 'off', d: 'n', e: true, f: 'normal' })).toBe('a: "on"\nb: "yes"\nc: "off"\nd: "n"\ne: true\nf: normal\n');
  });

  it('quotes strings that YAML 1.2 reads as numbers, so they read back as strings', () => {
    expect(canonicalYaml({ mode: '0o12', n: 10 })).toBe('mode: "0o12"\n"n": 10\n');
    expect(parseValuesYaml(canonicalYaml({ mode: '0o12' }), 'values')).toEqual({ mode: '0o12' });
  });

  it('keeps a key named __proto__ as a key', () => {
    const values = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
    expect(canonicalYaml(values)).toBe('__proto__:\n  polluted: true\na: 1\n');
    expect(parseValuesYaml(canonicalYaml(values), 'values')).toStrictEqual(values);
  });

  it('never folds long strings', () => {
    const long = 'x '.repeat(200).trim();
    expect(canonicalYaml({ long })).toBe(`long: ${long}\n`);
  });

  it('parses a map and treats an empty text as no values', () => {
    expect(parseValuesYaml('replicas: 2\nimage:\n  tag: "1.0"\n', 'here')).toEqual({ replicas: 2, image: { tag: '1.0' } });
    expect(parseValuesYaml('', 'here')).toEqual({});
    expect(parseValuesYaml('# only a comment\n', 'here')).toEqual({});
  });

  it('fails on invalid YAML, naming the place and the line', () => {
    const error = profileError(() => parseValuesYaml('a: 1\nb: [1, 2\nc: 3\n', 'app/base/cni: values'));
    expect(error.code).toBe('INVALID_YAML');
    expect(error.diagnostics[0].path).toMatch(/^app\/base\/cni: values, line \d+, column \d+$/);
  });

  it('fails on a duplicate key, naming its line', () => {
    const error = profileError(() => parseValuesYaml('a: 1\nb: 2\na: 3\n', 'values'));
    expect(error.code).toBe('INVALID_YAML');
    expect(error.diagnostics[0].path).toBe('values: line 3, column 1');
  });

  it('fails on an alias without its anchor, and on aliases that expand without end', () => {
    expect(profileError(() => parseValuesYaml('image:\n  tag: *version\n', 'app/web: values')).message).toBe(
      'INVALID_YAML at app/web: values: invalid YAML: Unresolved alias (the anchor must be set before the alias): version\n  fix: define each anchor (&name) before the aliases (*name) that use it, and keep aliases few; or write the values out in full',
    );
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    expect(profileError(() => parseValuesYaml(bomb, 'values')).message).toBe(
      'INVALID_YAML at values: invalid YAML: Excessive alias count indicates a resource exhaustion attack\n  fix: define each anchor (&name) before the aliases (*name) that use it, and keep aliases few; or write the values out in full',
    );
  });

  it('reports the first error of a long line of errors without formatting every one (it took 14 s at 90 KB)', () => {
    const started = Date.now();
    expect(profileError(() => parseValuesYaml('&a '.repeat(40_000), 'values')).message).toBe(
      'INVALID_YAML at values: line 1, column 4: invalid YAML: A node can have at most one anchor\n  fix: correct the YAML at that line (check indentation, quotes and the ": " after each key)',
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('fails when the values are a list rather than a map', () => {
    const error = profileError(() => parseValuesYaml('- a\n- b\n', 'values'));
    expect(error.message).toBe(
      'INVALID_VALUES at values: values YAML is not a map of keys to values\n  fix: give values as one YAML map, e.g. "replicaCount: 2"',
    );
  });
});
