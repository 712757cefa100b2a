// Fleet benchmark, raw cdktf side: the same stacks (one per cluster, its helm provider and L
// helm_releases written by hand) and the same stack dependencies, through addDependency.
import { arg, run } from './harness'; // first: marks where imports start
import { App, TerraformStack } from 'cdktf';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Release } from '@cdktf/provider-helm/lib/release';
import * as s from '../scenario';
import { fleetWaves } from '../fleet-scenario';

const clusters = Number(arg('clusters'));
const layers = Number(arg('layers'));
const outdir = arg('outdir');

run(
  () => {
    const app = new App({ outdir });
    const names = Array.from({ length: clusters }, (_, c) => s.clusterName(c));
    let previous: TerraformStack[] = [];
    for (const wave of fleetWaves(names)) {
      const stacks = wave.clusters.map((name) => {
        const c = names.indexOf(name);
        const stack = new TerraformStack(app, name);
        for (const before of previous) stack.addDependency(before);
        const helm = new HelmProvider(stack, `helm-${name}`, { alias: name, kubernetes: { configPath: s.KUBECONFIG, configContext: name } });
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
        return stack;
      });
      previous = stacks;
    }
    return app;
  },
  (app) => app.synth(),
);
