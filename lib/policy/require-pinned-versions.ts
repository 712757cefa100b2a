import * as semver from '../semver';
import { InstallPlan, PlannedLayer } from '../cluster/plan';
import { ClusterPolicy, PolicyViolation } from './cluster-policy';

/** A chart from a repository or an OCI registry whose version is not exact. */
export interface UnpinnedVersion {
  /** The layer installing the chart. */
  readonly layer: PlannedLayer;
  /** The chart: its OCI reference, or `"<chart>" of <repository URL>`. */
  readonly chart: string;
  /** The version or range given, if any. */
  readonly version?: string;
}

/**
 * The layers whose chart comes from a repository or an OCI registry without an exact version:
 * no version (the newest at deploy time) or a range (`~1.16.0`, `>=2`). Local and generated
 * charts are pinned by their content, so they never count.
 */
export function findUnpinnedVersions(plan: InstallPlan): UnpinnedVersion[] {
  return plan.layers.flatMap((layer) => {
    const chart = layer.chart;
    if (chart?.type !== 'repository' && chart?.type !== 'oci') return [];
    const version = layer.chartVersion;
    if (version !== undefined && semver.clean(version) !== null) return [];
    const name = chart.type === 'oci' ? `${chart.repository}/${chart.chart}` : `"${chart.chart}" of ${chart.repository}`;
    return [{ layer, chart: name, version }];
  });
}

/** How an unpinned version reads in messages: `no version` or `the range "~1.16.0"`. */
export function describeUnpinned(unpinned: UnpinnedVersion): string {
  return unpinned.version === undefined ? 'no version' : `the range "${unpinned.version}"`;
}

/**
 * Every chart from a repository or an OCI registry names an exact version, so two deploys of the
 * same code install the same chart.
 */
export class RequirePinnedVersions extends ClusterPolicy {
  public readonly rule = 'require-pinned-versions';

  public check(plan: InstallPlan): PolicyViolation[] {
    return findUnpinnedVersions(plan).map((u) => ({
      layer: u.layer,
      message: `chart ${u.chart} has ${describeUnpinned(u)}, so each deploy may install a different chart`,
      fix: 'set the layer\'s version to an exact chart version, e.g. "1.16.2"',
    }));
  }
}
