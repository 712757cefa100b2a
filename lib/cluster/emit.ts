import { App, ITerraformDependable, TerraformStack, TerraformVariable } from 'cdktf';
import { GatedLayer, gateResource, GateFileWritten, hasWaiterGates } from '../readiness/gate-emission';
import * as path from 'path';
import { Construct } from 'constructs';
// Deep imports: the providers' package roots load every resource class (about 1 s and 200 MB).
import { HelmProvider, HelmProviderKubernetes } from '@cdktf/provider-helm/lib/provider';
import { DataKubernetesServerVersion } from '@cdktf/provider-kubernetes/lib/data-kubernetes-server-version';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import type { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { kubernetesVersionPattern } from '../layer/kubernetes-layer';
import { archiveChart, ChartFiles, generatedChart, localChart, packManifestChart } from './chart-files';
import { LayerRelease, layerReleases } from './layer-releases';
import { ConnectionSettings } from './connection';
import { InstallPlan, PlannedLayer } from './plan';
import { HelmRelease } from './helm-release';
import { escapeForSet, ReleaseValuesMemo, splitReleaseValues } from './release-values';

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
  /** The Helm releases of the layer, in install order: what drift reads back from the cluster. */
  readonly releases: ReadonlyArray<EmittedRelease>;
}

/** What emission made for one cluster: each layer's part, and the gate files to write beside the stack. */
export interface EmittedCluster {
  readonly layers: ReadonlyMap<string, EmittedLayer>;
  readonly gateFiles: readonly GateFileWritten[];
}

/** One Helm release of a layer: its name and namespace on the cluster, its Terraform address. */
export interface EmittedRelease {
  readonly name: string;
  readonly namespace: string;
  readonly address: string;
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
  memo?: ReleaseValuesMemo,
): EmittedCluster {
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
  const gateEmission = { clusterName, connection, stackDirectory: () => stackDirectoryOf(scope) };
  // Layers some layer waits for (the plan's edges are reduced, so a direct edge says it).
  const waitedFor = new Set(plan.layers.flatMap((l) => l.dependsOn));
  const lastGated: Array<GatedLayer & { readonly anchor: readonly Anchor[] }> = [];
  const gateFiles: GateFileWritten[] = [];
  for (const layer of plan.layers) {
    const waitsOfLayer: Anchor[] = [
      ...waitFor(layer, anchors),
      ...namespaces.filter((n) => n.spec.layers.includes(layer.name)).map((n) => n.anchor),
    ];
    const elements: Array<ITerraformDependable & { terraformResourceType: string; friendlyUniqueId: string; }> = [];
    const charts: WrittenChart[] = [];
    const releases: EmittedRelease[] = [];
    const id = `${clusterName}_${layer.name}`;
    if (layer.kubernetesVersion !== undefined) {
      // No depends_on: the check reads the server at plan time, failing before anything changes.
      const check = versionCheck(scope, id, clusterName, layer, kubernetesProvider());
      elements.push(check);
      waitsOfLayer.push({ element: check, address: addressOf(check) });
    }
    let previous: HelmRelease | undefined;
    for (const release of releasesOf(layer, clusterName)) {
      if (release.written) charts.push(release.written);
      const waits = previous ? [{ element: previous as ITerraformDependable, address: addressOf(previous) }] : waitsOfLayer;
      const dependsOn = [...waits].sort((a, b) => (a.address < b.address ? -1 : 1)).map((a) => a.element);
      // Not the binding's Release, which costs 8 stack-trace captures per release: see helm-release.ts.
      previous = new HelmRelease(scope, `release-${layer.name}${release.suffix}`, {
        provider: helm,
        ...releaseArguments(scope, layer, release, memo),
        dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
        lifecycle: layer.protect ? { preventDestroy: true } : undefined,
      });
      previous.overrideLogicalId(`${id}${release.suffix}`);
      elements.push(previous);
      releases.push({ name: release.releaseName, namespace: layer.namespace, address: addressOf(previous) });
    }
    // Later layers wait for the last release of this one; a layer with no release (an empty
    // manifest layer, a bare Kubernetes layer) passes on what it waited for, plus its check.
    let anchor: Anchor[] = previous ? [{ element: previous, address: addressOf(previous) }] : waitsOfLayer;
    const gated = hasWaiterGates(layer) ? { layer, releases: elements.filter((e): e is HelmRelease => e instanceof HelmRelease) } : undefined;
    if (gated && waitedFor.has(layer.name)) {
      // Later layers wait for the layer's gate, which waits for its releases.
      const gate = gateResource(scope, { ...gateEmission, scope: 'layer', layers: [gated], after: sortedElements(anchor) });
      elements.push(gate.resource);
      anchor = [{ element: gate.resource, address: addressOf(gate.resource) }];
      gateFiles.push(gate.file);
    } else if (gated) {
      lastGated.push({ ...gated, anchor });
    }
    anchors.set(layer.name, anchor);
    emitted.set(layer.name, { addresses: elements.map((e) => addressOf(e)), charts, releases });
  }
  if (lastGated.length > 0) {
    // The gated layers no layer waits for: one waiter for all of them (gate-emission.ts says why).
    const after = new Map(lastGated.flatMap((g) => g.anchor).map((a) => [a.address, a]));
    const gate = gateResource(scope, { ...gateEmission, scope: 'cluster', layers: lastGated, after: sortedElements([...after.values()]) });
    gateFiles.push(gate.file);
    for (const { layer } of lastGated) {
      const entry = emitted.get(layer.name)!;
      emitted.set(layer.name, { ...entry, addresses: [...entry.addresses, addressOf(gate.resource)] });
    }
  }
  return { layers: emitted, gateFiles };
}

