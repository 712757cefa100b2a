import { Diagnostic, withSuggestions } from '../errors';
import { isPlainObject, Values } from './merge';

/**
 * Pack references: `{{ .spectro.pack.<layer>.<path> }}` in a value is replaced by the value at
 * `<path>` of another layer on the same cluster (named by its layer name or its pack name), with
 * an optional `| default "text"`. The classic case is the Kubernetes layer's pod CIDR flowing
 * into the CNI layer. A value that is only a reference takes the referenced value's type.
 */

/** One layer whose values may hold or answer references. */
export interface ReferencingLayer {
  readonly name: string;
  /** Other names it answers to (its pack's name). */
  readonly aliases: readonly string[];
  /** Construct path, for errors. */
  readonly path: string;
  readonly values: Values;
}

const REFERENCE = /\{\{\s*\.spectro\.pack\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_.[\]-]+)\s*(?:\|\s*default\s+"((?:[^"\\]|\\.)*)"\s*)?\}\}/g;

/** Replaces every pack reference; returns the new values by layer name and any problems. */
export function resolvePackReferences(layers: readonly ReferencingLayer[]): { values: Map<string, Values>; diagnostics: Diagnostic[] } {
  const byName = new Map<string, ReferencingLayer>();
  for (const layer of layers) for (const n of [layer.name, ...layer.aliases]) if (!byName.has(n)) byName.set(n, layer);
  const done = new Map<string, Values>();
  const inProgress: string[] = [];
  const diagnostics: Diagnostic[] = [];

  const resolveLayer = (layer: ReferencingLayer): Values => {
    const finished = done.get(layer.name);
    if (finished) return finished;
    inProgress.push(layer.name);
    const result = walk(layer.values, (text) => substitute(text, layer)) as Values;
    inProgress.pop();
    done.set(layer.name, result);
    return result;
  };

  const substitute = (text: string, from: ReferencingLayer): unknown => {
    const matches = [...text.matchAll(REFERENCE)];
    if (matches.length === 0) return text;
    const valueOf = (m: RegExpMatchArray): unknown => {
      const [, target, path, fallback] = m;
      const layer = byName.get(target);
      if (!layer) {
        diagnostics.push({
          code: 'UNKNOWN_PACK_REFERENCE',
          path: from.path,
          message: `"${m[0]}" names layer "${target}", which is not on this cluster`,
          fix: withSuggestions('reference a layer or pack attached to the same cluster', target, [...byName.keys()]),
        });
        return '';
      }
      if (inProgress.includes(layer.name)) {
        diagnostics.push({
          code: 'UNKNOWN_PACK_REFERENCE',
          path: from.path,
          message: `pack references form a loop: ${[...inProgress, layer.name].join(' -> ')}`,
          fix: 'make one of these values a literal',
        });
        return '';
      }
      const found = lookup(resolveLayer(layer), path);
      if (found !== undefined) return found;
      if (fallback !== undefined) return fallback.replace(/\\(.)/g, '$1');
      diagnostics.push({
        code: 'UNKNOWN_PACK_REFERENCE',
        path: from.path,
        message: `"${m[0]}": layer "${layer.name}" has no value at ${path}`,
        fix: `set ${path} on layer "${layer.name}", or add | default "value" to the reference`,
      });
      return '';
    };
    if (matches.length === 1 && matches[0][0] === text.trim()) return valueOf(matches[0]);
    return text.replace(REFERENCE, (...args) => {
      const value = valueOf(args as unknown as RegExpMatchArray);
      return typeof value === 'string' ? value : JSON.stringify(value);
    });
  };

  const values = new Map<string, Values>();
  for (const layer of layers) values.set(layer.name, resolveLayer(layer));
  return { values, diagnostics };
}

function walk(value: unknown, onString: (text: string) => unknown): unknown {
  if (typeof value === 'string') return onString(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, onString));
  if (isPlainObject(value)) {
    const out: Values = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v, onString);
    return out;
  }
  return value;
}

/** The value at a dotted path with optional `[n]` indexes, or undefined. */
function lookup(values: Values, path: string): unknown {
  let node: unknown = values;
  for (const part of path.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m || !isPlainObject(node)) return undefined;
    node = node[m[1]];
    for (const index of m[2].match(/\d+/g) ?? []) node = Array.isArray(node) ? node[Number(index)] : undefined;
  }
  return node;
}
