import * as semver from '../semver';
import { InstallPlan, PlannedLayer } from '../cluster/plan';
import { readChartKubeVersion } from './chart-kube-version';
import { ClusterPolicy, PolicyViolation } from './cluster-policy';

/**
 * Every local chart supports the Kubernetes version the cluster pins: its Chart.yaml
 * `kubeVersion` constraint holds for the Kubernetes layer's version, and for a train (`1.34.x`)
 * for every version of the train, so Helm does not refuse the chart at deploy.
 *
 * Only local chart directories are read: charts from repositories and registries are not fetched
 * at synth, and packaged `.tgz` charts are not opened. A cluster without a Kubernetes layer pins
 * no version, so it passes.
 */
export class RequireKubernetesCompatibility extends ClusterPolicy {
  public readonly rule = 'require-kubernetes-compatibility';

  public check(plan: InstallPlan): PolicyViolation[] {
    const kubernetes = plan.layers.find((l) => l.kubernetesVersion !== undefined);
    if (!kubernetes) return [];
    return plan.layers.flatMap((layer) => {
      const violation = this.checkLayer(layer, kubernetes);
      return violation ? [violation] : [];
    });
  }

  private checkLayer(layer: PlannedLayer, kubernetes: PlannedLayer): PolicyViolation | undefined {
    if (layer.chart?.type !== 'local') return undefined;
    const found = readChartKubeVersion(layer.chart.path);
    if (found.kind === 'none') return undefined;
    if (found.kind === 'unreadable') {
      return { layer, message: `its chart's ${found.reason}`, fix: 'correct the chart\'s Chart.yaml' };
    }
    // Helm's constraints (Masterminds semver) separate "and" terms with commas; node-semver with spaces.
    const range = semver.validRange(found.constraint.replace(/,/g, ' '));
    const version = kubernetes.kubernetesVersion!;
    if (range === null) {
      return {
        layer,
        message: `its chart's kubeVersion "${found.constraint}" is not a version range`,
        fix: 'write kubeVersion in Chart.yaml as a range such as ">=1.25.0-0"',
      };
    }
    if (semver.subset(version, range)) return undefined;
    return {
      layer,
      message: `its chart requires Kubernetes "${found.constraint}" (Chart.yaml kubeVersion), but the cluster pins ${version} (layer "${kubernetes.name}")`,
      fix: `use a chart version made for Kubernetes ${version}, or attach a profile whose Kubernetes layer the chart supports`,
    };
  }
}
