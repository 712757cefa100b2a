import { ITerraformDependable, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
// Deep imports: the providers' package roots load every resource class (about 1 s and 200 MB).
import { HelmProvider, HelmProviderKubernetes } from '@cdktf/provider-helm/lib/provider';
import { Release } from '@cdktf/provider-helm/lib/release';
import { DataKubernetesServerVersion } from '@cdktf/provider-kubernetes/lib/data-kubernetes-server-version';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { kubernetesVersionPattern } from '../layer/kubernetes-layer';
import { ChartFiles, generatedChart, localChart } from './chart-files';
import { ConnectionSettings } from './connection';
import { InstallPlan, PlannedLayer } from './plan';
import { escapeForSet, splitReleaseValues } from './release-values';

/** What emission made for one layer. */
export interface EmittedLayer {
  /** Terraform addresses of the layer's resources and data sources, in creation order. */
  readonly addresses: readonly string[];
  /** The chart written beside the stack, for local and generated charts. */
  readonly chart?: { readonly directory: string; readonly files: ChartFiles };
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
  for (const layer of plan.layers) {
    const waits: Anchor[] = waitFor(layer, plan, anchors);
    const elements: Array<ITerraformDependable & { terraformResourceType: string; friendlyUniqueId: string; }> = [];
    let chart: EmittedLayer['chart'];
    const id = `${clusterName}_${layer.name}`;
    if (layer.kubernetesVersion !== undefined) {
      // No depends_on: the check reads the server at plan time, failing before anything changes.
      const check = versionCheck(scope, id, clusterName, layer, kubernetesProvider());
      elements.push(check);
      waits.push({ element: check, address: addressOf(check) });
    }
    const source = chartOf(layer, clusterName);
    if (source) {
      chart = source.chart;
      const dependsOn = [...waits].sort((a, b) => (a.address < b.address ? -1 : 1)).map((a) => a.element);
      const release = new Release(scope, `release-${layer.name}`, {
        provider: helm,
        ...releaseArguments(scope, layer, source.reference),
        dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
      });
      release.overrideLogicalId(id);
      elements.push(release);
    }
    const own = elements.map((element) => ({ element, address: addressOf(element) }));
    anchors.set(layer.name, own);
    emitted.set(layer.name, { addresses: own.map((a) => a.address), chart });
  }
  return emitted;
}

type ChartReference = { repository?: string; chart: string; version?: string };

/** Where the release's chart comes from; undefined when the layer has nothing to install. */
function chartOf(layer: PlannedLayer, clusterName: string): { reference: ChartReference; chart?: EmittedLayer['chart'] } | undefined {
  const location = layer.chart;
  if (location?.type === 'repository' || location?.type === 'oci') {
    return { reference: { repository: location.repository, chart: location.chart, version: layer.chartVersion } };
  }
  let files: ChartFiles | undefined;
  if (location?.type === 'local') files = localChart(location.path, layer.path);
  else if (layer.documents && layer.documents.length > 0) files = generatedChart(layer.name, layer.documents);
  if (!files) return undefined;
  // The digest in the folder name makes a content change a change of `chart`, which Helm's
  // provider would not notice for a local chart of unchanged version.
  const directory = `clusters/${clusterName}/charts/${layer.name}-${files.digest.slice('sha256:'.length, 'sha256:'.length + 12)}`;
  const chartPath = files.archive ? `${directory}/${[...files.files.keys()][0]}` : directory;
  return { reference: { chart: `./${chartPath}` }, chart: { directory, files } };
}

function releaseArguments(scope: Construct, layer: PlannedLayer, chart: ChartReference) {
  const values = splitReleaseValues(layer.values);
  const stack = TerraformStack.of(scope);
  return {
    name: layer.releaseName,
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

/**
 * The elements a layer waits for: those of its direct dependencies, looking through any
 * dependency that emitted nothing (an empty manifest layer) to what that one waited for.
 */
function waitFor(layer: PlannedLayer, plan: InstallPlan, anchors: Map<string, Anchor[]>): Anchor[] {
  const byName = new Map(plan.layers.map((l) => [l.name, l]));
  const found = new Map<string, Anchor>();
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const own = anchors.get(name) ?? [];
    if (own.length > 0) own.forEach((a) => found.set(a.address, a));
    else byName.get(name)!.dependsOn.forEach(visit);
  };
  layer.dependsOn.forEach(visit);
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

function helmConnection(c: ConnectionSettings): HelmProviderKubernetes {
  return {
    configPath: c.configPath,
    configContext: c.configContext,
    host: c.host,
    clusterCaCertificate: c.clusterCaCertificate,
    token: c.token,
    exec: c.exec ? { apiVersion: c.exec.apiVersion, command: c.exec.command, args: c.exec.args ? [...c.exec.args] : undefined, env: c.exec.env ? { ...c.exec.env } : undefined } : undefined,
  };
}

function kubernetesConnection(c: ConnectionSettings) {
  return {
    configPath: c.configPath,
    configContext: c.configContext,
    host: c.host,
    clusterCaCertificate: c.clusterCaCertificate,
    token: c.token,
    exec: c.exec ? [{ apiVersion: c.exec.apiVersion, command: c.exec.command, args: c.exec.args ? [...c.exec.args] : undefined, env: c.exec.env ? { ...c.exec.env } : undefined }] : undefined,
  };
}
