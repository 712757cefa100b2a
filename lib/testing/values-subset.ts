import { isPlainObject, joinPath } from '../values/merge';
import { SensitiveValue } from '../values/sensitive';
import { sortKeys } from '../values/yaml';

/**
 * Comparing merged values with the subset a test expects. Maps match when every expected key
 * matches (other keys are ignored); lists match element by element and must have the same
 * length, since Helm replaces lists whole; an expected `undefined` matches an absent key;
 * scalars match when identical. A `SensitiveValue` matches one read from the same variable or
 * expression, and jest's asymmetric matchers (`expect.any(Number)`) are honoured.
 */

/** One place where the values differ from the expected subset. */
export interface ValueMismatch {
  /** Helm `--set` style path of the value (`ui.message`, `args[0]`); empty for the root. */
  readonly path: string;
  /** What the test expected there. */
  readonly expected: unknown;
  /** What the values hold there; `undefined` when the key is absent. */
  readonly found: unknown;
}

/** Every place where `actual` does not contain `expected`, outermost first. */
export function valueMismatches(actual: unknown, expected: unknown, path = ''): ValueMismatch[] {
  const mismatch = [{ path, expected, found: actual }];
  if (isAsymmetricMatcher(expected)) return expected.asymmetricMatch(actual) ? [] : mismatch;
  if (SensitiveValue.isSensitive(expected)) {
    const same = SensitiveValue.isSensitive(actual) && actual.variableName === expected.variableName && actual.token === expected.token;
    return same ? [] : mismatch;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return mismatch;
    return expected.flatMap((e, i) => valueMismatches(actual[i], e, `${path}[${i}]`));
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return mismatch;
    return Object.entries(expected).flatMap(([key, e]) => valueMismatches(actual[key], e, joinPath(path, key)));
  }
  return Object.is(actual, expected) ? [] : mismatch;
}

/** One line per mismatch: `  replicaCount: expected 3, found 2`. */
export function describeMismatches(mismatches: readonly ValueMismatch[]): string[] {
  return mismatches.map((m) => `  ${m.path || '(values)'}: expected ${renderValue(m.expected)}, found ${renderValue(m.found)}`);
}

/** A value on one line: JSON with sorted keys, secrets masked, `nothing` for absent. */
export function renderValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (isAsymmetricMatcher(value)) return typeof value.toAsymmetricMatcher === 'function' ? value.toAsymmetricMatcher() : String(value);
  return JSON.stringify(sortKeys(value));
}

/** Values over several lines, keys sorted, secrets masked, indented under a message. */
export function renderValues(values: unknown, indent = '  '): string {
  return JSON.stringify(sortKeys(values), null, 2)
    .split('\n')
    .map((line) => `${indent}${line}`)
    .join('\n');
}

interface AsymmetricMatcher {
  asymmetricMatch(other: unknown): boolean;
  toAsymmetricMatcher?(): string;
}

function isAsymmetricMatcher(value: unknown): value is AsymmetricMatcher {
  return typeof value === 'object' && value !== null && typeof (value as AsymmetricMatcher).asymmetricMatch === 'function';
}
