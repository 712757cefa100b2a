import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { blobDigest } from '../digest';
import { ProfileError } from '../errors';
import { isPlainObject, Values } from '../values/merge';
import { canonicalYaml, parseYamlDocuments } from '../values/yaml';
import { readArchive } from './archive';
import { Pack, readPack } from './pack';

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
 * A folder of packs, the embedded default: each pack is a folder or a `.tar.gz`/`.tgz` archive
 * named `<name>-<version>`, as Palette's pack repositories lay them out.
 */
export class DirectoryRegistry implements PackRegistry {
  public readonly name: string;
  private readonly directory: string;
  private index?: Map<string, Map<string, string>>;

  /**
   * @param directory the folder, absolute or relative to the directory the app runs in
   * @param name the registry's name in the lockfile; defaults to the folder's name
   */
  constructor(directory: string, name?: string) {
    this.directory = path.resolve(directory);
    this.name = name ?? path.basename(this.directory);
  }

  versions(packName: string): string[] {
    return [...(this.entries().get(packName)?.keys() ?? [])];
  }

  load(packName: string, version: string): Pack {
    const entry = this.entries().get(packName)?.get(version);
    if (!entry) return packNotFound(this.name, packName, version);
    const where = `${this.name}/${path.basename(entry)}`;
    const files = fs.statSync(entry).isDirectory() ? readFolder(entry, where) : readArchive(fs.readFileSync(entry), where);
    const pack = readPack(unwrapSingleFolder(files), where);
    if (pack.manifest.name !== packName || pack.manifest.version !== version) {
      ProfileError.throw({
        code: 'PACK_INVALID',
        path: `${where}/pack.json`,
        message: `pack.json says ${pack.manifest.name} ${pack.manifest.version}, but the folder is named for ${packName} ${version}`,
        fix: 'name each pack folder or archive <name>-<version> after its pack.json',
      });
    }
    return pack;
  }

