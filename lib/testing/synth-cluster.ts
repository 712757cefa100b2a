import { TerraformStack, Testing } from 'cdktf';
import { Cluster } from '../cluster/cluster';
import { InstallPlan, PlannedLayer } from '../cluster/plan';
import { ProfileError } from '../errors';
import { Values } from '../values/merge';
import { synthesizedLayerUnknown } from '../diagnostics';

/** One Terraform block of a synthesized stack: a resource or a data source. */
export interface TerraformBlock {
  /** The Terraform address: `helm_release.prod_web`, `data.kubernetes_server_version.prod_k8s`. */
  readonly address: string;
  /** `managed` for a resource, `data` for a data source. */
  readonly mode: 'managed' | 'data';
  /** The resource type, e.g. `helm_release`. */
  readonly type: string;
  /** The block's `depends_on`, as synthesized (addresses), or empty. */
  readonly dependsOn: readonly string[];
  /** The block's arguments as synthesized JSON. */
  readonly config: { readonly [argument: string]: unknown };
}

/** One layer of a synthesized cluster: its place in the plan and what emission made of it. */
export interface SynthesizedLayer {
  /** The layer's name. */
  readonly name: string;
  /** Index of the group (step) the layer installs in, from 0. */
  readonly group: number;
  /** The layers this one waits for directly. */
  readonly dependsOn: readonly string[];
  /** The namespace the layer installs into. */
  readonly namespace: string;
  /** The chart version; for a pack layer the pack version it resolved to; for a Kubernetes layer the server version it pins. */
  readonly version?: string;
  /** Values merged from layer, profile and cluster; secrets stay `SensitiveValue`s. */
  readonly values: Values;
  /** The layer as planned. */
  readonly planned: PlannedLayer;
  /** The Terraform blocks emitted for the layer: data sources (version checks) first, then resources, each by address. */
  readonly resources: readonly TerraformBlock[];
}

/**
 * A cluster's install plan joined with its stack's synthesized Terraform, for tests. Obtain it
 * with {@link synthCluster}.
 */
export class SynthesizedCluster {
  /** Whether `x` is a synthesized cluster. */
  static isSynthesizedCluster(x: unknown): x is SynthesizedCluster {
    return x instanceof SynthesizedCluster;
  }

  /** The cluster's name. */
  public readonly cluster: string;
  /** The cluster's construct path. */
  public readonly path: string;
  /** Layers in install order. */
  public readonly layers: readonly SynthesizedLayer[];
  /** Names of the layers that install together, step by step. */
  public readonly groups: readonly (readonly string[])[];
  /** The reduced dependency edges, `[from, to]`: exactly what becomes `depends_on`. */
  public readonly edges: readonly (readonly [string, string])[];

  /**
   * @param plan the cluster's install plan
   * @param terraform the stack's synthesized Terraform JSON, parsed
   * @param path the cluster's construct path
   */
  constructor(
    public readonly plan: InstallPlan,
    public readonly terraform: { readonly [block: string]: any },
    path: string,
  ) {
    this.cluster = plan.cluster;
    this.path = path;
    this.groups = plan.groups;
    this.edges = plan.edges.map((e) => [e.from, e.to] as const);
    const blocks = blocksByLayer(terraform, plan.cluster, plan.layers.map((l) => l.name));
    this.layers = plan.layers.map((layer) => ({
      name: layer.name,
      group: layer.group,
      dependsOn: layer.dependsOn,
      namespace: layer.namespace,
      version: layer.chartVersion ?? layer.pack?.version ?? layer.kubernetesVersion,
      values: layer.values,
      planned: layer,
      resources: blocks.get(layer.name) ?? [],
    }));
  }

  /** The names of the layers, in install order. */
  public get layerNames(): string[] {
    return this.layers.map((l) => l.name);
  }

  /** One layer by name; throws UNKNOWN_LAYER, with the names there are, when it has none. */
  public layer(name: string): SynthesizedLayer {
    const found = this.layers.find((l) => l.name === name);
    if (found) return found;
    return ProfileError.throw(synthesizedLayerUnknown(this.path, this.cluster, name, this.layerNames));
  }
}

const synthesizedStacks = new WeakMap<TerraformStack, object>();
const synthesizedClusters = new WeakMap<Cluster, SynthesizedCluster>();

/**
 * Synthesizes the cluster's stack with `Testing.synth` (which runs Aspects, so the cluster plans,
 * emits and meets any policies) and joins its install plan with the Terraform it produced. A
 * stack is synthesized once and reused by every later call, for any of its clusters: build the
 * whole app before the first call. Planning and policy errors are thrown as a `ProfileError`.
 */
export function synthCluster(cluster: Cluster): SynthesizedCluster {
  const cached = synthesizedClusters.get(cluster);
  if (cached) return cached;
  const stack = TerraformStack.of(cluster);
  let terraform = synthesizedStacks.get(stack);
  if (!terraform) {
    terraform = JSON.parse(Testing.synth(stack)) as object;
    synthesizedStacks.set(stack, terraform);
  }
  const synthesized = new SynthesizedCluster(cluster.plan(), terraform, cluster.node.path);
  synthesizedClusters.set(cluster, synthesized);
  return synthesized;
}

/**
 * The stack's blocks by the layer they belong to, data sources first. Emission names every block
 * of a layer `<cluster>_<layer>`, or `<cluster>_<layer>--<part>` when the layer installs several
 * releases (README, "What synth writes"). Names hold no `_`, so the cluster prefix is
 * unambiguous; a block goes to the layer with the longest name that matches.
 */
function blocksByLayer(terraform: { readonly [block: string]: any }, cluster: string, layers: readonly string[]): Map<string, TerraformBlock[]> {
  const longestFirst = [...layers].sort((a, b) => b.length - a.length);
  const owner = (logicalId: string): string | undefined =>
    longestFirst.find((layer) => logicalId === `${cluster}_${layer}` || logicalId.startsWith(`${cluster}_${layer}--`));
  const byLayer = new Map<string, TerraformBlock[]>();
  for (const [mode, key] of [['data', 'data'], ['managed', 'resource']] as const) {
    for (const [type, byName] of Object.entries<Record<string, any>>(terraform[key] ?? {})) {
      for (const [logicalId, config] of Object.entries(byName)) {
        const layer = owner(logicalId);
        if (layer === undefined) continue;
        const block: TerraformBlock = {
          address: `${mode === 'data' ? 'data.' : ''}${type}.${logicalId}`,
          mode,
          type,
          dependsOn: config.depends_on ?? [],
          config,
        };
        byLayer.set(layer, [...(byLayer.get(layer) ?? []), block]);
      }
    }
  }
  return byLayer;
}
