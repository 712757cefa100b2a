import * as path from 'path';
import { ProfileError } from '../errors';
import { chartRepositoryNotHttp, invalidChartName, invalidOciReference, localChartPathEmpty } from '../diagnostics';

/** Where a Helm chart comes from, as plain data for the planner and the install plan. */
export type ChartLocation =
  | { readonly type: 'repository'; readonly repository: string; readonly chart: string }
  | { readonly type: 'oci'; readonly repository: string; readonly chart: string }
  | { readonly type: 'local'; readonly path: string };

/**
 * The source of a {@link HelmLayer}'s chart: a Helm repository, an OCI registry, or a chart
 * directory or archive on disk.
 */
export class ChartSource {
  /**
   * A chart in a Helm repository (one that serves `index.yaml`).
   * @param url the repository URL, `https://` or `http://`
   * @param chart the chart's name in that repository
   */
  static repository(url: string, chart: string): ChartSource {
    if (!/^https?:\/\/[^\s]+$/.test(url)) {
      ProfileError.throw(chartRepositoryNotHttp(url));
    }
    checkChartName(chart, 'repository');
    return new ChartSource({ type: 'repository', repository: url.replace(/\/+$/, ''), chart });
  }

  /**
   * A chart in an OCI registry.
   * @param reference `oci://registry/path/chart`; the last segment is the chart's name
   */
  static oci(reference: string): ChartSource {
    const match = /^oci:\/\/([^\s]+)\/([^/\s:@]+)$/.exec(reference);
    if (!match) {
      ProfileError.throw(invalidOciReference(reference));
    }
    return new ChartSource({ type: 'oci', repository: `oci://${match[1]}`, chart: match[2] });
  }

  /**
   * A chart directory or `.tgz` archive on disk. It is copied into the stack's output at synth,
   * so the deploy does not depend on the working directory.
   * @param chartPath absolute, or relative to the directory the app runs in
   */
  static local(chartPath: string): ChartSource {
    if (typeof chartPath !== 'string' || chartPath.trim() === '') {
      ProfileError.throw(localChartPathEmpty());
    }
    return new ChartSource({ type: 'local', path: path.resolve(chartPath) });
  }

  private constructor(public readonly location: ChartLocation) {}
}

function checkChartName(chart: string, method: string): void {
  if (!/^[a-z0-9]([-a-z0-9_.]*[a-z0-9])?$/i.test(chart)) {
    ProfileError.throw(invalidChartName(method, chart));
  }
}
