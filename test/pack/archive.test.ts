import * as zlib from 'zlib';
import { readArchive, writeArchive } from '../../lib/pack';
import { profileError } from '../helpers';

/** A tar archive with one entry named `name`, gzipped, built by hand to allow hostile names and sizes. */
function archiveWithEntry(name: string, size = '00000000002'): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 100);
  header.write('0000644\0', 100);
  header.write(`${size}\0`, 124);
  header.write('0', 156);
  header.write('        ', 148);
  const sum = header.reduce((s, b) => s + b, 0);
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  const body = Buffer.alloc(512);
  body.write('hi');
  return zlib.gzipSync(Buffer.concat([header, body, Buffer.alloc(1024)]));
}

describe('pack archives', () => {
  it('reads back what it wrote, with long names', () => {
    const long = `${'deep/'.repeat(30)}file.yaml`;
    const files = new Map([
      ['pack.json', Buffer.from('{}')],
      [long, Buffer.from('x: 1\n')],
    ]);
    const read = readArchive(writeArchive(files), 'test');
    expect([...read.keys()].sort()).toEqual([long, 'pack.json'].sort());
    expect(read.get(long)!.toString()).toBe('x: 1\n');
  });

  it('writes the same bytes for the same files', () => {
    const files = new Map([['a', Buffer.from('1')], ['b', Buffer.from('2')]]);
    expect(writeArchive(files).equals(writeArchive(new Map([...files].reverse())))).toBe(true);
  });

  it('fails on an entry that escapes the pack folder', () => {
    const error = profileError(() => readArchive(archiveWithEntry('calico/../../etc/cron.d/x'), 'registry/calico-1.0.0.tgz'));
    expect(error.message).toBe(
      'PACK_ARCHIVE_INVALID at registry/calico-1.0.0.tgz: archive has an entry "calico/../../etc/cron.d/x" that escapes the archive\'s folder\n  fix: rebuild the archive from inside the pack folder; entries must be relative paths without ".."',
    );
  });

  it('fails on an absolute entry', () => {
    expect(profileError(() => readArchive(archiveWithEntry('/etc/passwd'), 'a.tgz')).code).toBe('PACK_ARCHIVE_INVALID');
  });

  it('fails on an entry whose size is not an octal number, instead of reading the same block forever', () => {
    expect(profileError(() => readArchive(archiveWithEntry('pack.json', '-1127'), 'registry/calico-1.0.0.tgz')).message).toBe(
      'PACK_ARCHIVE_INVALID at registry/calico-1.0.0.tgz: archive has an entry "pack.json" whose size "-1127" is not an octal number\n  fix: the archive is damaged: repack the pack folder with `tar -czf`',
    );
  });

  it('fails on something that is not a gzipped tar', () => {
    const error = profileError(() => readArchive(Buffer.from('not an archive'), 'a.tgz'));
    expect(error.message).toMatch(/^PACK_ARCHIVE_INVALID at a\.tgz: archive is not a gzipped tar archive \(/);
  });
});
