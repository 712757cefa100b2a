import * as path from 'path';
import { Construct, IConstruct } from 'constructs';
import { checkFreeId, guardId } from '../construct-id';
import { ProfileError } from '../errors';
import { LockEntry, Lockfile } from './lockfile';
import { Pack } from './pack';
import { HelmRepositoryRegistry, PackRegistry } from './registry';
import { ConstraintKind, constraintKind, newestSatisfying, satisfiesConstraint, sortNewestFirst } from './version';
import { chartNotInRepository, chartVersionNotFound, invalidLockMode, lockedDigestMismatch, lockMissing, lockStale, noPackCatalog, packNotFound, packVersionNotFound } from '../diagnostics';

/** How synth treats the lockfile. */
export type LockMode = 'auto' | 'update' | 'frozen';

/** Props of a {@link PackCatalog}. */
export interface PackCatalogProps {
  /** Registries searched in order; the first with a version that satisfies a constraint wins. */
  readonly registries: readonly PackRegistry[];
  /**
   * The lockfile, relative to the directory the app runs in (where cdktf.json is).
   * @default "cluster-profiles.lock.json"
   */
  readonly lockfile?: string;
  /**
   * `auto` uses locked versions and locks new constraints; `update` re-resolves every constraint
   * and prints each change as old -> new; `frozen` fails on any constraint the lockfile lacks
   * (for CI).
   * @default - the CLUSTER_PROFILES_LOCK environment variable, else "auto"
   */
  readonly mode?: LockMode;
}

/** A pack version chosen for a constraint, with where it came from. */
export interface ResolvedPack {
  readonly pack: Pack;
  readonly constraint: string;
  readonly constraintKind: ConstraintKind;
  readonly registry: string;
}

/**
 * The packs an app can use: registries plus the lockfile that pins what each constraint resolved
 * to. Resolution happens at synth; a constraint the lockfile answers reads no registry index,
 * and the pack's content is checked against the locked digest.
 */
export class PackCatalog extends Construct {
  /** Whether `x` is a catalog. */
  static isCatalog(x: unknown): x is PackCatalog {
    return typeof x === 'object' && x !== null && (x as { [CATALOG_SYMBOL]?: true })[CATALOG_SYMBOL] === true;
  }

  /** The catalog of the app `scope` belongs to, when it has exactly one. */
  static of(scope: IConstruct, where: string): PackCatalog {
    const catalogs = scope.node.root.node.findAll().filter(PackCatalog.isCatalog);
    if (catalogs.length === 1) return catalogs[0];
    return ProfileError.throw(noPackCatalog(where, catalogs.length));
  }

  /** The registries, in search order. */
  public readonly registries: readonly PackRegistry[];
  /** The lock mode in force. */
  public readonly mode: LockMode;
  private readonly lockfilePath: string;
  private lockfile?: Lockfile;
  private readonly resolved = new Map<string, ResolvedPack>();
  private readonly resolvedCharts = new Map<string, string>();
  private readonly repositories = new Map<string, HelmRepositoryRegistry>();
  private readonly changes: string[] = [];

  constructor(scope: Construct, id: string, props: PackCatalogProps) {
    checkFreeId(scope, id, 'PackCatalog');
    super(scope, id);
    guardId(this, 'PackCatalog');
    Object.defineProperty(this, CATALOG_SYMBOL, { value: true });
    this.registries = [...props.registries];
    this.lockfilePath = path.resolve(props.lockfile ?? 'cluster-profiles.lock.json');
    const mode = props.mode ?? process.env.CLUSTER_PROFILES_LOCK ?? 'auto';
    if (!['auto', 'update', 'frozen'].includes(mode)) {
      ProfileError.throw(invalidLockMode(this.node.path, mode));
    }
    this.mode = mode as LockMode;
  }

  /** Resolves a pack constraint, once per catalog; `where` names the layer asking. */
  public resolve(packName: string, constraint: string, where: string, includePrerelease = false): ResolvedPack {
    const kind = constraintKind(constraint, where);
    const key = Lockfile.key(packName, constraint, includePrerelease);
    const known = this.resolved.get(key);
    if (known) return known;
    const lock = (this.lockfile ??= Lockfile.read(this.lockfilePath));
    const entry = lock.get(key);
    let result: ResolvedPack;
    if (entry && this.mode !== 'update') {
      result = this.fromLock(packName, constraint, kind, entry, where, includePrerelease);
    } else if (this.mode === 'frozen') {
      return ProfileError.throw(lockMissing(where, key));
    } else {
      result = this.fromRegistries(packName, constraint, kind, where, includePrerelease);
      this.lock(lock, key, { version: result.pack.manifest.version, digest: result.pack.digest, registry: result.registry });
    }
    this.resolved.set(key, result);
    return result;
  }

