/** Version of the rollout document's shape; bumped on any incompatible change. */
export const ROLLOUT_API_VERSION = 'cluster-profiles.dev/v1';

/**
 * A fleet's rollout as synth writes it to `cdktf.out/fleet/<fleet>/rollout.json`: the waves in
 * order, their stacks and batches, and what each cluster runs. `cluster-profiles rollout plan`
 * reads it to print the plan or to write a CI definition. No time or absolute path appears, so
 * two synths of the same code give the same bytes.
 */
export interface RolloutDocument {
  readonly apiVersion: typeof ROLLOUT_API_VERSION;
  readonly kind: 'Rollout';
  /** The fleet's name. */
  readonly fleet: string;
  /** Whether a failed stack stops the rest of its wave's batches and every later wave. */
  readonly stopOnFailure: boolean;
  /** The waves in rollout order; the first is the canary. */
  readonly waves: readonly RolloutWave[];
}

/** One wave of a {@link RolloutDocument}. */
export interface RolloutWave {
  readonly name: string;
  /** Whether this is the canary, the first wave. */
  readonly canary: boolean;
  /** The most clusters deployed at once; null when the whole wave goes at once. */
  readonly maxParallel: number | null;
  /** The clusters' stacks in batch order. */
  readonly stacks: readonly string[];
  /** The stacks in batches of at most maxParallel: each batch waits for the one before. */
  readonly batches: readonly (readonly string[])[];
  /** The wait after the wave, in a stack of its own; null for none. */
  readonly soak: RolloutSoak | null;
  /** The clusters of the wave, in batch order. */
  readonly clusters: readonly RolloutCluster[];
}

/** The soak stack after a wave. */
export interface RolloutSoak {
  readonly stack: string;
  readonly seconds: number;
  /** The stacks it waits for: every stack of its wave, sorted. */
  readonly dependsOn: readonly string[];
}

/** One cluster of a {@link RolloutWave}. */
export interface RolloutCluster {
  readonly name: string;
  /** The stack that deploys it (named after the cluster). */
  readonly stack: string;
  /** Its batch in the wave, from 1. */
  readonly batch: number;
  readonly labels: Readonly<Record<string, string>>;
  /** The profiles it runs, infra or full first, with their versions. */
  readonly profiles: readonly { readonly name: string; readonly version: string; readonly type: string }[];
  /** The stacks its stack depends on, sorted (`cdktf deploy '*'` waits for them). */
  readonly dependsOn: readonly string[];
  /** Its install plan, relative to cdktf.out. */
  readonly installPlan: string;
}

/** The text of a rollout document: two-space JSON and a final newline. */
export function serializeRolloutDocument(document: RolloutDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
