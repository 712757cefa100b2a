import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { blobDigest } from '../digest';
import { ProfileError } from '../errors';
import { isPlainObject, Values } from '../values/merge';
import { parseYamlDocuments } from '../values/yaml';
import { readArchive } from './archive';
import { Pack, readPack } from './pack';
import { chartDigestMismatch, indexWithoutEntries, invalidRegistryUrl, linkOutsidePack, packNotInRegistry, packPublishedTwice, registryFolderMissing, registryUnreachable } from '../diagnostics';

/**
 * Where packs come from. Registries are read synchronously, because cdktf synthesizes
 * synchronously; a registry is only read when the lockfile cannot answer.
 */
export interface PackRegistry {
  /** A short name, recorded in the lockfile. */
  readonly name: string;
  /** Every published version of a pack (unsorted), empty when the registry lacks the pack. */
  versions(packName: string): string[];
  /** One version of a pack, read whole and checked. */
  load(packName: string, version: string): Pack;
}

/**
 * A folder of packs, the embedded default: each pack is a folder or a `.tar.gz`/`.tgz` archive,
 * as Palette's pack repositories lay them out. A pack's identity is the `name` and `version` of
 * its `pack.json`, wherever its folder is and whatever it is called (`wordpress-6.4.3` may hold
 * pack `wordpress-chart`). Two packs with one identity are an error naming both folders.
 */
export class DirectoryRegistry implements PackRegistry {
  public readonly name: string;
  private readonly directory: string;
  private index?: DirectoryIndex;

  /**
   * @param directory the folder, absolute or relative to the directory the app runs in
   * @param name the registry's name in the lockfile; defaults to the folder's name
   */
  constructor(directory: string, name?: string) {
    this.directory = path.resolve(directory);
    this.name = name ?? path.basename(this.directory);
  }

  versions(packName: string): string[] {
    return [...(this.entries().packs.get(packName)?.keys() ?? [])];
  }

  load(packName: string, version: string): Pack {
    const entry = this.entries().packs.get(packName)?.get(version);
    if (!entry) return packNotFound(this.name, packName, version);
    if (entry.duplicates.length > 0) {
      ProfileError.throw(packPublishedTwice(this.name, packName, version, [entry.file, ...entry.duplicates].map((f) => path.basename(f))));
    }
    const where = `${this.name}/${path.basename(entry.file)}`;
    return readPack(this.filesOf(entry.file, where), where);
  }

  /**
   * Every folder or archive of the registry with the identity its pack.json gives, or why it has
   * none (no pack.json, invalid JSON): what `cluster-profiles packs check` walks.
   */
  public list(): ReadonlyArray<DirectoryEntry> {
    return this.entries().all;
  }

  private filesOf(file: string, where: string): Map<string, Buffer> {
    return unwrapSingleFolder(fs.statSync(file).isDirectory() ? readFolder(file, where) : readArchive(fs.readFileSync(file), where));
  }

