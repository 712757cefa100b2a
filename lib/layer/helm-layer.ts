import * as fs from 'fs';
import * as path from 'path';
import * as semver from 'semver';
import { Construct } from 'constructs';
import { ProfileError } from '../errors';
import { Values } from '../values/merge';
import { ChartSource } from './chart-source';
import { InfraRole, Layer, LayerKind, LayerOptions, LayerSpec, readValues } from './layer';

/** Props of a {@link HelmLayer}. */
export interface HelmLayerProps extends LayerOptions {
  /** Where the chart comes from: `ChartSource.repository()`, `.oci()` or `.local()`. */
  readonly chart: ChartSource;
  /**
   * The chart version: exact (`1.16.2`) or a semver range Helm understands (`~1.16.0`).
   * Not used for local charts.
   * @default - the newest chart version at deploy time (unpinned: avoid in production)
   */
  readonly version?: string;
  /**
   * The layer's values, as an object or YAML text. Profiles and clusters override them.
   * @default - the chart's own defaults
   */
  readonly values?: Values | string;
  /**
   * The infrastructure role this chart fills (`cni`, `csi`, ...), when it is an infra layer.
   * @default - an add-on layer
   */
  readonly role?: InfraRole;
}

/** A layer installed from a Helm chart in a repository, an OCI registry or a local path. */
export class HelmLayer extends Layer {
  public readonly kind: LayerKind = 'helm';
  private readonly props: HelmLayerProps;
  private readonly values: Values;

  constructor(scope: Construct, id: string, props: HelmLayerProps) {
    super(scope, id, props, props.role);
    this.props = props;
    this.values = readValues(props.values, `${this.node.path} (values)`);
    if (!(props.chart instanceof ChartSource)) {
      ProfileError.throw({
        code: 'INVALID_CHART_SOURCE',
        path: this.node.path,
        message: 'chart is not a ChartSource',
        fix: 'use ChartSource.repository(url, name), ChartSource.oci(reference) or ChartSource.local(path)',
      });
    }
    if (props.chart.location.type === 'local') checkLocalChart(props.chart.location.path, this.node.path);
    if (props.version !== undefined && semver.validRange(props.version) === null) {
      ProfileError.throw({
        code: 'INVALID_SEMVER',
        path: this.node.path,
        message: `chart version "${props.version}" is neither a semantic version nor a range`,
        fix: 'write an exact version such as "1.16.2" or a range such as "~1.16.0"',
      });
    }
  }

  protected specifics(): Partial<LayerSpec> {
    return { chart: this.props.chart.location, chartVersion: this.props.version, values: this.values };
  }
}

/** Fails where the layer is declared, rather than at synth, when a local chart is missing. */
function checkLocalChart(chartPath: string, where: string): void {
  const isArchive = chartPath.endsWith('.tgz') && fs.existsSync(chartPath);
  if (isArchive || fs.existsSync(path.join(chartPath, 'Chart.yaml'))) return;
  ProfileError.throw({
    code: 'CHART_NOT_FOUND',
    path: where,
    message: `local chart "${path.relative(process.cwd(), chartPath) || chartPath}" has no Chart.yaml and is not a .tgz archive`,
    fix: 'point ChartSource.local() at a chart directory holding Chart.yaml, or at a packaged .tgz chart',
  });
}
