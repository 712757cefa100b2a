/**
 * Palette lets a profile's name hold spaces and capitals (`ML Ops`); this library's profile
 * names become file names and parts of Terraform addresses, so they are DNS-1123 labels. A name
 * Palette allows is kept as the profile's display name, and the profile's name is derived from it.
 */

/** Longest profile name (a DNS-1123 label). */
const MAX_PROFILE_NAME_LENGTH = 63;

/**
 * The profile name derived from a Palette name: lower case, each run of characters other than
 * letters and digits made one `-`, no `-` at either end, at most 63 characters; `profile` when
 * nothing is left. A name that is already valid is unchanged. `ML Ops` gives `ml-ops`,
 * `Edge (prod) v2` gives `edge-prod-v2`.
 */
export function profileNameFrom(name: string): string {
  if (name.length <= MAX_PROFILE_NAME_LENGTH && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) return name;
  const derived = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_PROFILE_NAME_LENGTH)
    .replace(/-+$/, '');
  return derived === '' ? 'profile' : derived;
}
