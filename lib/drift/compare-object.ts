import { createHash } from 'crypto';
import { DriftIgnoreRule, pointerSegments, toPointer } from './drift-options';
import { isSetList, mergeKeyOf } from './merge-keys';

/** One field whose live value is not the expected one. */
export interface FieldDrift {
  /** JSON pointer into the expected object (list items by their index there). */
  readonly field: string;
  /** What the release's manifest sets; `(sensitive)` for a Secret's data. */
  readonly expected: unknown;
  /** What the server holds; absent when the field is gone. `(sensitive)` for a Secret's data. */
  readonly live?: unknown;
  /**
   * The field with list items named by their merge key, when it is inside one:
   * `spec.template.spec.containers[name=web].env[name=A].value`, say.
   */
  readonly path?: string;
  /** A Secret's value: compared by SHA-256 digest, never shown. */
  readonly sensitive?: true;
}

/** What a comparison found. */
export interface ObjectComparison {
  readonly fields: readonly FieldDrift[];
  /** Differing fields an ignore rule covered. */
  readonly ignored: readonly string[];
}

/** The object an ignore rule is matched against. */
interface Identity {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/** Fields the server or controllers own: never drift, whatever a manifest says about them. */
const SERVER_FIELDS: readonly string[] = [
  '/apiVersion',
  '/kind',
  '/status',
  '/metadata/managedFields',
  '/metadata/resourceVersion',
  '/metadata/uid',
  '/metadata/creationTimestamp',
  '/metadata/generation',
  '/metadata/selfLink',
  '/metadata/deletionTimestamp',
  '/metadata/deletionGracePeriodSeconds',
  '/metadata/namespace',
];

/**
 * Rules every layer gets: the CA bundles that webhooks and cert injectors write into the objects
 * that call them (cert-manager's cainjector, a chart's own webhook).
 */
export const DEFAULT_IGNORE_RULES: readonly DriftIgnoreRule[] = [
  { kind: 'CustomResourceDefinition', pointers: ['/spec/conversion/webhook/clientConfig/caBundle'] },
  { kind: 'MutatingWebhookConfiguration', pointers: ['/webhooks/*/clientConfig/caBundle'] },
  { kind: 'ValidatingWebhookConfiguration', pointers: ['/webhooks/*/clientConfig/caBundle'] },
  { kind: 'APIService', pointers: ['/spec/caBundle'] },
];

/**
 * Compares an object of a release's manifest with the live object. Only fields the manifest sets
 * count: a field it does not set (a default the API server adds, an annotation a controller
 * writes) is never drift. A zero value (`""`, `0`, `false`, `{}`, `[]`) the server drops is no
 * drift either. Lists the API merges by key match items by key, so their order does not matter;
 * other lists compare item by item. Resource quantities compare by value (`0.5` is `500m`).
 * A Secret's `data` and `stringData` compare by SHA-256 digest and are reported as `(sensitive)`.
 */
export function compareObject(expected: Record<string, unknown>, live: Record<string, unknown>, rules: readonly DriftIgnoreRule[] = []): ObjectComparison {
  const identity = identityOf(expected);
  const applying = [...DEFAULT_IGNORE_RULES, ...rules].filter((r) => ruleApplies(r, identity)).flatMap((r) => r.pointers.map(pointerSegments));
  const found: FieldDrift[] = [];
  let wanted = expected;
  if (identity.kind === 'Secret' && identity.apiVersion === 'v1') {
    found.push(...compareSecretData(expected, live));
    const { data: _data, stringData: _stringData, ...rest } = expected;
    wanted = rest;
  }
  compareValue(wanted, live, [], found);
  const fields: FieldDrift[] = [];
  const ignored: string[] = [];
  for (const drift of found) {
    const segments = pointerSegments(drift.field);
    if (SERVER_FIELDS.some((f) => startsWith(segments, pointerSegments(f)))) continue;
    if (applying.some((rule) => startsWith(segments, rule))) ignored.push(drift.field);
    else fields.push(drift);
  }
  return { fields, ignored };
}

function identityOf(object: Record<string, unknown>): Identity {
  const metadata = (object.metadata ?? {}) as Record<string, unknown>;
  return {
    apiVersion: String(object.apiVersion ?? ''),
    kind: String(object.kind ?? ''),
    name: String(metadata.name ?? ''),
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
  };
}

/** Whether an ignore rule's kind, group, name and namespace select this object. */
export function ruleApplies(rule: DriftIgnoreRule, object: Identity): boolean {
  const group = object.apiVersion.includes('/') ? object.apiVersion.split('/')[0] : '';
  return (
    (rule.kind === undefined || rule.kind === object.kind) &&
    (rule.group === undefined || rule.group === group) &&
    (rule.name === undefined || rule.name === object.name) &&
    (rule.namespace === undefined || rule.namespace === object.namespace)
  );
}

/** Whether `segments` is `prefix` or below it; `*` in the prefix matches any one segment. */
function startsWith(segments: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= segments.length && prefix.every((p, i) => p === '*' || p === segments[i]);
}

function compareValue(expected: unknown, live: unknown, at: string[], found: FieldDrift[], readable: string[] = at): void {
  if (expected === null || expected === undefined) return; // null in YAML unsets: nothing to hold
  if (live === undefined && isZero(expected)) return;
  if (isMap(expected)) {
    if (!isMap(live)) {
      found.push(drift(at, expected, live, readable));
      return;
    }
    for (const key of Object.keys(expected).sort()) compareValue(expected[key], live[key], [...at, key], found, [...readable, key]);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(live)) found.push(drift(at, expected, live, readable));
    else compareList(expected, live, at, found, readable);
    return;
  }
  if (!sameScalar(expected, live, at)) found.push(drift(at, expected, live, readable));
}

