import { App, TerraformStack, TerraformVariable } from 'cdktf';
import {
  AddonProfile,
  ChartSource,
  Cluster,
  ClusterConnection,
  FullProfile,
  HelmLayer,
  InfraProfile,
  KubernetesLayer,
  ManifestLayer,
  SensitiveValue,
} from '../lib';
import { profileError } from './helpers';

/**
 * Every error a user can meet when declaring profiles, with its exact text. Planning errors
 * (cycles, duplicates, missing roles, unknown dependencies) are pinned in test/cluster/plan.test.ts.
 */
const chart = ChartSource.repository('https://charts.example.com', 'thing');

function addons(): AddonProfile {
  return new AddonProfile(new App(), 'addons', { version: '1.0.0' });
}

const catalogue: Array<[string, () => unknown, string]> = [
  [
    'an upper-case layer name',
    () => new HelmLayer(addons(), 'Ingress_Controller', { chart }),
    'INVALID_NAME at addons/Ingress_Controller: layer name "Ingress_Controller" is not a DNS-1123 label of at most 53 characters\n  fix: use lower-case letters, digits and \'-\', starting and ending with a letter or digit, e.g. "ingress-controller"',
  ],
  [
    'a release name over 53 characters',
    () => new HelmLayer(addons(), 'web', { chart, releaseName: 'a'.repeat(54) }),
    `INVALID_NAME at addons/web: release name "${'a'.repeat(54)}" is not a DNS-1123 label of at most 53 characters\n  fix: use lower-case letters, digits and '-', starting and ending with a letter or digit, e.g. "${'a'.repeat(53)}"`,
  ],
  [
    'a namespace with a dot',
    () => new HelmLayer(addons(), 'web', { chart, namespace: 'team.a' }),
    'INVALID_NAME at addons/web: namespace name "team.a" is not a DNS-1123 label of at most 63 characters\n  fix: use lower-case letters, digits and \'-\', starting and ending with a letter or digit, e.g. "team-a"',
  ],
  [
    'a cluster name starting with a digit',
    () => new Cluster(new TerraformStack(new App(), 's'), '1prod', { connection: ClusterConnection.kubeconfig({ path: 'k' }) }),
    'INVALID_NAME at s/1prod: cluster name "1prod" is not a DNS-1035 label of at most 63 characters (it becomes a Terraform provider alias, so it starts with a letter)\n  fix: use lower-case letters, digits and \'-\', starting and ending with a letter or digit, e.g. "x-1prod"',
  ],
  [
    'a profile version with a leading v',
    () => new AddonProfile(new App(), 'addons', { version: 'v1.0.0' }),
    'INVALID_SEMVER at addons: profile version "v1.0.0" is not a strict semantic version\n  fix: write MAJOR.MINOR.PATCH with an optional pre-release, e.g. "1.0.0" or "1.2.3-rc.1" (no leading "v")',
  ],
  [
    'a profile version with two parts',
    () => new InfraProfile(new App(), 'base', { version: '1.2' }),
    'INVALID_SEMVER at base: profile version "1.2" is not a strict semantic version\n  fix: write MAJOR.MINOR.PATCH with an optional pre-release, e.g. "1.0.0" or "1.2.3-rc.1" (no leading "v")',
  ],
  [
    'a chart version that is not semver',
    () => new HelmLayer(addons(), 'web', { chart, version: 'latest' }),
    'INVALID_SEMVER at addons/web: chart version "latest" is neither a semantic version nor a range\n  fix: write an exact version such as "1.16.2" or a range such as "~1.16.0"',
  ],
  [
    'values YAML with a bad indentation',
    () => new HelmLayer(addons(), 'web', { chart, values: 'image:\n  tag: 1\n repo: x\n' }),
    'INVALID_YAML at addons/web (values): line 3, column 1: invalid YAML: All mapping items must start at the same column\n  fix: correct the YAML at that line (check indentation, quotes and the ": " after each key)',
  ],
  [
    'manifest YAML with an unclosed quote',
    () => new ManifestLayer(addons(), 'm', { yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "x\n' }),
    'INVALID_YAML at addons/m (yaml): line 5, column 1: invalid YAML: Missing closing "quote\n  fix: correct the YAML at that line (check indentation, quotes and the ": " after each key)',
  ],
  [
    'a manifest without a kind',
    () => new ManifestLayer(addons(), 'm', { yaml: 'apiVersion: v1\nmetadata:\n  name: x\n' }),
    'INVALID_MANIFEST at addons/m (yaml document 1): document has no kind\n  fix: each document needs apiVersion, kind and metadata.name, e.g. "apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: settings"',
  ],
  [
    'a manifest without a name',
    () => new ManifestLayer(addons(), 'm', { documents: [{ apiVersion: 'v1', kind: 'Secret', metadata: {} }] }),
    'INVALID_MANIFEST at addons/m (documents[0]): Secret has no metadata.name\n  fix: each document needs apiVersion, kind and metadata.name, e.g. "apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: settings"',
  ],
  [
    'a manifest file that does not exist',
    () => new ManifestLayer(addons(), 'm', { files: ['/nonexistent/crds.yaml'] }),
    'INVALID_MANIFEST at addons/m: manifest file "/nonexistent/crds.yaml" does not exist (looked in /nonexistent)\n  fix: give a path relative to the directory the app runs in, or an absolute path',
  ],
  [
    'a manifest holding a Terraform expression',
    () => {
      const stack = new TerraformStack(new App(), 's');
      const v = new TerraformVariable(stack, 'v', {});
      return new ManifestLayer(addons(), 'm', { documents: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { v: v.stringValue } }] });
    },
    'MANIFEST_TOKEN at addons/m (documents[0]): ConfigMap "c" holds a Terraform expression, but manifests are written to files at synth, before Terraform runs\n  fix: pass Terraform expressions through a HelmLayer\'s values, which reach the chart at apply time',
  ],
  [
    'a repository URL that is not http',
    () => ChartSource.repository('charts.example.com', 'x'),
    'INVALID_CHART_SOURCE at ChartSource: repository URL "charts.example.com" is not an http(s) URL\n  fix: give the URL that serves index.yaml, e.g. "https://charts.jetstack.io"',
  ],
  [
    'an OCI reference with a tag',
    () => ChartSource.oci('oci://ghcr.io/org/podinfo:6.9.2'),
    'INVALID_CHART_SOURCE at ChartSource: OCI reference "oci://ghcr.io/org/podinfo:6.9.2" is not of the form oci://registry/path/chart\n  fix: write the chart reference without a tag, e.g. "oci://ghcr.io/stefanprodan/charts/podinfo", and give the version on the layer',
  ],
  [
    'a local chart that does not exist',
    () => new HelmLayer(addons(), 'web', { chart: ChartSource.local('charts/missing') }),
    'CHART_NOT_FOUND at addons/web: local chart "charts/missing" has no Chart.yaml and is not a .tgz archive\n  fix: point ChartSource.local() at a chart directory holding Chart.yaml, or at a packaged .tgz chart',
  ],
  [
    'a fractional priority',
    () => new HelmLayer(addons(), 'web', { chart, priority: 1.5 }),
    'INVALID_PRIORITY at addons/web: priority 1.5 is not an integer\n  fix: use a whole number; lower installs first, and the default is 0',
  ],
  [
    'a Kubernetes version with two parts',
    () => new KubernetesLayer(new InfraProfile(new App(), 'base', { version: '1.0.0' }), 'k8s', { version: '1.34' }),
    'INVALID_KUBERNETES_VERSION at base/k8s: Kubernetes version "1.34" is neither exact nor a train\n  fix: write an exact version such as "1.34.4" or a train such as "1.34.x"',
  ],
  [
    'a second infra profile on a cluster',
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
    () => {
      const app = new App();
      const profile = new AddonProfile(app, 'addons', { version: '1.0.0' });
      new Cluster(new TerraformStack(app, 's'), 'prod', { connection: ClusterConnection.kubeconfig({ path: 'k' }), profiles: [profile, profile] });
    },
    'PROFILE_ATTACHED_TWICE at s/prod: profile "addons" 1.0.0 is attached twice\n  fix: attach each profile once',
  ],
  [
    'a token connection without a token',
    () => ClusterConnection.token({ host: 'https://h', clusterCaCertificate: 'PEM', token: '' }),
    'INVALID_CONNECTION at ClusterConnection: token connection is missing token\n  fix: give host, clusterCaCertificate, token; each may be a Terraform expression',
  ],
  [
    'a literal sensitive value',
    () => SensitiveValue.fromToken('hunter2'),
    'SENSITIVE_LITERAL at SensitiveValue.fromToken: a sensitive value was given as a literal string, which would be written in clear text to cdk.tf.json\n  fix: pass a Terraform expression (a TerraformVariable with sensitive: true, a resource attribute) or use SensitiveValue.fromVariable("name")',
  ],
  [
    'a sensitive variable name with a dash',
    () => SensitiveValue.fromVariable('db-password'),
    'INVALID_NAME at SensitiveValue.fromVariable("db-password"): "db-password" is not a valid Terraform variable name\n  fix: use letters, digits and underscores, starting with a letter, e.g. "grafana_admin_password"',
  ],
];

describe('error catalogue', () => {
  it.each(catalogue)('fails on %s with a precise message', (_, fn, expected) => {
    expect(profileError(fn).message).toBe(expected);
  });
});
