// Cold start, our side: examples/quickstart as its main.ts runs it, into a temporary outdir.
import { arg, run } from './harness'; // first: marks where imports start
import { App } from 'cdktf';
import { quickstart } from '../../examples/quickstart/app';

const outdir = arg('outdir');

run(
  () => {
    const app = new App({ outdir });
    quickstart(app);
    return app;
  },
  (app) => app.synth(),
);
