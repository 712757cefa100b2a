import { App } from 'cdktf';
import { ChartSource, Cluster } from '../../lib';
import { addonProfile, clusterIn, infraProfile, testApp } from '../helpers';

/**
 * A cluster "prod" with the infra profile of test/helpers (os, k8s 1.34.x, cni, csi) and three
 * add-ons: cert-manager (pinned) and metrics (an OCI chart, no version) together, then issuer
 * (a range) after both.
 *
 *   step 1: os   step 2: k8s   step 3: cni   step 4: csi
 *   step 5: cert-manager, metrics             step 6: issuer
 */
export function addonCluster(app: App = testApp()): Cluster {
  const addons = addonProfile(app);
  const certManager = addons.addHelmLayer('cert-manager', {
    chart: ChartSource.repository('https://charts.jetstack.io', 'cert-manager'),
    version: '1.16.2',
    namespace: 'cert-manager',
    values: { installCRDs: true, replicaCount: 1, args: ['--v=2'] },
  });
  addons.addHelmLayer('metrics', {
    chart: ChartSource.oci('oci://ghcr.io/example/charts/metrics'),
    namespace: 'monitoring',
    values: { retention: '15d' },
  });
  addons.addHelmLayer('issuer', {
    chart: ChartSource.repository('https://charts.example.com', 'issuer'),
    version: '1.2.0',
    namespace: 'cert-manager',
    priority: 10,
    dependsOn: [certManager],
  });
  const cluster = clusterIn(app, { profiles: [infraProfile(app), addons] });
  cluster.setValues('cert-manager', { replicaCount: 2, resources: { limits: { cpu: '100m' } } });
  return cluster;
}
