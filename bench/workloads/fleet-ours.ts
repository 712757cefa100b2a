// Fleet benchmark, our side: C clusters of L Helm layers in a Fleet (one stack per cluster),
// waves canary (1), early (a tenth) and main (the rest), each stack of a wave depending on every
// stack of the wave before; with batch=N, the main wave in batches of N.
import { arg, args, run } from './harness'; // first: marks where imports start
import { App } from 'cdktf';
import { ClusterConnection, Fleet } from '../../lib';
import * as s from '../scenario';
import { fleetWaves } from '../fleet-scenario';
import { benchProfile } from './bench-profile';

const clusters = Number(arg('clusters'));
const layers = Number(arg('layers'));
const outdir = arg('outdir');
const batch = args().batch ? Number(args().batch) : undefined;

run(
  () => {
    const app = new App({ outdir });
    const profile = benchProfile(app, layers);
    const names = Array.from({ length: clusters }, (_, c) => s.clusterName(c));
    new Fleet(app, 'bench', {
      clusters: names.map((name, c) => ({
        name,
        connection: ClusterConnection.kubeconfig({ path: s.KUBECONFIG, context: name }),
        profiles: [profile],
        values: { [s.layerName(0)]: s.clusterOverride(c) },
      })),
      waves: fleetWaves(names).map((w) => ({ name: w.name, clusters: w.clusters, maxParallel: w.name === 'main' ? batch : undefined })),
    });
    return app;
  },
  (app) => app.synth(),
);
