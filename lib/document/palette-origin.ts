import type { Profile } from '../profile/profile';
import { PackEntry, ProfileDocument, serializeProfileDocument, VariableEntry } from './profile-document';

/**
 * What a profile imported from a Palette document remembers of that document, so that exporting
 * the profile gives Palette's document back: its fields as given (registry metadata, `uid`s,
 * `type`, `tag`, labels, `cloudType`, the values text byte for byte), for every layer and variable
 * that is still declared the way the import declared it.
 */
export interface PaletteOrigin {
  /** The document as read, every field Palette wrote included. */
  readonly document: ProfileDocument;
  /** By layer name: the entry as given, and this library's entry for the layer as imported. */
  readonly layers: ReadonlyMap<string, RememberedEntry<PackEntry>>;
  /** By variable name: the variable as given, and this library's entry for it as imported. */
  readonly variables: ReadonlyMap<string, RememberedEntry<VariableEntry>>;
}

/** A part of a Palette document as given, with what this library wrote for it right after import. */
export interface RememberedEntry<T> {
  readonly given: T;
  /** Canonical JSON of this library's entry right after import: when export writes the same, nothing changed. */
  readonly imported: string;
}

const ORIGIN = Symbol.for('cdktf-cluster-profiles.PaletteOrigin');

/** Records the Palette document a profile was imported from. */
export function rememberPaletteOrigin(profile: Profile, origin: PaletteOrigin): void {
  Object.defineProperty(profile, ORIGIN, { value: origin, enumerable: false });
}

/** The Palette document a profile was imported from, if it was. */
export function paletteOriginOf(profile: Profile): PaletteOrigin | undefined {
  return (profile as unknown as { [ORIGIN]?: PaletteOrigin })[ORIGIN];
}

/** Canonical JSON of a part of a document, to compare two of them. */
export function canonicalJson(value: unknown): string {
  return serializeProfileDocument(value as ProfileDocument);
}