  private entries(): DirectoryIndex {
    if (this.index) return this.index;
    if (!fs.existsSync(this.directory)) {
      ProfileError.throw(registryFolderMissing(this.name, this.directory));
    }
    const index: DirectoryIndex = { packs: new Map(), all: [] };
    for (const child of fs.readdirSync(this.directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(this.directory, child.name);
      const isArchive = /\.(tar\.gz|tgz)$/.test(child.name);
      if (!child.isDirectory() && !(isArchive && child.isFile())) continue;
      const entry = this.identify(file);
      index.all.push(entry);
      if (!entry.name || !entry.version) continue;
      if (!index.packs.has(entry.name)) index.packs.set(entry.name, new Map());
      const known = index.packs.get(entry.name)!.get(entry.version);
      if (known) known.duplicates.push(file);
      else index.packs.get(entry.name)!.set(entry.version, { file, duplicates: [] });
    }
    return (this.index = index);
  }

  /** Reads only the identity (`name`, `version`) of the pack in a folder or archive. */
  private identify(file: string): DirectoryEntry {
    const folder = path.basename(file);
    let manifest: Buffer | undefined;
    try {
      manifest = fs.statSync(file).isDirectory() ? packJsonOfFolder(file) : unwrapSingleFolder(readArchive(fs.readFileSync(file), `${this.name}/${folder}`)).get('pack.json');
    } catch (e) {
      return { folder, problem: e instanceof ProfileError ? e.message : (e as Error).message };
    }
    if (!manifest) return { folder, problem: 'no pack.json (not a pack)' };
    try {
      const json = JSON.parse(manifest.toString('utf8')) as Values;
      if (typeof json.name !== 'string' || json.name === '' || typeof json.version !== 'string' || json.version === '') {
        return { folder, problem: 'pack.json has no name or no version' };
      }
      return { folder, name: json.name, version: json.version };
    } catch (e) {
      return { folder, problem: `pack.json is not valid JSON: ${(e as Error).message}` };
    }
  }
}

/** A folder or archive of a {@link DirectoryRegistry}, and the pack identity it declares. */
export interface DirectoryEntry {
  /** The folder or archive name in the registry. */
  readonly folder: string;
  /** `pack.json: name`, when it could be read. */
  readonly name?: string;
  /** `pack.json: version`, as written. */
  readonly version?: string;
  /** Why the entry has no identity. */
  readonly problem?: string;
}

interface DirectoryIndex {
  /** Pack name → version as written → where it is, and any other folder claiming the same identity. */
  readonly packs: Map<string, Map<string, { file: string; duplicates: string[] }>>;
  readonly all: DirectoryEntry[];
}

/** pack.json of a pack folder, or of the one folder inside it. */
function packJsonOfFolder(folder: string): Buffer | undefined {
  const direct = path.join(folder, 'pack.json');
  if (fs.existsSync(direct)) return fs.readFileSync(direct);
  const children = fs.readdirSync(folder, { withFileTypes: true });
  if (children.length === 1 && children[0].isDirectory()) {
    const nested = path.join(folder, children[0].name, 'pack.json');
    if (fs.existsSync(nested)) return fs.readFileSync(nested);
  }
  return undefined;
}

/**
 * A Helm chart repository (`index.yaml` over `https://`, `http://` or `file://`) whose charts are
 * used as packs: a chart becomes a one-chart add-on pack with no defaults of its own, so a
 * release sends Helm only what the profile and the cluster set, and the chart keeps its own
 * defaults (sending them back as user values would pin every default, `null`s included, in
 * `helm get values`). Archives are checked against the index's digest.
 */
export class HelmRepositoryRegistry implements PackRegistry {
  public readonly name: string;
  private index?: Map<string, Array<{ version: string; urls: string[]; digest?: string }>>;

  /**
   * @param url the repository URL (the folder holding index.yaml)
   * @param name the registry's name in the lockfile; defaults to the URL
   */
  constructor(
    private readonly url: string,
    name?: string,
    private readonly cacheDirectory = path.join(process.env.CLUSTER_PROFILES_CACHE ?? path.join(os.homedir(), '.cache', 'cluster-profiles'), 'charts'),
  ) {
    if (!/^(https?|file):\/\//.test(url)) {
      ProfileError.throw(invalidRegistryUrl(url));
    }
    this.url = url.replace(/\/+$/, '');
    this.name = name ?? this.url;
  }

  versions(packName: string): string[] {
    return (this.entries().get(packName) ?? []).map((e) => e.version);
  }

  /**
   * The `sha256:` digest index.yaml records for one chart archive, without downloading it, or
   * undefined when the index records none.
   */
  archiveDigest(chart: string, version: string): string | undefined {
    const digest = (this.entries().get(chart) ?? []).find((e) => e.version === version)?.digest;
    return digest ? `sha256:${digest}` : undefined;
  }

  load(packName: string, version: string): Pack {
    const where = `${this.name}/${packName}-${version}.tgz`;
    // Archives verified once are kept, so a locked synth reads neither the index nor the network.
    const cached = path.join(this.cacheDirectory, createHash('sha256').update(this.url).digest('hex').slice(0, 16), `${packName}-${version}.tgz`);
    if (fs.existsSync(cached)) return readPack(chartAsPack(packName, version, fs.readFileSync(cached), where), where);
    const entry = (this.entries().get(packName) ?? []).find((e) => e.version === version);
    if (!entry || entry.urls.length === 0) return packNotFound(this.name, packName, version);
    const archiveUrl = new URL(entry.urls[0], `${this.url}/`).toString();
    const archive = fetchBytes(archiveUrl, this.name);
    if (entry.digest && blobDigest(archive) !== `sha256:${entry.digest}`) {
      ProfileError.throw(chartDigestMismatch(where, blobDigest(archive), `sha256:${entry.digest}`));
    }
    const pack = readPack(chartAsPack(packName, version, archive, where), where);
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    fs.writeFileSync(`${cached}.tmp`, archive);
    fs.renameSync(`${cached}.tmp`, cached);
    return pack;
  }

