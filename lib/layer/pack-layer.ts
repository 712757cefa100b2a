import { Construct } from 'constructs';
import { ProfileError } from '../errors';
import { PackCatalog, ResolvedPack } from '../pack/catalog';
import { readArchive } from '../pack/archive';
import { PackChart } from '../pack/chart-sections';
import { readSettings } from '../pack/pack';
import { presetValues } from '../pack/presets';
import { mergeValues, Values, ValuesLayer } from '../values/merge';
import { parseYamlDocuments } from '../values/yaml';
import { InfraRole, Layer, LayerKind, LayerOptions, LayerSpec, readValues } from './layer';
import { LayerKinds, packKinds } from '../readiness/kinds';

/** Props of a {@link PackLayer}. */
export interface PackLayerProps extends LayerOptions {
  /** The pack's name, as in its pack.json. */
  readonly pack: string;
  /** Exact (`1.27.5`), a train (`1.x`, `1.27.x`: the newest release of it) or a semver range. */
  readonly version: string;
  /**
   * Where the pack comes from.
   * @default - the app's only PackCatalog
   */
  readonly catalog?: PackCatalog;
  /**
   * Presets of the pack to apply, by name; at most one per preset group.
   * @default - none
   */
  readonly presets?: readonly string[];
  /**
   * The layer's values, in the pack's shape (`charts.<chart>...`, `manifests.<file>...`,
   * `pack:`), as an object or YAML text; above the pack's defaults and presets.
   * @default - the pack's defaults
   */
  readonly values?: Values | string;
  /**
   * Let a train or range resolve to a pre-release.
   * @default false
   */
  readonly includePrerelease?: boolean;
}

/**
 * A layer made from a pack of a registry. Its infrastructure role comes from the pack's
 * `pack.json: layer`. Its name, namespace, release names and install priority come from the
 * `pack:` section of the merged defaults, presets and layer values, unless the props set them:
 * `spectrocloud.com/display-name` names the layer, which lets one pack appear twice.
 */
export class PackLayer extends Layer {
  /** The resolved pack. */
  public readonly resolved: ResolvedPack;
  /** The catalog the pack was resolved from; its lockfile is saved when synth succeeds. */
  public readonly catalog: PackCatalog;
  private readonly values: Values;
  private readonly baseValues: ValuesLayer[];
  private readonly charts: PackChart[];
  private kinds?: LayerKinds;
  private readonly declared: PackLayerProps;

  constructor(scope: Construct, id: string, props: PackLayerProps) {
    const where = `${scope.node.path ? `${scope.node.path}/` : ''}${id}`;
    const catalog = props.catalog ?? PackCatalog.of(scope, where);
    const resolved = catalog.resolve(props.pack, props.version, where, props.includePrerelease ?? false);
    const pack = resolved.pack;
    const values = readValues(props.values, `${where} (values)`);
    const baseValues: ValuesLayer[] = [
      { source: 'pack', values: pack.values },
      ...presetValues(pack.presets, props.presets ?? [], where).map((v) => ({ source: 'preset' as const, values: v })),
    ];
    const settings = readSettings(mergeValues([...baseValues, { source: 'layer', values }]).values, `${where} (values)`);
    const role = pack.manifest.layer === 'addon' ? undefined : (pack.manifest.layer as InfraRole);
    const charts = pack.manifest.charts.map((listed) => {
      const file = listed.replace(/^\.\//, '');
      return { file, ...chartOf(pack.files.get(file)!, `${where} (${listed})`) };
    });
    checkDistinctCharts(charts, `${pack.manifest.name} ${pack.manifest.version}`, where);
    super(
      scope,
      id,
      {
        ...props,
        name: props.name ?? settings.displayName,
        namespace: props.namespace ?? settings.namespace,
        priority: props.priority ?? settings.installPriority,
        releaseName: props.releaseName ?? (charts.length === 1 ? settings.releaseNameOverride[charts[0].chartName] : undefined),
      },
      role,
    );
    this.resolved = resolved;
    this.catalog = catalog;
    this.values = values;
    this.baseValues = baseValues;
    this.charts = charts;
    this.declared = props;
  }

  /** The props the layer was declared with, as given (see {@link Layer.declaredOptions}). */
  public override get declaredOptions(): PackLayerProps {
    return this.declared;
  }

  get kind(): LayerKind {
    return 'pack';
  }

  protected specifics(): Partial<LayerSpec> {
    const { pack, constraint, registry } = this.resolved;
    return {
      baseValues: this.baseValues,
      values: this.values,
      pack: {
        name: pack.manifest.name,
        displayName: pack.manifest.displayName,
        version: pack.manifest.version,
        constraint,
        registry,
        digest: pack.digest,
        charts: this.charts,
        manifests: pack.manifest.kubeManifests.map((f) => f.replace(/^\.\//, '')),
        files: pack.files,
        dependencies: pack.manifest.dependencies,
        schema: pack.schema,
        kinds: (this.kinds ??= packKinds({ manifests: pack.manifest.kubeManifests.map((f) => f.replace(/^\.\//, '')), charts: this.charts, files: pack.files })),
      },
    };
  }
}

/** Each chart of a pack is one release named after the chart, so a pack cannot hold two charts of one name. */
function checkDistinctCharts(charts: ReadonlyArray<{ file: string; chartName: string }>, pack: string, where: string): void {
  charts.forEach(({ chartName }, i) => {
    const first = charts.findIndex((c) => c.chartName === chartName);
    if (first === i) return;
    ProfileError.throw({
      code: 'PACK_INVALID',
      path: where,
      message: `pack ${pack} has two charts named "${chartName}" (${charts[first].file} and ${charts[i].file}), but each chart of a pack is a release of its own`,
      fix: 'list each chart archive once in pack.json: charts, and give each chart of the pack its own name in its Chart.yaml',
    });
  });
}

/** The chart name a chart archive declares in its Chart.yaml, and the archive's top folder. */
function chartOf(archive: Buffer, where: string): { chartName: string; folder?: string } {
  const files = readArchive(archive, where);
  const chartYaml = [...files.keys()].find((f) => /^([^/]+\/)?Chart\.yaml$/.test(f));
  const [chart] = chartYaml ? parseYamlDocuments(files.get(chartYaml)!.toString('utf8'), `${where}/${chartYaml}`) : [];
  const name = (chart as Values | undefined)?.name;
  if (typeof name !== 'string') {
    ProfileError.throw({ code: 'PACK_INVALID', path: where, message: 'chart archive has no Chart.yaml with a name', fix: 'package the chart with `helm package`' });
  }
  const folder = chartYaml!.includes('/') ? chartYaml!.split('/')[0] : undefined;
  return { chartName: name as string, ...(folder ? { folder } : {}) };
}
