// Cold start, raw cdktf side: the quickstart's resources written by hand (quickstart-raw-app.ts),
// with deep imports of the provider classes, as the library does.
import { arg, args, run, warmUp } from './harness'; // first: marks where imports start
import { App } from 'cdktf';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Release } from '@cdktf/provider-helm/lib/release';
import { DataKubernetesServerVersion } from '@cdktf/provider-kubernetes/lib/data-kubernetes-server-version';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { rawQuickstart } from './quickstart-raw-app';

const outdir = arg('outdir');
const build = (dir: string) => {
  const app = new App({ outdir: dir });
  rawQuickstart(app, { HelmProvider, Release, KubernetesProvider, DataKubernetesServerVersion, NamespaceV1 });
  return app;
};
// `warm=1`: as quickstart-ours.ts.
if (args().warm === '1') warmUp((dir) => build(dir).synth(), outdir);

run(
  () => build(outdir),
  (app) => app.synth(),
);
