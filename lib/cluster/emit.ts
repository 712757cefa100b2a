import { ITerraformDependable, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
// Deep imports: the providers' package roots load every resource class (about 1 s and 200 MB).
import { HelmProvider, HelmProviderKubernetes } from '@cdktf/provider-helm/lib/provider';
import { DataKubernetesServerVersion } from '@cdktf/provider-kubernetes/lib/data-kubernetes-server-version';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import type { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { kubernetesVersionPattern } from '../layer/kubernetes-layer';
import { isPlainObject, Values } from '../values/merge';
import { archiveChart, ChartFiles, generatedChart, localChart, manifestSection, packManifestChart } from './chart-files';
import { ConnectionSettings } from './connection';
import { InstallPlan, PlannedLayer } from './plan';
import { HelmRelease } from './helm-release';
import { chartSection } from '../pack/chart-sections';
import { escapeForSet, splitReleaseValues } from './release-values';

/** A chart written beside the stack: its folder (relative to the stack's) and files. */
export interface WrittenChart {
  readonly directory: string;
  readonly files: ChartFiles;
}

/** What emission made for one layer. */
export interface EmittedLayer {
  /** Terraform addresses of the layer's resources and data sources, in creation order. */
  readonly addresses: readonly string[];
  /** The charts written beside the stack (local, pack and generated charts), in install order. */
  readonly charts: ReadonlyArray<WrittenChart>;
}

/**
 * Emission: the only code that creates provider elements. One aliased helm provider (and a
 * kubernetes provider when a layer needs one) per cluster; one `helm_release` per layer with
 * something to install; `depends_on` exactly the plan's reduced edges, sorted.
 */
export function emitCluster(
  scope: Construct,
  clusterName: string,
  connection: ConnectionSettings,
  plan: InstallPlan,
): Map<string, EmittedLayer> {
  const helm = new HelmProvider(scope, 'helm', { alias: clusterName, kubernetes: helmConnection(connection) });
  let kubernetes: KubernetesProvider | undefined;
  const kubernetesProvider = (): KubernetesProvider =>
    (kubernetes ??= new KubernetesProvider(scope, 'kubernetes', { alias: clusterName, ...kubernetesConnection(connection) }));

  const emitted = new Map<string, EmittedLayer>();
  const anchors = new Map<string, Anchor[]>();
  const namespaces = plan.namespaces.map((spec) => {
    const Namespace = namespaceClass();
    const namespace = new Namespace(scope, `namespace-${spec.name}`, {
      provider: kubernetesProvider(),
      metadata: {
        name: spec.name,
        labels: Object.keys(spec.labels).length > 0 ? { ...spec.labels } : undefined,
        annotations: Object.keys(spec.annotations).length > 0 ? { ...spec.annotations } : undefined,
      },
    });
    namespace.overrideLogicalId(`${clusterName}_namespace_${spec.name}`);
    return { spec, anchor: { element: namespace as ITerraformDependable, address: addressOf(namespace) } };
  });
  for (const layer of plan.layers) {
    const waitsOfLayer: Anchor[] = [
      ...waitFor(layer, anchors),
      ...namespaces.filter((n) => n.spec.layers.includes(layer.name)).map((n) => n.anchor),
    ];
    const elements: Array<ITerraformDependable & { terraformResourceType: string; friendlyUniqueId: string; }> = [];
    const charts: WrittenChart[] = [];
    const id = `${clusterName}_${layer.name}`;
    if (layer.kubernetesVersion !== undefined) {
      // No depends_on: the check reads the server at plan time, failing before anything changes.
      const check = versionCheck(scope, id, clusterName, layer, kubernetesProvider());
      elements.push(check);
      waitsOfLayer.push({ element: check, address: addressOf(check) });
    }
    let previous: HelmRelease | undefined;
    for (const release of releasesOf(layer, clusterName)) {
      if (release.chart) charts.push(release.chart);
      const waits = previous ? [{ element: previous as ITerraformDependable, address: addressOf(previous) }] : waitsOfLayer;
      const dependsOn = [...waits].sort((a, b) => (a.address < b.address ? -1 : 1)).map((a) => a.element);
      // Not the binding's Release, which costs 8 stack-trace captures per release: see helm-release.ts.
      previous = new HelmRelease(scope, `release-${layer.name}${release.suffix}`, {
        provider: helm,
        ...releaseArguments(scope, layer, release),
        dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
        lifecycle: layer.protect ? { preventDestroy: true } : undefined,
      });
      previous.overrideLogicalId(`${id}${release.suffix}`);
      elements.push(previous);
    }
    // Later layers wait for the last release of this one; a layer with no release (an empty
    // manifest layer, a bare Kubernetes layer) passes on what it waited for, plus its check.
    anchors.set(layer.name, previous ? [{ element: previous, address: addressOf(previous) }] : waitsOfLayer);
    emitted.set(layer.name, { addresses: elements.map((e) => addressOf(e)), charts });
  }
  return emitted;
}

type ChartReference = { repository?: string; chart: string; version?: string };

/** One Helm release a layer installs. */
interface LayerRelease {
  /** Appended to the layer's address and construct id when a layer installs several releases. */
  readonly suffix: string;
  readonly releaseName: string;
  readonly reference: ChartReference;
  readonly values: Values;
  readonly chart?: WrittenChart;
}

/**
 * The releases a layer installs, in order: none for an empty manifest layer or a bare Kubernetes
 * layer; one per chart of a pack, then one for its manifests; one otherwise.
 */
function releasesOf(layer: PlannedLayer, clusterName: string): LayerRelease[] {
  const written = (files: ChartFiles, name: string) => {
    const directory = `clusters/${clusterName}/charts/${name}-${files.digest.slice('sha256:'.length, 'sha256:'.length + 12)}`;
    // The digest in the folder name makes a content change a change of `chart`, which Helm's
    // provider would not notice for a local chart of unchanged version.
    const chartPath = files.archive ? `${directory}/${[...files.files.keys()][0]}` : directory;
    return { reference: { chart: `./${chartPath}` }, chart: { directory, files } };
  };
  const single = (reference: ChartReference, values: Values, chart?: WrittenChart): LayerRelease[] => [
    { suffix: '', releaseName: layer.releaseName, reference, values, chart },
  ];
  const location = layer.chart;
  if (location?.type === 'repository' || location?.type === 'oci') {
    return single({ repository: location.repository, chart: location.chart, version: layer.chartVersion }, layer.values);
  }
  if (location?.type === 'local') {
    const w = written(localChart(location.path, layer.path), layer.name);
    return single(w.reference, layer.values, w.chart);
  }
  if (layer.pack) return packReleases(layer, written);
  if (layer.documents && layer.documents.length > 0) {
    const w = written(generatedChart(layer.name, layer.documents), layer.name);
    return single(w.reference, {}, w.chart);
  }
  return [];
}

function packReleases(
  layer: PlannedLayer,
  written: (files: ChartFiles, name: string) => { reference: ChartReference; chart: WrittenChart },
): LayerRelease[] {
  const pack = layer.pack!;
  const section = (key: string): Values => (isPlainObject(layer.values[key]) ? (layer.values[key] as Values) : {});
  const overrides = section('pack').releaseNameOverride as Record<string, string> | undefined;
  const several = pack.charts.length + (pack.manifests.length > 0 ? 1 : 0) > 1;
  const releases: LayerRelease[] = pack.charts.map((packChart) => {
    const { file, chartName } = packChart;
    const w = written(archiveChart(file, pack.files.get(file)!), several ? `${layer.name}--${chartName}` : layer.name);
    return {
      suffix: several ? `--${chartName}` : '',
      releaseName: several ? (overrides?.[chartName] ?? `${layer.name}-${chartName}`) : layer.releaseName,
      reference: w.reference,
      values: chartSection(packChart, layer.values),
      chart: w.chart,
    };
  });
  if (pack.manifests.length > 0) {
    const manifests = pack.manifests.map((file) => ({ file, content: pack.files.get(file)! }));
    const w = written(packManifestChart(layer.name, manifests), several ? `${layer.name}--manifests` : layer.name);
    // Every manifest gets its section, so a template never indexes a missing key.
    const sections: Values = {};
    for (const file of pack.manifests) sections[manifestSection(file)] = section('manifests')[manifestSection(file)] ?? {};
    releases.push({
      suffix: several ? '--manifests' : '',
      // pack.releaseNameOverride names the manifests' release by a manifest's section, as a chart's by its name.
      releaseName: several ? (pack.manifests.map((file) => overrides?.[manifestSection(file)]).find(Boolean) ?? `${layer.name}-manifests`) : layer.releaseName,
      reference: w.reference,
      values: { manifests: sections },
      chart: w.chart,
    });
  }
  return releases;
}

function releaseArguments(scope: Construct, layer: PlannedLayer, release: LayerRelease) {
  const values = splitReleaseValues(release.values);
  const stack = TerraformStack.of(scope);
  const chart = release.reference;
  return {
    name: release.releaseName,
    namespace: layer.namespace,
    createNamespace: layer.createNamespace,
    repository: chart.repository,
    chart: chart.chart,
    version: chart.version,
    values: values.yaml !== undefined ? [values.yaml] : undefined,
    set: values.expressions.length > 0 ? values.expressions.map((e) => ({ name: e.name, value: escapeForSet(e.value) })) : undefined,
    setSensitive:
      values.sensitive.length > 0
        ? values.sensitive.map((s) => ({ name: s.name, value: escapeForSet(s.value.token ?? sensitiveVariable(stack, s.value.variableName!)) }))
        : undefined,
    atomic: layer.release.atomic,
    cleanupOnFail: layer.release.cleanupOnFail,
    wait: layer.release.wait,
    waitForJobs: layer.release.waitForJobs,
    timeout: layer.release.timeoutSeconds,
    maxHistory: layer.release.maxHistory,
    upgradeInstall: layer.release.upgradeInstall || undefined,
  };
}

/** One sensitive variable per name and stack, shared by every cluster of the stack. */
function sensitiveVariable(stack: TerraformStack, name: string): string {
  const existing = stack.node.tryFindChild(name);
  const variable =
    existing instanceof TerraformVariable
      ? existing
      : new TerraformVariable(stack, name, {
          type: 'string',
          sensitive: true,
          description: `Sensitive value for cluster profiles; supply it as TF_VAR_${name}`,
        });
  return variable.stringValue;
}

/**
 * Loaded on first use: only packs that ask for namespaces need it, and loading it costs every
 * cold start about 5 ms (bench/, cold_node).
 */
function namespaceClass(): typeof NamespaceV1 {
  return (require('@cdktf/provider-kubernetes/lib/namespace-v1') as typeof import('@cdktf/provider-kubernetes/lib/namespace-v1')).NamespaceV1;
}

/** A data source that fails the plan, before anything changes, when the server version differs. */
function versionCheck(
  scope: Construct,
  id: string,
  clusterName: string,
  layer: PlannedLayer,
  provider: KubernetesProvider,
): DataKubernetesServerVersion {
  const pattern = kubernetesVersionPattern(layer.kubernetesVersion!);
  const check = new DataKubernetesServerVersion(scope, `version-${layer.name}`, {
    provider,
    lifecycle: {
      postcondition: [
        {
          condition: `\${can(regex("${pattern}", self.git_version))}`,
          errorMessage: `Layer "${layer.name}" of cluster "${clusterName}" expects Kubernetes ${layer.kubernetesVersion}, but the server runs \${self.git_version}. Attach a profile version made for this Kubernetes version, or upgrade the cluster first.`,
        },
      ],
    },
  });
  check.overrideLogicalId(id);
  return check;
}

/** The elements a layer waits for: the anchors of its direct dependencies, without repeats. */
function waitFor(layer: PlannedLayer, anchors: Map<string, Anchor[]>): Anchor[] {
  const found = new Map<string, Anchor>();
  for (const dependency of layer.dependsOn) for (const a of anchors.get(dependency) ?? []) found.set(a.address, a);
  return [...found.values()];
}

/** An element later layers can wait for, with its Terraform address. */
interface Anchor {
  readonly element: ITerraformDependable;
  readonly address: string;
}

function addressOf(element: { terraformResourceType: string; friendlyUniqueId: string }): string {
  const prefix = element instanceof DataKubernetesServerVersion ? 'data.' : '';
  return `${prefix}${element.terraformResourceType}.${element.friendlyUniqueId}`;
}

/** The connection settings both providers share; they differ only in how `exec` is shaped. */
function sharedConnection(c: ConnectionSettings) {
  return { configPath: c.configPath, configContext: c.configContext, host: c.host, clusterCaCertificate: c.clusterCaCertificate, token: c.token };
}

function execCredential(exec: ConnectionSettings['exec']) {
  return exec && { apiVersion: exec.apiVersion, command: exec.command, args: exec.args && [...exec.args], env: exec.env && { ...exec.env } };
}

function helmConnection(c: ConnectionSettings): HelmProviderKubernetes {
  // helm 3.x takes `exec` as a nested object...
  return { ...sharedConnection(c), exec: execCredential(c.exec) };
}

function kubernetesConnection(c: ConnectionSettings) {
  // ...the kubernetes provider as a block list.
  const exec = execCredential(c.exec);
  return { ...sharedConnection(c), exec: exec ? [exec] : undefined };
}
