import * as fs from 'fs';
import * as path from 'path';
import { blobDigest, canonicalYaml, DirectoryRegistry, HelmRepositoryRegistry, writeArchive } from '../../lib';
import { profileError, tempDir } from '../helpers';
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

  it('fails on a pack whose pack.json disagrees with its folder name', () => {
    const dir = packFolder([{ name: 'web', version: '1.0.0' }]);
    fs.renameSync(path.join(dir, 'web-1.0.0'), path.join(dir, 'web-1.0.1'));
    expect(profileError(() => new DirectoryRegistry(dir, 'local').load('web', '1.0.1')).message).toBe(
      'PACK_INVALID at local/web-1.0.1/pack.json: pack.json says web 1.0.0, but the folder is named for web 1.0.1\n  fix: name each pack folder or archive <name>-<version> after its pack.json',
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

  it('loads a chart as a one-chart add-on pack whose defaults are the chart\'s values', () => {
    const pack = new HelmRepositoryRegistry(`file://${repo}`, 'charts', cache).load('ingress-nginx', '4.1.8');
    expect(pack.manifest).toMatchObject({ name: 'ingress-nginx', version: '4.1.8', layer: 'addon', charts: ['charts/ingress-nginx-4.1.8.tgz'] });
    expect(pack.values).toEqual({ charts: { 'ingress-nginx': { controller: { replicas: 1 } } } });
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
    expect(error.message).toMatch(/^REGISTRY_UNREACHABLE at registry gone: cannot read file:\/\/\/nonexistent\/repo\/index\.yaml: ENOENT/);
  });
});
