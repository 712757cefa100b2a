// The profile of our side of the synth benchmarks: one AddonProfile of L Helm layers.
import { App } from 'cdktf';
import { AddonProfile, ChartSource, Layer } from '../../lib';
import * as s from '../scenario';

/** The benchmark's add-on profile of `layers` Helm layers. */
export function benchProfile(app: App, layers: number): AddonProfile {
  const profile = new AddonProfile(app, s.PROFILE_ID, { version: s.PROFILE_VERSION });
  const declared: Layer[] = [];
  for (let i = 0; i < layers; i++) {
    declared.push(
      profile.addHelmLayer(s.layerName(i), {
        chart: ChartSource.repository(s.REPOSITORY, s.chartName(i)),
        version: s.CHART_VERSION,
        namespace: s.namespaceOf(i),
        priority: s.priorityOf(i),
        dependsOn: s.explicitDependsOn(i).map((j) => declared[j]),
        values: s.layerValues(i),
      }),
    );
  }
  return profile;
}
