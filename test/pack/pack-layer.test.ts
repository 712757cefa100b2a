import * as path from 'path';
import { App } from 'cdktf';
import { AddonProfile, DirectoryRegistry, InfraProfile, PackCatalog } from '../../lib';
import { clusterIn, configMap, dependsOn, profileError, releases, synthJson, tempDir } from '../helpers';
import { packFolder, PackFixture } from './fixtures';

const packs: PackFixture[] = [
  {
    name: 'cni-pack',
    version: '1.0.0',
    layer: 'cni',
    values: "pack:\n  namespace: cni\ncharts:\n  cni:\n    podCIDR: '{{ .spectro.pack.kubernetes.podCIDR }}'\n    cidrNote: 'pods in {{ .spectro.pack.kubernetes.podCIDR }}'\n    mtu: 1450\n    mode: vxlan\n    image: cni:1\n",
    charts: { cni: 'mtu: 1500\n' },
    presets:
      'presets:\n  - name: jumbo\n    group: MTU\n    add: |\n      charts:\n        cni:\n          mtu: 8950\n  - name: small\n    group: MTU\n    add: |\n      charts:\n        cni:\n          mtu: 1280\n  - name: native-routing\n    group: Mode\n    remove: [charts.cni.mode]\n    add: |\n      charts:\n        cni:\n          routing: native\n',
    schema:
      "charts.cni.mtu:\n  schema: '{{ required | format \"${number:[576-9000]}\" }}'\ncharts.cni.podCIDR:\n  schema: '{{ required | format \"${ipv4}/${number:[8-28]}\" }}'\ncharts.cni.image:\n  schema: '{{ readonly }}'\n",
    dependencies: [{ packName: 'kubernetes', layer: 'k8s', minVersion: '1.30.0', maxVersion: '1.35.99', type: 'required' }],
  },
  { name: 'csi-pack', version: '2.0.0', layer: 'csi', charts: { csi: '' }, values: 'pack:\n  namespace: csi\n' },
  {
    name: 'web',
    version: '1.0.0',
    charts: { web: '' },
    values: 'pack:\n  namespace: web\n  spectrocloud.com/install-priority: "5"\ncharts:\n  web:\n    replicas: 1\n',
    dependencies: [{ packName: 'cert-manager', minVersion: '1.14.0', type: 'required' }],
  },
  { name: 'cert-manager', version: '1.13.0', charts: { 'cert-manager': '' }, values: 'pack:\n  namespace: cert-manager\n' },
  { name: 'cert-manager', version: '1.16.2', charts: { 'cert-manager': '' }, values: 'pack:\n  namespace: cert-manager\n' },
  { name: 'legacy', version: '0.9.0', charts: { legacy: '' }, dependencies: [{ packName: 'kubernetes', layer: 'k8s', minVersion: '1.33.0', type: 'notSupported' }] },
  {
    name: 'stack',
    version: '1.0.0',
    charts: { operator: '', dashboard: '' },
    manifests: { 'config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n' },
    values: 'pack:\n  namespace: stack\n  releaseNameOverride:\n    dashboard: ui\ncharts:\n  operator:\n    a: 1\n  dashboard:\n    b: 2\nmanifests:\n  config:\n    name: stack-config\n',
  },
];

function fixture() {
  const app = new App();
  new PackCatalog(app, 'packs', { registries: [new DirectoryRegistry(packFolder(packs), 'test')], lockfile: path.join(tempDir(), 'lock.json') });
  const infra = new InfraProfile(app, 'base', { version: '1.0.0' });
  infra.addManifestLayer('os', { role: 'os', documents: [configMap('os')] });
  infra.addKubernetesLayer('kubernetes', { version: '1.34.x', values: { podCIDR: '10.42.0.0/16' } });
  const addons = new AddonProfile(app, 'addons', { version: '1.0.0' });
  return { app, infra, addons };
}

