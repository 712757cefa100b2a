import * as path from 'path';
import { App } from 'cdktf';
import { AddonProfile, ChartSource, ClusterConnection, Fleet, FleetBackend, FleetClusterOptions } from '../../lib';

const charts = path.join(__dirname, '..', 'charts');

/** The store add-ons at one version: the web front end and its storage class. */
function storeAddons(app: App, version: string, replicas: number): AddonProfile {
  const profile = new AddonProfile(app, `store-addons-${version}`, { name: 'store-addons', version });
  profile.addHelmLayer('storage', { chart: ChartSource.local(path.join(charts, 'demo-csi')), namespace: 'storage', values: { storageClass: { name: 'local', reclaimPolicy: 'Retain' } } });
  profile.addHelmLayer('web', { chart: ChartSource.local(path.join(charts, 'demo-web')), namespace: 'web', priority: 10, values: { replicaCount: replicas, message: `store ${version}` } });
  return profile;
}

/** Twelve store clusters: one canary, four early adopters in the EU, seven in the main ring. */
const stores: Array<{ name: string; ring: 'canary' | 'early' | 'main'; region: 'eu' | 'us' }> = [
  { name: 'store-01', ring: 'canary', region: 'eu' },
  ...['02', '03', '04', '05'].map((n) => ({ name: `store-${n}`, ring: 'early' as const, region: 'eu' as const })),
  ...['06', '07', '08', '09', '10', '11', '12'].map((n, i) => ({ name: `store-${n}`, ring: 'main' as const, region: i < 3 ? ('eu' as const) : ('us' as const) })),
];

/**
 * A fleet of twelve clusters moved to a new profile version in three waves: the canary, then the
 * early ring two at a time, then the main ring four at a time, with a soak after the canary.
 * Moving the fleet to a new version is one change: `release` below.
 */
export function storeFleet(app: App): Fleet {
  storeAddons(app, '1.0.0', 1);
  const release = storeAddons(app, '1.1.0', 2); // the version the fleet rolls out
  const clusters: FleetClusterOptions[] = stores.map((store) => ({
    name: store.name,
    connection: ClusterConnection.kubeconfig({ path: '~/.kube/config', context: store.name }),
    profiles: [release],
    labels: { ring: store.ring, region: store.region },
    values: { web: { message: `${store.name} (${store.region})` } },
  }));
  return new Fleet(app, 'stores', {
    clusters,
    waves: [
      { name: 'canary', clusters: ['store-01'], soakSeconds: 300 },
      { name: 'early', matchLabels: { ring: 'early' }, maxParallel: 2 },
      { name: 'main', matchLabels: { ring: 'main' }, maxParallel: 4 },
    ],
    backend: FleetBackend.local({ directory: '../../../state' }),
  });
}
