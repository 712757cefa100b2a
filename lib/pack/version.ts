import * as semver from 'semver';
import { ProfileError } from '../errors';

/**
 * Pack version constraints: exact (`1.27.5`), a train (`1.x`, `1.1.x`: the newest release of
 * that train), or any semver range (`>=1.2.0 <2.0.0`, `~1.4.0`). Pre-releases are chosen only
 * when asked for.
 */
export type ConstraintKind = 'exact' | 'train' | 'range';

/** What a constraint is; throws INVALID_VERSION_CONSTRAINT when it is none of them. */
export function constraintKind(constraint: string, where: string): ConstraintKind {
  if (semver.valid(constraint) === constraint) return 'exact';
  if (/^\d+\.(x|\d+\.x)$/.test(constraint)) return 'train';
  if (semver.validRange(constraint) !== null && constraint.trim() !== '') return 'range';
  return ProfileError.throw({
    code: 'INVALID_VERSION_CONSTRAINT',
    path: where,
    message: `version "${constraint}" is not an exact version, a train or a semver range`,
    fix: 'write an exact version ("1.27.5"), a train ("1.x", "1.27.x") or a range (">=1.27.0 <1.29.0")',
  });
}

/** Whether `version` satisfies `constraint`. */
export function satisfiesConstraint(version: string, constraint: string, includePrerelease = false): boolean {
  return semver.satisfies(version, constraint, { includePrerelease });
}

/** The newest of `versions` that satisfies `constraint`, or undefined. */
export function newestSatisfying(versions: readonly string[], constraint: string, includePrerelease = false): string | undefined {
  return semver.maxSatisfying([...versions].filter((v) => semver.valid(v) !== null), constraint, { includePrerelease }) ?? undefined;
}
