import * as path from 'path';
import { App, Aspects, TerraformStack } from 'cdktf';
import {
  AddonProfile,
  ChartSource,
  Cluster,
  ClusterConnection,
  InfraProfile,
  RequireNamespaces,
  RequirePinnedVersions,
  SensitiveValue,
} from 'cdktf-cluster-profiles';

const charts = path.join(__dirname, '..', 'charts');

/**
 * A platform team's app, as their own test suite (platform.test.ts) sees it: an infra profile,
 * an add-on profile with cert-manager and a web front end, and one cluster. The stack opts in to
 * two policies, so every synth, in tests and in `cdktf synth`, enforces them.
 */
export function platform(app: App): { stack: TerraformStack; cluster: Cluster; addons: AddonProfile } {
  const base = new InfraProfile(app, 'platform-base', { version: '1.4.0' });
  base.addManifestLayer('os', {
    role: 'os',
    namespace: 'node-os',
    documents: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'os-baseline' }, data: { sysctl: 'net.ipv4.ip_forward=1' } }],
  });
  base.addKubernetesLayer('kubernetes', { version: '1.34.x' });
  base.addHelmLayer('cni', { role: 'cni', chart: ChartSource.local(path.join(charts, 'demo-cni')), namespace: 'cni-system' });
  base.addHelmLayer('csi', { role: 'csi', chart: ChartSource.local(path.join(charts, 'demo-csi')), namespace: 'csi-system' });

  const addons = new AddonProfile(app, 'platform-addons', { version: '2.0.0' });
  addons.addHelmLayer('cert-manager', {
    chart: ChartSource.repository('https://charts.jetstack.io', 'cert-manager'),
    version: '1.16.2',
    namespace: 'cert-manager',
    values: { crds: { enabled: true }, replicaCount: 1 },
  });
  addons.addHelmLayer('web', {
    chart: ChartSource.local(path.join(charts, 'demo-web')),
    namespace: 'web',
    priority: 10,
    values: { replicaCount: 1, message: 'hello' },
  });

  const stack = new TerraformStack(app, 'platform');
  Aspects.of(stack).add(new RequirePinnedVersions());
  Aspects.of(stack).add(new RequireNamespaces());
  const cluster = new Cluster(stack, 'eu-1', {
    connection: ClusterConnection.kubeconfig({ path: '~/.kube/config', context: 'eu-1' }),
    profiles: [base, addons],
  });
  cluster.setValues('web', { replicaCount: 3, adminToken: SensitiveValue.fromVariable('web_admin_token') });
  return { stack, cluster, addons };
}
