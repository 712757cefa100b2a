import { Diagnostic } from '../errors';
import type { FleetBackend } from './fleet-backend';
import { duplicateWave, invalidRolloutLimit, waveEmpty, waveOverlap, waveSelectorUnmatched, waveUnassigned, waveUnknownCluster } from '../diagnostics';

/**
 * One wave of a rollout: the clusters that move together. Name them explicitly (`clusters`),
 * select them by labels (`matchLabels`), or both (the union). The first wave of a fleet is its
 * canary: every later wave waits until every stack of the wave before it deployed.
 */
export interface WaveOptions {
  /** The wave's name: a DNS-1035 label, unique in the fleet; CI jobs and soak stacks are named after it. */
  readonly name: string;
  /**
   * Clusters of the wave by name, in the order their batches take them.
   * @default - none: `matchLabels` selects them
   */
  readonly clusters?: readonly string[];
  /**
   * Selects every cluster whose labels hold all these pairs, in name order.
   * @default - none: `clusters` names them
   */
  readonly matchLabels?: Readonly<Record<string, string>>;
  /**
   * The most clusters of this wave deployed at once (at least 1). The wave is deployed in batches
   * of this size, each batch's stacks depending on every stack of the batch before.
   * @default - the fleet's maxParallel
   */
  readonly maxParallel?: number;
  /**
   * Seconds to wait after the whole wave deployed before the next wave starts (whole seconds, at
   * least 0). Compiled to a soak stack holding a `terraform_data` whose `local-exec` provisioner
   * sleeps with Node; no provider is needed.
   * @default - the fleet's soakSeconds
   */
  readonly soakSeconds?: number;
  /**
   * Where the state of this wave's stacks is kept.
   * @default - the fleet's backend
   */
  readonly backend?: FleetBackend;
}

/** What wave assignment needs of a cluster. */
export interface WaveCluster {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** A wave with its clusters, batches and limits decided. */
export interface PlannedWave {
  readonly name: string;
  /** Whether this is the first wave, the canary. */
  readonly canary: boolean;
  /** The clusters of the wave, in batch order. */
  readonly clusters: readonly string[];
  /** The most clusters deployed at once; `undefined` when the whole wave goes at once. */
  readonly maxParallel?: number;
  /** Seconds to wait after the wave; `undefined` for none. */
  readonly soakSeconds?: number;
  /** The clusters split into batches of at most maxParallel, in order. */
  readonly batches: readonly (readonly string[])[];
}

/** Fleet-wide defaults of every wave. */
export interface WaveDefaults {
  readonly maxParallel?: number;
  readonly soakSeconds?: number;
}

/**
 * Decides which clusters each wave takes and splits waves into batches. Pure: returns every
 * problem found instead of throwing. Every cluster must be in exactly one wave; every wave must
 * take at least one cluster; limits must be whole numbers (maxParallel at least 1).
 *
 * @param path the fleet's construct path; diagnostics are at `<path>/waves/<wave>` and
 *   `<path>/clusters/<cluster>`
 */
export function planWaves(
  path: string,
  clusters: readonly WaveCluster[],
  waves: readonly WaveOptions[],
  defaults: WaveDefaults,
): { waves: PlannedWave[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const names = clusters.map((c) => c.name);
  const waveOf = new Map<string, string>();
  const seenWaves = new Set<string>();
  diagnostics.push(...checkLimits(path, 'fleet', defaults));
  const planned = waves.map((wave, index): PlannedWave => {
    const at = `${path}/waves/${wave.name}`;
    if (seenWaves.has(wave.name)) {
      diagnostics.push(duplicateWave(at, wave.name));
    }
    seenWaves.add(wave.name);
    diagnostics.push(...checkLimits(at, `wave "${wave.name}"`, wave));
    const members = selectClusters(at, wave, clusters, names, diagnostics);
    for (const name of members) {
      const earlier = waveOf.get(name);
      if (earlier !== undefined) {
        diagnostics.push(waveOverlap(at, name, earlier, wave.name));
      } else waveOf.set(name, wave.name);
    }
    const maxParallel = wave.maxParallel ?? defaults.maxParallel;
    const soakSeconds = wave.soakSeconds ?? defaults.soakSeconds;
    const size = maxParallel !== undefined && maxParallel >= 1 ? Math.floor(maxParallel) : Math.max(members.length, 1);
    return {
      name: wave.name,
      canary: index === 0,
      clusters: members,
      maxParallel: maxParallel !== undefined && maxParallel < members.length ? maxParallel : undefined,
      soakSeconds: soakSeconds === 0 ? undefined : soakSeconds,
      batches: inGroupsOf(members, size),
    };
  });
  for (const name of names.filter((n) => !waveOf.has(n))) {
    diagnostics.push(waveUnassigned(`${path}/clusters/${name}`, name, waves.length > 0));
  }
  return { waves: planned, diagnostics };
}

function selectClusters(at: string, wave: WaveOptions, clusters: readonly WaveCluster[], names: readonly string[], diagnostics: Diagnostic[]): string[] {
  const listed = wave.clusters ?? [];
  if (listed.length === 0 && wave.matchLabels === undefined) {
    diagnostics.push(waveEmpty(at, wave.name));
    return [];
  }
  const members: string[] = [];
  for (const name of listed) {
    if (!names.includes(name)) {
      diagnostics.push(waveUnknownCluster(at, wave.name, name, names));
    } else if (!members.includes(name)) members.push(name);
  }
  if (wave.matchLabels !== undefined) {
    const pairs = Object.entries(wave.matchLabels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const matched = clusters.filter((c) => pairs.every(([k, v]) => c.labels[k] === v)).map((c) => c.name).sort();
    if (matched.length === 0) {
      diagnostics.push(waveSelectorUnmatched(at, wave.name, pairs.map(([k, v]) => `${k}=${v}`).join(', ') || 'any labels', labelsInUse(clusters)));
    }
    for (const name of matched) if (!members.includes(name)) members.push(name);
  }
  return members;
}

/** The labels clusters have, one line per key, for the evidence of an unmatched selector. */
function labelsInUse(clusters: readonly WaveCluster[]): string[] {
  const values = new Map<string, Set<string>>();
  for (const c of clusters) for (const [k, v] of Object.entries(c.labels)) values.set(k, (values.get(k) ?? new Set()).add(v));
  if (values.size === 0) return ['no cluster of the fleet has labels'];
  return [...values].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, vs]) => `labels in use: ${k}=${[...vs].sort().join('|')}`);
}

function checkLimits(at: string, what: string, limits: WaveDefaults): Diagnostic[] {
  const rules: Array<[keyof WaveDefaults, number, string]> = [
    ['maxParallel', 1, 'give maxParallel 1 or more, or leave it out to deploy the whole wave at once'],
    ['soakSeconds', 0, 'give soakSeconds 0 or more, or leave it out'],
  ];
  return rules
    .filter(([key, least]) => limits[key] !== undefined && !(Number.isInteger(limits[key]) && limits[key]! >= least))
    .map(([key, least, fix]) => invalidRolloutLimit(at, what, key, limits[key], least, fix));
}

/** `items` in consecutive groups of `size` (the last one smaller): batches, or CI jobs under a matrix limit. */
export function inGroupsOf<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}
