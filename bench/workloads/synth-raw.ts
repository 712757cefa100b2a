// Synth benchmark, raw cdktf side: the same providers and helm_releases, written by hand.
// Deep imports, as the library does: the package root loads every resource class of the provider.
import { arg, run } from './harness'; // first: marks where imports start
import { App, TerraformStack } from 'cdktf';
import * as s from '../scenario';
import { addRawCluster } from './raw-cluster';

const clusters = Number(arg('clusters'));
const layers = Number(arg('layers'));
const outdir = arg('outdir');

run(
  () => {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, s.STACK_ID);
    for (let c = 0; c < clusters; c++) addRawCluster(stack, c, layers);
    return app;
  },
  (app) => app.synth(),
);
