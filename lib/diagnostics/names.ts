import { Diagnostic } from '../errors';

/** A name that breaks the rule of its kind (layer, namespace, cluster, …). */
export function invalidName(path: string, kind: string, name: string, rule: string, suggestion: string): Diagnostic {
  return {
    code: 'INVALID_NAME',
    path,
    message: `${kind} name "${name}" is not ${rule}`,
    fix: `use lower-case letters, digits and '-', starting and ending with a letter or digit, e.g. "${suggestion}"`,
  };
}

/** A version that must be a strict semantic version (a profile's, say) and is not. */
export function invalidSemver(path: string, what: string, version: string): Diagnostic {
  return {
    code: 'INVALID_SEMVER',
    path,
    message: `${what} "${version}" is not a strict semantic version`,
    fix: 'write MAJOR.MINOR.PATCH with an optional pre-release, e.g. "1.0.0" or "1.2.3-rc.1" (no leading "v")',
  };
}

/** One of our constructs given an id its scope already holds. */
export function duplicateConstructId(path: string, scope: string, id: string, kind: string, existingKind: string, suggestedId: string): Diagnostic {
  return {
    code: 'DUPLICATE_CONSTRUCT_ID',
    path,
    message: `the ${kind} "${id}" cannot be created: ${scope} already has the ${existingKind} "${id}"`,
    fix: `give the ${kind} another construct id, such as "${suggestedId}", or rename the ${existingKind}: construct ids under one scope must differ`,
  };
}
