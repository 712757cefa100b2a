import { ProfileError } from '../errors';
import { driftRuleWithoutPointers, invalidDriftPointer } from '../diagnostics';

/**
 * Fields of some objects of a layer that drift must not report, as in Argo CD's
 * `ignoreDifferences`: JSON pointers (RFC 6901), optionally only for one kind, name or namespace.
 * A `*` segment matches any one segment (`/spec/template/spec/containers/*\/image`). A pointer
 * also covers everything below it.
 */
export interface DriftIgnoreRule {
  /** The pointers to ignore, e.g. `/spec/replicas`. */
  readonly pointers: readonly string[];
  /**
   * Only objects of this kind (`Deployment`).
   * @default - every kind
   */
  readonly kind?: string;
  /**
   * Only objects of this API group (`apps`; `""` for the core group).
   * @default - every group
   */
  readonly group?: string;
  /**
   * Only the object of this name.
   * @default - every name
   */
  readonly name?: string;
  /**
   * Only objects in this namespace.
   * @default - every namespace
   */
  readonly namespace?: string;
}

/** How `cluster-profiles drift` treats a layer's objects. */
export interface DriftOptions {
  /**
   * Fields owned by something else (an autoscaler's replicas, a label a controller sets): a JSON
   * pointer for every object of the layer, or a rule for some of them.
   * @default - none
   */
  readonly ignore?: ReadonlyArray<string | DriftIgnoreRule>;
}

/** Drift options as the install plan records them: every rule in its long form, in order. */
export interface ResolvedDriftOptions {
  readonly ignore: readonly DriftIgnoreRule[];
}

/** Checks a layer's drift options and puts every rule in its long form. */
export function resolveDriftOptions(options: DriftOptions | undefined, where: string): ResolvedDriftOptions {
  const rules = (options?.ignore ?? []).map((rule, i) => {
    const long: DriftIgnoreRule = typeof rule === 'string' ? { pointers: [rule] } : rule;
    if (!Array.isArray(long.pointers) || long.pointers.length === 0) {
      ProfileError.throw(driftRuleWithoutPointers(where, i));
    }
    for (const pointer of long.pointers) {
      const problem = pointerProblem(pointer);
      if (problem) ProfileError.throw(invalidDriftPointer(where, i, pointer, problem));
    }
    return definedOnly({ pointers: [...long.pointers], kind: long.kind, group: long.group, name: long.name, namespace: long.namespace });
  });
  return { ignore: rules };
}

/** Why `pointer` is not a JSON pointer, or undefined when it is one. */
export function pointerProblem(pointer: unknown): string | undefined {
  if (typeof pointer !== 'string') return 'is not a string';
  if (!pointer.startsWith('/')) return 'does not start with /';
  if (/~(?![01])/.test(pointer)) return 'has a ~ that is neither ~0 nor ~1';
  return undefined;
}

/** A JSON pointer's segments, unescaped. */
export function pointerSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A JSON pointer from segments, escaped. */
export function toPointer(segments: readonly string[]): string {
  return segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function definedOnly(rule: DriftIgnoreRule): DriftIgnoreRule {
  return Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined)) as unknown as DriftIgnoreRule;
}