  private entries(): NonNullable<HelmRepositoryRegistry['index']> {
    if (this.index) return this.index;
    const indexUrl = `${this.url}/index.yaml`;
    const [document] = parseYamlDocuments(fetchBytes(indexUrl, this.name).toString('utf8'), indexUrl);
    const entries = isPlainObject(document) ? document.entries : undefined;
    if (!isPlainObject(entries)) {
      ProfileError.throw(indexWithoutEntries(indexUrl));
    }
    const index: NonNullable<HelmRepositoryRegistry['index']> = new Map();
    for (const [name, list] of Object.entries(entries as Values)) {
      if (!Array.isArray(list)) continue;
      index.set(
        name,
        list.filter(isPlainObject).map((e) => ({ version: String(e.version), urls: (e.urls as string[]) ?? [], digest: e.digest as string | undefined })),
      );
    }
    return (this.index = index);
  }
}

/** A chart archive as the files of a one-chart pack. */
function chartAsPack(name: string, version: string, archive: Buffer, where: string): Map<string, Buffer> {
  readArchive(archive, where); // a broken archive fails here, naming the pack
  const chartPath = `charts/${name}-${version}.tgz`;
  const manifest = { name, displayName: name, version, layer: 'addon', charts: [chartPath] };
  return new Map([
    ['pack.json', Buffer.from(JSON.stringify(manifest))],
    ['values.yaml', Buffer.from('')],
    [chartPath, archive],
  ]);
}

function readFolder(root: string, where: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const realRoot = fs.realpathSync(root);
  const walk = (relative: string): void => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      const absolute = path.join(root, child);
      // Only a link can lead outside: what is not one lies in a folder already inside the pack.
      // (Each check is a system call per file, a good part of reading a small pack.)
      const isLink = entry.isSymbolicLink();
      if (isLink && !fs.realpathSync(absolute).startsWith(realRoot + path.sep)) {
        ProfileError.throw(linkOutsidePack(where, child));
      }
      const isDirectory = isLink ? fs.statSync(absolute).isDirectory() : entry.isDirectory();
      if (isDirectory) walk(child);
      else files.set(child, fs.readFileSync(absolute));
    }
  };
  walk('');
  return files;
}

/** Archives often hold one top folder (`calico-3.30.3/pack.json`); packs are read from inside it. */
function unwrapSingleFolder(files: Map<string, Buffer>): Map<string, Buffer> {
  if (files.has('pack.json')) return files;
  const tops = new Set([...files.keys()].map((f) => f.split('/')[0]));
  if (tops.size !== 1) return files;
  const [top] = tops;
  return new Map([...files].map(([f, c]) => [f.slice(top.length + 1), c]));
}

function packNotFound(registry: string, packName: string, version: string): never {
  ProfileError.throw(packNotInRegistry(registry, packName, version));
}

/**
 * Reads a URL synchronously: file:// from disk, http(s):// through a child Node process, since
 * synth cannot wait for a promise. Only called when the lockfile cannot answer.
 */
function fetchBytes(url: string, registry: string): Buffer {
  try {
    if (url.startsWith('file://')) return fs.readFileSync(new URL(url));
    const script = 'fetch(process.argv[1]).then(async (r) => { if (!r.ok) { console.error(`HTTP ${r.status}`); process.exit(1); } process.stdout.write(Buffer.from(await r.arrayBuffer())); }).catch((e) => { console.error(e.cause?.message ?? e.message); process.exit(1); });';
    return execFileSync(process.execPath, ['-e', script, url], { maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  } catch (e) {
    const detail = ((e as { stderr?: Buffer }).stderr?.toString().trim() || (e as Error).message).split('\n')[0];
    return ProfileError.throw(registryUnreachable(registry, url, detail));
  }
}
