import { Construct } from 'constructs';
import { manifestSection } from '../cluster/chart-files';
import { ProfileError } from '../errors';
import { PackCatalog, ResolvedPack } from '../pack/catalog';
import { readArchive } from '../pack/archive';
import { PackChart } from '../pack/chart-sections';
import { readSettings } from '../pack/pack';
import { presetValues } from '../pack/presets';
import { mergeValues, Values, ValuesLayer } from '../values/merge';
import { parseYamlDocuments } from '../values/yaml';
import { isKubernetesVersion } from './kubernetes-layer';
import { checkLayerOptions, InfraRole, Layer, LayerKind, LayerOptions, LayerSpec, readValues } from './layer';
import { LayerKinds, packKinds } from '../readiness/kinds';
import { constraintKind } from '../pack/version';
import { chartArchiveUnnamed, duplicatePackChart, invalidKubernetesVersion, kubernetesVersionOnNonK8sPack, withField } from '../diagnostics';

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
  /**
   * For a pack of the k8s layer: the Kubernetes version the cluster must run, exact (`1.33.6`) or
   * a train (`1.33.x`), checked against the live server when the deploy plans, as a
   * KubernetesLayer does.
   * @default - no check
   */
  readonly kubernetesVersion?: string;
}

/** What resolving a pack layer's constraint gave: the pack, and what the layer takes from it. */
export interface PackResolution {
  readonly resolved: ResolvedPack;
  readonly baseValues: readonly ValuesLayer[];
  readonly charts: readonly PackChart[];
  /** The declared options, with the name, namespace, priority and release name the pack gives. */
  readonly options: LayerOptions;
  readonly role?: InfraRole;
}

/**
 * A layer made from a pack of a registry. Its infrastructure role comes from the pack's
 * `pack.json: layer`. Its name, namespace, release names and install priority come from the
 * `pack:` section of the merged defaults, presets and layer values, unless the props set them:
 * `spectrocloud.com/display-name` names the layer, which lets one pack appear twice.
 *
 * The constructor records the pack's name and constraint and reads nothing: the pack is
 * resolved (through the catalog and its lockfile) by the app's synth pass, or on first use of
 * what only the pack can tell ({@link resolved}, {@link layerName}, {@link role}, `toSpec()`).
 * A resolution problem is then reported with every other problem of the synth.
 */
export class PackLayer extends Layer {
  private readonly values: Values;
  private readonly declared: PackLayerProps;
  private resolution?: PackResolution;

  constructor(scope: Construct, id: string, props: PackLayerProps) {
    super(scope, id, props);
    this.declared = props;
    this.values = readValues(props.values, withField(this.node.path, 'values'));
    constraintKind(props.version, this.node.path); // the constraint's syntax needs no registry
  }

  /** The catalog the pack resolves from; its lockfile is saved when synth succeeds. */
  public get catalog(): PackCatalog {
    return this.declared.catalog ?? PackCatalog.of(this, this.node.path);
  }

  /** The resolved pack. */
  public get resolved(): ResolvedPack {
    return this.resolvePack().resolved;
  }

  public override get layerName(): string {
    return this.declared.name ?? this.resolvePack().options.name ?? this.node.id;
  }

  public override get role(): InfraRole | undefined {
    return this.resolvePack().role;
  }

  /** The props the layer was declared with, as given (see {@link Layer.declaredOptions}). */
  public override get declaredOptions(): PackLayerProps {
    return this.declared;
  }

  get kind(): LayerKind {
    return 'pack';
  }

