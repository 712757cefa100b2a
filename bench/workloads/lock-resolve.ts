// Lock resolution: a profile's pack constraints resolved by a PackCatalog over a Helm repository
// whose index.yaml has `entries` entries (charts of 20 versions each, as in
// test/pack/registry.test.ts). With `lockfile=yes` a previous synth left the lockfile and the
// verified archives in the cache, so resolving reads neither the index nor the repository; with
// `lockfile=no` it is a first synth: parse the index, choose versions, fetch and verify archives.
// Construction writes the repository (and, for `lockfile=yes`, resolves once and saves the
// lockfile); the timed second phase resolves every constraint.
import { arg, run } from './harness'; // first: marks where imports start
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { canonicalYaml, HelmRepositoryRegistry, PackCatalog } from '../../lib';
import { blobDigest, writeArchive } from '../../lib/pack';

const VERSIONS_PER_CHART = 20;
const entries = Number(arg('entries'));
const packs = Number(arg('packs'));
const locked = arg('lockfile') === 'yes';
const outdir = arg('outdir');

const chartName = (c: number) => `chart-${String(c).padStart(4, '0')}`;
/** Version v of a chart: 4.<v / 10>.<v % 10>, every tenth a release candidate. */
const versionOf = (v: number) => (v % 10 === 9 ? `4.${Math.floor(v / 10)}.0-rc.1` : `4.${Math.floor(v / 10)}.${v % 10}`);
/** What the profile asks for: a train for most packs, an exact version for every third. */
const constraintOf = (p: number) => (p % 3 === 0 ? '4.1.8' : '4.1.x');

/** Writes index.yaml and, for the charts the profile uses, the archive of every version it could pick. */
function helmRepository(directory: string): void {
  const index: Record<string, object[]> = {};
  for (let c = 0; c < Math.ceil(entries / VERSIONS_PER_CHART); c++) {
    const name = chartName(c);
    index[name] = [];
    for (let v = 0; v < VERSIONS_PER_CHART; v++) {
      const version = versionOf(v);
      let digest = '0'.repeat(64);
      if (c < packs && version.startsWith('4.1.')) {
        const archive = chartArchive(name, version);
        fs.writeFileSync(path.join(directory, `${name}-${version}.tgz`), archive);
        digest = blobDigest(archive).slice('sha256:'.length);
      }
      index[name].push({ name, version, urls: [`${name}-${version}.tgz`], digest, created: '2026-01-01T00:00:00Z' });
    }
  }
  fs.writeFileSync(path.join(directory, 'index.yaml'), canonicalYaml({ apiVersion: 'v1', entries: index }));
}

function chartArchive(name: string, version: string): Buffer {
  return writeArchive(
    new Map([
      [`${name}/Chart.yaml`, Buffer.from(`apiVersion: v2\nname: ${name}\nversion: ${version}\n`)],
      [`${name}/values.yaml`, Buffer.from(`replicaCount: 1\nimage:\n  repository: registry.example.com/${name}\n  tag: ${version}\n`)],
      [`${name}/templates/cm.yaml`, Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n')],
    ]),
  );
}

function resolveAll(catalog: PackCatalog): void {
  for (let p = 0; p < packs; p++) catalog.resolve(chartName(p), constraintOf(p), `layer ${chartName(p)}`);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-bench-lock-'));
const catalog = (repository: string) =>
  new PackCatalog(new App({ outdir }), 'packs', {
    registries: [new HelmRepositoryRegistry(`file://${repository}`, 'charts', path.join(work, 'cache'))],
    lockfile: path.join(work, 'cluster-profiles.lock.json'),
    mode: 'auto',
  });
try {
  run(
    () => {
      const repository = path.join(work, 'repository');
      fs.mkdirSync(repository);
      helmRepository(repository);
      if (locked) {
        const previous = catalog(repository);
        resolveAll(previous);
        previous.saveLockfile();
      }
      return catalog(repository);
    },
    (fresh) => resolveAll(fresh),
  );
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
