import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { AddonProfile, ChartSource, DirectoryRegistry, exportProfile, InfraProfile, PackCatalog, ProfileDocument, Readiness, SensitiveValue } from '../../lib';
import { configMap, tempDir } from '../helpers';
import { packFolder, PackFixture } from '../pack/fixtures';

/** Packs of the profiles built by {@link platformProfiles}. */
export const platformPacks: PackFixture[] = [
  {
    name: 'net',
    version: '1.0.0',
    layer: 'cni',
    charts: { net: 'mtu: 1500\n' },
    values: 'pack:\n  namespace: net\ncharts:\n  net:\n    mode: vxlan\n    mtu: 1500\n',
    presets: 'presets:\n  - name: jumbo\n    group: MTU\n    add: |\n      charts:\n        net:\n          mtu: 8950\n',
  },
  { name: 'net', version: '1.1.0', layer: 'cni', charts: { net: 'mtu: 1500\n' }, values: 'pack:\n  namespace: net\ncharts:\n  net:\n    mode: vxlan\n    mtu: 1500\n', presets: 'presets:\n  - name: jumbo\n    group: MTU\n    add: |\n      charts:\n        net:\n          mtu: 8950\n' },
  { name: 'redis', version: '7.2.0', charts: { redis: '' }, values: 'pack:\n  namespace: cache\n' },
];

/**
 * Packs that the Palette-shaped documents of fixtures/ use: argo-cd (with a preset), kubeflow
 * (a chart from a Helm registry in Palette) and istio (an OCI pack in Palette).
 */
export const palettePacks: PackFixture[] = [
  {
    name: 'argo-cd',
    version: '3.3.5',
    charts: { 'argo-cd': 'replicas: 1\n' },
    values: [
      'pack:',
      '  namespace: argocd',
      '  spectrocloud.com/install-priority: "10"',
      '  content:',
      '    images:',
      '      - image: quay.io/argoproj/argocd:v3.3.5',
      'charts:',
      '  argo-cd:',
      '    replicas: 1',
      '    dex:',
      '      enabled: true',
      '    server:',
      '      ingress:',
      '        enabled: false',
      '',
    ].join('\n'),
    presets: 'presets:\n  - name: enable-ingress\n    displayName: Enable\n    group: Ingress\n    add: |\n      charts:\n        argo-cd:\n          server:\n            ingress:\n              enabled: true\n',
  },
  { name: 'kubeflow', version: '1.9.1', charts: { kubeflow: '' }, values: 'pack:\n  namespace: kubeflow\ncharts:\n  kubeflow:\n    namespace: kubeflow\n' },
  { name: 'istio', version: '1.24.0', charts: { istio: '' }, values: 'pack:\n  namespace: istio-system\n  spectrocloud.com/install-priority: "5"\ncharts:\n  istio:\n    profile: default\n' },
];

/** A pack catalog over `packs` in a fresh folder, with a fresh lockfile. */
export function catalogIn(app: App, packs: readonly PackFixture[]): PackCatalog {
  return new PackCatalog(app, 'packs', { registries: [new DirectoryRegistry(packFolder(packs), 'test')], lockfile: path.join(tempDir(), 'lock.json') });
}

/**
 * An infra profile with one layer of each kind (manifest, Kubernetes, pack, local chart) and an
 * add-on profile with charts from a repository and an OCI registry, a manifest layer, a pack
 * layer, every layer setting, variables, a profile override, a secret and an expression.
 */
