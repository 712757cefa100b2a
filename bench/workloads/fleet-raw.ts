// Fleet benchmark, raw cdktf side: the same stacks (one per cluster, its helm provider and L
// helm_releases written by hand) and the same stack dependencies, through addDependency.
import { arg, run } from './harness'; // first: marks where imports start
import { App, TerraformStack } from 'cdktf';
import * as s from '../scenario';
import { fleetWaves } from '../fleet-scenario';
import { addRawCluster } from './raw-cluster';

const clusters = Number(arg('clusters'));
const layers = Number(arg('layers'));
const outdir = arg('outdir');

run(
  () => {
    const app = new App({ outdir });
    const names = Array.from({ length: clusters }, (_, c) => s.clusterName(c));
    let previous: TerraformStack[] = [];
    for (const wave of fleetWaves(names)) {
      previous = wave.clusters.map((name) => {
        const stack = new TerraformStack(app, name);
        for (const before of previous) stack.addDependency(before);
        addRawCluster(stack, names.indexOf(name), layers);
        return stack;
      });
    }
    return app;
  },
  (app) => app.synth(),
);
