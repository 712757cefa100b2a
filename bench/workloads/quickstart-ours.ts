// Cold start, our side: examples/quickstart as its main.ts runs it, into a temporary outdir.
import { arg, args, run, warmUp } from './harness'; // first: marks where imports start
import { App } from 'cdktf';
import { quickstart } from '../../examples/quickstart/app';

const outdir = arg('outdir');
const build = (dir: string) => {
  const app = new App({ outdir: dir });
  quickstart(app);
  return app;
};
// `warm=1`: one synth first, untimed (into a folder of its own), so the measured one runs code
// already compiled: what the work costs, without the first run's compiling.
if (args().warm === '1') warmUp((dir) => build(dir).synth(), outdir);

run(
  () => build(outdir),
  (app) => app.synth(),
);
