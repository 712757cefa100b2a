// Cold start, raw cdktf side as most cdktf code imports providers: from the package roots, which
// load every resource and data source class of both providers. Informational, not in the ratio.
import { arg, run } from './harness'; // first: marks where imports start
import { App } from 'cdktf';
import { provider as helmProvider, release } from '@cdktf/provider-helm';
import { dataKubernetesServerVersion, namespaceV1, provider as kubernetesProvider } from '@cdktf/provider-kubernetes';
import { rawQuickstart } from './quickstart-raw-app';

const outdir = arg('outdir');

run(
  () => {
    const app = new App({ outdir });
    rawQuickstart(app, {
      HelmProvider: helmProvider.HelmProvider,
      Release: release.Release,
      KubernetesProvider: kubernetesProvider.KubernetesProvider,
      DataKubernetesServerVersion: dataKubernetesServerVersion.DataKubernetesServerVersion,
      NamespaceV1: namespaceV1.NamespaceV1,
    });
    return app;
  },
  (app) => app.synth(),
);