  private entries(): Map<string, Map<string, string>> {
    if (this.index) return this.index;
    if (!fs.existsSync(this.directory)) {
      ProfileError.throw({
        code: 'REGISTRY_UNREACHABLE',
        path: `registry ${this.name}`,
        message: `pack folder "${this.directory}" does not exist`,
        fix: 'create it, or give DirectoryRegistry the folder that holds your packs',
      });
    }
    const index = new Map<string, Map<string, string>>();
    for (const entry of fs.readdirSync(this.directory).sort()) {
      const match = /^(.+)-(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(entry.replace(/\.(tar\.gz|tgz)$/, ''));
      if (!match) continue;
      const [, name, version] = match;
      if (!index.has(name)) index.set(name, new Map());
      index.get(name)!.set(version, path.join(this.directory, entry));
    }
    return (this.index = index);
  }
}

/**
 * A Helm chart repository (`index.yaml` over `https://`, `http://` or `file://`) whose charts are
 * used as packs: a chart becomes a one-chart add-on pack whose defaults are the chart's own
 * values, under `charts.<chart>`. Archives are checked against the index's digest.
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
      ProfileError.throw({
        code: 'INVALID_REGISTRY_URL',
        path: `registry ${url}`,
        message: `"${url}" is not an http(s):// or file:// URL`,
        fix: 'give the URL of the folder that serves index.yaml',
      });
    }
    this.url = url.replace(/\/+$/, '');
    this.name = name ?? this.url;
  }

  versions(packName: string): string[] {
    return (this.entries().get(packName) ?? []).map((e) => e.version);
  }

  load(packName: string, version: string): Pack {
    const where = `${this.name}/${packName}-${version}.tgz`;
    // Archives verified once are kept, so a locked synth reads neither the index nor the network.
    const cached = path.join(this.cacheDirectory, createHash('sha256').update(this.url).digest('hex').slice(0, 16), `${packName}-${version}.tgz`);
    if (fs.existsSync(cached)) return readPack(chartAsPack(packName, version, fs.readFileSync(cached), where), where);
    const entry = (this.entries().get(packName) ?? []).find((e) => e.version === version);
    if (!entry || entry.urls.length === 0) return packNotFound(this.name, packName, version);
    const archiveUrl = new URL(entry.urls[0], `${this.url}/`).toString();
    const archive = fetchBytes(archiveUrl, `registry ${this.name}`);
    if (entry.digest && blobDigest(archive) !== `sha256:${entry.digest}`) {
      ProfileError.throw({
        code: 'DIGEST_MISMATCH',
        path: where,
        message: `chart archive has digest ${blobDigest(archive)}, but index.yaml records sha256:${entry.digest}`,
        fix: 'the repository serves an archive that differs from its index: rebuild the index, or ask its owner',
      });
    }
    const pack = readPack(chartAsPack(packName, version, archive, where), where);
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    fs.writeFileSync(`${cached}.tmp`, archive);
    fs.renameSync(`${cached}.tmp`, cached);
    return pack;
  }

  private entries(): NonNullable<HelmRepositoryRegistry['index']> {
    if (this.index) return this.index;
    const where = `registry ${this.name}`;
    const [document] = parseYamlDocuments(fetchBytes(`${this.url}/index.yaml`, where).toString('utf8'), `${where}: index.yaml`);
    const entries = isPlainObject(document) ? document.entries : undefined;
    if (!isPlainObject(entries)) {
      ProfileError.throw({ code: 'PACK_INVALID', path: `${where}: index.yaml`, message: 'index.yaml has no entries map', fix: 'serve a Helm repository index (helm repo index)' });
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
  const chartFiles = readArchive(archive, where);
  const valuesFile = [...chartFiles.keys()].find((f) => /^[^/]+\/values\.yaml$/.test(f));
  const chartValues = valuesFile ? parseYamlDocuments(chartFiles.get(valuesFile)!.toString('utf8'), `${where}/${valuesFile}`)[0] : {};
  const chartPath = `charts/${name}-${version}.tgz`;
  const manifest = { name, displayName: name, version, layer: 'addon', charts: [chartPath] };
  return new Map([
    ['pack.json', Buffer.from(JSON.stringify(manifest))],
    ['values.yaml', Buffer.from(canonicalYaml({ charts: { [name]: chartValues ?? {} } }))],
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
      if (!fs.realpathSync(absolute).startsWith(realRoot + path.sep)) {
        ProfileError.throw({
          code: 'PACK_ARCHIVE_INVALID',
          path: where,
          message: `"${child}" links outside the pack folder`,
          fix: 'replace the link with a copy of the file',
        });
      }
      if (fs.statSync(absolute).isDirectory()) walk(child);
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
  ProfileError.throw({
    code: 'PACK_NOT_FOUND',
    path: `registry ${registry}`,
    message: `pack ${packName} ${version} is not in the registry`,
    fix: 'check the pack name and version, or add the registry that holds it',
  });
}

/**
 * Reads a URL synchronously: file:// from disk, http(s):// through a child Node process, since
 * synth cannot wait for a promise. Only called when the lockfile cannot answer.
 */
function fetchBytes(url: string, where: string): Buffer {
  try {
    if (url.startsWith('file://')) return fs.readFileSync(new URL(url));
    const script = 'fetch(process.argv[1]).then(async (r) => { if (!r.ok) { console.error(`HTTP ${r.status}`); process.exit(1); } process.stdout.write(Buffer.from(await r.arrayBuffer())); }).catch((e) => { console.error(e.cause?.message ?? e.message); process.exit(1); });';
    return execFileSync(process.execPath, ['-e', script, url], { maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  } catch (e) {
    const detail = ((e as { stderr?: Buffer }).stderr?.toString().trim() || (e as Error).message).split('\n')[0];
    return ProfileError.throw({
      code: 'REGISTRY_UNREACHABLE',
      path: where,
      message: `cannot read ${url}: ${detail}`,
      fix: 'check the registry URL and the network, or commit a lockfile entry so synth need not read the registry',
    });
  }
}
