// The fleet the rollout e2e deploys: a canary and a wave of two, each cluster a control plane of
// its own. Versions of the `apps` profile: 1.0.0; 2.0.0 adds a layer whose chart fails; 2.0.1
// fixes it; 2.0.2 changes only the ready delay. Every version changes the `slow` layer's pod template (its ready delay), so each
// rollout upgrades every cluster and takes a few seconds per cluster, and `echo` (which waits
// for `slow`) records the version.
import * as path from 'path';
import { App } from 'cdktf';
import { AddonProfile, ChartSource, ClusterConnection, Fleet } from '../../../lib';

const charts = path.join(__dirname, '..', 'charts');

export const FLEET_CLUSTERS = ['canary', 'wave-a', 'wave-b'] as const;
export type FleetClusterName = (typeof FLEET_CLUSTERS)[number];

export interface RolloutContext {
  readonly kubeconfigs: Readonly<Record<FleetClusterName, string>>;
  readonly version: '1.0.0' | '2.0.0' | '2.0.1' | '2.0.2';
  readonly soakSeconds: number;
  /** The main wave's maxParallel. */
  readonly maxParallel: number;
}

const READY_DELAY: Record<RolloutContext['version'], string> = { '1.0.0': '4s', '2.0.0': '5s', '2.0.1': '6s', '2.0.2': '4s' };

export function rolloutFleet(app: App, context: RolloutContext): void {
  const { version } = context;
  const apps = new AddonProfile(app, `apps-${version}`, { name: 'apps', version });
  const slow = apps.addHelmLayer('slow', { chart: ChartSource.local(path.join(charts, 'slow')), namespace: 'apps', values: { readyDelay: READY_DELAY[version] } });
  apps.addHelmLayer('echo', { chart: ChartSource.local(path.join(charts, 'echo')), namespace: 'apps', dependsOn: [slow], values: { data: { release: version } } });
  if (version !== '1.0.0') {
    apps.addHelmLayer('flaky', { chart: ChartSource.local(path.join(charts, 'flaky')), namespace: 'flaky', values: { fail: version === '2.0.0' }, release: { timeoutSeconds: 60 } });
  }
  new Fleet(app, 'e2e', {
    clusters: FLEET_CLUSTERS.map((name) => ({
      name,
      connection: ClusterConnection.kubeconfig({ path: context.kubeconfigs[name] }),
      profiles: [apps],
      labels: { ring: name === 'canary' ? 'canary' : 'main' },
    })),
    waves: [
      { name: 'canary', clusters: ['canary'], soakSeconds: context.soakSeconds },
      { name: 'main', matchLabels: { ring: 'main' }, maxParallel: context.maxParallel },
    ],
  });
}
