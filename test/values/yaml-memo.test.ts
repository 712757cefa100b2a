import { canonicalYaml } from '../../lib';
import { YamlMemo } from '../../lib/values/yaml';

// canonicalYaml takes a memo keyed by the JSON text of its input (the synth pass owns one; issue 7,
// bench/). These pin that the memo never answers for a different value: JSON prints -0 as 0 and NaN as null, a Date as a
// string; such trees bypass the memo.
describe('canonical YAML memo', () => {
  it('gives the same text on a repeat call, and follows a changed input', () => {
    const memo = new YamlMemo();
    const values: { [key: string]: unknown } = { replicas: 2, image: { tag: 'v1' } };
    const first = canonicalYaml(values, memo);
    expect(canonicalYaml({ image: { tag: 'v1' }, replicas: 2 }, memo)).toBe(first);
    (values.image as { tag: string }).tag = 'v2';
    expect(canonicalYaml(values, memo)).toBe('image:\n  tag: v2\nreplicas: 2\n');
    expect(canonicalYaml({ replicas: 2, image: { tag: 'v1' } }, memo)).toBe(first);
  });

  it.each([
    [{ a: 0 }, { a: -0 }, 'a: 0\n', 'a: -0\n'],
    [{ a: null }, { a: Number.NaN }, 'a: null\n', 'a: .nan\n'],
    [{ a: '1970-01-01T00:00:00.000Z' }, { a: new Date(0) }, 'a: "1970-01-01T00:00:00.000Z"\n', undefined],
  ])('tells apart values that JSON prints alike: %j', (plain, other, plainYaml, otherYaml) => {
    const memo = new YamlMemo();
    // Both orders: whichever is seen first must not answer for the other.
    for (const [a, b] of [
      [plain, other],
      [other, plain],
    ]) {
      const ya = canonicalYaml(a, memo);
      const yb = canonicalYaml(b, memo);
      expect(ya).not.toBe(yb);
    }
    expect(canonicalYaml(plain, memo)).toBe(plainYaml);
    if (otherYaml !== undefined) expect(canonicalYaml(other, memo)).toBe(otherYaml);
  });

  it('is held by each synth, not by the process: two apps share nothing', () => {
    const values = { replicas: 2 };
    const memo = new YamlMemo();
    canonicalYaml(values, memo);
    expect(memo.get(JSON.stringify(values))).toBe('replicas: 2\n');
    expect(new YamlMemo().get(JSON.stringify(values))).toBeUndefined();
  });
});
