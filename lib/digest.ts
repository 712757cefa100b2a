import { createHash } from 'crypto';

/**
 * `sha256:<hex>` over a set of files: every relative path and content, in sorted path order, so
 * the same files give the same digest wherever they are read from (a folder or an archive).
 */
export function contentDigest(files: ReadonlyMap<string, Buffer>): string {
  const hash = createHash('sha256');
  for (const file of [...files.keys()].sort()) {
    const content = files.get(file)!;
    hash.update(`${file}\0${content.length}\0`);
    hash.update(content);
  }
  return `sha256:${hash.digest('hex')}`;
}

/** `sha256:<hex>` of one blob, as Helm repository indexes record chart archives. */
export function blobDigest(content: Buffer): string {
  return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}
