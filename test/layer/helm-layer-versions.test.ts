import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { AddonProfile, canonicalYaml, ChartSource, PackCatalog } from '../../lib';
import { blobDigest } from '../../lib/pack';
import { chartArchive } from '../pack/fixtures';
import { clusterIn, infraProfile, profileError, releases, synthJson, tempDir } from '../helpers';
import { serveFolder, StaticServer } from '../support-static-server';

/** A Helm repository folder: index.yaml and the archives of `versions` of chart `podinfo`. */
function repositoryFolder(versions: readonly string[]): string {
  const dir = tempDir('helm-repo-');
  const entries = versions.map((version) => {
    const archive = chartArchive('podinfo', version, 'replicaCount: 1\nui:\n  color: blue\n');
    fs.writeFileSync(path.join(dir, `podinfo-${version}.tgz`), archive);
    return { name: 'podinfo', version, urls: [`podinfo-${version}.tgz`], digest: blobDigest(archive).slice('sha256:'.length), created: '2026-01-01T00:00:00Z' };
  });
  fs.writeFileSync(path.join(dir, 'index.yaml'), canonicalYaml({ apiVersion: 'v1', entries: { podinfo: entries } }));
  return dir;
}

describe('Helm layer versions from a repository served on loopback', () => {
  let server: StaticServer;
  const folder = repositoryFolder(['6.13.0', '6.14.0', '6.14.3', '6.15.0-rc.1', '7.0.0']);
  beforeAll(async () => {
    server = await serveFolder(folder);
  });
  afterAll(() => server.close());

  function synthWith(version: string, lockfile: string, mode?: 'auto' | 'update' | 'frozen') {
    const app = new App({ outdir: tempDir('out-') });
    const catalog = new PackCatalog(app, 'packs', { registries: [], lockfile, mode });
    const addons = new AddonProfile(app, 'addons', { version: '1.0.0' });
    addons.addHelmLayer('podinfo', { chart: ChartSource.repository(server.url, 'podinfo'), version });
    const cluster = clusterIn(app, { profiles: [infraProfile(app), addons] });
    const json = synthJson(TerraformStack.of(cluster));
    catalog.saveLockfile();
    return releases(json)['prod_podinfo'];
  }

  it.each([
    ['6.x', '6.14.3'],
    ['6.14.x', '6.14.3'],
    ['~6.14.0', '6.14.3'],
    ['>=6.0.0 <6.14.0', '6.13.0'],
    ['6.14.0', '6.14.0'],
  ])('emits the exact version that %s resolves to (%s)', (constraint, version) => {
    expect(synthWith(constraint, path.join(tempDir(), 'lock.json')).version).toBe(version);
  });

  it('pins the resolved version with the archive digest, and a locked synth reads no index', async () => {
    const lockfile = path.join(tempDir(), 'lock.json');
    synthWith('6.x', lockfile);
    const lock = JSON.parse(fs.readFileSync(lockfile, 'utf8'));
    const key = `helm:${server.url}/podinfo@6.x`;
    expect(lock.packs[key]).toEqual({ version: '6.14.3', digest: blobDigest(fs.readFileSync(path.join(folder, 'podinfo-6.14.3.tgz'))), registry: server.url });
    const before = (await server.requests())['/index.yaml'];
    expect(synthWith('6.x', lockfile, 'frozen').version).toBe('6.14.3');
    expect((await server.requests())['/index.yaml']).toBe(before);
  });

  it('fails a train no version satisfies, listing what the repository has', () => {
    expect(profileError(() => synthWith('8.x', path.join(tempDir(), 'lock.json'))).message).toBe(
      `VERSION_NOT_FOUND at addons/podinfo: no version of chart podinfo in ${server.url} satisfies 8.x (pre-releases excluded)\n  available: 7.0.0, 6.15.0-rc.1, 6.14.3, 6.14.0, 6.13.0\n  fix: choose a version the repository has, or a train such as "1.x"`,
    );
  });

  it('fails a train on an OCI chart, which synth cannot resolve', () => {
    const app = new App();
    const addons = new AddonProfile(app, 'addons', { version: '1.0.0' });
    expect(profileError(() => addons.addHelmLayer('podinfo', { chart: ChartSource.oci('oci://ghcr.io/stefanprodan/charts/podinfo'), version: '6.x' })).message).toBe(
      'INVALID_VERSION_CONSTRAINT at addons/podinfo: chart version "6.x" of an OCI chart is a train or range, which synth cannot resolve (it reads no OCI registry) and the helm provider does not install\n  fix: give the exact version of the OCI chart, e.g. "6.14.0"',
    );
  });
});
