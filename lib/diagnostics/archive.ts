import { Diagnostic } from '../errors';

function invalidArchive(path: string, message: string, fix: string): Diagnostic {
  return { code: 'PACK_ARCHIVE_INVALID', path, message: `archive ${message}`, fix };
}

/** An archive that is not a gzipped tar. */
export function archiveNotGzippedTar(path: string, problem: string): Diagnostic {
  return invalidArchive(path, `is not a gzipped tar archive (${problem})`, 'repack it with `tar -czf`, or give the unpacked folder');
}

/** An archive entry whose size is not octal digits: damage. */
export function archiveEntrySizeInvalid(path: string, entry: string, size: string): Diagnostic {
  return invalidArchive(path, `has an entry "${entry}" whose size "${size}" is not an octal number`, 'the archive is damaged: repack the pack folder with `tar -czf`');
}

/** An archive holding a link, which packs may not. */
export function archiveHoldsLink(path: string, entry: string): Diagnostic {
  return invalidArchive(path, `holds a link "${entry}"`, 'packs may hold only regular files and folders; replace links with copies');
}

/** An archive entry that is absolute or climbs out with `..`. */
export function archiveEntryEscapes(path: string, entry: string): Diagnostic {
  return invalidArchive(path, `has an entry "${entry}" that escapes the archive's folder`, 'rebuild the archive from inside the pack folder; entries must be relative paths without ".."');
}

/** A file of a pack folder that is a link leading outside it. */
export function linkOutsidePack(path: string, file: string): Diagnostic {
  return { code: 'PACK_ARCHIVE_INVALID', path, message: `"${file}" links outside the pack folder`, fix: 'replace the link with a copy of the file' };
}
