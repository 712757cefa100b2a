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
import { chartNotAChartSource, invalidChartVersion, localChartMissing, ociChartVersionNotExact, withField } from '../diagnostics';

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
  private chartChecked = false;

  constructor(scope: Construct, id: string, props: HelmLayerProps) {
    super(scope, id, props, props.role);
    this.props = props;
    this.values = readValues(props.values, withField(this.node.path, 'values'));
    if (!(props.chart instanceof ChartSource)) {
      ProfileError.throw(chartNotAChartSource(this.node.path));
    }
    if (props.version !== undefined && semver.validRange(props.version) === null) {
      ProfileError.throw(invalidChartVersion(this.node.path, props.version));
    }
    if (props.chart.location.type === 'oci' && props.version !== undefined && constraintKind(props.version, this.node.path) !== 'exact') {
      ProfileError.throw(ociChartVersionNotExact(this.node.path, props.version));
    }
  }

  /** The catalog that pinned the chart's version, once a train or range was resolved. */
  public get catalog(): PackCatalog | undefined {
    return this.resolved?.catalog;
  }

  /**
   * Checks that a local chart holds a chart, once. Constructs record intent only, so the disk is
   * read here, in the synth pass's resolve stage, and a missing chart is reported with every
   * other diagnostic of the synth (the cluster's own plan included: planning reads no chart).
   */
  public override resolve(): void {
    if (this.chartChecked) return;
    const { location } = this.props.chart;
    if (location.type === 'local') checkLocalChart(location.path, this.node.path);
    this.chartChecked = true;
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

/** Throws CHART_NOT_FOUND when a local chart path holds no Chart.yaml and is not a .tgz archive. */
function checkLocalChart(chartPath: string, where: string): void {
  const isArchive = chartPath.endsWith('.tgz') && fs.existsSync(chartPath);
  if (isArchive || fs.existsSync(path.join(chartPath, 'Chart.yaml'))) return;
  ProfileError.throw(localChartMissing(where, path.relative(process.cwd(), chartPath) || chartPath));
}
