import * as path from 'path';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { AddonProfile, ChartSource, Cluster, ClusterConnection } from '../../lib';

const charts = path.join(__dirname, '..', 'charts');

/** Per-cluster differences: the only thing each environment declares. */
const environments = [
  { name: 'dev', context: 'kind-dev', replicas: 1, message: 'dev build', installOrder: 'dag' as const },
  { name: 'staging', context: 'staging-eu', replicas: 2, message: 'release candidate', installOrder: 'dag' as const },
  { name: 'prod', context: 'prod-eu', replicas: 4, message: 'production', installOrder: 'sequential' as const },
];

/**
 * One add-on profile on three clusters, each in its own stack (its own state), with different
 * overrides. The profile is defined once, under the App, and attached to every cluster.
 */
export function multiCluster(app: App): Map<string, { stack: TerraformStack; cluster: Cluster }> {
  const platform = new AddonProfile(app, 'platform-addons', { version: '2.1.0' });
  platform.addManifestLayer('namespaces', {
    documents: [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a', labels: { team: 'a' } } },
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-b', labels: { team: 'b' } } },
    ],
  });
  platform.addHelmLayer('storage', {
    chart: ChartSource.local(path.join(charts, 'demo-csi')),
    namespace: 'storage',
    values: { storageClass: { name: 'fast', reclaimPolicy: 'Delete' } },
  });
  platform.addHelmLayer('frontend', {
    chart: ChartSource.local(path.join(charts, 'demo-web')),
    namespace: 'team-a',
    createNamespace: false,
    priority: 10,
    values: { replicaCount: 1, message: 'default' },
  });

  const result = new Map<string, { stack: TerraformStack; cluster: Cluster }>();
  for (const env of environments) {
    const stack = new TerraformStack(app, env.name);
    new LocalBackend(stack, { path: `../../../terraform.${env.name}.tfstate` });
    const cluster = new Cluster(stack, env.name, {
      connection: ClusterConnection.kubeconfig({ path: '~/.kube/config', context: env.context }),
      profiles: [platform],
      installOrder: env.installOrder,
    });
    cluster.setValues('frontend', { replicaCount: env.replicas, message: env.message });
    if (env.name === 'prod') cluster.setValues('storage', { storageClass: { reclaimPolicy: 'Retain' } });
    result.set(env.name, { stack, cluster });
  }
  return result;
}
