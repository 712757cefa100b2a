import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { App, TerraformStack, TerraformVariable, Testing, Aspects } from 'cdktf';
import { AddonProfile, ChartSource, Cluster, ClusterConnection, ClusterProps, DirectoryRegistry, ErrorCode, exportProfile, Fleet, FleetProps, FullProfile, HelmLayer, HelmRepositoryRegistry, importProfile, InfraProfile, KubernetesLayer, Lockfile, ManifestLayer, PackCatalog, parseValuesYaml, ProfileDocument, readProfileDocument, Readiness, RequireNamespaces, SensitiveValue, VariableDefinition } from '../lib';
import { readPack } from '../lib/pack/pack';
import { constraintKind } from '../lib/pack/version';
import { readArchive } from '../lib/pack';
import { diffProfiles } from '../lib/document/diff-profiles';
import { fixtureText, palettePacks, platformPacks, platformProfiles } from './document/fixtures';
import { addonProfile, clusterIn, configMap, infraProfile, profileError, tempDir, testApp } from './helpers';
import { ERROR_CODES } from './fuzz/harness';
import { selectStacks } from '../lib/drift/drift-cli';
import { decodeReleaseRecord } from '../lib/drift/release-record';
import { kubeRequestError } from '../lib/kube/kube-client';
import { timeoutError } from '../lib/readiness/wait';
import { readKubeconfig } from '../lib/kube/kubeconfig';
import { packFiles, packFolder, PackFixture } from './pack/fixtures';
import { member, platform } from './fleet/fixtures';
import { pathStyleProblem } from './diagnostics/path-style';

/**
 * Every error a user can meet, with its code and its exact text: the specification of the error
 * surface. One row per case, grouped by area; other test files pin more cases of each area.
 */
const chart = ChartSource.repository('https://charts.example.com', 'thing');

function addons(): AddonProfile {
  return new AddonProfile(new App(), 'addons', { version: '1.0.0' });
}

/** Plans a cluster running the profiles `build` makes on a fresh app. */
function plan(build: (app: App) => Array<InfraProfile | AddonProfile | FullProfile>, setup?: (cluster: Cluster) => void, props: Partial<ClusterProps> = {}): unknown {
  const app = testApp();
  const cluster = clusterIn(app, { ...props, profiles: build(app) });
  setup?.(cluster);
  return cluster.plan();
}

/** Plans an add-on profile `apps` with the given variables and two layers: `db` and `web`, whose values are `values`. */
function planValues(values: Record<string, unknown>, variables: VariableDefinition[] = [], setup?: (cluster: Cluster) => void, db: Record<string, unknown> = { port: 5432 }): unknown {
  return plan((app) => {
    const apps = new AddonProfile(app, 'apps', { version: '1.0.0', variables });
    apps.addHelmLayer('db', { chart, namespace: 'db', values: db });
    apps.addHelmLayer('web', { chart, namespace: 'web', values });
    return [apps];
  }, setup);
}

// Packs: a base pack read from memory, and a registry folder made once for the cases that resolve.
const calico: PackFixture = { name: 'calico', version: '3.30.3', layer: 'cni', charts: { calico: 'mtu: 1450\n' }, values: 'pack:\n  namespace: calico\n' };

function readCalico(overrides: Partial<PackFixture> = {}, mutate?: (files: Map<string, Buffer>) => void): unknown {
  const files = packFiles({ ...calico, ...overrides });
  mutate?.(files);
  return readPack(files, 'reg/calico-3.30.3');
}

const registryPacks: PackFixture[] = [
  {
    ...calico,
    presets: 'presets:\n  - name: jumbo\n    group: MTU\n    add: "charts: {calico: {mtu: 8950}}"\n  - name: small\n    group: MTU\n    add: "charts: {calico: {mtu: 1280}}"\n',
    schema: 'charts.calico.mtu:\n  schema: \'{{ required | format "${number:[576-9000]}" }}\'\n',
    values: 'pack:\n  namespace: calico\ncharts:\n  calico:\n    mtu: 1450\n',
    dependencies: [{ packName: 'kubernetes', layer: 'k8s', minVersion: '1.30.0', type: 'required' }],
  },
  { name: 'calico', version: '3.29.0', layer: 'cni', charts: { calico: '' } },
  { name: 'web', version: '1.0.0', charts: { web: '' }, values: 'pack:\n  namespace: web\n', dependencies: [{ packName: 'cert-manager', minVersion: '1.14.0', type: 'required' }] },
  { name: 'certs', version: '1.0.0', charts: { certs: '' }, values: 'pack:\n  namespaceLabels:\n    shared: tier=gold\n' },
  { name: 'twice', version: '1.0.0', charts: { operator: '' }, files: { 'pack.json': '{"name": "twice", "version": "1.0.0", "layer": "addon", "charts": ["charts/operator-1.0.0.tgz", "charts/operator-1.0.0.tgz"]}' } },
  { name: 'dup', version: '1.0.0' },
  { name: 'dup-copy', version: '1.0.0', files: { 'pack.json': '{"name": "dup", "version": "1.0.0", "layer": "addon"}' } },
];
let registryFolder: string | undefined;
const temporary: string[] = [];
afterAll(() => temporary.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function packsFolder(): string {
  if (!registryFolder) temporary.push((registryFolder = packFolder(registryPacks)));
  return registryFolder;
}

/** A fresh lockfile path; with `entries`, a lockfile holding them. */
function lockfile(entries?: Record<string, { version: string; digest: string; registry: string }>): string {
  const directory = tempDir();
  temporary.push(directory);
  const file = path.join(directory, 'lock.json');
  if (entries) fs.writeFileSync(file, JSON.stringify({ lockfileVersion: 1, packs: entries }));
  return file;
}

/** An app with a catalog over the registry folder. */
function packApp(options: { lock?: string; mode?: 'frozen' } = {}): App {
  const app = testApp();
  new PackCatalog(app, 'packs', { registries: [new DirectoryRegistry(packsFolder(), 'local')], lockfile: options.lock ?? lockfile(), mode: options.mode });
  return app;
}

/** Synthesizes the app with one cluster running `infra`: pack layers resolve in synth's one pass. */
function synthApp({ app, infra }: { app: App; infra: InfraProfile }): void {
  clusterIn(app, { profiles: [infra] });
  app.synth();
}

/** An infra profile whose cni is a calico pack layer, on a fresh app with a catalog. */
function calicoInfra(props: { presets?: string[]; values?: Record<string, unknown> } = {}): { app: App; infra: InfraProfile } {
  const app = packApp();
  const infra = new InfraProfile(app, 'base', { version: '1.0.0' });
  infra.addManifestLayer('os', { role: 'os' });
  infra.addKubernetesLayer('k8s', { version: '1.34.x' });
  infra.addPackLayer('cni', { pack: 'calico', version: '3.30.3', ...props });
  infra.addManifestLayer('csi', { role: 'csi' });
  return { app, infra };
}

/** A tar archive with one hand-made entry, gzipped, to allow hostile names and sizes. */
function archiveWithEntry(name: string, size = '00000000002'): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0, 100);
  header.write('0000644\0', 100);
  header.write(`${size}\0`, 124);
  header.write('0', 156);
  return zlib.gzipSync(Buffer.concat([header, Buffer.alloc(512), Buffer.alloc(1024)]));
}

/** The add-on profile of the document fixtures, exported, as a mutable document. */
function appsDocument(): any {
  return JSON.parse(JSON.stringify(exportProfile(platformProfiles(new App()).addons)));
}

/** An app with a catalog over the packs of the document fixtures. */
function documentApp(packs: readonly PackFixture[] = platformPacks): App {
  const app = new App();
  const folder = packFolder(packs);
  temporary.push(folder);
  new PackCatalog(app, 'packs', { registries: [new DirectoryRegistry(folder, 'test')], lockfile: lockfile() });
  return app;
}

/** A fleet named edge on a fresh app, whose props `build` makes from an add-on profile. */
function fleet(build: (profile: AddonProfile) => FleetProps): Fleet {
  const app = new App();
  return new Fleet(app, 'edge', build(platform(app)));
}

const FORMAT_FIX = 'correct the YAML at that line (check indentation, quotes and the ": " after each key)';
const MANIFEST_FIX = 'each document needs apiVersion, kind and metadata.name, e.g. "apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: settings"';
const MASKED_FIX = "give each in importProfile's options: sensitiveValues (SensitiveValue) or expressions (a Terraform expression) by layer name and value path, variables by variable name";

