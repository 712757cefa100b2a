import * as fs from 'fs';
import * as path from 'path';
import { canonicalYaml, DirectoryRegistry, HelmRepositoryRegistry } from '../../lib';
import { blobDigest, writeArchive } from '../../lib/pack';
import { App, TerraformStack } from 'cdktf';
import { AddonProfile, PackCatalog } from '../../lib';
import { clusterIn, infraProfile, profileError, releases, synthJson, tempDir } from '../helpers';
import { chartArchive, packFiles, packFolder } from './fixtures';

/**
 * A Helm repository of realistic size: `charts` charts with `versions` versions each (pre-releases
 * among them), written as index.yaml plus the archives a test asks for.
 */
function helmRepository(charts: number, versions: number, archives: Array<[string, string]>): string {
  const dir = tempDir('helm-repo-');
  const entries: Record<string, object[]> = {};
  for (let c = 0; c < charts; c++) {
    const name = c === 0 ? 'ingress-nginx' : `chart-${c}`;
    entries[name] = [];
    for (let v = 0; v < versions; v++) {
      const version = v % 10 === 9 ? `4.${Math.floor(v / 10)}.0-rc.1` : `4.${Math.floor(v / 10)}.${v % 10}`;
      (entries[name] as object[]).push({ name, version, urls: [`${name}-${version}.tgz`], digest: '0'.repeat(64), created: '2026-01-01T00:00:00Z' });
    }
  }
  for (const [name, version] of archives) {
    const archive = chartArchive(name, version, 'controller:\n  replicas: 1\n');
    fs.writeFileSync(path.join(dir, `${name}-${version}.tgz`), archive);
    const entry = (entries[name] as Array<{ version: string; digest: string }>).find((e) => e.version === version)!;
    entry.digest = blobDigest(archive).slice('sha256:'.length);
  }
  fs.writeFileSync(path.join(dir, 'index.yaml'), canonicalYaml({ apiVersion: 'v1', entries }));
  return dir;
}

