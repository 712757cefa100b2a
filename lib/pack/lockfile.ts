import * as fs from 'fs';
import { ProfileError } from '../errors';
import { isPlainObject } from '../values/merge';
import { lockEntryIncomplete, lockfileNotJson, lockfileWrongVersion } from '../diagnostics';

/** What the lockfile records for one pack constraint. */
export interface LockEntry {
  /** The version the constraint resolved to. */
  readonly version: string;
  /** `sha256:` digest of the pack's files. */
  readonly digest: string;
  /** The registry that served it. */
  readonly registry: string;
}

/** Format version of the lockfile. */
export const LOCKFILE_VERSION = 1;

/**
 * The lockfile, `cluster-profiles.lock.json` beside cdktf.json: for every `<pack>@<constraint>`
 * the resolved version and content digest, so two synths of the same code give the same plan
 * until the user asks for an update. Written sorted, so diffs in review are minimal.
 */
export class Lockfile {
  /** Reads a lockfile; a missing file is an empty lockfile. */
  static read(file: string): Lockfile {
    if (!fs.existsSync(file)) return new Lockfile(file, new Map());
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      return ProfileError.throw(lockfileNotJson(file, (e as Error).message));
    }
    if (!isPlainObject(json) || json.lockfileVersion !== LOCKFILE_VERSION || !isPlainObject(json.packs)) {
      return ProfileError.throw(lockfileWrongVersion(file, LOCKFILE_VERSION));
    }
    const entries = new Map<string, LockEntry>();
    for (const [key, entry] of Object.entries(json.packs)) {
      if (!isPlainObject(entry) || typeof entry.version !== 'string' || typeof entry.digest !== 'string' || typeof entry.registry !== 'string') {
        return ProfileError.throw(lockEntryIncomplete(file, key));
      }
      entries.set(key, { version: entry.version, digest: entry.digest, registry: entry.registry });
    }
    return new Lockfile(file, entries);
  }

  /**
   * The key of a pack constraint: `<pack>@<constraint>`, and ` (pre-releases)` after it when the
   * constraint may resolve to a pre-release, since then it may resolve to another version.
   */
  static key(packName: string, constraint: string, includePrerelease = false): string {
    return `${packName}@${constraint}${includePrerelease ? ' (pre-releases)' : ''}`;
  }

  private readonly original: string;

  private constructor(
    public readonly file: string,
    private readonly entries: Map<string, LockEntry>,
  ) {
    this.original = this.serialize();
  }

  get(key: string): LockEntry | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: LockEntry): void {
    this.entries.set(key, entry);
  }

  /** Every entry, sorted by key. */
  all(): Array<[string, LockEntry]> {
    return [...this.entries].sort(([a], [b]) => (a < b ? -1 : 1));
  }

  /** Whether entries changed since the file was read. */
  get changed(): boolean {
    return this.serialize() !== this.original;
  }

  /** Writes the lockfile (atomically: a temporary file renamed over it) when it changed. */
  save(): void {
    if (!this.changed) return;
    fs.writeFileSync(`${this.file}.tmp`, this.serialize());
    fs.renameSync(`${this.file}.tmp`, this.file);
  }

  private serialize(): string {
    const packs: Record<string, LockEntry> = {};
    for (const [key, e] of this.all()) packs[key] = { version: e.version, digest: e.digest, registry: e.registry };
    return `${JSON.stringify({ lockfileVersion: LOCKFILE_VERSION, packs }, null, 2)}\n`;
  }
}
