import * as fc from 'fast-check';
import { canonicalYaml, parseValuesYaml } from '../../lib';
import { isPlainObject } from '../../lib/values/merge';
import { anyText, longRun, valuesMap, yamlText } from './arbitraries';
import { expectSameTree, fuzz, FUZZ_TEST_TIMEOUT_MS, outcome, silenceProcessWarnings } from './harness';

/** Plain objects, arrays, strings, finite numbers, booleans and null only: what canonicalYaml promises to keep. */
function isJsonLike(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonLike);
  return isPlainObject(value) && Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isJsonLike);
}

describe('fuzz: values YAML', () => {
  silenceProcessWarnings();

  it('reads back every values tree it writes: parseValuesYaml(canonicalYaml(v)) equals v', () => {
    fuzz(
      fc.property(valuesMap, (values) => {
        const text = outcome(() => canonicalYaml(values));
        if (!text.ok) throw text.error;
        const back = outcome(() => parseValuesYaml(text.value, 'values'));
        if (!back.ok) throw back.error;
        expectSameTree(back.value, values);
      }),
      500,
    );
  }, FUZZ_TEST_TIMEOUT_MS);

  it('parses any text into a map or fails with INVALID_YAML or INVALID_VALUES', () => {
    fuzz(
      fc.property(fc.oneof(anyText, yamlText), (text) => {
        const parsed = outcome(() => parseValuesYaml(text, 'values'));
        if (!parsed.ok) {
          expect(parsed.error.diagnostics.map((d) => d.code).filter((c) => c !== 'INVALID_YAML' && c !== 'INVALID_VALUES')).toEqual([]);
          return;
        }
        expect(isPlainObject(parsed.value)).toBe(true);
        // What it read, written canonically, reads back the same.
        if (!isJsonLike(parsed.value)) return;
        const again = outcome(() => parseValuesYaml(canonicalYaml(parsed.value), 'values'));
        if (!again.ok) throw again.error;
        expectSameTree(again.value, parsed.value);
      }),
      800,
    );
  }, FUZZ_TEST_TIMEOUT_MS);

  it('parses huge text within the case budget', () => {
    fuzz(
      fc.property(longRun, (text) => {
        outcome(() => parseValuesYaml(text, 'values'));
      }),
      40,
    );
  }, FUZZ_TEST_TIMEOUT_MS);
});