  /**
   * Resolves a train or range of a chart in a Helm repository to an exact version, once per
   * catalog, and pins it in the lockfile with the archive digest the repository's index records:
   * helm_release installs only exact versions, so a range left to deploy time never deploys
   * ("Planned version is different from configured version"). A locked constraint reads no index.
   *
   * @param repository the repository URL (the folder holding index.yaml)
   * @param where the layer asking, for errors
   */
  public resolveChart(repository: string, chart: string, constraint: string, where: string, includePrerelease = false): string {
    const key = `helm:${repository}/${chart}@${constraint}${includePrerelease ? ' (pre-releases)' : ''}`;
    const known = this.resolvedCharts.get(key);
    if (known) return known;
    const lock = (this.lockfile ??= Lockfile.read(this.lockfilePath));
    const entry = lock.get(key);
    let version: string;
    if (entry && this.mode !== 'update') {
      if (!satisfiesConstraint(entry.version, constraint, includePrerelease)) {
        ProfileError.throw(lockStale(where, key, `version ${entry.version} does not satisfy ${constraint}`));
      }
      version = entry.version;
    } else if (this.mode === 'frozen') {
      return ProfileError.throw(lockMissing(where, key));
    } else {
      if (!this.repositories.has(repository)) this.repositories.set(repository, new HelmRepositoryRegistry(repository));
      const index = this.repositories.get(repository)!;
      const versions = index.versions(chart);
      const found = newestSatisfying(versions, constraint, includePrerelease);
      if (found === undefined) {
        return ProfileError.throw(
          versions.length > 0
            ? chartVersionNotFound(where, chart, repository, constraint, includePrerelease, newest(versions))
            : chartNotInRepository(where, chart, repository),
        );
      }
      version = found;
      this.lock(lock, key, { version, digest: index.archiveDigest(chart, version) ?? '', registry: repository });
    }
    this.resolvedCharts.set(key, version);
    return version;
  }

  /** Records a resolution in the lockfile, and what changed for `update` mode to print. */
  private lock(lock: Lockfile, key: string, next: LockEntry): void {
    const entry = lock.get(key);
    if (!entry) this.changes.push(`${key}: (new) -> ${next.version}`);
    else if (entry.version !== next.version || entry.digest !== next.digest) {
      this.changes.push(`${key}: ${entry.version} -> ${next.version}${entry.version === next.version ? ' (content changed)' : ''}`);
    }
    lock.set(key, next);
  }

  /**
   * Writes the lockfile if resolution changed it, and in update mode prints every change.
   * Called after synth succeeded, so a failed synth leaves the lockfile as it was.
   */
  public saveLockfile(): void {
    if (!this.lockfile?.changed) return;
    this.lockfile.save();
    if (this.mode === 'update') {
      const lines = this.changes.length > 0 ? this.changes : ['no changes'];
      process.stderr.write(`cluster-profiles: updated ${path.basename(this.lockfilePath)}\n${lines.map((l) => `  ${l}\n`).join('')}`);
    }
  }

  private fromLock(
    packName: string,
    constraint: string,
    kind: ConstraintKind,
    entry: { version: string; digest: string; registry: string },
    where: string,
    includePrerelease: boolean,
  ): ResolvedPack {
    const key = Lockfile.key(packName, constraint, includePrerelease);
    const stale = (why: string): never => ProfileError.throw(lockStale(where, key, why));
    if (!satisfiesConstraint(entry.version, constraint, includePrerelease)) stale(`version ${entry.version} does not satisfy ${constraint}`);
    const registry = this.registries.find((r) => r.name === entry.registry);
    if (!registry) stale(`registry "${entry.registry}" is not configured (have: ${this.registries.map((r) => r.name).join(', ')})`);
    let pack: Pack;
    try {
      pack = registry!.load(packName, entry.version);
    } catch (e) {
      if (e instanceof ProfileError && e.code === 'PACK_NOT_FOUND') stale(`${packName} ${entry.version} is no longer in registry "${entry.registry}"`);
      throw e;
    }
    if (pack.digest !== entry.digest) {
      ProfileError.throw(lockedDigestMismatch(where, packName, entry.version, entry.registry, pack.digest, entry.digest));
    }
    return { pack, constraint, constraintKind: kind, registry: registry!.name };
  }

  private fromRegistries(packName: string, constraint: string, kind: ConstraintKind, where: string, includePrerelease: boolean): ResolvedPack {
    const seen: string[] = [];
    for (const registry of this.registries) {
      const versions = registry.versions(packName);
      const version = newestSatisfying(versions, constraint, includePrerelease);
      if (version) return { pack: registry.load(packName, version), constraint, constraintKind: kind, registry: registry.name };
      if (versions.length > 0) seen.push(`${registry.name}: ${newest(versions).join(', ')}`);
    }
    return ProfileError.throw(
      seen.length > 0
        ? packVersionNotFound(where, packName, constraint, includePrerelease, seen)
        : packNotFound(where, packName, this.registries.map((r) => r.name)),
    );
  }
}

/** The newest few versions, for error messages. */
function newest(versions: readonly string[]): string[] {
  const sorted = sortNewestFirst(versions);
  return sorted.length > 5 ? [...sorted.slice(0, 5), `… ${sorted.length - 5} more`] : sorted;
}

const CATALOG_SYMBOL = Symbol.for('cdktf-cluster-profiles.PackCatalog');
