import { Diagnostic } from '../errors';
import { fileLocation } from './place';

const UPDATE_FIX = 'run `CLUSTER_PROFILES_LOCK=update npx cdktf synth` to re-resolve it, and review the change';

/** A directory registry whose folder does not exist; the path is the registry's name. */
export function registryFolderMissing(path: string, directory: string): Diagnostic {
  return {
    code: 'REGISTRY_UNREACHABLE',
    path,
    message: `pack folder "${directory}" does not exist`,
    fix: 'create it, or give DirectoryRegistry the folder that holds your packs',
  };
}

/** A file of a registry (named by the registry's name) that cannot be read at `url`. */
export function registryUnreachable(registry: string, url: string, detail: string): Diagnostic {
  return {
    code: 'REGISTRY_UNREACHABLE',
    path: registry,
    message: `cannot read ${url}: ${detail}`,
    fix: 'check the registry URL and the network, or commit a lockfile entry so synth need not read the registry',
  };
}

/** A Helm repository registry given something that is not an http(s):// or file:// URL. */
export function invalidRegistryUrl(url: string): Diagnostic {
  return {
    code: 'INVALID_REGISTRY_URL',
    path: url,
    message: `"${url}" is not an http(s):// or file:// URL`,
    fix: 'give the URL of the folder that serves index.yaml',
  };
}

/** A Helm repository whose index.yaml (at `indexUrl`) has no `entries` map. */
export function indexWithoutEntries(indexUrl: string): Diagnostic {
  return { code: 'PACK_INVALID', path: indexUrl, message: 'index.yaml has no entries map', fix: 'serve a Helm repository index (helm repo index)' };
}

/** A directory registry holding two packs of one name and version. */
export function packPublishedTwice(path: string, pack: string, version: string, files: readonly string[]): Diagnostic {
  return {
    code: 'PACK_INVALID',
    path,
    message: `pack ${pack} ${version} is published twice: ${files.join(' and ')}`,
    fix: 'keep one of them, or give the other its own name or version in its pack.json',
  };
}

/** A folder of a directory registry that is not a pack; `problem` says why, when known. */
export function notAPack(path: string, problem: string | undefined): Diagnostic {
  return { code: 'PACK_INVALID', path, message: problem ?? 'not a pack', fix: 'add a pack.json with name and version, or move the folder out of the registry' };
}

/** A pack version a registry does not hold. */
export function packNotInRegistry(path: string, pack: string, version: string): Diagnostic {
  return { code: 'PACK_NOT_FOUND', path, message: `pack ${pack} ${version} is not in the registry`, fix: 'check the pack name and version, or add the registry that holds it' };
}

/** A pack none of the catalog's registries holds, at any version. */
export function packNotFound(path: string, pack: string, registries: readonly string[]): Diagnostic {
  return {
    code: 'PACK_NOT_FOUND',
    path,
    message: `pack ${pack} is in none of the registries (${registries.join(', ')})`,
    fix: 'check the pack name, or add the registry that holds it',
  };
}

/** A pack the registries hold, but at no version satisfying the constraint; `seen` lists what they have. */
export function packVersionNotFound(path: string, pack: string, constraint: string, includePrerelease: boolean, seen: readonly string[]): Diagnostic {
  return {
    code: 'VERSION_NOT_FOUND',
    path,
    message: `no version of ${pack} satisfies ${constraint}${includePrerelease ? '' : ' (pre-releases excluded)'}`,
    details: seen.map((s) => `available in ${s}`),
    fix: 'choose a version the registries have, or a train such as "1.x"',
  };
}

/** A chart a Helm repository's index does not list. */
export function chartNotInRepository(path: string, chart: string, repository: string): Diagnostic {
  return { code: 'CHART_NOT_FOUND', path, message: `chart ${chart} is not in the index of ${repository}`, details: [], fix: 'check the chart name and the repository URL' };
}

/** A chart of a Helm repository at no version satisfying the constraint; `available` are the newest. */
export function chartVersionNotFound(path: string, chart: string, repository: string, constraint: string, includePrerelease: boolean, available: readonly string[]): Diagnostic {
  return {
    code: 'VERSION_NOT_FOUND',
    path,
    message: `no version of chart ${chart} in ${repository} satisfies ${constraint}${includePrerelease ? '' : ' (pre-releases excluded)'}`,
    details: [`available: ${available.join(', ')}`],
    fix: 'choose a version the repository has, or a train such as "1.x"',
  };
}

