import { SensitiveValue } from './sensitive';

/**
 * Values are plain YAML-like trees. Merging follows Helm's rules, with provenance:
 * maps merge key by key, lists and scalars replace, and `null` removes a key.
 */

/** A values tree: plain objects, arrays, scalars, and {@link SensitiveValue} leaves. */
export type Values = { [key: string]: unknown };

/** Where a value was set, lowest precedence first: pack defaults, presets, the layer, its profile, the cluster. */
export type ValueSource = 'pack' | 'preset' | 'layer' | 'profile' | 'cluster';

/** One source of values, in precedence order. */
export interface ValuesLayer {
  readonly source: ValueSource;
  readonly values: Values;
}

/** The merged values and, for every leaf path, the source that set it. */
export interface MergedValues {
  readonly values: Values;
  /** Leaf path (`controller.replicas`, `args[0]`) to the source that set it, sorted by path. */
  readonly provenance: Readonly<Record<string, ValueSource>>;
}

/** Whether `value` is a map to merge into, as opposed to a leaf. */
export function isPlainObject(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !SensitiveValue.isSensitive(value);
}

/** Merges `layers` in order, later sources winning, and records which source set each leaf. */
export function mergeValues(layers: readonly ValuesLayer[]): MergedValues {
  let merged: Values = {};
  const provenance = new Map<string, ValueSource>();
  for (const layer of layers) {
    merged = mergeInto(merged, layer.values, layer.source, '', provenance);
  }
  const sorted: Record<string, ValueSource> = {};
  for (const key of [...provenance.keys()].sort()) sorted[key] = provenance.get(key)!;
  return { values: merged, provenance: sorted };
}

function mergeInto(
  base: Values,
  overlay: Values,
  source: ValueSource,
  prefix: string,
  provenance: Map<string, ValueSource>,
): Values {
  const result: Values = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    const path = joinPath(prefix, key);
    if (value === null) {
      delete result[key];
      forgetUnder(path, provenance);
    } else if (isPlainObject(value) && isPlainObject(result[key])) {
      result[key] = mergeInto(result[key] as Values, value, source, path, provenance);
    } else {
      forgetUnder(path, provenance);
      result[key] = clone(value);
      recordLeaves(path, value, source, provenance);
    }
  }
  return result;
}

function recordLeaves(path: string, value: unknown, source: ValueSource, provenance: Map<string, ValueSource>): void {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [key, child] of Object.entries(value)) recordLeaves(joinPath(path, key), child, source, provenance);
  } else if (Array.isArray(value) && value.length > 0) {
    value.forEach((child, i) => recordLeaves(`${path}[${i}]`, child, source, provenance));
  } else {
    provenance.set(path, source);
  }
}

function forgetUnder(path: string, provenance: Map<string, ValueSource>): void {
  for (const key of [...provenance.keys()]) {
    if (key === path || key.startsWith(`${path}.`) || key.startsWith(`${path}[`)) provenance.delete(key);
  }
}

/** Joins a key onto a dotted path, escaping dots inside keys the way Helm's `--set` reads them. */
export function joinPath(prefix: string, key: string): string {
  const escaped = key.replace(/\\/g, '\\\\').replace(/\./g, '\\.');
  return prefix === '' ? escaped : `${prefix}.${escaped}`;
}

/** A deep copy of a values tree; secrets and tokens are kept as they are. */
export function cloneValues<T>(value: T): T {
  return clone(value) as T;
}

function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (isPlainObject(value)) {
    const out: Values = {};
    for (const [k, v] of Object.entries(value)) out[k] = clone(v);
    return out;
  }
  return value;
}
