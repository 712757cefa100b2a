import * as fc from 'fast-check';
import { anyKey, jsonScalar, jsonTree } from './arbitraries';

/**
 * Mutations of a valid JSON document: each step picks a place in the document (by index among
 * every value it holds, so steps stay valid whatever earlier steps did) and deletes it, replaces
 * it (wrong types, tricky or huge strings, values taken from elsewhere in the document), adds a
 * key or an item, or duplicates an item. A few steps on a real document reach the checks behind
 * the first one, which random JSON never does.
 */
export interface MutationStep {
  /** Which place: an index into every place of the document, modulo their number. */
  readonly at: number;
  readonly op: 'delete' | 'replace' | 'add' | 'duplicate' | 'transplant';
  /** The key `add` adds to an object. */
  readonly key: string;
  /** What `replace` and `add` write. */
  readonly value: unknown;
  /** For `transplant`: which place's value replaces the one at `at`. */
  readonly from: number;
}

/** Steps that write `replacement` values; `keys` are added more often than random keys. */
export function mutationSteps(keys: readonly string[], replacement: fc.Arbitrary<unknown> = replacementValue): fc.Arbitrary<MutationStep[]> {
  const step = fc.record({
    at: fc.nat(),
    op: fc.constantFrom('delete', 'replace', 'replace', 'add', 'duplicate', 'transplant') as fc.Arbitrary<MutationStep['op']>,
    key: fc.oneof(fc.constantFrom(...keys), anyKey),
    value: replacement,
    from: fc.nat(),
  });
  return fc.array(step, { minLength: 1, maxLength: 4 });
}

/** What a mutation writes: any JSON, mostly small. (Huge strings have properties of their own: they are slow.) */
export const replacementValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: jsonScalar, weight: 6 },
  { arbitrary: jsonTree, weight: 3 },
  { arbitrary: fc.constantFrom({}, [], [{}], { name: 'x' }), weight: 1 },
);

/** A mutated deep copy of `document`. */
export function mutate<T>(document: T, steps: readonly MutationStep[]): T {
  const root = { doc: JSON.parse(JSON.stringify(document)) as unknown };
  for (const step of steps) {
    const places = placesIn(root);
    const [container, key] = places[step.at % places.length];
    const target = container[key];
    switch (step.op) {
      case 'delete':
        if (container === root) break;
        if (Array.isArray(container)) container.splice(Number(key), 1);
        else delete container[key];
        break;
      case 'replace':
        put(container, key, step.value);
        break;
      case 'add':
        if (Array.isArray(target)) target.push(step.value);
        else if (isObject(target)) put(target, step.key, step.value);
        else put(container, key, step.value);
        break;
      case 'duplicate':
        if (Array.isArray(container)) container.push(JSON.parse(JSON.stringify(target ?? null)));
        else if (Array.isArray(target) && target.length > 0) target.push(JSON.parse(JSON.stringify(target[0])));
        break;
      case 'transplant': {
        const [other, otherKey] = places[step.from % places.length];
        put(container, key, JSON.parse(JSON.stringify(other[otherKey] ?? null)));
        break;
      }
    }
  }
  return root.doc as T;
}

type Container = Record<string, unknown> | unknown[];

/** Every [container, key] of the document, the root's wrapper first, in a stable order. */
function placesIn(root: { doc: unknown }): Array<[any, string]> {
  const places: Array<[any, string]> = [[root, 'doc']];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        places.push([value, String(i)]);
        walk(item);
      });
    } else if (isObject(value)) {
      for (const key of Object.keys(value)) {
        places.push([value, key]);
        walk(value[key]);
      }
    }
  };
  walk(root.doc);
  return places;
}

/** Sets an own property, even one named __proto__. */
function put(container: Container, key: string, value: unknown): void {
  Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