/** A row: the case, its code, what fails, and the whole message (computed when it holds a content digest). */
const catalogue: Array<[string, ErrorCode, () => unknown, string | (() => string)]> = [
  // --- Profiles and names: checked where they are declared.
  [
    'an upper-case layer name',
    'INVALID_NAME',
    () => new HelmLayer(addons(), 'Ingress_Controller', { chart }),
    'INVALID_NAME at addons/Ingress_Controller: layer name "Ingress_Controller" is not a DNS-1123 label of at most 53 characters\n  fix: use lower-case letters, digits and \'-\', starting and ending with a letter or digit, e.g. "ingress-controller"',
  ],
  [
    'a release name over 53 characters',
    'INVALID_NAME',
    () => new HelmLayer(addons(), 'web', { chart, releaseName: 'a'.repeat(54) }),
    `INVALID_NAME at addons/web: release name "${'a'.repeat(54)}" is not a DNS-1123 label of at most 53 characters\n  fix: use lower-case letters, digits and '-', starting and ending with a letter or digit, e.g. "${'a'.repeat(53)}"`,
  ],
  [
    'a namespace with a dot',
    'INVALID_NAME',
    () => new HelmLayer(addons(), 'web', { chart, namespace: 'team.a' }),
    'INVALID_NAME at addons/web: namespace name "team.a" is not a DNS-1123 label of at most 63 characters\n  fix: use lower-case letters, digits and \'-\', starting and ending with a letter or digit, e.g. "team-a"',
  ],
  [
    'a cluster name starting with a digit',
    'INVALID_NAME',
    () => new Cluster(new TerraformStack(new App(), 's'), '1prod', { connection: ClusterConnection.kubeconfig({ path: 'k' }) }),
    'INVALID_NAME at s/1prod: cluster name "1prod" is not a DNS-1035 label of at most 63 characters (it becomes a Terraform provider alias, so it starts with a letter)\n  fix: use lower-case letters, digits and \'-\', starting and ending with a letter or digit, e.g. "x-1prod"',
  ],
  [
    'a profile name with spaces',
    'INVALID_NAME',
    () => new AddonProfile(new App(), 'addons', { name: 'Platform Apps', version: '1.0.0' }),
    'INVALID_NAME at addons: profile name "Platform Apps" is not a DNS-1123 label of at most 63 characters\n  fix: use lower-case letters, digits and \'-\', starting and ending with a letter or digit, e.g. "platform-apps"',
  ],
  [
    'a profile version with a leading v',
    'INVALID_SEMVER',
    () => new AddonProfile(new App(), 'addons', { version: 'v1.0.0' }),
    'INVALID_SEMVER at addons: profile version "v1.0.0" is not a strict semantic version\n  fix: write MAJOR.MINOR.PATCH with an optional pre-release, e.g. "1.0.0" or "1.2.3-rc.1" (no leading "v")',
  ],
  [
    'a profile version with two parts',
    'INVALID_SEMVER',
    () => new InfraProfile(new App(), 'base', { version: '1.2' }),
    'INVALID_SEMVER at base: profile version "1.2" is not a strict semantic version\n  fix: write MAJOR.MINOR.PATCH with an optional pre-release, e.g. "1.0.0" or "1.2.3-rc.1" (no leading "v")',
  ],
  [
    'a second infra profile on a cluster',
    'TWO_INFRA_PROFILES',
    () => {
      const app = new App();
      const cluster = new Cluster(new TerraformStack(app, 's'), 'prod', { connection: ClusterConnection.kubeconfig({ path: 'k' }) });
      cluster.attach(new InfraProfile(app, 'base', { version: '1.0.0' }));
      cluster.attach(new FullProfile(app, 'full', { version: '2.0.0' }));
    },
    'TWO_INFRA_PROFILES at s/prod: cluster "prod" already runs infra profile "base" 1.0.0; it cannot also run full profile "full" 2.0.0\n  fix: attach one infra or full profile per cluster, and put other layers in add-on profiles',
  ],
  [
    'one profile attached twice',
    'PROFILE_ATTACHED_TWICE',
    () => {
      const app = new App();
      const profile = new AddonProfile(app, 'addons', { version: '1.0.0' });
      new Cluster(new TerraformStack(app, 's'), 'prod', { connection: ClusterConnection.kubeconfig({ path: 'k' }), profiles: [profile, profile] });
    },
    'PROFILE_ATTACHED_TWICE at s/prod: profile "addons" 1.0.0 is attached twice\n  fix: attach each profile once',
  ],
  [
    'something that is not a profile attached',
    'NOT_A_PROFILE',
    () => clusterIn(new App()).attach(new HelmLayer(addons(), 'web', { chart }) as unknown as AddonProfile),
    'NOT_A_PROFILE at stack/prod: attach() was given something that is not a profile\n  fix: attach an InfraProfile, FullProfile or AddonProfile',
  ],

  // --- Layers: their props, checked in the constructor.
  [
    'a chart version that is neither a version nor a range',
    'INVALID_VERSION_CONSTRAINT',
    () => new HelmLayer(addons(), 'web', { chart, version: 'latest' }),
    'INVALID_VERSION_CONSTRAINT at addons/web: chart version "latest" is neither a semantic version nor a range\n  fix: write an exact version such as "1.16.2" or a range such as "~1.16.0"',
  ],
  [
    'a fractional priority',
    'INVALID_PRIORITY',
    () => new HelmLayer(addons(), 'web', { chart, priority: 1.5 }),
    'INVALID_PRIORITY at addons/web: priority 1.5 is not an integer\n  fix: use a whole number; lower installs first, and the default is 0',
  ],
  [
    'a role that is not an infrastructure role',
    'ROLE_NOT_ALLOWED',
    () => new HelmLayer(addons(), 'web', { chart, role: 'network' as 'cni' }),
    'ROLE_NOT_ALLOWED at addons/web: "network" is not an infrastructure role\n  fix: use one of os, k8s, cni, csi, or no role for an add-on layer',
  ],
  [
    'a chart that is not a ChartSource',
    'INVALID_CHART_SOURCE',
    () => new HelmLayer(addons(), 'web', { chart: 'https://charts.example.com/web' as unknown as ChartSource }),
    'INVALID_CHART_SOURCE at addons/web: chart is not a ChartSource\n  fix: use ChartSource.repository(url, name), ChartSource.oci(reference) or ChartSource.local(path)',
  ],
  [
    'values that are a list',
    'INVALID_VALUES',
    () => new HelmLayer(addons(), 'web', { chart, values: ['replicas: 2'] as unknown as Record<string, unknown> }),
    'INVALID_VALUES at addons/web: values: values are not a map of keys to values\n  fix: give values as an object, e.g. { replicaCount: 2 }, or as YAML text',
  ],
  [
    'a Kubernetes version with two parts',
    'INVALID_KUBERNETES_VERSION',
    () => new KubernetesLayer(new InfraProfile(new App(), 'base', { version: '1.0.0' }), 'k8s', { version: '1.34' }),
    'INVALID_KUBERNETES_VERSION at base/k8s: Kubernetes version "1.34" is neither exact nor a train\n  fix: write an exact version such as "1.34.4" or a train such as "1.34.x"',
  ],
  [
    'a local chart that does not exist (read at synth)',
    'CHART_NOT_FOUND',
    () => {
      const app = testApp();
      const profile = new AddonProfile(app, 'addons', { version: '1.0.0' });
      profile.addHelmLayer('web', { chart: ChartSource.local('charts/missing') });
      clusterIn(app, { profiles: [profile] });
      app.synth();
    },
    'CHART_NOT_FOUND at addons/web: local chart "charts/missing" has no Chart.yaml and is not a .tgz archive\n  fix: point ChartSource.local() at a chart directory holding Chart.yaml, or at a packaged .tgz chart',
  ],
  [
    'a manifest without a kind',
    'INVALID_MANIFEST',
    () => new ManifestLayer(addons(), 'm', { yaml: 'apiVersion: v1\nmetadata:\n  name: x\n' }),
    `INVALID_MANIFEST at addons/m: yaml document 1: document has no kind\n  fix: ${MANIFEST_FIX}`,
  ],
  [
    'a manifest without a name',
    'INVALID_MANIFEST',
    () => new ManifestLayer(addons(), 'm', { documents: [{ apiVersion: 'v1', kind: 'Secret', metadata: {} }] }),
    `INVALID_MANIFEST at addons/m: documents[0]: Secret has no metadata.name\n  fix: ${MANIFEST_FIX}`,
  ],
  [
    'a manifest that is a list',
    'INVALID_MANIFEST',
    () => new ManifestLayer(addons(), 'm', { yaml: '- a\n- b\n' }),
    'INVALID_MANIFEST at addons/m: yaml document 1: document is not a Kubernetes object (a YAML map)\n  fix: each document needs apiVersion, kind and metadata.name, e.g. "apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: settings"',
  ],
  [
    'a manifest file that does not exist (read by synth, not where the layer is declared)',
    'INVALID_MANIFEST',
    () => {
      const app = testApp();
      const profile = new AddonProfile(app, 'addons', { version: '1.0.0' });
      new ManifestLayer(profile, 'm', { files: ['/nonexistent/crds.yaml'] });
      clusterIn(app, { profiles: [profile] });
      app.synth();
    },
    'INVALID_MANIFEST at addons/m: manifest file "/nonexistent/crds.yaml" does not exist (looked in /nonexistent)\n  fix: give a path relative to the directory the app runs in, or an absolute path',
  ],
  [
    'a manifest holding a Terraform expression',
    'MANIFEST_TOKEN',
    () => {
      const stack = new TerraformStack(new App(), 's');
      const v = new TerraformVariable(stack, 'v', {});
      return new ManifestLayer(addons(), 'm', { documents: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { v: v.stringValue } }] });
    },
    'MANIFEST_TOKEN at addons/m: documents[0]: ConfigMap "c" holds a Terraform expression, but manifests are written to files at synth, before Terraform runs\n  fix: pass Terraform expressions through a HelmLayer\'s values, which reach the chart at apply time',
  ],

  // --- Chart sources, connections and secrets.
  [
    'a repository URL that is not http',
    'INVALID_CHART_SOURCE',
    () => ChartSource.repository('charts.example.com', 'x'),
    'INVALID_CHART_SOURCE at ChartSource.repository: repository URL "charts.example.com" is not an http(s) URL\n  fix: give the URL that serves index.yaml, e.g. "https://charts.jetstack.io"',
  ],
  [
    'a chart name with a space',
    'INVALID_CHART_SOURCE',
    () => ChartSource.repository('https://charts.example.com', 'cert manager'),
    'INVALID_CHART_SOURCE at ChartSource.repository: chart name "cert manager" is not a valid Helm chart name\n  fix: use the chart name as listed in the repository, e.g. "cert-manager"',
  ],
  [
    'an OCI reference with a tag',
    'INVALID_CHART_SOURCE',
    () => ChartSource.oci('oci://ghcr.io/org/podinfo:6.9.2'),
    'INVALID_CHART_SOURCE at ChartSource.oci: OCI reference "oci://ghcr.io/org/podinfo:6.9.2" is not of the form oci://registry/path/chart\n  fix: write the chart reference without a tag, e.g. "oci://ghcr.io/stefanprodan/charts/podinfo", and give the version on the layer',
  ],
  [
    'an empty local chart path',
    'INVALID_CHART_SOURCE',
    () => ChartSource.local(' '),
    'INVALID_CHART_SOURCE at ChartSource.local: local chart path is empty\n  fix: give the path of a chart directory (with Chart.yaml) or a .tgz archive',
  ],
  [
    'a token connection without a token',
    'INVALID_CONNECTION',
    () => ClusterConnection.token({ host: 'https://h', clusterCaCertificate: 'PEM', token: '' }),
    'INVALID_CONNECTION at ClusterConnection.token: token connection is missing token\n  fix: give host, clusterCaCertificate, token; each may be a Terraform expression',
  ],
  [
    'a token connection with a literal token',
    'SENSITIVE_LITERAL',
    () => ClusterConnection.token({ host: 'https://h', clusterCaCertificate: 'PEM', token: 'eyJhbGciOi' }),
    'SENSITIVE_LITERAL at ClusterConnection.token: the bearer token was given as a literal string, which would be written in clear text to cdk.tf.json\n  fix: pass a Terraform expression: a TerraformVariable with sensitive: true (supplied as TF_VAR_<name> at deploy), or an attribute of the resource that made the cluster',
  ],
  [
    'a cluster without a connection',
    'INVALID_CONNECTION',
    () => new Cluster(new TerraformStack(new App(), 's'), 'prod', {} as never),
    'INVALID_CONNECTION at s/prod: cluster has no connection\n  fix: give connection: ClusterConnection.kubeconfig({ path }), .token({ ... }) or .exec({ ... })',
  ],
  [
    'a literal sensitive value',
    'SENSITIVE_LITERAL',
    () => SensitiveValue.fromToken('hunter2'),
    'SENSITIVE_LITERAL at SensitiveValue.fromToken: a sensitive value was given as a literal string, which would be written in clear text to cdk.tf.json\n  fix: pass a Terraform expression (a TerraformVariable with sensitive: true, a resource attribute) or use SensitiveValue.fromVariable("name")',
  ],
  [
    'a sensitive variable name with a dash',
    'INVALID_NAME',
    () => SensitiveValue.fromVariable('db-password'),
    'INVALID_NAME at SensitiveValue.fromVariable: "db-password" is not a valid Terraform variable name\n  fix: use letters, digits and underscores, starting with a letter, e.g. "grafana_admin_password"',
  ],

  // --- Values and YAML.
  [
    'values YAML with a bad indentation',
    'INVALID_YAML',
    () => new HelmLayer(addons(), 'web', { chart, values: 'image:\n  tag: 1\n repo: x\n' }),
    `INVALID_YAML at addons/web: values, line 3, column 1: invalid YAML: All mapping items must start at the same column\n  fix: ${FORMAT_FIX}`,
  ],
  [
    'manifest YAML with an unclosed quote',
    'INVALID_YAML',
    () => new ManifestLayer(addons(), 'm', { yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "x\n' }),
    `INVALID_YAML at addons/m: yaml, line 5, column 1: invalid YAML: Missing closing "quote\n  fix: ${FORMAT_FIX}`,
  ],
  [
    'values YAML with a key twice',
    'INVALID_YAML',
    () => parseValuesYaml('a: 1\nb: 2\na: 3\n', 'values'),
    'INVALID_YAML at values: line 3, column 1: invalid YAML: Map keys must be unique\n  fix: correct the YAML at that line (check indentation, quotes and the ": " after each key)',
  ],
  [
    'values YAML with an alias but no anchor',
    'INVALID_YAML',
    () => parseValuesYaml('image:\n  tag: *version\n', 'app/web: values'),
    'INVALID_YAML at app/web: values: invalid YAML: Unresolved alias (the anchor must be set before the alias): version\n  fix: define each anchor (&name) before the aliases (*name) that use it, and keep aliases few; or write the values out in full',
  ],
  [
    'values YAML that is a list',
    'INVALID_VALUES',
    () => parseValuesYaml('- a\n- b\n', 'values'),
    'INVALID_VALUES at values: values YAML is not a map of keys to values\n  fix: give values as one YAML map, e.g. "replicaCount: 2"',
  ],
  [
    'values YAML with two documents',
    'INVALID_VALUES',
    () => parseValuesYaml('a: 1\n---\nb: 2\n', 'values'),
    'INVALID_VALUES at values: values YAML holds more than one document\n  fix: give values as one YAML map, e.g. "replicaCount: 2"',
  ],

  // --- Variables and macros: definitions are checked on the profile, values and expressions when a cluster plans.
  [
    'a read-only variable without a default',
    'INVALID_VARIABLE',
    () => new AddonProfile(new App(), 'a', { version: '1.0.0', variables: [{ name: 'x', readOnly: true }] }),
    'INVALID_VARIABLE at a: variable x: a read-only variable has no default\n  fix: give it a default, which every cluster will use',
  ],
  [
    'a sensitive variable with a default',
    'INVALID_VARIABLE',
    () => new AddonProfile(new App(), 'b', { version: '1.0.0', variables: [{ name: 'p', sensitive: true, default: 'secret' }] }),
    'INVALID_VARIABLE at b: variable p: a sensitive variable has a default, which would be written in clear text\n  fix: remove the default; each cluster supplies a SensitiveValue',
  ],
  [
    'a default that breaks the format',
    'INVALID_VARIABLE',
    () => new AddonProfile(new App(), 'c', { version: '1.0.0', variables: [{ name: 'n', format: 'number', default: 'ten' }] }),
    'INVALID_VARIABLE at c: variable n: default "ten" is not of format number\n  fix: give a default that satisfies the format and regex',
  ],
  [
    'a variable regex that does not compile',
    'INVALID_VARIABLE',
    () => new AddonProfile(new App(), 'd', { version: '1.0.0', variables: [{ name: 'zone', regex: '[a-z' }] }),
    'INVALID_VARIABLE at d: variable zone: regex "[a-z" is not a valid regular expression: Invalid regular expression: /[a-z/: Unterminated character class\n  fix: correct the regular expression',
  ],
  [
    'a hidden required variable without a default',
    'INVALID_VARIABLE',
    () => new AddonProfile(new App(), 'e', { version: '1.0.0', variables: [{ name: 'zone', hidden: true, required: true }] }),
    'INVALID_VARIABLE at e: variable zone: a hidden required variable has no default\n  fix: give it a default, or make it visible',
  ],
  [
    'a variable declared twice',
    'INVALID_VARIABLE',
    () => new AddonProfile(new App(), 'f', { version: '1.0.0', variables: [{ name: 'zone' }, { name: 'zone', format: 'string' }] }),
    'INVALID_VARIABLE at f: variable "zone" is declared twice\n  fix: give each variable of a profile a distinct name',
  ],
  [
    'a value for a variable no profile declares',
    'UNKNOWN_VARIABLE',
    () => planValues({}, [{ name: 'region' }], (c) => c.setVariables({ regoin: 'eu' })),
    'UNKNOWN_VARIABLE at stack/prod: a value is given for variable regoin, which no attached profile declares\n  fix: give values only for variables of the attached profiles (did you mean "region"?)',
  ],
  [
    'no value for a required variable',
    'INVALID_VARIABLE',
    () => planValues({}, [{ name: 'domain', required: true }]),
    'INVALID_VARIABLE at stack/prod: variable domain of profile apps: variable domain is required but cluster "prod" gives no value\n  fix: give it with cluster.setVariables({ domain: ... })',
  ],
  [
    'a sensitive variable given as plain text',
    'INVALID_VARIABLE',
    () => planValues({}, [{ name: 'db_password', sensitive: true }], (c) => c.setVariables({ db_password: 'hunter2' })),
    'INVALID_VARIABLE at stack/prod: variable db_password of profile apps: variable db_password is sensitive, but cluster "prod" gives it as plain text\n  fix: give SensitiveValue.fromVariable("db_password") or SensitiveValue.fromToken(...)',
  ],
  [
    'a variable value that breaks the regex',
    'INVALID_VARIABLE',
    () => planValues({}, [{ name: 'domain', regex: '[a-z.]+' }], (c) => c.setVariables({ domain: 'Example.COM' })),
    'INVALID_VARIABLE at stack/prod: variable domain of profile apps: variable domain = "Example.COM" does not match the regex [a-z.]+\n  fix: give a value of format string matching [a-z.]+',
  ],
  [
    'a value for a read-only variable',
    'INVALID_VARIABLE',
    () => planValues({}, [{ name: 'tier', readOnly: true, default: 'gold' }], (c) => c.setVariables({ tier: 'silver' })),
    'INVALID_VARIABLE at stack/prod: variable tier of profile apps: variable tier is read-only, but cluster "prod" gives a value\n  fix: remove the value; the default applies to every cluster',
  ],
  [
    'an expression naming an undeclared variable',
    'UNKNOWN_VARIABLE',
    () => planValues({ replicas: '{{.spectro.var.replica}}' }, [{ name: 'replicas', format: 'number', default: 2 }]),
    'UNKNOWN_VARIABLE at apps/web: "{{.spectro.var.replica}}": profile "apps" declares no variable replica\n  fix: declare it with profile.addVariable({ name, format }) or fix the name (did you mean "replicas"?)',
  ],
  [
    'an unknown system macro',
    'UNKNOWN_MACRO',
    () => planValues({ id: '{{ .spectro.system.cluster.id }}' }),
    'UNKNOWN_MACRO at apps/web: "{{ .spectro.system.cluster.id }}": there is no system macro cluster.id\n  fix: use one of cluster.name, cluster.uid, clusterprofile.name, clusterprofile.version, layer.name, layer.namespace, stack.name (did you mean "cluster.uid"?)',
  ],
  [
    'a macro the cluster does not set',
    'UNKNOWN_MACRO',
    () => planValues({ region: '{{ .spectro.macro.regoin }}' }, [], (c) => c.setMacros({ region: 'eu' })),
    'UNKNOWN_MACRO at apps/web: "{{ .spectro.macro.regoin }}": macro regoin is not set on this cluster\n  fix: set it with cluster.setMacros({ ... }) (did you mean "region"?)',
  ],
  [
    'a macro named like what every object inherits',
    'UNKNOWN_MACRO',
    () => planValues({ a: '{{ .spectro.macro.constructor | upper }}' }),
    'UNKNOWN_MACRO at apps/web: "{{ .spectro.macro.constructor | upper }}": macro constructor is not set on this cluster\n  fix: set it with cluster.setMacros({ ... })',
  ],
  [
    'a function that does not exist',
    'UNKNOWN_MACRO',
    () => planValues({ name: '{{ .spectro.system.cluster.name | b64enc }}' }),
    'UNKNOWN_MACRO at apps/web: "{{ .spectro.system.cluster.name | b64enc }}": "b64enc" is not a supported function\n  fix: use default "x", upper, lower, trim, quote or substr <start> <end>',
  ],
  [
    'a secret spliced into text',
    'INVALID_VARIABLE',
    () => planValues({ auth: 'Bearer {{.spectro.var.token}}' }, [{ name: 'token', sensitive: true }], (c) => c.setVariables({ token: SensitiveValue.fromVariable('token') })),
    'INVALID_VARIABLE at apps/web: "{{.spectro.var.token}}" is sensitive and cannot be spliced into the text "Bearer {{.spectro.var.token}}"\n  fix: use the sensitive variable as a whole value, e.g. password: \'{{.spectro.var.name}}\'',
  ],
  [
    'a reference to a layer that is not on the cluster',
    'UNKNOWN_PACK_REFERENCE',
    () => planValues({ cidr: '{{ .spectro.pack.kubernets.podCIDR }}' }),
    'UNKNOWN_PACK_REFERENCE at apps/web: "{{ .spectro.pack.kubernets.podCIDR }}" names layer "kubernets", which is not on this cluster\n  fix: reference a layer or pack attached to the same cluster',
  ],
  [
    'a reference to a value the layer does not have',
    'UNKNOWN_PACK_REFERENCE',
    () => planValues({ port: '{{ .spectro.pack.db.ports[0] }}' }),
    'UNKNOWN_PACK_REFERENCE at apps/web: "{{ .spectro.pack.db.ports[0] }}": layer "db" has no value at ports[0]\n  fix: set ports[0] on layer "db", or add | default "value" to the reference',
  ],
  [
    'references between layers that form a loop',
    'UNKNOWN_PACK_REFERENCE',
    () => planValues({ a: '{{ .spectro.pack.db.ref }}' }, [], undefined, { ref: '{{ .spectro.pack.web.a }}' }),
    'UNKNOWN_PACK_REFERENCE at apps/db: pack references form a loop: web.a -> db.ref -> web.a\n  fix: make one of these values a literal',
  ],

  // --- Planning a cluster: the order, names and roles of every layer on it.
  [
    'a cycle of dependencies',
    'LAYER_CYCLE',
    () =>
      plan((app) => {
        const apps = addonProfile(app);
        apps.addHelmLayer('cert-manager', { chart, priority: 10, dependsOn: ['issuer'] });
        apps.addHelmLayer('issuer', { chart, priority: 20 });
        return [apps];
      }),
    [
      'LAYER_CYCLE at stack/prod: layers form a cycle: cert-manager -> issuer -> cert-manager',
      '  cert-manager -> issuer   (priority 10 < 20)',
      '  issuer -> cert-manager   (cert-manager.dependsOn)',
      '  fix: remove one of these dependsOn entries, or change the priorities or the order profiles are attached in',
    ].join('\n'),
  ],
  [
    'a dependency on a layer that is not on the cluster',
    'UNKNOWN_DEPENDENCY',
    () =>
      plan((app) => {
        const apps = addonProfile(app);
        apps.addHelmLayer('cert-manager', { chart });
        apps.addHelmLayer('issuer', { chart, dependsOn: ['cert-manger'] });
        return [apps];
      }),
    [
      'UNKNOWN_DEPENDENCY at addons/issuer: layer "issuer" depends on "cert-manger", which is not a layer on this cluster',
      '  layers on this cluster: cert-manager, issuer',
      '  fix: name a layer of a profile attached to the same cluster (did you mean "cert-manager"?)',
    ].join('\n'),
  ],
  [
    'one layer name twice on a cluster',
    'DUPLICATE_LAYER',
    () =>
      plan((app) => {
        const one = addonProfile(app, 'one');
        one.addHelmLayer('ingress', { chart, namespace: 'a' });
        const two = addonProfile(app, 'two');
        two.addHelmLayer('ingress', { chart, namespace: 'b' });
        return [one, two];
      }),
    [
      'DUPLICATE_LAYER at stack/prod: layer name "ingress" is used 2 times on cluster "prod"',
      '  one/ingress (profile one 1.0.0)',
      '  two/ingress (profile two 1.0.0)',
      '  fix: give each layer a distinct name with the `name` prop',
    ].join('\n'),
  ],
  [
    'two layers claiming one release',
    'DUPLICATE_RELEASE',
    () =>
      plan((app) => {
        const apps = addonProfile(app);
        apps.addHelmLayer('nginx-a', { chart, releaseName: 'nginx', namespace: 'ingress' });
        apps.addHelmLayer('nginx-b', { chart, releaseName: 'nginx', namespace: 'ingress' });
        return [apps];
      }),
    [
      'DUPLICATE_RELEASE at stack/prod: release "ingress/nginx" is claimed by nginx-a and nginx-b on cluster "prod"',
      '  addons/nginx-a',
      '  addons/nginx-b',
      '  fix: give the layers distinct `releaseName`s or install them into distinct namespaces',
    ].join('\n'),
  ],
  [
    'an infra profile without a cni layer',
    'MISSING_INFRA_ROLE',
    () =>
      plan((app) => {
        const base = infraProfile(app);
        base.node.tryRemoveChild('cni');
        return [base];
      }),
    'MISSING_INFRA_ROLE at base: infra profile "base" has no cni layer\n  fix: add a layer with role "cni"; for a cni the platform already provides, add a ManifestLayer with role "cni" and no documents',
  ],
  [
    'two cni layers in an infra profile',
    'DUPLICATE_INFRA_ROLE',
    () =>
      plan((app) => {
        const base = infraProfile(app);
        base.addManifestLayer('cni-2', { role: 'cni' });
        return [base];
      }),
    'DUPLICATE_INFRA_ROLE at base: infra profile "base" has 2 cni layers: cni, cni-2\n  fix: keep one layer with role "cni" and make the others add-on layers',
  ],
  [
    'an infra role in an add-on profile',
    'ROLE_NOT_ALLOWED',
    () =>
      plan((app) => {
        const apps = addonProfile(app);
        apps.addHelmLayer('calico', { chart, role: 'cni' });
        return [apps];
      }),
    'ROLE_NOT_ALLOWED at addons/calico: layer "calico" has role "cni", but add-on profile "addons" holds only add-on layers\n  fix: move the layer to an InfraProfile or a FullProfile, or remove its role',
  ],
  [
    'an add-on layer in an infra profile',
    'ADDON_NOT_ALLOWED',
    () =>
      plan((app) => {
        const base = infraProfile(app);
        base.addHelmLayer('dashboard', { chart });
        return [base];
      }),
    'ADDON_NOT_ALLOWED at base/dashboard: layer "dashboard" has no infrastructure role, but infra profile "base" holds only infra layers\n  fix: give the layer a role (os, k8s, cni, csi), or move it to an AddonProfile or a FullProfile',
  ],
  [
    'values set for a layer the cluster does not run',
    'UNKNOWN_LAYER',
    () =>
      plan(
        (app) => {
          const apps = addonProfile(app);
          apps.addHelmLayer('monitoring', { chart });
          return [apps];
        },
        (c) => c.setValues('monitorin', { a: 1 }),
      ),
    'UNKNOWN_LAYER at stack/prod: values are set for layer "monitorin", which no profile attached to cluster "prod" has\n  fix: name a layer of an attached profile (did you mean "monitoring"?)',
  ],
  [
    'values set on a profile for a layer it does not have',
    'UNKNOWN_LAYER',
    () =>
      plan((app) => {
        const apps = addonProfile(app);
        apps.addHelmLayer('monitoring', { chart });
        return [apps.setValues('grafana', { a: 1 })];
      }),
    'UNKNOWN_LAYER at addons: values are set for layer "grafana", which profile "addons" does not have\n  fix: name one of the profile\'s layers',
  ],
  [
    'a protected layer that left the code',
    'PROTECTED_LAYER_REMOVED',
    () => plan((app) => [addonProfile(app)], undefined, { protectedLayers: ['vault'] }),
    'PROTECTED_LAYER_REMOVED at stack/prod: layer "vault" is protected on cluster "prod", but no attached profile has it any more, so the deploy would uninstall it\n  fix: attach a profile with layer "vault" again; to uninstall it on purpose, first remove "vault" from protectedLayers',
  ],
  [
    'two clusters of one name in one stack',
    'DUPLICATE_CLUSTER',
    () => {
      const app = testApp();
      const apps = addonProfile(app);
      apps.addHelmLayer('web', { chart });
      const one = clusterIn(app, { profiles: [apps] }, 'stack', 'one');
      new Cluster(one.node.scope as TerraformStack, 'two', { name: 'one', connection: ClusterConnection.kubeconfig({ path: 'x' }), profiles: [apps] });
      return Testing.synth(one.node.scope as TerraformStack);
    },
    'DUPLICATE_CLUSTER at stack/two: cluster name "one" is also used by stack/one in the same stack\n  fix: give each cluster of a stack a distinct name; it becomes the provider alias and the address prefix',
  ],
  [
    'a pack catalog with the id of a stack beside it',
    'DUPLICATE_CONSTRUCT_ID',
    () => {
      const app = testApp();
      new TerraformStack(app, 'packs');
      new PackCatalog(app, 'packs', { registries: [] });
    },
    'DUPLICATE_CONSTRUCT_ID at packs: the PackCatalog "packs" cannot be created: the App already has the TerraformStack "packs"\n  fix: give the PackCatalog another construct id, such as "packs-catalog", or rename the TerraformStack: construct ids under one scope must differ',
  ],
  [
    'a stack with the id of the pack catalog beside it',
    'DUPLICATE_CONSTRUCT_ID',
    () => {
      const app = testApp();
      new PackCatalog(app, 'packs', { registries: [] });
      new TerraformStack(app, 'packs');
    },
    'DUPLICATE_CONSTRUCT_ID at packs: the TerraformStack "packs" cannot be created: the App already has the PackCatalog "packs"\n  fix: give the TerraformStack another construct id, such as "packs-stack", or rename the PackCatalog: construct ids under one scope must differ',
  ],
  [
    'a layer with the id of another layer of its profile',
    'DUPLICATE_CONSTRUCT_ID',
    () => {
      const profile = new AddonProfile(testApp(), 'apps', { version: '1.0.0' });
      profile.addHelmLayer('web', { chart, version: '1.0.0' });
      profile.addHelmLayer('web', { chart, version: '1.0.0', name: 'web-2' });
    },
    'DUPLICATE_CONSTRUCT_ID at apps/web: the layer "web" cannot be created: apps already has the layer "web"\n  fix: give the layer another construct id, such as "web-layer", or rename the layer: construct ids under one scope must differ',
  ],
  [
    'two different profiles of one name and version',
    'DUPLICATE_PROFILE',
    () => {
      const app = testApp();
      const first = new AddonProfile(app, 'apps', { version: '1.0.0' });
      first.addHelmLayer('web', { chart, version: '1.0.0' });
      const second = new AddonProfile(app, 'apps-copy', { name: 'apps', version: '1.0.0' });
      second.addHelmLayer('web', { chart, version: '1.1.0' });
      clusterIn(app, { profiles: [first] }, 'one', 'one');
      clusterIn(app, { profiles: [second] }, 'two', 'two');
      app.synth();
    },
    'DUPLICATE_PROFILE at apps-copy: profile "apps" 1.0.0 differs from the profile of the same name and version at apps\n  fix: give one of them another name or version: a name and a version identify one profile',
  ],
  [
    'a layer that breaks a policy',
    'POLICY_VIOLATION',
    () => {
      const app = testApp();
      const apps = addonProfile(app);
      apps.addManifestLayer('settings', { documents: [configMap('settings')] });
      const stack = clusterIn(app, { profiles: [apps] }).node.scope as TerraformStack;
      Aspects.of(stack).add(new RequireNamespaces());
      return Testing.synth(stack);
    },
    'POLICY_VIOLATION at addons/settings: layer "settings" on cluster "prod" breaks require-namespaces: it installs into the "default" namespace\n  fix: give the layer a namespace of its own, e.g. namespace: "settings"',
  ],

  // --- Pack files: pack.json, values.yaml, presets.yaml, schema.yaml and archives.
  [
    'pack.json that is not an object',
    'PACK_INVALID',
    () => readCalico({}, (f) => f.set('pack.json', Buffer.from('["calico"]'))),
    'PACK_INVALID at reg/calico-3.30.3/pack.json: pack.json is not a JSON object\n  fix: write an object with name, displayName, version and layer',
  ],
  [
    'pack.json without a version',
    'PACK_INVALID',
    () => readCalico({}, (f) => f.set('pack.json', Buffer.from('{"name": "calico", "layer": "cni"}'))),
    'PACK_INVALID at reg/calico-3.30.3/pack.json: version: version is missing\n  fix: set "version" in pack.json',
  ],
  [
    'pack.json with an unknown layer',
    'PACK_INVALID',
    () => readCalico({ layer: 'network' }),
    'PACK_INVALID at reg/calico-3.30.3/pack.json: layer: layer "network" is not a supported layer\n  fix: use one of os, k8s, cni, csi, addon',
  ],
  [
    'pack.json with a version that is not a version',
    'PACK_INVALID',
    () => readCalico({ version: 'latest' }),
    'PACK_INVALID at reg/calico-3.30.3/pack.json: version: version "latest" is not a version\n  fix: write MAJOR.MINOR.PATCH ("1.2.3"), or a Palette version such as "24.04" or "v1.1.0"',
  ],
  [
    'a dependency of an unknown type',
    'PACK_INVALID',
    () => readCalico({ dependencies: [{ packName: 'kubernetes', type: 'recommended' }] }),
    'PACK_INVALID at reg/calico-3.30.3/pack.json: constraints.dependencies[0].type: dependency type "recommended" is not one of required, optional, upgrade, notSupported\n  fix: use one of required, optional, upgrade, notSupported',
  ],
  [
    'a listed chart that is missing',
    'PACK_FILE_MISSING',
    () => readCalico({}, (f) => f.delete('charts/calico-3.30.3.tgz')),
    'PACK_FILE_MISSING at reg/calico-3.30.3/pack.json: lists "charts/calico-3.30.3.tgz", which the pack does not contain\n  fix: add charts/calico-3.30.3.tgz to the pack, or remove it from pack.json',
  ],
  [
    'a missing values.yaml',
    'PACK_INVALID',
    () => readCalico({}, (f) => f.delete('values.yaml')),
    'PACK_INVALID at reg/calico-3.30.3/values.yaml: values.yaml is missing\n  fix: add values.yaml (it may be empty)',
  ],
  [
    'a non-numeric install priority',
    'PACK_INVALID',
    () => readCalico({ values: 'pack:\n  spectrocloud.com/install-priority: high\n' }),
    'PACK_INVALID at reg/calico-3.30.3/values.yaml: pack.spectrocloud.com/install-priority: install priority "high" is not a whole number\n  fix: write a whole number in quotes, e.g. "10"',
  ],
  [
    'a preset without a group',
    'PACK_INVALID',
    () => readCalico({ presets: 'presets:\n  - name: jumbo\n    add: "a: 1"\n' }),
    'PACK_INVALID at reg/calico-3.30.3/presets.yaml: presets[0]: preset ("jumbo") has no group\n  fix: give every preset a `group`; one preset per group can be chosen',
  ],
  [
    'a preset whose displayName is a map',
    'PACK_INVALID',
    () => readCalico({ presets: 'presets:\n  - name: jumbo\n    group: MTU\n    displayName:\n      en: Jumbo frames\n' }),
    'PACK_INVALID at reg/calico-3.30.3/presets.yaml: presets[0]: preset ("jumbo") has a `displayName` that is not text\n  fix: write `displayName:` followed by the name people see',
  ],
  [
    'a schema with an unknown format type',
    'PACK_INVALID',
    () => readCalico({ schema: 'a.b:\n  schema: \'{{ format "${colour}" }}\'\n' }),
    'PACK_INVALID at reg/calico-3.30.3/schema.yaml: a.b: schema.yaml entry has an unknown format type "colour"\n  fix: use string, number, boolean, password, list, ipv4, version or input',
  ],
  [
    'a schema whose string format is not a regular expression',
    'PACK_INVALID',
    () => readCalico({ schema: 'host:\n  schema: \'{{ format "${string:[a-z}" }}\'\n' }),
    'PACK_INVALID at reg/calico-3.30.3/schema.yaml: host: schema.yaml entry has a format "${string:[a-z}" whose regular expression is not valid (Unterminated character class)\n  fix: write the constraint of ${string:...} as a regular expression without named groups, e.g. "${string:[a-z0-9-]+}"',
  ],
  [
    'an archive that is not gzipped',
    'PACK_ARCHIVE_INVALID',
    () => readArchive(Buffer.from('not an archive'), 'registry/calico-1.0.0.tgz'),
    'PACK_ARCHIVE_INVALID at registry/calico-1.0.0.tgz: archive is not a gzipped tar archive (incorrect header check)\n  fix: repack it with `tar -czf`, or give the unpacked folder',
  ],
  [
    'an archive entry that escapes the pack folder',
    'PACK_ARCHIVE_INVALID',
    () => readArchive(archiveWithEntry('calico/../../etc/cron.d/x'), 'registry/calico-1.0.0.tgz'),
    'PACK_ARCHIVE_INVALID at registry/calico-1.0.0.tgz: archive has an entry "calico/../../etc/cron.d/x" that escapes the archive\'s folder\n  fix: rebuild the archive from inside the pack folder; entries must be relative paths without ".."',
  ],
  [
    'an archive entry whose size is not octal',
    'PACK_ARCHIVE_INVALID',
    () => readArchive(archiveWithEntry('pack.json', '-1127'), 'registry/calico-1.0.0.tgz'),
    'PACK_ARCHIVE_INVALID at registry/calico-1.0.0.tgz: archive has an entry "pack.json" whose size "-1127" is not an octal number\n  fix: the archive is damaged: repack the pack folder with `tar -czf`',
  ],

  // --- Packs in use: registries, versions, the lockfile, presets, schema and dependencies.
  [
    'a pack layer in an app without a catalog',
    'NO_PACK_CATALOG',
    () => addons().addPackLayer('web', { pack: 'web', version: '1.0.0' }).resolvePack(),
    "NO_PACK_CATALOG at addons/web: a pack layer needs a PackCatalog, and the app has none\n  fix: create one before the layer: new PackCatalog(app, 'packs', { registries: [new DirectoryRegistry('packs')] })",
  ],
  [
    'a version constraint that is none of exact, train or range',
    'INVALID_VERSION_CONSTRAINT',
    () => constraintKind('latest', 'base/cni'),
    'INVALID_VERSION_CONSTRAINT at base/cni: version "latest" is not an exact version, a train or a semver range\n  fix: write an exact version ("1.27.5", "24.04"), a train ("1.x", "1.27.x") or a range (">=1.27.0 <1.29.0")',
  ],
  [
    'a version no registry has',
    'VERSION_NOT_FOUND',
    () => PackCatalog.of(packApp(), 'base/cni').resolve('calico', '4.x', 'base/cni'),
    [
      'VERSION_NOT_FOUND at base/cni: no version of calico satisfies 4.x (pre-releases excluded)',
      '  available in local: 3.30.3, 3.29.0',
      '  fix: choose a version the registries have, or a train such as "1.x"',
    ].join('\n'),
  ],
  [
    'a pack no registry has',
    'PACK_NOT_FOUND',
    () => PackCatalog.of(packApp(), 'base/cni').resolve('cilium', '1.x', 'base/cni'),
    'PACK_NOT_FOUND at base/cni: pack cilium is in none of the registries (local)\n  fix: check the pack name, or add the registry that holds it',
  ],
  [
    'a registry folder that does not exist',
    'REGISTRY_UNREACHABLE',
    () => new DirectoryRegistry('/nonexistent/packs', 'local').versions('calico'),
    'REGISTRY_UNREACHABLE at local: pack folder "/nonexistent/packs" does not exist\n  fix: create it, or give DirectoryRegistry the folder that holds your packs',
  ],
  [
    'two folders whose pack.json claim the same pack',
    'PACK_INVALID',
    () => new DirectoryRegistry(packsFolder(), 'local').load('dup', '1.0.0'),
    'PACK_INVALID at local: pack dup 1.0.0 is published twice: dup-1.0.0 and dup-copy-1.0.0\n  fix: keep one of them, or give the other its own name or version in its pack.json',
  ],
  [
    'a pack with two charts of one name',
    'PACK_INVALID',
    () => new AddonProfile(packApp(), 'addons', { version: '1.0.0' }).addPackLayer('twice', { pack: 'twice', version: '1.0.0' }).resolvePack(),
    'PACK_INVALID at addons/twice: pack twice 1.0.0 has two charts named "operator" (charts/operator-1.0.0.tgz and charts/operator-1.0.0.tgz), but each chart of a pack is a release of its own\n  fix: list each chart archive once in pack.json: charts, and give each chart of the pack its own name in its Chart.yaml',
  ],
  [
    'a Helm repository registry whose URL is neither http(s) nor file',
    'INVALID_REGISTRY_URL',
    () => new HelmRepositoryRegistry('charts.example.com'),
    'INVALID_REGISTRY_URL at charts.example.com: "charts.example.com" is not an http(s):// or file:// URL\n  fix: give the URL of the folder that serves index.yaml',
  ],
  [
    'a lockfile of another shape',
    'LOCKFILE_INVALID',
    () => {
      const file = 'cdktf.out/test-catalogue/cluster-profiles.lock.json';
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '{ "packs": [] }');
      return Lockfile.read(file);
    },
    'LOCKFILE_INVALID at cdktf.out/test-catalogue/cluster-profiles.lock.json: lockfile is not a version 1 lockfile ({ "lockfileVersion": 1, "packs": { ... } })\n  fix: restore it from version control, or delete it and synthesize again to re-resolve every pack',
  ],
  [
    'a lock mode that does not exist',
    'INVALID_LOCK_MODE',
    () => new PackCatalog(new App(), 'packs', { registries: [], mode: 'strict' as 'frozen' }),
    'INVALID_LOCK_MODE at packs: lock mode "strict" is not auto, update or frozen\n  fix: set CLUSTER_PROFILES_LOCK to auto, update or frozen',
  ],
  [
    'a lockfile entry whose version no longer satisfies its constraint',
    'LOCK_STALE',
    () =>
      PackCatalog.of(packApp({ lock: lockfile({ 'calico@3.30.x': { version: '3.29.0', digest: 'sha256:x', registry: 'local' } }) }), 'base/cni').resolve('calico', '3.30.x', 'base/cni'),
    'LOCK_STALE at base/cni: the lockfile entry for calico@3.30.x is stale: version 3.29.0 does not satisfy 3.30.x\n  fix: run `CLUSTER_PROFILES_LOCK=update npx cdktf synth` to re-resolve it, and review the change',
  ],
  [
    'a constraint the lockfile lacks, in frozen mode',
    'LOCK_MISSING',
    () => PackCatalog.of(packApp({ mode: 'frozen' }), 'base/cni').resolve('calico', '3.x', 'base/cni'),
    'LOCK_MISSING at base/cni: the lockfile has no entry for calico@3.x, and the lock mode is frozen\n  fix: synthesize once without CLUSTER_PROFILES_LOCK=frozen and commit the updated cluster-profiles.lock.json',
  ],
  [
    'a pack whose content changed after it was locked',
    'DIGEST_MISMATCH',
    () => PackCatalog.of(packApp({ lock: lockfile({ 'calico@3.30.3': { version: '3.30.3', digest: 'sha256:0', registry: 'local' } }) }), 'base/cni').resolve('calico', '3.30.3', 'base/cni'),
    () =>
      [
        `DIGEST_MISMATCH at base/cni: calico 3.30.3 from registry "local" has digest ${new DirectoryRegistry(packsFolder(), 'local').load('calico', '3.30.3').digest}, but the lockfile recorded sha256:0`,
        '  the pack changed after it was locked, or the lock entry was edited',
        '  fix: if the change is intended, run `CLUSTER_PROFILES_LOCK=update npx cdktf synth` and review the change; otherwise restore the pack',
      ].join('\n'),
  ],
  [
    'a preset the pack does not define',
    'UNKNOWN_PRESET',
    () => synthApp(calicoInfra({ presets: ['jumb'] })),
    [
      'UNKNOWN_PRESET at base/cni: preset "jumb" is not defined by the pack',
      '  presets: jumbo (MTU), small (MTU)',
      '  fix: choose a preset the pack defines (did you mean "jumbo"?)',
    ].join('\n'),
  ],
  [
    'two presets of one group',
    'PRESET_CONFLICT',
    () => synthApp(calicoInfra({ presets: ['jumbo', 'small'] })),
    'PRESET_CONFLICT at base/cni: presets "jumbo" and "small" are both of group "MTU"\n  fix: choose one preset of group "MTU"',
  ],
  [
    'a value that breaks the pack schema',
    'SCHEMA_VIOLATION',
    () => {
      const { app, infra } = calicoInfra({ values: { charts: { calico: { mtu: 9500 } } } });
      return clusterIn(app, { profiles: [infra] }).plan();
    },
    'SCHEMA_VIOLATION at base/cni: value charts.calico.mtu = 9500 breaks the rule format "${number:[576-9000]}" of the pack\'s schema.yaml\n  fix: give charts.calico.mtu a value of format ${number:[576-9000]}',
  ],
  [
    'a pack whose required dependency is not on the cluster',
    'PACK_CONSTRAINT',
    () => {
      const app = packApp();
      const apps = new AddonProfile(app, 'addons', { version: '1.0.0' });
      apps.addPackLayer('web', { pack: 'web', version: '1.0.0' });
      return clusterIn(app, { profiles: [apps] }).plan();
    },
    'PACK_CONSTRAINT at addons/web: web 1.0.0 requires cert-manager >=1.14.0, which no layer on the cluster provides\n  fix: attach a profile with cert-manager in >=1.14.0, or remove this layer',
  ],
  [
    'two layers giving one namespace different labels',
    'NAMESPACE_CONFLICT',
    () => {
      const app = packApp();
      const apps = new AddonProfile(app, 'addons', { version: '1.0.0' });
      apps.addPackLayer('certs-a', { pack: 'certs', version: '1.0.0', namespace: 'certs-a' });
      apps.addPackLayer('certs-b', { pack: 'certs', version: '1.0.0', namespace: 'certs-b', values: { pack: { namespaceLabels: { shared: 'tier=silver' } } } });
      return clusterIn(app, { profiles: [apps] }).plan();
    },
    'NAMESPACE_CONFLICT at stack/prod: namespace "shared" gets label tier=gold from layer "certs-a" and tier=silver from layer "certs-b"\n  fix: give tier one value in the pack: sections of both layers',
  ],

  // --- Drift: rules declared on layers, and what the drift command reads.
  [
    'a drift rule that is not a JSON pointer',
    'INVALID_DRIFT_RULE',
    () => addonProfile(new App()).addManifestLayer('web', { documents: [configMap('web')], drift: { ignore: ['/spec/replicas', 'spec/replicas'] } }),
    'INVALID_DRIFT_RULE at addons/web: drift.ignore[1]: "spec/replicas" does not start with /\n  fix: write a JSON pointer such as /spec/replicas, with ~1 for "/" and ~0 for "~" inside a key',
  ],
  [
    'a readiness gate with a timeout below one second',
    'INVALID_READINESS',
    () => addonProfile(new App()).addManifestLayer('web', { documents: [configMap('web')], readiness: [Readiness.exists({ apiVersion: 'v1', kind: 'ConfigMap', name: 'web', timeoutSeconds: 0.5 })] }),
    'INVALID_READINESS at addons/web: readiness[0] has timeout 0.5\n  fix: give timeoutSeconds as a whole number of seconds, at least 1',
  ],
  [
    'a readiness gate with a malformed JSONPath',
    'INVALID_READINESS',
    () => addonProfile(new App()).addManifestLayer('web', { documents: [configMap('web')], readiness: [Readiness.jsonPath({ apiVersion: 'v1', kind: 'ConfigMap', name: 'web', path: '.data..key', value: 'x' })] }),
    'INVALID_READINESS at addons/web: readiness[0]: JSONPath expects a field name after "." at character 6 of ".data..key"\n  fix: write a path such as .status.phase, {.status.readyReplicas} or .status.conditions[?(@.type=="Ready")].status',
  ],
  [
    'a manifest layer\'s readiness gate on an object it does not create',
    'READINESS_OBJECT_UNKNOWN',
    () =>
      plan((app) => {
        const profile = new AddonProfile(app, 'addons', { version: '1.0.0' });
        profile.addManifestLayer('web', { documents: [configMap('web')], readiness: [Readiness.exists({ apiVersion: 'v1', kind: 'ConfigMap', name: 'wbe' })] });
        return [profile];
      }),
    [
      'READINESS_OBJECT_UNKNOWN at addons/web: readiness[0] (exists) looks at ConfigMap default/wbe (v1), which manifest layer "web" does not create',
      '  objects of the layer: ConfigMap default/web',
      '  fix: name one of the layer\'s objects (kind, name and namespace), or move the gate to the layer that creates it (did you mean "web"?)',
    ].join('\n'),
  ],
  [
    'a readiness gate that did not pass in its timeout (the waiter, during a deploy)',
    'READINESS_TIMEOUT',
    () => {
      throw timeoutError(
        'clusters/e2e/gates/widgets.json',
        { layer: 'widgets', namespace: 'demo' },
        { kind: 'condition', timeoutSeconds: 5, object: { apiVersion: 'demo.example.com/v1', kind: 'Widget', name: 'w1' }, type: 'Ready', status: 'True' },
        'Widget demo/w1 (demo.example.com/v1) exists; conditions: Ready=False (Pending: waiting)',
      );
    },
    [
      'READINESS_TIMEOUT at clusters/e2e/gates/widgets.json: readiness gate did not pass in 5s: condition Ready=True of Widget w1 (demo.example.com/v1) (5s)',
      '  object: Widget demo/w1 (demo.example.com/v1)',
      '  last seen: Widget demo/w1 (demo.example.com/v1) exists; conditions: Ready=False (Pending: waiting)',
      '  fix: find why with `kubectl get widget w1 -n demo -o yaml` (and the logs of its controller), fix it and deploy again; or raise timeoutSeconds of this gate in the readiness of layer "widgets". The layers before it stay installed.',
    ].join('\n'),
  ],
  [
    "a readiness gate of a layer no other layer waits for, checked with the others in the cluster's gate file",
    'READINESS_TIMEOUT',
    () => {
      throw timeoutError(
        'clusters/e2e/gates/_cluster.json: layer web',
        { layer: 'web', namespace: 'apps' },
        { kind: 'jsonPath', timeoutSeconds: 60, object: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, path: '.status.readyReplicas', value: '3' },
        'Deployment apps/web (apps/v1) exists; conditions: Available=True; .status.readyReplicas = 2',
      );
    },
    [
      'READINESS_TIMEOUT at clusters/e2e/gates/_cluster.json: layer web: readiness gate did not pass in 60s: .status.readyReplicas == "3" on Deployment web (apps/v1) (60s)',
      '  object: Deployment apps/web (apps/v1)',
      '  last seen: Deployment apps/web (apps/v1) exists; conditions: Available=True; .status.readyReplicas = 2',
      '  fix: find why with `kubectl get deployment web -n apps -o yaml` (and the logs of its controller), fix it and deploy again; or raise timeoutSeconds of this gate in the readiness of layer "web". The layers before it stay installed.',
    ].join('\n'),
  ],
  [
    'a drift rule without pointers',
    'INVALID_DRIFT_RULE',
    () => addonProfile(new App()).addManifestLayer('web', { documents: [configMap('web')], drift: { ignore: [{ kind: 'Deployment', pointers: [] }] } }),
    'INVALID_DRIFT_RULE at addons/web: drift.ignore[0] has no pointers\n  fix: give pointers: ["/spec/replicas"], say',
  ],
  [
    'drift asked to check a folder without synthesized stacks',
    'DRIFT_INPUT',
    () => selectStacks('no-such-out', []),
    'DRIFT_INPUT at no-such-out: holds no synthesized stack\n  fix: run npx cdktf synth (or deploy) first, or give --out the folder it wrote',
  ],
  [
    'drift asked for a stack synth did not write',
    'DRIFT_INPUT',
    () => {
      const out = tempDir();
      for (const stack of ['prod', 'staging']) {
        fs.mkdirSync(path.join(out, 'stacks', stack), { recursive: true });
        fs.writeFileSync(path.join(out, 'stacks', stack, 'cdk.tf.json'), '{}');
      }
      return selectStacks(out, ['prdo']).map(() => out);
    },
    (): string => expect.stringMatching(/^DRIFT_INPUT at .*\/stacks: has no stack "prdo"\n  fix: name one of: prod, staging \(did you mean "prod"\?\)$/) as unknown as string,
  ],
  [
    'a kubeconfig that cannot be read',
    'KUBE_CONNECTION',
    () => readKubeconfig('no-such-kubeconfig', 'e2e'),
    'KUBE_CONNECTION at no-such-kubeconfig: context e2e: cannot be read (ENOENT)\n  fix: give the path of the kubeconfig Terraform uses (the variable behind config_path, e.g. TF_VAR_kubeconfig)',
  ],
  [
    'an API request the server refuses',
    'KUBE_REQUEST',
    () => {
      throw kubeRequestError('GET', '/api/v1/namespaces/web/secrets', 'https://127.0.0.1:6443', 403, 'secrets is forbidden');
    },
    'KUBE_REQUEST at https://127.0.0.1:6443: GET /api/v1/namespaces/web/secrets answered 403: secrets is forbidden\n  fix: check that the credentials of the cluster connection are current and allowed to read this object (RBAC)',
  ],
  [
    'a Helm release Secret that holds no release',
    'RELEASE_RECORD',
    () => decodeReleaseRecord(Buffer.from(Buffer.from('not json').toString('base64')).toString('base64'), 'https://k8s.example:6443/api/v1/namespaces/web/secrets/sh.helm.release.v1.web.v1'),
    'RELEASE_RECORD at https://k8s.example:6443/api/v1/namespaces/web/secrets/sh.helm.release.v1.web.v1: is not a Helm release record: neither gzip nor JSON\n  fix: check the Secret is one Helm 3 wrote (type helm.sh/release.v1); reinstall the release if it was edited',
  ],

  // --- Profile documents: read, checked by JSONPath, and imported.
  [
    'document text that is not JSON',
    'INVALID_DOCUMENT',
    () => readProfileDocument('{"metadata": ', 'a.json'),
    'INVALID_DOCUMENT at a.json: $: is not valid JSON: Unexpected end of JSON input\n  fix: give the JSON text of a profile document, as exportProfile and synth write it',
  ],
  [
    'a document that is a list',
    'INVALID_DOCUMENT',
    () => readProfileDocument('[]'),
    'INVALID_DOCUMENT at $: is a list, but must be an object\n  fix: give an object',
  ],
  [
    'no document at all',
    'INVALID_DOCUMENT',
    () => readProfileDocument(undefined),
    'INVALID_DOCUMENT at $: is undefined, but must be an object\n  fix: give an object',
  ],
  [
    'a document missing its version',
    'INVALID_DOCUMENT',
    () => readProfileDocument({ metadata: { name: 'apps' }, spec: { template: { type: 'add-on', packs: [] } } }),
    'INVALID_DOCUMENT at $.spec.version: is missing\n  a rule of Palette\'s format: Palette refuses this too\n  fix: add "version": a strict semantic version: MAJOR.MINOR.PATCH, with an optional pre-release',
  ],
  [
    'a layer of an unknown kind',
    'INVALID_DOCUMENT',
    () => {
      const document = appsDocument();
      document.spec.template.packs[0].layer = 'network';
      return readProfileDocument(document, 'apps.json');
    },
    'INVALID_DOCUMENT at apps.json: $.spec.template.packs[0].layer: is "network", but must be one of "os", "k8s", "cni", "csi", "addon"\n  fix: use one of those',
  ],
  [
    'an extension field this library does not know',
    'INVALID_DOCUMENT',
    () => {
      const document = appsDocument();
      document.spec.template.packs[1]['x-cluster-profiles'].prority = 5;
      return readProfileDocument(document, 'apps.json');
    },
    "INVALID_DOCUMENT at apps.json: $.spec.template.packs[1]['x-cluster-profiles'].prority: is not a known field\n  fix: remove it; the known fields are pack, namespace, createNamespace, releaseName, priority, dependsOn, includePrerelease, protect, kubernetesVersion, release, readiness, drift (did you mean \"priority\"?)",
  ],
  [
    'a layer name twice in a document',
    'INVALID_DOCUMENT',
    () => {
      const document = appsDocument();
      document.spec.template.packs[3].name = 'web';
      return readProfileDocument(document);
    },
    'INVALID_DOCUMENT at $.spec.template.packs[3].name: repeats the layer name "web" of $.spec.template.packs[1]\n  fix: give every layer of a profile a distinct name',
  ],
  [
    'a chart with two sources',
    'INVALID_DOCUMENT',
    () => {
      const document = appsDocument();
      document.spec.template.packs[2].registry = { oci: 'oci://ghcr.io/grafana/helm-charts/grafana', local: 'charts/grafana' };
      return readProfileDocument(document);
    },
    'INVALID_DOCUMENT at $.spec.template.packs[2].registry: names 2 chart sources (oci, local)\n  fix: give exactly one of repository (with chart), oci, local, or metadata (a pack registry)',
  ],
  [
    'a repository without a chart',
    'INVALID_DOCUMENT',
    () => {
      const document = appsDocument();
      document.spec.template.packs[1].registry = { repository: 'https://charts.example.com' };
      return readProfileDocument(document);
    },
    'INVALID_DOCUMENT at $.spec.template.packs[1].registry.chart: is missing\n  fix: add "chart": the chart\'s name in the repository',
  ],
  [
    'layer values in a document that are not a map',
    'INVALID_DOCUMENT',
    () => {
      const document = appsDocument();
      document.spec.template.packs[0].values = '- a\n- b\n';
      return readProfileDocument(document);
    },
    'INVALID_DOCUMENT at $.spec.template.packs[0].values: values YAML is not a map of keys to values\n  fix: give values as one YAML map, e.g. "replicaCount: 2"',
  ],
  [
    'a masked value import is not given again',
    'MISSING_MASKED_VALUE',
    () =>
      importProfile(new App(), 'vars', { metadata: { name: 'vars' }, spec: { version: '1.0.0', template: { type: 'add-on', packs: [] }, variables: [{ name: 'domain', defaultValue: '(expression)' }] } }),
    ['MISSING_MASKED_VALUE at $: the document masks 1 value that import must be given again', '  variable domain, defaultValue: (expression)', `  fix: ${MASKED_FIX}`].join('\n'),
  ],
  [
    'a value given for a path the document does not mask',
    'UNKNOWN_MASKED_VALUE',
    () => {
      const document: ProfileDocument = { metadata: { name: 'apps' }, spec: { version: '1.0.0', template: { type: 'add-on', packs: [{ name: 'web', type: 'helm', layer: 'addon', values: 'password: (sensitive)\n', registry: { repository: 'https://charts.example.com', chart: 'web' } }] } } };
      return importProfile(new App(), 'apps', document, { sensitiveValues: { web: { password: SensitiveValue.fromVariable('password'), pasword: SensitiveValue.fromVariable('password') } } });
    },
    'UNKNOWN_MASKED_VALUE at $: sensitiveValues gives layer web, value pasword, which the document does not mask as (sensitive)\n  fix: give only the masked values of layer web: password (did you mean "password"?)',
  ],
  [
    'a secret given to import in clear text',
    'SENSITIVE_LITERAL',
    () => {
      const document: ProfileDocument = { metadata: { name: 'apps' }, spec: { version: '1.0.0', template: { type: 'add-on', packs: [{ name: 'web', type: 'helm', layer: 'addon', values: 'password: (sensitive)\n', registry: { repository: 'https://charts.example.com', chart: 'web' } }] } } };
      return importProfile(new App(), 'apps', document, { sensitiveValues: { web: { password: 'hunter2' as unknown as SensitiveValue } } });
    },
    'SENSITIVE_LITERAL at $: sensitiveValues gives layer web, value password as a literal, which would be written in clear text to cdk.tf.json\n  fix: give a SensitiveValue: SensitiveValue.fromVariable("name") or SensitiveValue.fromToken(expression)',
  ],
  [
    'a document with packs imported into an app without a catalog',
    'NO_PACK_CATALOG',
    () => importProfile(new App(), 'ml-ops', fixtureText('palette-ml-ops.json')),
    "NO_PACK_CATALOG at $: a pack layer needs a PackCatalog, and the app has none\n  fix: create one before the layer: new PackCatalog(app, 'packs', { registries: [new DirectoryRegistry('packs')] })",
  ],
  [
    'a document whose packs the registries lack',
    'PACK_NOT_FOUND',
    () => importProfile(documentApp(palettePacks), 'edge', fixtureText('palette-missing-packs.json'), { source: 'edge.json' }),
    [
      'PACK_NOT_FOUND at edge.json: $.spec.template.packs: 3 packs are not in the registries of the catalog (test)',
      "  a limit of this library: Palette's format allows this (Palette finds packs in its own registries, this library in the app's PackCatalog)",
      '  $.spec.template.packs[0]: cni-calico 3.30.x: pack cni-calico is in none of the registries (test)',
      '  $.spec.template.packs[2]: argo-cd 2.14.x: no version of argo-cd satisfies 2.14.x (pre-releases excluded); available in test: 3.3.5',
      '  $.spec.template.packs[3]: nginx 4.11.3: pack nginx is in none of the registries (test)',
      '  fix: add the registries that hold them to the PackCatalog, or publish the packs to one of its registries',
    ].join('\n'),
  ],
  [
    'a pack entry for another layer than its pack',
    'INVALID_DOCUMENT',
    () => {
      const document = JSON.parse(fixtureText('palette-ml-ops.json'));
      document.spec.template.packs[0].layer = 'cni';
      return importProfile(documentApp(palettePacks), 'ml-ops', document);
    },
    'INVALID_DOCUMENT at $.spec.template.packs[0].layer: is "cni", but pack istio 1.24.0 is for layer addon\n  a rule of Palette\'s format: Palette refuses this too\n  fix: write "addon", the layer of the pack',
  ],
  [
    "Palette's document of a profile not imported from one",
    'INVALID_DOCUMENT',
    () => exportProfile(platformProfiles(new App()).addons, { format: 'palette' }),
    'INVALID_DOCUMENT at apps: profile "apps" was not imported from a Palette document, so it has none to export\n  fix: export it with format "library", or import it from the Palette document first',
  ],
  [
    'a diff against registries that lack a pack of the documents',
    'PACK_NOT_FOUND',
    () => diffProfiles(fixtureText('palette-ml-ops.json'), fixtureText('palette-ml-ops.json'), { registries: [new DirectoryRegistry(packFolder([]), 'empty')] }),
    [
      'PACK_NOT_FOUND at $.spec.template.packs: 3 packs are not in the registries given to compare values with',
      '  registries: empty',
      '  ml-ops 1.0.0: $.spec.template.packs[0]: istio 1.24.0',
      '  ml-ops 1.0.0: $.spec.template.packs[1]: argo-cd 3.3.5',
      '  ml-ops 1.0.0: $.spec.template.packs[2]: kubeflow 1.9.1',
      '  fix: give the registries that hold them, or compare without registries to compare values as written',
    ].join('\n'),
  ],
  [
    'a Kubernetes version on a pack of another layer than k8s',
    'INVALID_KUBERNETES_VERSION',
    () => calicoInfra().infra.addPackLayer('cni-pinned', { pack: 'calico', version: '3.30.3', kubernetesVersion: '1.34.x' }).resolvePack(),
    'INVALID_KUBERNETES_VERSION at base/cni-pinned: pack calico is for layer cni, so it pins no Kubernetes version\n  fix: set kubernetesVersion only on the pack of the k8s layer',
  ],
  // --- Fleets: waves are checked when the fleet is declared, all problems at once.
  [
    'two waves of one name',
    'DUPLICATE_WAVE',
    () => fleet((p) => ({ clusters: [member('a', {}, p), member('b', {}, p)], waves: [{ name: 'w', clusters: ['a'] }, { name: 'w', clusters: ['b'] }] })),
    'DUPLICATE_WAVE at edge/waves/w: wave "w" is declared twice\n  fix: give each wave of a fleet a distinct name',
  ],
  [
    'a wave with no cluster and no selector',
    'WAVE_EMPTY',
    () => fleet((p) => ({ clusters: [member('a', {}, p)], waves: [{ name: 'canary', clusters: ['a'] }, { name: 'later', clusters: [] }] })),
    'WAVE_EMPTY at edge/waves/later: wave "later" names no cluster and has no matchLabels\n  fix: give the wave clusters: ["name", ...] or matchLabels: { label: "value" }, or remove it',
  ],
  [
    'a wave selector that matches no cluster',
    'WAVE_SELECTOR_UNMATCHED',
    () => fleet((p) => ({ clusters: [member('a', { ring: 'canary' }, p), member('b', { ring: 'main', region: 'eu' }, p)], waves: [{ name: 'canary', clusters: ['a'] }, { name: 'main', clusters: ['b'] }, { name: 'late', matchLabels: { ring: 'mian' } }] })),
    [
      'WAVE_SELECTOR_UNMATCHED at edge/waves/late: wave "late" selects clusters with ring=mian, and no cluster of the fleet has them',
      '  labels in use: region=eu',
      '  labels in use: ring=canary|main',
      '  fix: correct the matchLabels, or give the clusters meant for this wave those labels',
    ].join('\n'),
  ],
  [
    'a wave naming a cluster the fleet lacks',
    'WAVE_UNKNOWN_CLUSTER',
    () => fleet((p) => ({ clusters: [member('edge-01', {}, p), member('edge-02', {}, p)], waves: [{ name: 'canary', clusters: ['edge-01'] }, { name: 'rest', clusters: ['edge-2', 'edge-02'] }] })),
    'WAVE_UNKNOWN_CLUSTER at edge/waves/rest: wave "rest" names cluster "edge-2", which is not in the fleet\n  fix: name a cluster of the fleet, or add the cluster to the fleet (did you mean "edge-02" or "edge-01"?)',
  ],
  [
    'a cluster in two waves',
    'WAVE_OVERLAP',
    () => fleet((p) => ({ clusters: [member('a', { ring: 'main' }, p), member('b', { ring: 'main' }, p)], waves: [{ name: 'canary', clusters: ['a'] }, { name: 'main', matchLabels: { ring: 'main' } }] })),
    'WAVE_OVERLAP at edge/waves/main: cluster "a" is in wave "canary" and in wave "main"\n  fix: keep "a" in one wave: remove it from one list, or change its labels or one wave\'s matchLabels',
  ],
  [
    'a cluster in no wave',
    'WAVE_UNASSIGNED',
    () => fleet((p) => ({ clusters: [member('a', {}, p), member('b', {}, p)], waves: [{ name: 'canary', clusters: ['a'] }] })),
    'WAVE_UNASSIGNED at edge/clusters/b: cluster "b" is in no wave, so no rollout would deploy it\n  fix: name "b" in one wave\'s clusters, or give it labels one wave\'s matchLabels selects',
  ],
  [
    'a wave limit below 1',
    'INVALID_ROLLOUT_LIMIT',
    () => fleet((p) => ({ clusters: [member('a', {}, p)], waves: [{ name: 'canary', clusters: ['a'], maxParallel: 0 }] })),
    'INVALID_ROLLOUT_LIMIT at edge/waves/canary: wave "canary" has maxParallel 0; it must be a whole number of at least 1\n  fix: give maxParallel 1 or more, or leave it out to deploy the whole wave at once',
  ],
  [
    'a soak time that is not whole seconds',
    'INVALID_ROLLOUT_LIMIT',
    () => fleet((p) => ({ clusters: [member('a', {}, p)], soakSeconds: 1.5, waves: [{ name: 'canary', clusters: ['a'] }] })),
    'INVALID_ROLLOUT_LIMIT at edge: fleet has soakSeconds 1.5; it must be a whole number of at least 0\n  fix: give soakSeconds 0 or more, or leave it out',
  ],
  [
    'two clusters of one name in a fleet',
    'DUPLICATE_CLUSTER',
    () => fleet((p) => ({ clusters: [member('a', {}, p), member('a', {}, p)], waves: [{ name: 'canary', clusters: ['a'] }] })),
    'DUPLICATE_CLUSTER at edge/clusters/a: cluster name "a" is used twice in fleet "edge"\n  fix: give each cluster of a fleet a distinct name; it names the cluster\'s stack and its state',
  ],
  [
    'a fleet cluster whose stack name the app already uses',
    'DUPLICATE_CLUSTER',
    () => {
      const app = new App();
      new TerraformStack(app, 'a');
      return new Fleet(app, 'edge', { clusters: [member('a', {}, platform(app))], waves: [{ name: 'canary', clusters: ['a'] }] });
    },
    'DUPLICATE_CLUSTER at edge/clusters/a: cluster "a" needs a stack named "a", and the app already has a\n  fix: give the cluster a name no other stack or cluster of the app uses',
  ],
  [
    'a fleet cluster looked up by a name the fleet does not have',
    'UNKNOWN_CLUSTER',
    () => fleet((p) => ({ clusters: [member('a', {}, p), member('b', {}, p)], waves: [{ name: 'canary', clusters: ['a', 'b'] }] })).cluster('c'),
    'UNKNOWN_CLUSTER at edge: fleet "edge" has no cluster "c"\n  fix: use one of: a, b',
  ],
  [
    'a soak stack whose name the app already uses',
    'DUPLICATE_CONSTRUCT_ID',
    () => {
      const app = new App();
      new TerraformStack(app, 'edge-soak-canary');
      const profile = platform(app);
      return new Fleet(app, 'edge', { clusters: [member('a', {}, profile), member('b', {}, profile)], soakSeconds: 60, waves: [{ name: 'canary', clusters: ['a'] }, { name: 'rest', clusters: ['b'] }] });
    },
    'DUPLICATE_CONSTRUCT_ID at edge/waves/canary: the soak stack of wave "canary" is named "edge-soak-canary", which a cluster or stack of the app already uses\n  fix: rename that cluster or stack, or the wave',
  ],
  [
    'a fleet name with an underscore',
    'INVALID_NAME',
    () => {
      const app = new App();
      return new Fleet(app, 'edge_fleet', { clusters: [member('a', {}, platform(app))], waves: [{ name: 'canary', clusters: ['a'] }] });
    },
    'INVALID_NAME at edge_fleet: fleet name "edge_fleet" is not a DNS-1035 label of at most 40 characters (it names soak stacks and CI workflows, so it starts with a letter)\n  fix: use lower-case letters, digits and \'-\', starting and ending with a letter or digit, e.g. "edge-fleet"',
  ],
  [
    'a wave name with capitals',
    'INVALID_NAME',
    () => fleet((p) => ({ clusters: [member('a', {}, p)], waves: [{ name: 'Canary', clusters: ['a'] }] })),
    'INVALID_NAME at edge/waves/Canary: wave name "Canary" is not a DNS-1035 label of at most 40 characters (it becomes a CI job name, so it starts with a letter)\n  fix: use lower-case letters, digits and \'-\', starting and ending with a letter or digit, e.g. "canary"',
  ],
];

describe('error catalogue', () => {
  it.each(catalogue)('fails on %s with its code and a precise message', (_, code, fn, expected) => {
    const error = profileError(fn);
    expect({ code: error.code, message: error.message }).toEqual({ code, message: typeof expected === 'string' ? expected : expected() });
  });

  it.each(catalogue)('names the place of %s in the documented path style', (_, _code, fn) => {
    expect(profileError(fn).diagnostics.map((d) => pathStyleProblem(d.path)).filter((p) => p !== undefined)).toEqual([]);
  });

  it("prints every error sample of README.md as the catalogue's case of it does", () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    // A sample: a line starting with a code and " at ", and the indented lines under it.
    const samples = [...readme.matchAll(/^[A-Z][A-Z_]+ at .*(?:\n {2}.*)*/gm)].map((m) => m[0]);
    const messages = catalogue.map(([, , , expected]) => (typeof expected === 'string' ? expected : expected()));
    expect(samples.length).toBeGreaterThan(0);
    expect(samples.filter((sample) => !messages.includes(sample))).toEqual([]);
  });

  it('holds a case of every error code', () => {
    const covered = new Set(catalogue.map(([, code]) => code));
    expect(ERROR_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });
});
