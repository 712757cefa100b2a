import * as semver from './semver';
import { ProfileError } from './errors';
import { invalidName, invalidSemver } from './diagnostics';

/**
 * Kubernetes and Helm naming rules, checked where a name is declared so that the error names the
 * construct that declared it rather than failing later inside `terraform apply`.
 */

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** Longest Helm release name: Helm stores releases in Secrets named `sh.helm.release.v1.<name>.v<n>`. */
export const MAX_RELEASE_NAME_LENGTH = 53;

/** What kind of name is checked, which decides the rule and the wording of the error. */
export type NameKind = 'layer' | 'namespace' | 'release' | 'profile' | 'cluster' | 'wave' | 'fleet';

const RULES: Record<NameKind, { pattern: RegExp; max: number; rule: string }> = {
  layer: { pattern: DNS_LABEL, max: MAX_RELEASE_NAME_LENGTH, rule: 'a DNS-1123 label of at most 53 characters' },
  release: { pattern: DNS_LABEL, max: MAX_RELEASE_NAME_LENGTH, rule: 'a DNS-1123 label of at most 53 characters' },
  namespace: { pattern: DNS_LABEL, max: 63, rule: 'a DNS-1123 label of at most 63 characters' },
  profile: { pattern: DNS_LABEL, max: 63, rule: 'a DNS-1123 label of at most 63 characters' },
  cluster: {
    pattern: DNS_1035_LABEL,
    max: 63,
    rule: 'a DNS-1035 label of at most 63 characters (it becomes a Terraform provider alias, so it starts with a letter)',
  },
  wave: { pattern: DNS_1035_LABEL, max: 40, rule: 'a DNS-1035 label of at most 40 characters (it becomes a CI job name, so it starts with a letter)' },
  fleet: { pattern: DNS_1035_LABEL, max: 40, rule: 'a DNS-1035 label of at most 40 characters (it names soak stacks and CI workflows, so it starts with a letter)' },
};

/** Throws INVALID_NAME unless `name` follows the rule for its kind. */
export function checkName(kind: NameKind, name: string, path: string): void {
  const { pattern, max, rule } = RULES[kind];
  if (typeof name === 'string' && name.length <= max && pattern.test(name)) return;
  ProfileError.throw(invalidName(path, kind, name, rule, suggestName(name)));
}

function suggestName(name: string): string {
  const cleaned = String(name)
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 53)
    .replace(/-+$/, '');
  return /^[a-z]/.test(cleaned) ? cleaned : `x-${cleaned}`.replace(/-+$/, '');
}

/** Throws INVALID_SEMVER unless `version` is a strict semantic version such as `1.2.3` or `1.2.3-rc.1`. */
export function checkSemver(version: string, path: string, what: string): void {
  if (typeof version === 'string' && semver.valid(version) === version) return;
  ProfileError.throw(invalidSemver(path, what, version));
}
