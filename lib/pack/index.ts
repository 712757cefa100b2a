/**
 * `cdktf-cluster-profiles/pack`: pack archives and digests as registries and the lockfile use
 * them, for tools that build or check packs: `writeArchive` makes the deterministic `.tgz` a
 * DirectoryRegistry reads, `readArchive` reads one, `contentDigest` is the digest the lockfile
 * records for a pack, `blobDigest` the `sha256:` of one file (a Helm repository's archive).
 * Registries, the catalog and the lockfile themselves are on the package's main entry point.
 */
export { readArchive, writeArchive } from './archive';
export { blobDigest, contentDigest } from '../digest';
