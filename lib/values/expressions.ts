import { Diagnostic } from '../errors';
import { isPlainObject, Values } from './merge';
import { SensitiveValue } from './sensitive';
import { invalidPipe, macroNotSet, packReferenceLoop, referencedLayerUnknown, referencedValueMissing, sensitiveVariableSpliced, unknownSystemMacro, unknownVariableReference } from '../diagnostics';

/**
 * Palette's expressions inside values, resolved per cluster at synth:
 *   {{ .spectro.var.<name> }}            a profile variable, supplied per cluster
 *   {{ .spectro.system.<path> }}         a system macro (cluster.name, clusterprofile.version, ...)
 *   {{ .spectro.macro.<name> }}          a user macro, set on the cluster
 *   {{ .spectro.pack.<layer>.<path> }}   a value of another layer on the same cluster
 * each optionally piped through `default "x"`, `upper`, `lower`, `trim`, `quote` or
 * `substr <start> <end>`. A value that is exactly one expression takes the type of what it
 * resolves to (a number, a list, a secret); inside a longer string it is spliced in as text.
 * Any other `{{ ... }}` is left alone, since charts and manifests use Go templates of their own.
 */

/** One layer whose values may hold or answer expressions. */
export interface ExpressionLayer {
  readonly name: string;
  /** Other names it answers to in pack references (its pack's name). */
  readonly aliases: readonly string[];
  /** Construct path, for errors. */
  readonly path: string;
  readonly values: Values;
  /** Resolves `.spectro.var.<name>`: the value, or a problem sentence. */
  readonly variable: (name: string) => { value: unknown } | { problem: string; fix: string };
  /** The system macros for this layer, by dotted path. */
  readonly system: Readonly<Record<string, string>>;
  /** User macros, by name. */
  readonly macros: Readonly<Record<string, string>>;
}

// Each pipe is `|` and what follows up to the next `|` or `}`: one way to match, so text that
// never closes (`{{ .spectro.var.x | a | a ...`) fails in linear time instead of backtracking
// exponentially. The spaces around a pipe are trimmed where pipes are applied.
const EXPRESSION = /\{\{\s*\.spectro\.(var|system|macro|pack)\.([A-Za-z0-9_.[\]-]+)\s*((?:\|[^|}]+)*)\}\}/g;