function compareList(expected: unknown[], live: unknown[], at: string[], found: FieldDrift[], readable: string[]): void {
  const key = mergeKeyOf(at);
  if (key && expected.every((e) => isMap(e) && e[key] !== undefined)) {
    expected.forEach((e, i) => {
      const value = (e as Record<string, unknown>)[key];
      const match = live.find((l) => isMap(l) && sameScalar(value, l[key], at));
      const named = [...readable, `[${key}=${String(value)}]`];
      if (match === undefined) found.push(drift([...at, String(i)], e, undefined, named));
      else compareValue(e, match, [...at, String(i)], found, named);
    });
    return;
  }
  if (isSetList(at)) {
    expected.forEach((e, i) => {
      if (!live.some((l) => sameScalar(e, l, at))) found.push(drift([...at, String(i)], e, undefined, [...readable, String(i)]));
    });
    return;
  }
  if (expected.length !== live.length) {
    found.push(drift(at, expected, live, readable));
    return;
  }
  expected.forEach((e, i) => compareValue(e, live[i], [...at, String(i)], found, [...readable, String(i)]));
}

function compareSecretData(expected: Record<string, unknown>, live: Record<string, unknown>): FieldDrift[] {
  const want = new Map<string, string>();
  for (const [k, v] of Object.entries((expected.data ?? {}) as Record<string, unknown>)) if (v !== null) want.set(k, digest(Buffer.from(String(v), 'base64')));
  // The server folds stringData into data and never returns it.
  for (const [k, v] of Object.entries((expected.stringData ?? {}) as Record<string, unknown>)) if (v !== null) want.set(k, digest(Buffer.from(String(v), 'utf8')));
  const have = (live.data ?? {}) as Record<string, unknown>;
  const drifts: FieldDrift[] = [];
  for (const k of [...want.keys()].sort()) {
    const liveValue = have[k];
    if (typeof liveValue === 'string' && digest(Buffer.from(liveValue, 'base64')) === want.get(k)) continue;
    drifts.push({ field: toPointer(['data', k]), expected: '(sensitive)', ...(liveValue === undefined ? {} : { live: '(sensitive)' }), sensitive: true });
  }
  return drifts;
}

function digest(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

function drift(at: readonly string[], expected: unknown, live: unknown, readable: readonly string[]): FieldDrift {
  const keyed = readable.some((r) => r.startsWith('['));
  const path = readable.map((r, i) => (r.startsWith('[') || i === 0 ? r : `.${r}`)).join('');
  return { field: toPointer(at), expected, ...(live === undefined ? {} : { live }), ...(keyed ? { path } : {}) };
}

function isMap(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isZero(x: unknown): boolean {
  return x === '' || x === 0 || x === false || (Array.isArray(x) && x.length === 0) || (isMap(x) && Object.values(x).every((v) => v === null || isZero(v)));
}

/** Where quantities live: resources of containers and claims, quotas, limit ranges, capacities. */
const QUANTITY_PARENTS: ReadonlySet<string> = new Set(['requests', 'limits', 'hard', 'capacity', 'allocatable', 'default', 'defaultRequest', 'max', 'min']);

function sameScalar(expected: unknown, live: unknown, at: readonly string[]): boolean {
  if (expected === live) return true;
  if (live === undefined || live === null) return false;
  if (typeof expected !== typeof live && String(expected) === String(live)) return true; // 80 and "80"
  if (at.length >= 2 && QUANTITY_PARENTS.has(at[at.length - 2])) {
    const a = quantity(expected);
    const b = quantity(live);
    return a !== undefined && b !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  }
  return false;
}

const SUFFIXES: Readonly<Record<string, number>> = {
  '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60, n: 1e-9, u: 1e-6,
};

/** A Kubernetes quantity (`500m`, `1Gi`, `1e3`, `0.5`) as a number, or undefined. */
export function quantity(value: unknown): number | undefined {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/.exec(String(value).trim());
  if (!m) return undefined;
  const base = Number(m[1]);
  if (m[2]) return base * 10 ** Number(m[2].slice(1));
  return base * SUFFIXES[m[3] ?? ''];
}
