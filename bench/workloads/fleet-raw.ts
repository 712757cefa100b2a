// Fleet benchmark, raw cdktf side: the same stacks (one per cluster, its helm provider and L
// helm_releases written by hand) and the same stack dependencies. With `element=binding`, what a
// user writes: the binding's Release and `addDependency` (whose cycle check walks every path of
// the stack graph). With `element=same`, the floor: our helm_release element, and each stack's
// dependencies pushed as the fleet does (stacks are created in wave order, so no cycle can form).
import { arg, args, run } from './harness'; // first: marks where imports start
import { App, TerraformStack } from 'cdktf';
import * as s from '../scenario';
import { fleetWaves } from '../fleet-scenario';
import { addRawCluster, rawElement } from './raw-cluster';

const clusters = Number(arg('clusters'));
const layers = Number(arg('layers'));
const outdir = arg('outdir');
const element = rawElement(arg('element'));
const tamper = args().tamper === 'yes';

run(
  () => {
    const app = new App({ outdir });
    const names = Array.from({ length: clusters }, (_, c) => s.clusterName(c));
    let previous: TerraformStack[] = [];
    for (const wave of fleetWaves(names)) {
      previous = wave.clusters.map((name) => {
        const stack = new TerraformStack(app, name);
        for (const before of previous) {
          if (element === 'binding') stack.addDependency(before);
          else stack.dependencies.push(before);
        }
        addRawCluster(stack, names.indexOf(name), layers, element, tamper);
        return stack;
      });
    }
    return app;
  },
  (app) => app.synth(),
);