/** Resolves every expression of every layer; returns new values by layer name and all problems. */
export function resolveExpressions(layers: readonly ExpressionLayer[]): { values: Map<string, Values>; diagnostics: Diagnostic[] } {
  const byName = new Map<string, ExpressionLayer>();
  for (const layer of layers) for (const n of [layer.name, ...layer.aliases]) if (!byName.has(n)) byName.set(n, layer);
  const done = new Map<string, Values>();
  /** The `<layer>.<path>` values being resolved, innermost last, to find loops of references. */
  const referencing: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const problem = (diagnostic: Diagnostic): string => {
    diagnostics.push(diagnostic);
    return '';
  };

  const resolveLayer = (layer: ExpressionLayer): Values => {
    const finished = done.get(layer.name);
    if (finished) return finished;
    // Most layers hold no expression: keep their tree instead of copying it (mergeValues made it
    // for this cluster alone). At 100 clusters x 30 layers the copies were 3% of synth (bench/).
    const result = holdsExpression(layer.values) ? (walk(layer.values, (text) => substitute(text, layer)) as Values) : layer.values;
    done.set(layer.name, result);
    return result;
  };

  const lookupOne = (m: RegExpMatchArray, from: ExpressionLayer): unknown => {
    const [whole, kind, path, pipes] = m;
    // A missing macro with `| default "x"` falls back instead of failing.
    const hasDefault = /\|\s*default\b/.test(pipes);
    if (kind === 'var') {
      const found = from.variable(path);
      return 'value' in found ? found.value : problem(unknownVariableReference(from.path, whole, found.problem, found.fix));
    }
    if (kind === 'system') {
      if (Object.hasOwn(from.system, path)) return from.system[path];
      if (hasDefault) return undefined;
      return problem(unknownSystemMacro(from.path, whole, path, Object.keys(from.system)));
    }
    if (kind === 'macro') {
      if (Object.hasOwn(from.macros, path)) return from.macros[path];
      if (hasDefault) return undefined;
      return problem(macroNotSet(from.path, whole, path, Object.keys(from.macros)));
    }
    const [target, ...rest] = path.split('.');
    const layer = byName.get(target);
    if (!layer) {
      return problem(referencedLayerUnknown(from.path, whole, target, [...byName.keys()]));
    }
    const finished = done.get(layer.name);
    if (finished) return lookup(finished, rest.join('.'));
    // Resolve just the value referenced, so that a layer may reference its own values (karpenter's
    // role ARN built from its awsAccountNumber): only a value that leads back to itself is a loop.
    const key = `${layer.name}.${rest.join('.')}`;
    if (referencing.includes(key)) {
      return problem(packReferenceLoop(from.path, [...referencing.slice(referencing.indexOf(key)), key]));
    }
    referencing.push(key);
    const raw = lookup(layer.values, rest.join('.'));
    const value = holdsExpression(raw) ? walk(raw, (text) => substitute(text, layer)) : raw;
    referencing.pop();
    return value;
  };

  const valueOf = (m: RegExpMatchArray, from: ExpressionLayer): unknown => {
    let value = lookupOne(m, from);
    for (const step of m[3].split('|').map((s) => s.trim()).filter(Boolean)) {
      value = applyPipe(step, value, (message, fix) => problem(invalidPipe(from.path, m[0], message, fix)));
    }
    if (value !== undefined || m[1] !== 'pack') return value ?? '';
    const [target, ...rest] = m[2].split('.');
    return problem(referencedValueMissing(from.path, m[0], target, rest.join('.')));
  };

  const substitute = (text: string, from: ExpressionLayer): unknown => {
    const matches = [...text.matchAll(EXPRESSION)];
    if (matches.length === 0) return text;
    if (matches.length === 1 && matches[0][0] === text.trim()) return valueOf(matches[0], from);
    return text.replace(EXPRESSION, (...args) => {
      const value = valueOf(args as unknown as RegExpMatchArray, from);
      if (SensitiveValue.isSensitive(value)) {
        return problem(sensitiveVariableSpliced(from.path, args[0], text));
      }
      return typeof value === 'string' ? value : JSON.stringify(value);
    });
  };

  const values = new Map<string, Values>();
  for (const layer of layers) values.set(layer.name, resolveLayer(layer));
  return { values, diagnostics };
}

function applyPipe(step: string, value: unknown, fail: (message: string, fix: string) => string): unknown {
  const [name, ...args] = step.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
  const text = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  const literal = (a: string | undefined) => (a ?? '').replace(/^"|"$/g, '').replace(/\\(.)/g, '$1');
  switch (name) {
    case 'default':
      return value === undefined || value === '' || value === null ? literal(args[0]) : value;
    case 'upper':
      return text(value).toUpperCase();
    case 'lower':
      return text(value).toLowerCase();
    case 'trim':
      return text(value).trim();
    case 'quote':
      return JSON.stringify(text(value));
    case 'substr':
      return text(value).slice(Number(args[0]), Number(args[1]));
    default:
      return fail(`"${name}" is not a supported function`, 'use default "x", upper, lower, trim, quote or substr <start> <end>');
  }
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

/** Whether any string of the tree may hold an expression: every expression starts with `{{`. */
function holdsExpression(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('{{');
  if (Array.isArray(value)) return value.some(holdsExpression);
  if (isPlainObject(value)) return Object.values(value).some(holdsExpression);
  return false;
}

/** The value at a dotted path with optional `[n]` indexes, or undefined. */
function lookup(values: Values, path: string): unknown {
  let node: unknown = values;
  for (const part of path.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    // Own keys only: `constructor` or `toString` name values, never what every object inherits.
    if (!m || !isPlainObject(node) || !Object.hasOwn(node, m[1])) return undefined;
    node = node[m[1]];
    for (const index of m[2].match(/\d+/g) ?? []) node = Array.isArray(node) ? node[Number(index)] : undefined;
  }
  return node;
}
