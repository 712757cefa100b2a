import * as path from 'path';
import { App, LocalBackend, TerraformStack, TerraformVariable } from 'cdktf';
import {
  AddonProfile,
  ChartSource,
  Cluster,
  ClusterConnection,
  DirectoryRegistry,
  InfraProfile,
  PackCatalog,
  SensitiveValue,
} from '../../lib';

/**
 * The quickstart: one infra profile and one add-on profile on one cluster, from packs, charts and
 * manifests.
 * `chartRepository` (cdktf context) points the podinfo layer at another Helm repository, such as
 * a mirror on loopback in the end-to-end tests.
 */
export function quickstart(app: App): { stack: TerraformStack; cluster: Cluster } {
  // Packs come from the example pack folder; what each version constraint resolved to is pinned
  // in cluster-profiles.lock.json beside this file.
  new PackCatalog(app, 'packs', {
    registries: [new DirectoryRegistry(path.join(__dirname, '..', 'packs'), 'examples')],
    lockfile: path.join(__dirname, 'cluster-profiles.lock.json'),
  });

  // Profiles are definitions: they live beside the stacks and serve any number of clusters.
  const base = new InfraProfile(app, 'edge-base', { version: '1.0.0', description: 'Edge cluster baseline' });
  base.addManifestLayer('node-os', {
    role: 'os',
    namespace: 'platform-system',
    yaml: [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: os-baseline',
      'data:',
      '  image: "Ubuntu 24.04 LTS"',
      '  sysctl: "net.ipv4.ip_forward=1"',
    ].join('\n'),
  });
  base.addKubernetesLayer('kubernetes', {
    version: '1.34.x',
    values: { podCIDR: '10.244.0.0/16', serviceCIDR: '10.96.0.0/12' },
  });
  // A train: the newest 0.3 release, with a preset of the pack.
  base.addPackLayer('cni', {
    pack: 'demo-cni',
    version: '0.3.x',
    presets: ['jumbo-frames'],
    // The agent's replicas belong to an autoscaler: `cluster-profiles drift` does not report them.
    drift: { ignore: [{ kind: 'Deployment', pointers: ['/spec/replicas'] }] },
  });
  base.addPackLayer('csi', {
    pack: 'demo-csi',
    version: '1.2.0',
    values: 'charts:\n  demo-csi:\n    storageClass:\n      reclaimPolicy: Retain\n',
  });

  const addons = new AddonProfile(app, 'edge-addons', { version: '1.0.0', description: 'PKI and web front end' });
  const issuerCrds = addons.addManifestLayer('issuer-crds', { files: [path.join(__dirname, 'manifests', 'issuer-crd.yaml')] });
  addons.addPackLayer('issuers', { pack: 'cluster-issuer', version: '1.0.0', dependsOn: [issuerCrds] });
  addons.addPackLayer('web', {
    pack: 'demo-web',
    version: '2.0.x',
    values: { charts: { 'demo-web': { replicaCount: 2, message: 'hello from the quickstart' } } },
  });
  const repository = (app.node.tryGetContext('chartRepository') as string | undefined) ?? 'https://stefanprodan.github.io/podinfo';
  addons.addHelmLayer('podinfo', {
    chart: ChartSource.repository(repository, 'podinfo'),
    version: '6.9.2',
    namespace: 'podinfo',
    priority: 20,
    values: { replicaCount: 1, ui: { message: 'Deployed by a cluster profile' } },
  });

  const stack = new TerraformStack(app, 'quickstart');
  // cdktf's default backend writes an absolute path; this one is relative to the stack's folder
  // (cdktf.out/stacks/quickstart), so the synthesized JSON is the same on every machine.
  new LocalBackend(stack, { path: '../../../terraform.quickstart.tfstate' });
  const kubeconfig = new TerraformVariable(stack, 'kubeconfig', {
    type: 'string',
    default: '~/.kube/config',
    description: 'Path of the kubeconfig file for the edge cluster',
  });
  const cluster = new Cluster(stack, 'edge-1', {
    connection: ClusterConnection.kubeconfig({ path: kubeconfig.stringValue }),
    profiles: [base, addons],
  });
  cluster.setValues('web', {
    charts: { 'demo-web': { message: 'hello from edge-1', adminToken: SensitiveValue.fromVariable('web_admin_token') } },
  });
  return { stack, cluster };
}
