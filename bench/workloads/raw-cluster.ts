// One cluster of the raw cdktf side of the synth and fleet benchmarks: its aliased helm provider
// and L helm_releases written by hand, with the depends_on the library would emit.
import { TerraformStack } from 'cdktf';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Release } from '@cdktf/provider-helm/lib/release';
import { HelmRelease } from '../../lib/cluster/helm-release';
import * as s from '../scenario';

/**
 * Which class writes the helm_releases: `binding`, the provider binding's `Release` (what a user
 * writes by hand); `same`, the library's own element (lib/cluster/helm-release.ts), so that the
 * raw side differs from ours only by what the library does around it: the floor for a library
 * on cdktf.
 */
export type RawElement = 'binding' | 'same';

/** The `element=` argument of a raw workload. */
export function rawElement(value: string | undefined): RawElement {
  if (value === 'binding' || value === 'same') return value;
  throw new Error(`element= must be binding or same, not ${value}`);
}

/**
 * Adds cluster `c` (its provider and `layers` releases) to `stack`. With `tamper`, the first
 * release of cluster 0 gets one attribute the library would not emit (max_history 11): the
 * runner must then refuse to compare (see bench/verify.ts and `npm run bench -- --tamper`).
 */
export function addRawCluster(stack: TerraformStack, c: number, layers: number, element: RawElement, tamper = false): void {
  const name = s.clusterName(c);
  const helm = new HelmProvider(stack, `helm-${name}`, {
    alias: name,
    kubernetes: { configPath: s.KUBECONFIG, configContext: name },
  });
  const Element = element === 'binding' ? Release : HelmRelease;
  const releases: Array<Release | HelmRelease> = [];
  for (let i = 0; i < layers; i++) {
    const dependsOn = s.rawDependsOn(i, layers).map((j) => releases[j]);
    releases.push(
      new Element(stack, `${name}_${s.layerName(i)}`, {
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
        maxHistory: tamper && c === 0 && i === 0 ? 11 : 10,
        dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
      }),
    );
  }
}
