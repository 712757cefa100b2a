// Synth benchmark, our side: one AddonProfile of L Helm layers attached to C clusters in one stack.
import { arg, run } from './harness'; // first: marks where imports start
import { App, TerraformStack } from 'cdktf';
import { AddonProfile, ChartSource, Cluster, ClusterConnection, Layer } from '../../lib';
import * as s from '../scenario';

const clusters = Number(arg('clusters'));
const layers = Number(arg('layers'));
const outdir = arg('outdir');

run(
  () => {
    const app = new App({ outdir });
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
    const stack = new TerraformStack(app, s.STACK_ID);
    for (let c = 0; c < clusters; c++) {
      const name = s.clusterName(c);
      const cluster = new Cluster(stack, name, {
        connection: ClusterConnection.kubeconfig({ path: s.KUBECONFIG, context: name }),
        profiles: [profile],
      });
      cluster.setValues(s.layerName(0), s.clusterOverride(c));
    }
    return app;
  },
  (app) => app.synth(),
);
