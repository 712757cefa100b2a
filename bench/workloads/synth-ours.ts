// Synth benchmark, our side: one AddonProfile of L Helm layers attached to C clusters in one stack.
import { arg, run } from './harness'; // first: marks where imports start
import { App, TerraformStack } from 'cdktf';
import { Cluster, ClusterConnection } from '../../lib';
import * as s from '../scenario';
import { benchProfile } from './bench-profile';

const clusters = Number(arg('clusters'));
const layers = Number(arg('layers'));
const outdir = arg('outdir');

run(
  () => {
    const app = new App({ outdir });
    const profile = benchProfile(app, layers);
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
