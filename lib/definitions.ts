/**
 * A counter of changes to definitions (profiles and their layers). Profiles do not know the
 * clusters that run them, so a cluster compares this counter to the one its cached plan was made
 * at, and plans again when a profile or layer changed since (a value set after `plan()`, say).
 */
let revision = 0;

/** Records that a profile or a layer changed. */
export function definitionsChanged(): void {
  revision++;
}

/** The current revision of the definitions. */
export function definitionsRevision(): number {
  return revision;
}