type ChartReference = { repository?: string; chart: string; version?: string };

/** A release of {@link layerReleases} with its chart located: where Helm reads it, what is written. */
interface LocatedRelease extends LayerRelease {
  readonly reference: ChartReference;
  readonly written?: WrittenChart;
}

/** The layer's releases, with the charts written beside the stack read or generated. */
function releasesOf(layer: PlannedLayer, clusterName: string): LocatedRelease[] {
  return layerReleases(layer).map((release) => ({ ...release, ...chartOf(layer, release, clusterName) }));
}

function chartOf(layer: PlannedLayer, release: LayerRelease, clusterName: string): { reference: ChartReference; written?: WrittenChart } {
  const chart = release.chart;
  if (chart.type === 'remote') return { reference: { repository: chart.repository, chart: chart.chart, version: chart.version } };
  const pack = layer.pack;
  const files =
    chart.type === 'local'
      ? localChart(chart.path, layer.path)
      : chart.type === 'pack-chart'
        ? archiveChart(chart.file, pack!.files.get(chart.file)!)
        : chart.type === 'pack-manifests'
          ? packManifestChart(layer.name, chart.files.map((file) => ({ file, content: pack!.files.get(file)! })))
          : generatedChart(layer.name, layer.documents!);
  const directory = `clusters/${clusterName}/charts/${release.folder}-${files.digest.slice('sha256:'.length, 'sha256:'.length + 12)}`;
  // The digest in the folder name makes a content change a change of `chart`, which Helm's
  // provider would not notice for a local chart of unchanged version.
  const chartPath = files.archive ? `${directory}/${[...files.files.keys()][0]}` : directory;
  return { reference: { chart: `./${chartPath}` }, written: { directory, files } };
}

function releaseArguments(scope: Construct, layer: PlannedLayer, release: LocatedRelease, memo?: ReleaseValuesMemo) {
  const values = memo ? memo.of(release.values) : splitReleaseValues(release.values);
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

function sortedElements(anchors: readonly Anchor[]): ITerraformDependable[] {
  return [...anchors].sort((a, b) => (a.address < b.address ? -1 : 1)).map((a) => a.element);
}

/** Where Terraform runs for the stack of `scope`: `<outdir>/stacks/<stack>`. */
function stackDirectoryOf(scope: Construct): string {
  return path.join(App.of(scope).outdir, 'stacks', TerraformStack.of(scope).node.id);
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
