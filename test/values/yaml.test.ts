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
    const error = profileError(() => parseValuesYaml('a: 1\nb: [1, 2\nc: 3\n', 'app/base/cni (values)'));
    expect(error.code).toBe('INVALID_YAML');
    expect(error.diagnostics[0].path).toMatch(/^app\/base\/cni \(values\): line \d+, column \d+$/);
  });

  it('fails on a duplicate key, naming its line', () => {
    const error = profileError(() => parseValuesYaml('a: 1\nb: 2\na: 3\n', 'values'));
    expect(error.code).toBe('INVALID_YAML');
    expect(error.diagnostics[0].path).toBe('values: line 3, column 1');
  });

  it('fails when the values are a list rather than a map', () => {
    const error = profileError(() => parseValuesYaml('- a\n- b\n', 'values'));
    expect(error.message).toBe(
      'INVALID_VALUES at values: values YAML is not a map of keys to values\n  fix: give values as one YAML map, e.g. "replicaCount: 2"',
    );
  });
});
