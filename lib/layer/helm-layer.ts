import * as fs from 'fs';
import * as path from 'path';
import * as semver from '../semver';
import { Construct } from 'constructs';
import { ProfileError } from '../errors';
import { Values } from '../values/merge';
import { PackCatalog } from '../pack/catalog';
import { constraintKind } from '../pack/version';
import { ChartSource } from './chart-source';
import { InfraRole, Layer, LayerKind, LayerOptions, LayerSpec, readValues } from './layer';

/** Props of a {@link HelmLayer}. */
export interface HelmLayerProps extends LayerOptions {
  /** Where the chart comes from: `ChartSource.repository()`, `.oci()` or `.local()`. */
  readonly chart: ChartSource;
  /**
   * The chart version: exact (`1.16.2`), a train (`6.x`, `6.14.x`) or a semver range
   * (`~6.14.0`). The helm provider installs only exact versions, so a train or range of a
   * repository chart is resolved at synth against the repository's index.yaml and pinned in the
   * lockfile (see {@link PackCatalog.resolveChart}); an OCI chart needs an exact version. Not used
   * for local charts.
   * @default - the newest chart version at deploy time (unpinned: avoid in production)
   */
  readonly version?: string;
  /**
   * The catalog whose lockfile pins a train or range of a repository chart.
   * @default - the app's only PackCatalog
   */
  readonly catalog?: PackCatalog;
  /**
   * Let a train or range resolve to a pre-release.
   * @default false
   */
  readonly includePrerelease?: boolean;
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
  private resolved?: { version: string; catalog: PackCatalog };

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
    if (props.chart.location.type === 'oci' && props.version !== undefined && constraintKind(props.version, this.node.path) !== 'exact') {
      ProfileError.throw({
        code: 'INVALID_VERSION_CONSTRAINT',
        path: this.node.path,
        message: `chart version "${props.version}" of an OCI chart is a train or range, which synth cannot resolve (it reads no OCI registry) and the helm provider does not install`,
        fix: 'give the exact version of the OCI chart, e.g. "6.14.0"',
      });
    }
  }

  /** The catalog that pinned the chart's version, once a train or range was resolved. */
  public get catalog(): PackCatalog | undefined {
    return this.resolved?.catalog;
  }

  protected specifics(): Partial<LayerSpec> {
    return { chart: this.props.chart.location, chartVersion: this.chartVersion(), values: this.values };
  }

  /** The exact version to install: a train or range of a repository chart resolved and locked. */
  private chartVersion(): string | undefined {
    const { location } = this.props.chart;
    const version = this.props.version;
    if (version === undefined || location.type !== 'repository' || constraintKind(version, this.node.path) === 'exact') return version;
    if (!this.resolved) {
      const catalog = this.props.catalog ?? PackCatalog.of(this, this.node.path);
      this.resolved = { catalog, version: catalog.resolveChart(location.repository, location.chart, version, this.node.path, this.props.includePrerelease ?? false) };
    }
    return this.resolved.version;
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