describe('DirectoryRegistry', () => {
  it('lists versions of folders and archives named <name>-<version>', () => {
    const dir = packFolder([
      { name: 'calico', version: '3.29.0' },
      { name: 'calico', version: '3.30.3' },
      { name: 'cert-manager', version: '1.16.2' },
    ]);
    fs.writeFileSync(path.join(dir, 'calico-3.31.0-rc.1.tar.gz'), writeArchive(packFiles({ name: 'calico', version: '3.31.0-rc.1' })));
    const registry = new DirectoryRegistry(dir, 'local');
    expect(registry.versions('calico').sort()).toEqual(['3.29.0', '3.30.3', '3.31.0-rc.1']);
    expect(registry.load('calico', '3.31.0-rc.1').manifest.version).toBe('3.31.0-rc.1');
    expect(registry.versions('missing')).toEqual([]);
  });

  it('gives a folder and an archive of the same pack the same digest', () => {
    const dir = packFolder([{ name: 'web', version: '1.0.0', charts: { web: 'a: 1\n' } }]);
    const other = tempDir();
    fs.writeFileSync(path.join(other, 'web-1.0.0.tgz'), writeArchive(new Map([...packFiles({ name: 'web', version: '1.0.0', charts: { web: 'a: 1\n' } })].map(([f, c]) => [`web-1.0.0/${f}`, c]))));
    expect(new DirectoryRegistry(dir).load('web', '1.0.0').digest).toBe(new DirectoryRegistry(other).load('web', '1.0.0').digest);
  });

  it('takes a pack\'s identity from its pack.json, whatever its folder is called', () => {
    const dir = packFolder([
      { name: 'wordpress-chart', version: '6.4.3' },
      { name: 'csi-driver-nfs', version: '4.9.0' },
      { name: 'akuity-agent', version: '0.30.0-5.5.2026' },
    ]);
    fs.renameSync(path.join(dir, 'wordpress-chart-6.4.3'), path.join(dir, 'wordpress-6.4.3'));
    fs.renameSync(path.join(dir, 'csi-driver-nfs-4.9.0'), path.join(dir, 'csi-driver-nfs'));
    fs.renameSync(path.join(dir, 'akuity-agent-0.30.0-5.5.2026'), path.join(dir, 'akuity-agent-0.30.0-5.5.2026-copy'));
    const registry = new DirectoryRegistry(dir, 'local');
    expect(registry.versions('wordpress-chart')).toEqual(['6.4.3']);
    expect(registry.versions('wordpress')).toEqual([]);
    expect(registry.load('csi-driver-nfs', '4.9.0').manifest.name).toBe('csi-driver-nfs');
    expect(registry.versions('akuity-agent')).toEqual(['0.30.0-5.5.2026']);
  });

  it('keeps versions as pack.json writes them', () => {
    const dir = packFolder([
      { name: 'ubuntu', version: '24.04' },
      { name: 'ubuntu', version: '22.04' },
      { name: 'rook', version: 'v1.12.0' },
      { name: 'portworx', version: '1.5' },
    ]);
    const registry = new DirectoryRegistry(dir, 'local');
    expect(registry.versions('ubuntu').sort()).toEqual(['22.04', '24.04']);
    expect(registry.load('rook', 'v1.12.0').manifest.version).toBe('v1.12.0');
    expect(registry.load('portworx', '1.5').manifest.version).toBe('1.5');
  });

  it('lists entries that are not packs with the reason, and skips them when resolving', () => {
    const dir = packFolder([{ name: 'web', version: '1.0.0' }]);
    fs.mkdirSync(path.join(dir, 'docs'));
    fs.mkdirSync(path.join(dir, 'broken-1.0.0'));
    fs.writeFileSync(path.join(dir, 'broken-1.0.0', 'pack.json'), '{ "name": ');
    const registry = new DirectoryRegistry(dir, 'local');
    expect(registry.list().map((e) => [e.folder, e.name ?? e.problem?.split(':')[0]])).toEqual([
      ['broken-1.0.0', 'pack.json is not valid JSON'],
      ['docs', 'no pack.json (not a pack)'],
      ['web-1.0.0', 'web'],
    ]);
    expect(registry.versions('web')).toEqual(['1.0.0']);
  });

  it('reads links that stay inside a pack folder, and refuses one that leads outside, naming it', () => {
    const dir = packFolder([{ name: 'web', version: '1.0.0', charts: { web: 'a: 1\n' } }]);
    const pack = path.join(dir, 'web-1.0.0');
    const plain = new DirectoryRegistry(dir).load('web', '1.0.0');
    // A link to a file and a link to a folder of the pack itself: read as the files they lead to.
    fs.mkdirSync(path.join(pack, 'docs'));
    fs.writeFileSync(path.join(pack, 'docs', 'README.md'), 'web\n');
    fs.symlinkSync(path.join(pack, 'values.yaml'), path.join(pack, 'defaults.yaml'));
    fs.symlinkSync(path.join(pack, 'docs'), path.join(pack, 'more-docs'));
    const linked = new DirectoryRegistry(dir).load('web', '1.0.0');
    expect(linked.files.get('defaults.yaml')).toEqual(plain.files.get('values.yaml'));
    expect(linked.files.get('more-docs/README.md')?.toString()).toBe('web\n');

    const outside = path.join(tempDir(), 'secret.txt');
    fs.writeFileSync(outside, 'not for the pack\n');
    fs.symlinkSync(outside, path.join(pack, 'docs', 'secret.txt'));
    const error = profileError(() => new DirectoryRegistry(dir).load('web', '1.0.0'));
    expect(error.diagnostics[0]).toMatchObject({ code: 'PACK_ARCHIVE_INVALID', message: '"docs/secret.txt" links outside the pack folder' });
  });

  it('fails on two folders that claim the same pack identity, naming both', () => {
    const dir = packFolder([{ name: 'web', version: '1.0.0' }]);
    fs.cpSync(path.join(dir, 'web-1.0.0'), path.join(dir, 'web-copy'), { recursive: true });
    expect(profileError(() => new DirectoryRegistry(dir, 'local').load('web', '1.0.0')).message).toBe(
      'PACK_INVALID at local: pack web 1.0.0 is published twice: web-1.0.0 and web-copy\n  fix: keep one of them, or give the other its own name or version in its pack.json',
    );
  });
});

