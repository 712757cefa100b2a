import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { checkPackRegistry, formatPackCheckReport, runPacksCommand } from '../../lib/pack/check-registry';
import { AddonProfile, DirectoryRegistry, InfraProfile, PackCatalog } from '../../lib';
import { contentDigest, writeArchive } from '../../lib/pack';
import { clusterIn, infraProfile, profileError, releases, synthJson, tempDir } from '../helpers';
import { packFolder } from './fixtures';

/**
 * Regression tests for the shapes of published packs that the first version refused: each pack
 * here is our own, shaped like a pack of Spectro Cloud's public registry (pack-central) that
 * failed (see README "Compatibility with Palette's pack registry").
 */

/** A registry of packs shaped like the published ones that used to fail. */
function realShapes(): string {
  const dir = packFolder([
    // A Kubernetes version range per distribution, empty and two-part bounds, the `upgrade` type.
    {
      name: 'ranged',
      version: '1.5',
      charts: { ranged: 'replicas: 1\n' },
      values: 'pack:\n  namespace: ""\ncharts:\n  ranged:\n    enabled: yes\n    debug: Off\n    quoted: "yes"\n',
      dependencies: [
        { packName: 'kubernetes', layer: 'k8s', minVersion: '1.21', maxVersion: '', type: 'optional' },
        { packName: 'kubernetes-eks', layer: 'k8s', minVersion: '1.20.6', maxVersion: '1.27', type: 'required' },
        { packName: 'ranged-operator', layer: 'addon', minVersion: '', maxVersion: '', type: 'upgrade' },
      ],
    },
    // A value built from the pack's own values (karpenter), and the cluster UID macro.
    {
      name: 'selfref',
      version: 'v1.1.0',
      charts: { selfref: '' },
      values:
        'accountNumber: "123456789012"\ncharts:\n  selfref:\n    role: "arn:aws:iam::{{.spectro.pack.selfref.accountNumber}}:role/{{ .spectro.system.cluster.name }}"\n    id: "{{ .spectro.system.cluster.uid }}"\n    k8s: "{{ .spectro.system.kubernetes.version }}"\n',
    },
    // Values keyed by the archive name, not the chart name (ambassador); and a legacy section (kubehunter).
    {
      name: 'gateway',
      version: '6.6.0',
      values: 'charts:\n  ingress-gateway:\n    replicaCount: 3\n  stray:\n    enabled: true\n',
      files: {
        'pack.json': JSON.stringify({ name: 'gateway', version: '6.6.0', layer: 'addon', charts: ['charts/ingress-gateway.tgz'] }),
        'charts/ingress-gateway.tgz': writeArchive(
          new Map([
            ['ingress-gateway/Chart.yaml', Buffer.from('apiVersion: v2\nname: gateway\nversion: 6.6.0\n')],
            ['ingress-gateway/templates/cm.yaml', Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gw\n')],
          ]),
        ),
      },
    },
    // A listed archive that ships as a chart folder (haproxy-unified-gateway).
    {
      name: 'crds-folder',
      version: '1.0.1',
      files: {
        'pack.json': JSON.stringify({ name: 'crds-folder', version: '1.0.1', layer: 'addon', charts: ['charts/api-crds-1.4.0.tgz'] }),
        'charts/api-crds/Chart.yaml': 'apiVersion: v2\nname: api-crds\nversion: 1.4.0\n',
        'charts/api-crds/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: crds\n',
      },
    },
    // A schema format that Palette's docs do not list but published packs use (gridlight).
    { name: 'free-text', version: '1.1.2', charts: { 'free-text': '' }, values: 'charts:\n  free-text:\n    licenseId: abc\n', schema: 'charts.free-text.licenseId:\n  schema: \'{{ format "${input}" | hints "license" }}\'\n' },
    // Needs input: a required value, and a required pack the registry lacks.
    { name: 'needs-key', version: '1.0.0', charts: { 'needs-key': '' }, values: 'charts:\n  needs-key:\n    apiKey: ""\n', schema: 'charts.needs-key.apiKey:\n  schema: \'{{ required | format "${password}" }}\'\n' },
    { name: 'needs-pack', version: '1.0.0', charts: { 'needs-pack': '' }, dependencies: [{ packName: 'absent', layer: 'addon', type: 'required' }] },
    // An infra pack, with the CSI it requires found in the registry.
    { name: 'storage', version: '22.04', layer: 'csi', charts: { storage: '' } },
    { name: 'needs-csi', version: '1.0.0', charts: { 'needs-csi': '' }, dependencies: [{ packName: 'storage', layer: 'csi', minVersion: '20.04', type: 'required' }] },
    // Broken: Palette refuses these too.
    { name: 'broken', version: '1.0.0', files: { 'pack.json': '{"name": "broken", "version": "1.0.0", "layer": "addon", "charts": ["charts/gone.tgz"]}' } },
  ]);
  // Folders whose names say nothing of the pack inside.
  fs.renameSync(path.join(dir, 'ranged-1.5'), path.join(dir, 'ranged_pack'));
  fs.renameSync(path.join(dir, 'selfref-v1.1.0'), path.join(dir, 'selfref-1.1.0-5.5.2026'));
  fs.mkdirSync(path.join(dir, 'docs'));
  return dir;
}

describe('packs shaped like the public pack registry', () => {
  const dir = realShapes();
  const report = checkPackRegistry(dir);
  const result = (pack: string) => report.results.find((r) => r.pack === pack)!;

  it('loads every pack by the identity in its pack.json, and synthesizes what needs nothing more', () => {
    expect(report.results.map((r) => [r.pack ?? r.folder, r.version ?? '-', r.outcome])).toEqual([
      ['broken', '1.0.0', 'load-failed'],
      ['crds-folder', '1.0.1', 'ok'],
      ['docs', '-', 'not-a-pack'],
      ['free-text', '1.1.2', 'ok'],
      ['gateway', '6.6.0', 'ok'],
      ['needs-csi', '1.0.0', 'ok'],
      ['needs-key', '1.0.0', 'needs-input'],
      ['needs-pack', '1.0.0', 'needs-input'],
      ['ranged', '1.5', 'ok'],
      ['selfref', 'v1.1.0', 'ok'],
      ['storage', '22.04', 'ok'],
    ]);
    expect(report.counts).toEqual({ ok: 7, 'needs-input': 2, 'load-failed': 1, 'synth-failed': 0, 'not-a-pack': 1 });
  });

  it('synthesizes a pack with the packs of the registry it requires', () => {
    expect(result('needs-csi').with).toEqual(['storage 22.04']);
  });

  it('says whose rule each refusal is', () => {
    expect(result('broken').problems.map((p) => [p.code, p.origin])).toEqual([['PACK_FILE_MISSING', 'palette-format']]);
    expect(result('needs-key').problems.map((p) => [p.code, p.origin, p.message])).toEqual([
      ['SCHEMA_VIOLATION', 'needs-input', "value charts.needs-key.apiKey is required by the pack's schema.yaml but empty"],
    ]);
    expect(result('needs-pack').problems.map((p) => [p.code, p.origin])).toEqual([['PACK_CONSTRAINT', 'needs-input']]);
  });

  it('notes values of the pack itself that reach no chart, instead of dropping them unseen', () => {
    expect(result('gateway').notes).toEqual([
      'gateway: charts.stray in the pack\'s values.yaml names none of its charts, so it reaches no release (as in Palette, each chart gets only its own section)',
    ]);
  });

  it('prints a table with the result of every pack, then each problem with its fix and origin', () => {
    const text = formatPackCheckReport(report);
    expect(text.split('\n').slice(0, 3)).toEqual([
      'pack         version  layer  result',
      'broken       1.0.0    -      load-failed',
      expect.stringMatching(/^ {4}PACK_FILE_MISSING at .+\/broken-1\.0\.0\/pack\.json: lists "charts\/gone\.tgz", which the pack does not contain$/),
    ]);
    expect(text).toContain('  [palette-format]');
    expect(text.trimEnd().split('\n').pop()).toBe('11 entries: 9 loaded (7 synthesize, 2 need input, 0 fail), 1 failed to load, 1 not packs');
  });

  it('exits 1 from the command line when a pack fails, and prints JSON with --json', () => {
    const out: string[] = [];
    const code = runPacksCommand(['check', dir, '--json', '--only', 'gateway'], { stdout: (t) => out.push(t), stderr: (t) => out.push(t) });
    expect(code).toBe(0);
    expect(JSON.parse(out.join('')).results.map((r: { pack: string }) => r.pack)).toEqual(['gateway']);
    expect(runPacksCommand(['check', dir], { stdout: () => undefined, stderr: () => undefined })).toBe(1);
    expect(runPacksCommand(['check'], { stdout: () => undefined, stderr: (t) => out.push(t) })).toBe(2);
    expect(out.pop()).toContain('packs check takes one registry folder, not 0');
  });

  describe('on a cluster', () => {
    /** Plans one add-on pack of the registry on a complete cluster; returns the layer. */
    function clusterWith(pack: string, version: string, values?: Record<string, unknown>) {
      const app = new App({ outdir: tempDir('out-') });
      new PackCatalog(app, 'packs', { registries: [new DirectoryRegistry(dir)], lockfile: path.join(tempDir(), 'lock.json') });
      const addons = new AddonProfile(app, 'addons', { version: '1.0.0' });
      addons.addPackLayer('layer', { pack, version, values });
      return clusterIn(app, { profiles: [infraProfile(app), addons] }, 'stack', 'prod-eu');
    }
    function planned(pack: string, version: string, values?: Record<string, unknown>) {
      return clusterWith(pack, version, values).plan().layers.find((l) => l.name === pack || l.name === 'layer')!;
    }

    it('reads values.yaml with Helm\'s YAML 1.1 booleans, and an empty pack.namespace as unset', () => {
      const layer = planned('ranged', '1.x');
      expect(layer.pack!.version).toBe('1.5');
      expect((layer.values.charts as any).ranged).toEqual({ enabled: true, debug: false, quoted: 'yes' });
      expect(layer.namespace).toBe('default');
    });

    it('applies a dependency on a Kubernetes distribution only to a cluster of that distribution', () => {
      // `ranged` requires kubernetes-eks 1.20.6 to 1.27: ignored on the default distribution (above),
      // checked against the version pin on an EKS cluster.
      const app = new App({ outdir: tempDir('out-') });
      new PackCatalog(app, 'packs', { registries: [new DirectoryRegistry(dir)], lockfile: path.join(tempDir(), 'lock.json') });
      const base = new InfraProfile(app, 'eks-base', { version: '1.0.0' });
      base.addManifestLayer('os', { role: 'os' });
      base.addKubernetesLayer('k8s', { version: '1.34.x', distribution: 'kubernetes-eks' });
      base.addManifestLayer('cni', { role: 'cni' });
      base.addManifestLayer('csi', { role: 'csi' });
      const addons = new AddonProfile(app, 'addons', { version: '1.0.0' });
      addons.addPackLayer('ranged', { pack: 'ranged', version: '1.5' });
      const cluster = clusterIn(app, { profiles: [base, addons] }, 'stack', 'eks');
      expect(profileError(() => cluster.plan()).message).toBe(
        'PACK_CONSTRAINT at addons/ranged: ranged 1.5 requires kubernetes-eks >=1.20.6 <=1.27, but layer "k8s" has 1.34.x\n  fix: use a version of kubernetes-eks in >=1.20.6 <=1.27, or another version of ranged',
      );
    });

    it('lets a pack reference its own values, and gives the cluster UID and an exact Kubernetes version', () => {
      const values = (planned('selfref', 'v1.x').values.charts as any).selfref;
      expect(values.role).toBe('arn:aws:iam::123456789012:role/prod-eu');
      expect(values.id).toMatch(/^[0-9a-f]{24}$/);
      expect(values.k8s).toBe('1.34.0');
    });

    it('still fails a reference loop, naming each value of it', () => {
      const error = profileError(() => planned('selfref', 'v1.1.0', { a: '{{ .spectro.pack.selfref.b }}', b: '{{ .spectro.pack.selfref.a }}' }));
      expect(error.message).toContain('pack references form a loop: layer.b -> layer.a -> layer.b');
    });

    it('gives values keyed by the archive name to the chart, and fails a section the profile misnames', () => {
      expect(planned('gateway', '6.6.0').ignoredValues).toEqual(['charts.stray']);
      const cluster = clusterWith('gateway', '6.6.0');
      const release = releases(synthJson(TerraformStack.of(cluster)))['prod-eu_layer'];
      expect(release.values).toEqual(['replicaCount: 3\n']);
      expect(profileError(() => planned('gateway', '6.6.0', { charts: { gatway: { replicaCount: 1 } } })).message).toBe(
        'INVALID_VALUES at addons/layer: charts.gatway names no chart of pack gateway 6.6.0 (its charts: gateway), so its values would reach no release\n  fix: put these values under charts.gateway',
      );
    });

    it('packages a listed chart archive from the chart folder the pack ships', () => {
      const pack = new DirectoryRegistry(dir).load('crds-folder', '1.0.1');
      expect(pack.files.get('charts/api-crds-1.4.0.tgz')).toBeDefined();
      expect([...pack.files.keys()].filter((f) => f.endsWith('Chart.yaml'))).toEqual(['charts/api-crds/Chart.yaml']);
      // The digest is of the files as published, so packaging changes no lockfile entry.
      const published = new Map([...pack.files].filter(([f]) => f !== 'charts/api-crds-1.4.0.tgz'));
      expect(pack.digest).toBe(contentDigest(published));
    });
  });

});
