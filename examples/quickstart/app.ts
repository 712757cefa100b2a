import * as path from 'path';
import { App, LocalBackend, TerraformStack, TerraformVariable } from 'cdktf';
import {
  AddonProfile,
  ChartSource,
  Cluster,
  ClusterConnection,
  InfraProfile,
  SensitiveValue,
} from '../../lib';

const charts = path.join(__dirname, '..', 'charts');

/**
 * The quickstart: one infra profile and one add-on profile on one cluster.
 * `chartRepository` (cdktf context) points the podinfo layer at another Helm repository, such as
 * a mirror on loopback in the end-to-end tests.
 */
export function quickstart(app: App): { stack: TerraformStack; cluster: Cluster } {
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
  base.addHelmLayer('cni', {
    role: 'cni',
    chart: ChartSource.local(path.join(charts, 'demo-cni')),
    namespace: 'cni-system',
    values: { podCIDR: '10.244.0.0/16', mtu: 1450 },
  });
  base.addHelmLayer('csi', {
    role: 'csi',
    chart: ChartSource.local(path.join(charts, 'demo-csi')),
    namespace: 'csi-system',
    values: 'storageClass:\n  name: standard\n  reclaimPolicy: Retain\n',
  });

  const addons = new AddonProfile(app, 'edge-addons', { version: '1.0.0', description: 'PKI and web front end' });
  const issuerCrds = addons.addManifestLayer('issuer-crds', { files: [path.join(__dirname, 'manifests', 'issuer-crd.yaml')] });
  addons.addManifestLayer('issuers', {
    priority: 10,
    dependsOn: [issuerCrds],
    yaml: [
      'apiVersion: pki.example.dev/v1',
      'kind: ClusterIssuer',
      'metadata:',
      '  name: internal-ca',
      'spec:',
      '  commonName: "Edge internal CA"',
    ].join('\n'),
  });
  addons.addHelmLayer('web', {
    chart: ChartSource.local(path.join(charts, 'demo-web')),
    namespace: 'web',
    values: { replicaCount: 2, message: 'hello from the quickstart' },
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
    message: 'hello from edge-1',
    adminToken: SensitiveValue.fromVariable('web_admin_token'),
  });
  return { stack, cluster };
}