export function platformProfiles(app: App): { infra: InfraProfile; addons: AddonProfile; stack: TerraformStack } {
  catalogIn(app, platformPacks);
  const infra = new InfraProfile(app, 'base', { version: '1.0.0', description: 'Base layers' });
  infra.addManifestLayer('os', { role: 'os', namespace: 'platform-system', createNamespace: false, documents: [configMap('os-settings', { image: 'ubuntu' })] });
  infra.addKubernetesLayer('k8s', {
    version: '1.34.x',
    values: { podCIDR: '10.244.0.0/16' },
    yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cluster-info\ndata:\n  region: eu\n',
  });
  infra.addPackLayer('cni', { pack: 'net', version: '1.x', presets: ['jumbo'], values: { charts: { net: { mode: null, extra: 'on' } } } });
  infra.addHelmLayer('csi', { role: 'csi', chart: ChartSource.local('examples/charts/demo-csi'), values: { storageClass: { name: 'fast' } } });

  const stack = new TerraformStack(app, 'stack');
  const domain = new TerraformVariable(stack, 'domain', { type: 'string' });
  const addons = new AddonProfile(app, 'apps', {
    version: '2.0.0',
    variables: [
      { name: 'region', displayName: 'Region', description: 'Where the apps run', default: 'eu', required: true, regex: '^[a-z]+$' },
      { name: 'replicas', format: 'number', default: 2, readOnly: true },
      { name: 'api_token', sensitive: true, hidden: true },
    ],
  });
  const crds = addons.addManifestLayer('crds', {
    documents: [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'a' }, data: { team: 'a' } },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'b' }, data: { team: 'b' } },
    ],
  });
  addons.addHelmLayer('web', {
    chart: ChartSource.repository('https://charts.example.com/', 'web'),
    version: '1.2.0',
    namespace: 'web',
    releaseName: 'frontend',
    priority: 10,
    dependsOn: [crds],
    release: { timeoutSeconds: 600, atomic: false },
    protect: true,
    drift: { ignore: ['/spec/replicas'] },
    readiness: [Readiness.condition({ apiVersion: 'cert-manager.io/v1', kind: 'Certificate', name: 'web-tls', type: 'Ready', timeoutSeconds: 120 })],
    values: { replicas: 1, password: SensitiveValue.fromVariable('web_password'), host: domain.stringValue, tokens: ['plain', SensitiveValue.fromVariable('second')] },
  });
  addons.addHelmLayer('grafana', { chart: ChartSource.oci('oci://ghcr.io/grafana/helm-charts/grafana'), values: 'adminUser: admin\n' });
  addons.addPackLayer('cache', { pack: 'redis', version: '7.2.0', createNamespace: false }).addDependency('web');
  addons.setValues('web', { replicas: 3, ingress: { enabled: true } });
  return { infra, addons, stack };
}

/** A fixture document of test/document/fixtures, as text. */
export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
}

/** The add-on profile of the platform fixture, exported, and a next version of it. */
export function twoVersions(): { before: ProfileDocument; after: ProfileDocument } {
  const before = exportProfile(platformProfiles(new App()).addons);
  const after = JSON.parse(JSON.stringify(before));
  after.metadata.description = 'Apps for every cluster';
  after.spec.version = '2.1.0';
  const [crds, web, , cache] = after.spec.template.packs;
  crds.manifests = [
    { name: 'configmap-settings', content: 'apiVersion: v1\ndata:\n  team: c\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: a\n' },
    { name: 'namespace-team', content: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n' },
  ];
  web.tag = web.version = '~1.3.0';
  web.registry.repository = 'https://charts.example.org';
  web.values = 'host: (expression)\ningress:\n  enabled: true\n  host: apps.example.com\npassword: (sensitive)\nreplicas: 4\ntokens:\n  - (sensitive)\n  - (sensitive)\n';
  web['x-cluster-profiles'].namespace = 'frontend';
  delete web['x-cluster-profiles'].priority;
  cache.tag = '7.2.x';
  cache.version = '7.2.1';
  const metrics = { name: 'metrics', type: 'helm', layer: 'addon', values: '', registry: { repository: 'https://prometheus-community.github.io/helm-charts', chart: 'prometheus' } };
  after.spec.template.packs = [crds, cache, web, metrics];
  after.spec.variables[0].defaultValue = 'us';
  after.spec.variables[1] = { name: 'zone', format: 'string' };
  return { before, after };
}
