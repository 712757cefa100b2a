import { isPlainObject, Values } from '../values/merge';
import { manifestSection } from './chart-files';
import { PlannedLayer } from './plan';
import { chartSection } from '../pack/chart-sections';

/**
 * The Helm releases a planned layer installs: the one definition of "does this layer install a
 * release", shared by emission (which makes a `helm_release` of each) and the policies. Pure:
 * it names where each release's chart comes from; emission reads or generates the chart files.
 */

/** Where one release's chart comes from. */
export type ReleaseChart =
  /** A chart of a Helm repository or an OCI registry, installed from there. */
  | { readonly type: 'remote'; readonly repository: string; readonly chart: string; readonly version?: string }
  /** A local chart folder or archive, copied beside the stack. */
  | { readonly type: 'local'; readonly path: string }
  /** One chart archive of a pack. */
  | { readonly type: 'pack-chart'; readonly file: string }
  /** The manifests of a pack, as a generated chart whose templates read `.Values.manifests`. */
  | { readonly type: 'pack-manifests'; readonly files: readonly string[] }
  /** The objects of a manifest layer, as a generated chart. */
  | { readonly type: 'manifests' };

/** One Helm release a layer installs. */
export interface LayerRelease {
  /** Appended to the layer's address and construct id when a layer installs several releases. */
  readonly suffix: string;
  readonly releaseName: string;
  /** The release's values: the layer's merged values, or a pack's section for this chart. */
  readonly values: Values;
  readonly chart: ReleaseChart;
  /** The base name of the chart's folder beside the stack, for charts written there. */
  readonly folder: string;
}

/**
 * The releases a layer installs, in order: none for an empty manifest layer or a bare Kubernetes
 * layer; one per chart of a pack, then one for its manifests; one otherwise.
 */
export function layerReleases(layer: PlannedLayer): LayerRelease[] {
  const single = (chart: ReleaseChart, values: Values): LayerRelease[] => [{ suffix: '', releaseName: layer.releaseName, values, chart, folder: layer.name }];
  const location = layer.chart;
  if (location?.type === 'repository' || location?.type === 'oci') {
    return single({ type: 'remote', repository: location.repository, chart: location.chart, version: layer.chartVersion }, layer.values);
  }
  if (location?.type === 'local') return single({ type: 'local', path: location.path }, layer.values);
  if (layer.pack) return packReleases(layer);
  if (layer.documents && layer.documents.length > 0) return single({ type: 'manifests' }, {});
  return [];
}

/** Whether the layer installs at least one Helm release (see {@link layerReleases}). */
export function installsRelease(layer: PlannedLayer): boolean {
  return layerReleases(layer).length > 0;
}

function packReleases(layer: PlannedLayer): LayerRelease[] {
  const pack = layer.pack!;
  const section = (key: string): Values => (isPlainObject(layer.values[key]) ? (layer.values[key] as Values) : {});
  const overrides = section('pack').releaseNameOverride as Record<string, string> | undefined;
  const several = pack.charts.length + (pack.manifests.length > 0 ? 1 : 0) > 1;
  const releases: LayerRelease[] = pack.charts.map((packChart) => ({
    suffix: several ? `--${packChart.chartName}` : '',
    releaseName: several ? (overrides?.[packChart.chartName] ?? `${layer.name}-${packChart.chartName}`) : layer.releaseName,
    values: chartSection(packChart, layer.values),
    chart: { type: 'pack-chart', file: packChart.file },
    folder: several ? `${layer.name}--${packChart.chartName}` : layer.name,
  }));
  if (pack.manifests.length > 0) {
    // Every manifest gets its section, so a template never indexes a missing key.
    const sections: Values = {};
    for (const file of pack.manifests) sections[manifestSection(file)] = section('manifests')[manifestSection(file)] ?? {};
    releases.push({
      suffix: several ? '--manifests' : '',
      // pack.releaseNameOverride names the manifests' release by a manifest's section, as a chart's by its name.
      releaseName: several ? (pack.manifests.map((file) => overrides?.[manifestSection(file)]).find(Boolean) ?? `${layer.name}-manifests`) : layer.releaseName,
      values: { manifests: sections },
      chart: { type: 'pack-manifests', files: pack.manifests },
      folder: several ? `${layer.name}--manifests` : layer.name,
    });
  }
  return releases;
}
