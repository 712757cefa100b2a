// Synth benchmark, raw cdktf side: the same providers and helm_releases, written by hand.
// Deep imports, as the library does: the package root loads every resource class of the provider.
import { arg, run } from './harness'; // first: marks where imports start
import { App, TerraformStack } from 'cdktf';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Release } from '@cdktf/provider-helm/lib/release';
import * as s from '../scenario';

const clusters = Number(arg('clusters'));
const layers = Number(arg('layers'));
const outdir = arg('outdir');

run(
  () => {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, s.STACK_ID);
    for (let c = 0; c < clusters; c++) {
      const name = s.clusterName(c);
      const helm = new HelmProvider(stack, `helm-${name}`, {
        alias: name,
        kubernetes: { configPath: s.KUBECONFIG, configContext: name },
      });
      const releases: Release[] = [];
      for (let i = 0; i < layers; i++) {
        const dependsOn = s.rawDependsOn(i, layers).map((j) => releases[j]);
        releases.push(
          new Release(stack, `${name}_${s.layerName(i)}`, {
            provider: helm,
            name: s.layerName(i),
            namespace: s.namespaceOf(i),
            createNamespace: true,
            repository: s.REPOSITORY,
            chart: s.chartName(i),
            version: s.CHART_VERSION,
            values: [s.rawValuesYaml(i, c)],
            atomic: true,
            cleanupOnFail: true,
            wait: true,
            waitForJobs: false,
            timeout: 300,
            maxHistory: 10,
            dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
          }),
        );
      }
    }
    return app;
  },
  (app) => app.synth(),
);