  /** Resolves the pack's constraint through the catalog, once; throws what resolution finds wrong. */
  public resolvePack(): PackResolution {
    if (this.resolution) return this.resolution;
    const props = this.declared;
    const where = this.node.path;
    const resolved = this.catalog.resolve(props.pack, props.version, where, props.includePrerelease ?? false);
    const pack = resolved.pack;
    const baseValues: ValuesLayer[] = [
      { source: 'pack', values: pack.values },
      ...presetValues(pack.presets, props.presets ?? [], where).map((v) => ({ source: 'preset' as const, values: v })),
    ];
    const settings = readSettings(mergeValues([...baseValues, { source: 'layer', values: this.values }]).values, withField(where, 'values'));
    const role = pack.manifest.layer === 'addon' ? undefined : (pack.manifest.layer as InfraRole);
    const charts = pack.manifest.charts.map((listed) => {
      const file = listed.replace(/^\.\//, '');
      return { file, ...chartOf(pack.files.get(file)!, withField(where, listed)) };
    });
    checkDistinctCharts(charts, `${pack.manifest.name} ${pack.manifest.version}`, where);
    const options: LayerOptions = {
      ...props,
      name: props.name ?? settings.displayName,
      namespace: props.namespace ?? settings.namespace,
      priority: props.priority ?? settings.installPriority,
      releaseName: props.releaseName ?? singleReleaseName(charts, pack.manifest.kubeManifests, settings.releaseNameOverride),
    };
    checkLayerOptions({ ...options, name: options.name ?? this.node.id }, role, where);
    if (props.kubernetesVersion !== undefined && (role !== 'k8s' || !isKubernetesVersion(props.kubernetesVersion))) {
      ProfileError.throw(role !== 'k8s' ? kubernetesVersionOnNonK8sPack(where, pack.manifest.name, pack.manifest.layer) : invalidKubernetesVersion(where, props.kubernetesVersion));
    }
    return (this.resolution = { resolved, baseValues, charts, options, role });
  }

  public override resolve(): void {
    this.resolvePack();
  }

  /** The kinds the pack's files create, read once (see `PackSpec.kinds`). */
  private kinds?: LayerKinds;

  protected override plannedOptions(): LayerOptions {
    return this.resolvePack().options;
  }

  protected specifics(): Partial<LayerSpec> {
    const { resolved, baseValues, charts } = this.resolvePack();
    const { pack, constraint, registry } = resolved;
    return {
      kubernetesVersion: this.declared.kubernetesVersion,
      baseValues,
      values: this.values,
      pack: {
        name: pack.manifest.name,
        displayName: pack.manifest.displayName,
        version: pack.manifest.version,
        constraint,
        registry,
        digest: pack.digest,
        charts,
        manifests: pack.manifest.kubeManifests.map((f) => f.replace(/^\.\//, '')),
        files: pack.files,
        dependencies: pack.manifest.dependencies,
        schema: pack.schema,
        kinds: (this.kinds ??= packKinds({ manifests: pack.manifest.kubeManifests.map((f) => f.replace(/^\.\//, '')), charts, files: pack.files })),
      },
    };
  }
}

/** Each chart of a pack is one release named after the chart, so a pack cannot hold two charts of one name. */
function checkDistinctCharts(charts: ReadonlyArray<{ file: string; chartName: string }>, pack: string, where: string): void {
  charts.forEach(({ chartName }, i) => {
    const first = charts.findIndex((c) => c.chartName === chartName);
    if (first === i) return;
    ProfileError.throw(duplicatePackChart(where, pack, chartName, charts[first].file, charts[i].file));
  });
}

/**
 * The release name `pack.releaseNameOverride` gives a pack that installs one release: its only
 * chart's entry, or for a pack of manifests only, the entry of the first manifest that has one
 * (keyed by the manifest's file name without `.yaml`, as its values are under `manifests.<name>`).
 */
function singleReleaseName(charts: ReadonlyArray<{ chartName: string }>, manifests: readonly string[], overrides: Readonly<Record<string, string>>): string | undefined {
  if (charts.length === 1 && manifests.length === 0) return overrides[charts[0].chartName];
  if (charts.length > 0) return undefined;
  return manifests.map((file) => overrides[manifestSection(file)]).find((name) => name !== undefined);
}

/** The chart name a chart archive declares in its Chart.yaml, and the archive's top folder. */
function chartOf(archive: Buffer, where: string): { chartName: string; folder?: string } {
  const files = readArchive(archive, where);
  const chartYaml = [...files.keys()].find((f) => /^([^/]+\/)?Chart\.yaml$/.test(f));
  const [chart] = chartYaml ? parseYamlDocuments(files.get(chartYaml)!.toString('utf8'), `${where}/${chartYaml}`) : [];
  const name = (chart as Values | undefined)?.name;
  if (typeof name !== 'string') {
    ProfileError.throw(chartArchiveUnnamed(where));
  }
  const folder = chartYaml!.includes('/') ? chartYaml!.split('/')[0] : undefined;
  return { chartName: name as string, ...(folder ? { folder } : {}) };
}