describe('HelmRepositoryRegistry', () => {
  const repo = helmRepository(300, 20, [['ingress-nginx', '4.1.8']]);
  const cache = tempDir('chart-cache-');

  it('reads an index of thousands of entries and lists a chart\'s versions', () => {
    const registry = new HelmRepositoryRegistry(`file://${repo}`, 'charts', cache);
    const versions = registry.versions('ingress-nginx');
    expect(versions).toHaveLength(20);
    expect(versions).toContain('4.1.8');
    expect(registry.versions('chart-299')).toHaveLength(20);
  });

  it('loads a chart as a one-chart add-on pack that leaves the chart its own defaults', () => {
    const pack = new HelmRepositoryRegistry(`file://${repo}`, 'charts', cache).load('ingress-nginx', '4.1.8');
    expect(pack.manifest).toMatchObject({ name: 'ingress-nginx', version: '4.1.8', layer: 'addon', charts: ['charts/ingress-nginx-4.1.8.tgz'] });
    expect(pack.values).toEqual({});
  });

  it('sends Helm only the values the profile and the cluster set, never the chart\'s defaults back', () => {
    const app = new App({ outdir: tempDir('out-') });
    new PackCatalog(app, 'packs', { registries: [new HelmRepositoryRegistry(`file://${repo}`, 'charts', cache)], lockfile: path.join(tempDir(), 'lock.json') });
    const addons = new AddonProfile(app, 'addons', { version: '1.0.0' });
    addons.addPackLayer('ingress', { pack: 'ingress-nginx', version: '4.1.8', values: { charts: { 'ingress-nginx': { controller: { replicas: 3 } } } } });
    addons.addPackLayer('plain', { pack: 'ingress-nginx', version: '4.1.8', namespace: 'plain', releaseName: 'plain' });
    const cluster = clusterIn(app, { profiles: [infraProfile(app), addons] });
    const json = releases(synthJson(TerraformStack.of(cluster)));
    expect(json.prod_ingress.values).toEqual(['controller:\n  replicas: 3\n']);
    expect(json.prod_plain.values).toBeUndefined();
  });

  it('fails when an archive does not match the digest in index.yaml', () => {
    const dir = helmRepository(1, 1, [['ingress-nginx', '4.0.0']]);
    fs.writeFileSync(path.join(dir, 'ingress-nginx-4.0.0.tgz'), chartArchive('ingress-nginx', '4.0.0', 'tampered: true\n'));
    const error = profileError(() => new HelmRepositoryRegistry(`file://${dir}`, 'charts', tempDir()).load('ingress-nginx', '4.0.0'));
    expect(error.code).toBe('DIGEST_MISMATCH');
    expect(error.message).toMatch(/^DIGEST_MISMATCH at charts\/ingress-nginx-4\.0\.0\.tgz: chart archive has digest sha256:[0-9a-f]{64}, but index\.yaml records sha256:[0-9a-f]{64}\n/);
  });

  it('fails clearly when the repository cannot be read', () => {
    const error = profileError(() => new HelmRepositoryRegistry('file:///nonexistent/repo', 'gone', tempDir()).versions('x'));
    expect(error.message).toMatch(/^REGISTRY_UNREACHABLE at gone: cannot read file:\/\/\/nonexistent\/repo\/index\.yaml: ENOENT/);
  });
});