/** A chart archive whose digest differs from the one its repository's index records. */
export function chartDigestMismatch(path: string, actual: string, recorded: string): Diagnostic {
  return {
    code: 'DIGEST_MISMATCH',
    path,
    message: `chart archive has digest ${actual}, but index.yaml records ${recorded}`,
    fix: 'the repository serves an archive that differs from its index: rebuild the index, or ask its owner',
  };
}

/** A locked pack whose content changed since it was locked. */
export function lockedDigestMismatch(path: string, pack: string, version: string, registry: string, actual: string, recorded: string): Diagnostic {
  return {
    code: 'DIGEST_MISMATCH',
    path,
    message: `${pack} ${version} from registry "${registry}" has digest ${actual}, but the lockfile recorded ${recorded}`,
    details: ['the pack changed after it was locked, or the lock entry was edited'],
    fix: 'if the change is intended, run `CLUSTER_PROFILES_LOCK=update npx cdktf synth` and review the change; otherwise restore the pack',
  };
}

/** A lockfile entry that no longer answers its constraint; `why` says what changed. */
export function lockStale(path: string, key: string, why: string): Diagnostic {
  return { code: 'LOCK_STALE', path, message: `the lockfile entry for ${key} is stale: ${why}`, fix: UPDATE_FIX };
}

/** A constraint the lockfile has no entry for, in frozen mode. */
export function lockMissing(path: string, key: string): Diagnostic {
  return {
    code: 'LOCK_MISSING',
    path,
    message: `the lockfile has no entry for ${key}, and the lock mode is frozen`,
    fix: 'synthesize once without CLUSTER_PROFILES_LOCK=frozen and commit the updated cluster-profiles.lock.json',
  };
}

function invalidLockfile(file: string, message: string): Diagnostic {
  return {
    code: 'LOCKFILE_INVALID',
    path: fileLocation(file),
    message: `lockfile ${message}`,
    fix: 'restore it from version control, or delete it and synthesize again to re-resolve every pack',
  };
}

/** A lockfile that is not JSON. */
export function lockfileNotJson(file: string, problem: string): Diagnostic {
  return invalidLockfile(file, `is not valid JSON: ${problem}`);
}

/** A lockfile of another version or shape. */
export function lockfileWrongVersion(file: string, version: number): Diagnostic {
  return invalidLockfile(file, `is not a version ${version} lockfile ({ "lockfileVersion": 1, "packs": { ... } })`);
}

/** A lockfile entry without its version, digest or registry. */
export function lockEntryIncomplete(file: string, key: string): Diagnostic {
  return invalidLockfile(file, `entry "${key}" lacks version, digest or registry`);
}

/** A lock mode other than auto, update or frozen. */
export function invalidLockMode(path: string, mode: string): Diagnostic {
  return { code: 'INVALID_LOCK_MODE', path, message: `lock mode "${mode}" is not auto, update or frozen`, fix: 'set CLUSTER_PROFILES_LOCK to auto, update or frozen' };
}

/** A pack layer with no catalog to resolve it, or several to choose from. */
export function noPackCatalog(path: string, catalogs: number): Diagnostic {
  return {
    code: 'NO_PACK_CATALOG',
    path,
    message: catalogs === 0 ? 'a pack layer needs a PackCatalog, and the app has none' : `the app has ${catalogs} PackCatalogs, so the layer must say which`,
    fix: catalogs === 0 ? "create one before the layer: new PackCatalog(app, 'packs', { registries: [new DirectoryRegistry('packs')] })" : 'pass `catalog` to the pack layer',
  };
}

/** A version constraint that is neither exact, a train nor a range. */
export function invalidVersionConstraint(path: string, constraint: string): Diagnostic {
  return {
    code: 'INVALID_VERSION_CONSTRAINT',
    path,
    message: `version "${constraint}" is not an exact version, a train or a semver range`,
    fix: 'write an exact version ("1.27.5", "24.04"), a train ("1.x", "1.27.x") or a range (">=1.27.0 <1.29.0")',
  };
}