describe('pack layers', () => {
  it('takes role, namespace and priority from the pack, and merges defaults, presets, layer, profile and cluster values', () => {
    const { app, infra, addons } = fixture();
    infra.addPackLayer('cni', { pack: 'cni-pack', version: '1.x', presets: ['jumbo', 'native-routing'], values: { charts: { cni: { extra: 'layer' } } } });
    infra.addPackLayer('csi', { pack: 'csi-pack', version: '2.0.0' });
    infra.setValues('cni', { charts: { cni: { profileKey: true } } });
    const cluster = clusterIn(app, { profiles: [infra, addons] }).setValues('cni', { charts: { cni: { mtu: 9000 } } });
    const cni = cluster.plan().layers.find((l) => l.name === 'cni')!;
    expect(cni).toMatchObject({ kind: 'pack', role: 'cni', namespace: 'cni', group: 2 });
    expect(cni.values.charts).toEqual({
      cni: { podCIDR: '10.42.0.0/16', cidrNote: 'pods in 10.42.0.0/16', mtu: 9000, routing: 'native', image: 'cni:1', extra: 'layer', profileKey: true },
    });
    expect(cni.provenance).toEqual({
      'charts.cni.cidrNote': 'pack',
      'charts.cni.extra': 'layer',
      'charts.cni.image': 'pack',
      'charts.cni.mtu': 'cluster',
      'charts.cni.podCIDR': 'pack',
      'charts.cni.profileKey': 'profile',
      'charts.cni.routing': 'preset',
      'pack.namespace': 'pack',
    });
    const json = synthJson(cluster.node.scope as any);
    expect(releases(json).prod_cni.values).toEqual(['cidrNote: pods in 10.42.0.0/16\nextra: layer\nimage: cni:1\nmtu: 9000\npodCIDR: 10.42.0.0/16\nprofileKey: true\nrouting: native\n']);
    expect(releases(json).prod_cni.chart).toMatch(/^\.\/clusters\/prod\/charts\/cni-[0-9a-f]{12}\/cni-1\.0\.0\.tgz$/);
  });

  it('fails on two presets of one group and on an unknown preset', () => {
    const { infra } = fixture();
    expect(profileError(() => infra.addPackLayer('cni', { pack: 'cni-pack', version: '1.0.0', presets: ['jumbo', 'small'] }).resolvePack()).message).toBe(
      'PRESET_CONFLICT at base/cni: presets "jumbo" and "small" are both of group "MTU"\n  fix: choose one preset of group "MTU"',
    );
    expect(profileError(() => infra.addPackLayer('cni2', { pack: 'cni-pack', version: '1.0.0', presets: ['jumb'] }).resolvePack()).message).toBe(
      'UNKNOWN_PRESET at base/cni2: preset "jumb" is not defined by the pack\n  presets: jumbo (MTU), small (MTU), native-routing (Mode)\n  fix: choose a preset the pack defines (did you mean "jumbo"?)',
    );
  });

  it('fails on values that break the pack schema, naming the path and the rule', () => {
    const { app, infra } = fixture();
    infra.addPackLayer('cni', { pack: 'cni-pack', version: '1.0.0', values: { charts: { cni: { image: 'other:2', podCIDR: '10.42.0.0/40' } } } });
    infra.addPackLayer('csi', { pack: 'csi-pack', version: '2.0.0' });
    const cluster = clusterIn(app, { profiles: [infra] }).setValues('cni', { charts: { cni: { mtu: 9500 } } });
    expect(profileError(() => cluster.plan()).message).toBe(
      [
        'SCHEMA_VIOLATION at base/cni: value charts.cni.image is read-only in the pack\'s schema.yaml but was overridden (by layer)',
        '  fix: remove the override of charts.cni.image',
        'SCHEMA_VIOLATION at base/cni: value charts.cni.mtu = 9500 breaks the rule format "${number:[576-9000]}" of the pack\'s schema.yaml',
        '  fix: give charts.cni.mtu a value of format ${number:[576-9000]}',
        'SCHEMA_VIOLATION at base/cni: value charts.cni.podCIDR = "10.42.0.0/40" breaks the rule format "${ipv4}/${number:[8-28]}" of the pack\'s schema.yaml',
        '  fix: give charts.cni.podCIDR a value of format ${ipv4}/${number:[8-28]}',
      ].join('\n'),
    );
  });

  it('fails when a required value is missing', () => {
    const { app, infra } = fixture();
    infra.addPackLayer('cni', { pack: 'cni-pack', version: '1.0.0', values: { charts: { cni: { mtu: null } } } });
    infra.addPackLayer('csi', { pack: 'csi-pack', version: '2.0.0' });
    const error = profileError(() => clusterIn(app, { profiles: [infra] }).plan());
    expect(error.diagnostics.map((d) => d.message)).toEqual(["value charts.cni.mtu is required by the pack's schema.yaml but not set"]);
  });

  it('checks pack dependencies across every profile on the cluster', () => {
    const { app, infra, addons } = fixture();
    infra.addPackLayer('cni', { pack: 'cni-pack', version: '1.0.0' });
    infra.addPackLayer('csi', { pack: 'csi-pack', version: '2.0.0' });
    addons.addPackLayer('web', { pack: 'web', version: '1.0.0' });
    const missing = profileError(() => clusterIn(app, { profiles: [infra, addons] }, 'one', 'one').plan());
    expect(missing.message).toBe(
      'PACK_CONSTRAINT at addons/web: web 1.0.0 requires cert-manager >=1.14.0, which no layer on the cluster provides\n  fix: attach a profile with cert-manager in >=1.14.0, or remove this layer',
    );
    const old = new AddonProfile(app, 'old-certs', { version: '1.0.0' });
    old.addPackLayer('cert-manager', { pack: 'cert-manager', version: '1.13.0' });
    expect(profileError(() => clusterIn(app, { profiles: [infra, old, addons] }, 'two', 'two').plan()).message).toBe(
      'PACK_CONSTRAINT at addons/web: web 1.0.0 requires cert-manager >=1.14.0, but layer "cert-manager" has 1.13.0\n  fix: use a version of cert-manager in >=1.14.0, or another version of web',
    );
    const current = new AddonProfile(app, 'certs', { version: '1.0.0' });
    current.addPackLayer('cert-manager', { pack: 'cert-manager', version: '1.x' });
    expect(clusterIn(app, { profiles: [infra, current, addons] }, 'three', 'three').plan().layers.map((l) => l.name)).toContain('web');
  });

  it('checks Kubernetes version compatibility against the Kubernetes layer\'s pin', () => {
    const { app, infra, addons } = fixture();
    infra.addPackLayer('cni', { pack: 'cni-pack', version: '1.0.0' });
    infra.addPackLayer('csi', { pack: 'csi-pack', version: '2.0.0' });
    addons.addPackLayer('legacy', { pack: 'legacy', version: '0.9.0' });
    expect(profileError(() => clusterIn(app, { profiles: [infra, addons] }).plan()).message).toBe(
      'PACK_CONSTRAINT at addons/legacy: legacy 0.9.0 does not support kubernetes >=1.33.0, but layer "kubernetes" has 1.34.x\n  fix: use a version of kubernetes outside >=1.33.0',
    );
  });

  it('fails on a reference to a layer that is not on the cluster', () => {
    const app = new App();
    new PackCatalog(app, 'packs', { registries: [new DirectoryRegistry(packFolder(packs), 'test')], lockfile: path.join(tempDir(), 'lock.json') });
    const addons = new AddonProfile(app, 'addons', { version: '1.0.0' });
    addons.addPackLayer('web', { pack: 'cert-manager', version: '1.16.2', values: { charts: { 'cert-manager': { cidr: '{{ .spectro.pack.kubernets.podCIDR }}' } } } });
    expect(profileError(() => clusterIn(app, { profiles: [addons] }).plan()).message).toBe(
      'UNKNOWN_PACK_REFERENCE at addons/web: "{{ .spectro.pack.kubernets.podCIDR }}" names layer "kubernets", which is not on this cluster\n  fix: reference a layer or pack attached to the same cluster',
    );
  });

  it('installs the same pack twice under display names, release names and namespaces of its own', () => {
    const { app, addons } = fixture();
    const certs = (name: string, namespace: string) =>
      addons.addPackLayer(name, { pack: 'cert-manager', version: '1.16.2', values: { pack: { 'spectrocloud.com/display-name': name, namespace } } });
    certs('certs-a', 'certs-a');
    certs('certs-b', 'certs-b');
    const plan = clusterIn(app, { profiles: [addons] }).plan();
    expect(plan.layers.map((l) => [l.name, l.namespace, l.releaseName])).toEqual([
      ['certs-a', 'certs-a', 'certs-a'],
      ['certs-b', 'certs-b', 'certs-b'],
    ]);
  });

  it('fails when two copies of a pack claim the same release in the same namespace', () => {
    const { app, addons } = fixture();
    addons.addPackLayer('certs-a', { pack: 'cert-manager', version: '1.16.2', releaseName: 'cert-manager' });
    addons.addPackLayer('certs-b', { pack: 'cert-manager', version: '1.16.2', releaseName: 'cert-manager' });
    expect(profileError(() => clusterIn(app, { profiles: [addons] }).plan()).diagnostics[0].message).toBe(
      'release "cert-manager/cert-manager" is claimed by certs-a and certs-b on cluster "prod"',
    );
  });

  it('installs a pack of several charts and manifests as chained releases', () => {
    const { app, addons } = fixture();
    addons.addPackLayer('stack', { pack: 'stack', version: '1.0.0' });
    const json = synthJson(clusterIn(app, { profiles: [addons] }).node.scope as any);
    const r = releases(json);
    expect(Object.keys(r).sort()).toEqual(['prod_stack--dashboard', 'prod_stack--manifests', 'prod_stack--operator']);
    expect([r['prod_stack--operator'].name, r['prod_stack--dashboard'].name, r['prod_stack--manifests'].name]).toEqual(['stack-operator', 'ui', 'stack-manifests']);
    expect(r['prod_stack--operator'].values).toEqual(['a: 1\n']);
    expect(r['prod_stack--dashboard'].values).toEqual(['b: 2\n']);
    expect(r['prod_stack--manifests'].values).toEqual(['manifests:\n  config:\n    name: stack-config\n']);
    expect(dependsOn(json, 'prod_stack--dashboard')).toEqual(['prod_stack--operator']);
    expect(dependsOn(json, 'prod_stack--manifests')).toEqual(['prod_stack--dashboard']);
  });

  it('creates the namespaces a pack asks for, with their labels and annotations, before its releases', () => {
    const { app, addons } = fixture();
    addons.addPackLayer('certs', {
      pack: 'cert-manager',
      version: '1.16.2',
      values: {
        pack: {
          namespaceLabels: { 'cert-manager': 'pod-security.kubernetes.io/enforce=restricted, team=pki' },
          namespaceAnnotations: { 'cert-manager': 'owner=platform' },
          additionalNamespaces: ['cert-issuers'],
        },
      },
    });
    const json = synthJson(clusterIn(app, { profiles: [addons] }).node.scope as any);
    expect(json.resource.kubernetes_namespace_v1).toEqual({
      'prod_namespace_cert-issuers': expect.objectContaining({ metadata: { name: 'cert-issuers' }, provider: 'kubernetes.prod' }),
      'prod_namespace_cert-manager': expect.objectContaining({
        metadata: { annotations: { owner: 'platform' }, labels: { 'pod-security.kubernetes.io/enforce': 'restricted', team: 'pki' }, name: 'cert-manager' },
      }),
    });
    expect(releases(json).prod_certs.depends_on).toEqual(['kubernetes_namespace_v1.prod_namespace_cert-issuers', 'kubernetes_namespace_v1.prod_namespace_cert-manager']);
  });

  it('fails when two layers give one namespace different labels', () => {
    const { app, addons } = fixture();
    const labelled = (name: string, level: string) =>
      addons.addPackLayer(name, { pack: 'cert-manager', version: '1.16.2', namespace: name, values: { pack: { namespaceLabels: { shared: `tier=${level}` } } } });
    labelled('certs-a', 'gold');
    labelled('certs-b', 'silver');
    expect(profileError(() => clusterIn(app, { profiles: [addons] }).plan()).message).toBe(
      'NAMESPACE_CONFLICT at stack/prod: namespace "shared" gets label tier=gold from layer "certs-a" and tier=silver from layer "certs-b"\n  fix: give tier one value in the pack: sections of both layers',
    );
  });

  it('fails on a pack with two charts of one name, since each chart of a pack is a release of its own', () => {
    const app = new App();
    const twice: PackFixture = {
      name: 'twice',
      version: '1.0.0',
      charts: { operator: '' },
      files: { 'pack.json': JSON.stringify({ name: 'twice', version: '1.0.0', layer: 'addon', charts: ['charts/operator-1.0.0.tgz', './charts/operator-1.0.0.tgz'] }) },
    };
    new PackCatalog(app, 'packs', { registries: [new DirectoryRegistry(packFolder([twice]), 'test')], lockfile: path.join(tempDir(), 'lock.json') });
    const addons = new AddonProfile(app, 'addons', { version: '1.0.0' });
    expect(profileError(() => addons.addPackLayer('twice', { pack: 'twice', version: '1.0.0' }).resolvePack()).message).toBe(
      'PACK_INVALID at addons/twice: pack twice 1.0.0 has two charts named "operator" (charts/operator-1.0.0.tgz and charts/operator-1.0.0.tgz), but each chart of a pack is a release of its own\n  fix: list each chart archive once in pack.json: charts, and give each chart of the pack its own name in its Chart.yaml',
    );
  });

  it('resolves two layers on one train apart when only one of them takes pre-releases', () => {
    const app = new App({ outdir: tempDir() });
    const registry = new DirectoryRegistry(packFolder([{ name: 'web', version: '2.0.0', charts: { web: '' } }, { name: 'web', version: '2.1.0-rc.1', charts: { web: '' } }]), 'test');
    new PackCatalog(app, 'packs', { registries: [registry], lockfile: path.join(tempDir(), 'lock.json') });
    const addons = new AddonProfile(app, 'addons', { version: '1.0.0' });
    const stable = addons.addPackLayer('stable', { pack: 'web', version: '2.x', namespace: 'stable' });
    const early = addons.addPackLayer('early', { pack: 'web', version: '2.x', namespace: 'early', includePrerelease: true });
    expect([stable.resolved.pack.manifest.version, early.resolved.pack.manifest.version]).toEqual(['2.0.0', '2.1.0-rc.1']);
  });

  it('reads nothing when declared: the catalog may come later, and synth reports every resolution problem at once', () => {
    const app = new App({ outdir: tempDir() });
    const addons = new AddonProfile(app, 'addons', { version: '1.0.0' });
    addons.addPackLayer('web', { pack: 'web', version: '9.x' });
    addons.addPackLayer('ghost', { pack: 'ghost', version: '1.0.0' });
    new PackCatalog(app, 'packs', { registries: [new DirectoryRegistry(packFolder(packs), 'test')], lockfile: path.join(tempDir(), 'lock.json') });
    clusterIn(app, { profiles: [addons] });
    expect(profileError(() => app.synth()).diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['PACK_NOT_FOUND', 'addons/ghost'],
      ['VERSION_NOT_FOUND', 'addons/web'],
    ]);
  });

  it('fails when the app has no pack catalog', () => {
    const addons = new AddonProfile(new App(), 'addons', { version: '1.0.0' });
    expect(profileError(() => addons.addPackLayer('web', { pack: 'web', version: '1.0.0' }).resolvePack()).message).toBe(
      "NO_PACK_CATALOG at addons/web: a pack layer needs a PackCatalog, and the app has none\n  fix: create one before the layer: new PackCatalog(app, 'packs', { registries: [new DirectoryRegistry('packs')] })",
    );
  });
});
