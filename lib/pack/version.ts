import * as semver from '../semver';
import { ProfileError } from '../errors';
import { invalidVersionConstraint } from '../diagnostics';

/**
 * Pack versions and the constraints that choose them.
 *
 * Palette publishes versions that are not strict semver (`24.04`, `1.5`, `v1.1.0`, `23.07.1`), so
 * a version is kept **as written**: it is the pack's identity and goes back out in documents and
 * the lockfile. To compare and match, each version is read in a normalized form: an optional
 * leading `v`, one to three numeric parts with leading zeros dropped and missing parts as 0, and
 * an optional `-pre-release` and `+build` (`24.04` → 24.4.0, `v1.1.0` → 1.1.0, `1.5` → 1.5.0).
 *
 * Constraints: exact (`1.27.5`, `24.04`, `v1.1.0`: the version as written, or the one whose
 * normalized form equals it), a train (`1.x`, `1.27.x`, `24.x`: the newest release of that
 * train), or any semver range (`>=1.2.0 <2.0.0`, `~1.4.0`), matched on normalized forms.
 * Pre-releases are chosen only when asked for.
 */
export type ConstraintKind = 'exact' | 'train' | 'range';

const VERSION = /^[vV]?(\d+)(?:\.(\d+))?(?:\.(\d+))?(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const TRAIN = /^[vV]?\d+\.(?:x|\d+\.x)$/;

/** The normalized semver form of a version as Palette writes it, or undefined when it is none. */
export function normalizeVersion(version: string): string | undefined {
  const match = VERSION.exec(version.trim());
  if (!match) return undefined;
  const [, major, minor = '0', patch = '0', pre = '', build = ''] = match;
  const normalized = `${Number(major)}.${Number(minor)}.${Number(patch)}${pre}${build}`;
  return semver.valid(normalized) ?? undefined;
}

/** Whether `version` is a version in Palette's sense (see {@link normalizeVersion}). */
export function isVersion(version: string): boolean {
  return normalizeVersion(version) !== undefined;
}

/** Orders two versions by their normalized forms (newest last); versions that are none sort first. */
export function compareVersions(a: string, b: string): number {
  const [na, nb] = [normalizeVersion(a), normalizeVersion(b)];
  if (na === undefined || nb === undefined) return na === nb ? a.localeCompare(b) : na === undefined ? -1 : 1;
  return semver.compare(na, nb) || semver.compareBuild(na, nb) || a.localeCompare(b);
}

/** What a constraint is; throws INVALID_VERSION_CONSTRAINT when it is none of them. */
export function constraintKind(constraint: string, where: string): ConstraintKind {
  if (isVersion(constraint)) return 'exact';
  if (TRAIN.test(constraint)) return 'train';
  if (constraint.trim() !== '' && semver.validRange(constraint) !== null) return 'range';
  return ProfileError.throw(invalidVersionConstraint(where, constraint));
}

/** Whether `version` satisfies `constraint`, both read as Palette writes them. */
export function satisfiesConstraint(version: string, constraint: string, includePrerelease = false): boolean {
  const normalized = normalizeVersion(version);
  if (normalized === undefined) return false;
  if (isVersion(constraint)) return version === constraint || normalized === normalizeVersion(constraint);
  return semver.satisfies(normalized, semverRange(constraint), { includePrerelease });
}

/**
 * The newest of `versions` that satisfies `constraint`, as written, or undefined. For an exact
 * constraint, the version written the same way wins over one that only normalizes the same.
 */
export function newestSatisfying(versions: readonly string[], constraint: string, includePrerelease = false): string | undefined {
  if (isVersion(constraint) && versions.includes(constraint)) return constraint;
  const matching = versions.filter((v) => satisfiesConstraint(v, constraint, includePrerelease));
  return matching.sort(compareVersions).pop();
}

/** `versions` newest first, as written. */
export function sortNewestFirst(versions: readonly string[]): string[] {
  return [...versions].sort(compareVersions).reverse();
}

/**
 * A range from a pack dependency's bounds, as Palette reads them: an empty or missing bound is no
 * bound; a short bound covers its whole train (`maxVersion: "1.27"` admits 1.27.9, `minVersion:
 * "1.27"` starts at 1.27.0). Undefined when neither bound is set.
 */
export function boundsRange(minVersion?: string, maxVersion?: string): string | undefined {
  const parts = [minVersion ? `>=${boundOf(minVersion)}` : '', maxVersion ? `<=${boundOf(maxVersion)}` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** A bound in semver's range syntax: three parts normalized, fewer kept short (an X-range). */
function boundOf(bound: string): string {
  const normalized = normalizeVersion(bound)!;
  const parts = bound.trim().replace(/^[vV]/, '').split(/[-+]/)[0].split('.').length;
  return parts >= 3 ? normalized : normalized.split('.').slice(0, parts).join('.');
}

/** A train or range with `v` prefixes and short versions read the normalized way. */
function semverRange(constraint: string): string {
  if (TRAIN.test(constraint)) return constraint.replace(/^[vV]/, '');
  return constraint;
}
