import * as zlib from 'zlib';
import { ProfileError } from '../errors';
import { archiveEntryEscapes, archiveEntrySizeInvalid, archiveHoldsLink, archiveNotGzippedTar } from '../diagnostics';

/**
 * Gzipped tar archives (`.tgz`, `.tar.gz`), read and written in memory: packs are distributed as
 * archives, and Helm charts inside packs are archives too. Only regular files and folders are
 * kept; an entry whose path leaves the archive's root is an error, so no pack can write outside
 * its folder.
 */

/** Reads every regular file of a gzipped tar archive, by normalized relative path. */
export function readArchive(archive: Buffer, where: string): Map<string, Buffer> {
  let tar: Buffer;
  try {
    tar = zlib.gunzipSync(archive);
  } catch (e) {
    return ProfileError.throw(archiveNotGzippedTar(where, (e as Error).message));
  }
  const files = new Map<string, Buffer>();
  let offset = 0;
  let longName: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const sizeField = field(header, 124, 12).trim();
    const type = String.fromCharCode(header[156] || 48);
    const prefix = field(header, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    longName = undefined;
    // A size that is not octal digits (a negative one read back to the same block forever) is damage.
    if (!/^[0-7]*$/.test(sizeField)) ProfileError.throw(archiveEntrySizeInvalid(where, name, sizeField));
    const size = parseInt(sizeField || '0', 8);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = body.toString('utf8').replace(/\0+$/, '');
      continue;
    }
    const relative = safePath(name, where);
    if (type === '0' || type === '\0' || type === '7') files.set(relative, Buffer.from(body));
    else if (type === '2' || type === '1') {
      ProfileError.throw(archiveHoldsLink(where, name));
    }
  }
  return files;
}

/** The archive's path, normalized; throws when it is absolute or climbs out with `..`. */
function safePath(name: string, where: string): string {
  const parts = name.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.');
  if (name.startsWith('/') || parts.includes('..')) {
    ProfileError.throw(archiveEntryEscapes(where, name));
  }
  return parts.join('/');
}

function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

/**
 * Writes a gzipped tar archive of `files` (relative path to content), deterministic: sorted
 * entries, zero times and owners, so the same files always give the same bytes and digest.
 */
export function writeArchive(files: ReadonlyMap<string, Buffer>): Buffer {
  const blocks: Buffer[] = [];
  for (const name of [...files.keys()].sort()) {
    const content = files.get(name)!;
    if (Buffer.byteLength(name) > 100) {
      blocks.push(header('././@LongLink', Buffer.byteLength(name) + 1, 'L'), pad(Buffer.from(`${name}\0`)));
    }
    blocks.push(header(name.slice(0, 100), content.length, '0'), pad(content));
  }
  blocks.push(Buffer.alloc(1024));
  return zlib.gzipSync(Buffer.concat(blocks), { level: 9 });
}

function header(name: string, size: number, type: string): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.write('        ', 148);
  h.write(type, 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  const checksum = h.reduce((sum, b) => sum + b, 0);
  h.write(`${checksum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

function pad(content: Buffer): Buffer {
  const rest = content.length % 512;
  return rest === 0 ? content : Buffer.concat([content, Buffer.alloc(512 - rest)]);
}
