// One cluster of the raw cdktf side of the synth benchmarks: its aliased helm provider and L
// helm_releases written by hand, with the depends_on the library would emit.
import { TerraformStack } from 'cdktf';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Release } from '@cdktf/provider-helm/lib/release';
import * as s from '../scenario';

/** Adds cluster `c` (its provider and `layers` releases) to `stack`. */
export function addRawCluster(stack: TerraformStack, c: number, layers: number): void {
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
