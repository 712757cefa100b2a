import { Diagnostic, withSuggestions } from '../errors';

/** A cluster of a fleet looked up by a name the fleet does not have. */
export function unknownFleetCluster(path: string, fleet: string, name: string, names: readonly string[]): Diagnostic {
  return { code: 'UNKNOWN_CLUSTER', path, message: `fleet "${fleet}" has no cluster "${name}"`, fix: `use one of: ${names.join(', ')}` };
}

/** Two clusters of one name in a fleet. */
export function duplicateFleetCluster(path: string, cluster: string, fleet: string): Diagnostic {
  return {
    code: 'DUPLICATE_CLUSTER',
    path,
    message: `cluster name "${cluster}" is used twice in fleet "${fleet}"`,
    fix: 'give each cluster of a fleet a distinct name; it names the cluster\'s stack and its state',
  };
}

/** A fleet cluster whose stack name the app already uses. */
export function fleetStackNameTaken(path: string, cluster: string, taken: string): Diagnostic {
  return {
    code: 'DUPLICATE_CLUSTER',
    path,
    message: `cluster "${cluster}" needs a stack named "${cluster}", and the app already has ${taken}`,
    fix: 'give the cluster a name no other stack or cluster of the app uses',
  };
}

/** A wave's soak stack whose name a cluster or stack of the app already uses. */
export function soakStackNameTaken(path: string, wave: string, stack: string): Diagnostic {
  return {
    code: 'DUPLICATE_CONSTRUCT_ID',
    path,
    message: `the soak stack of wave "${wave}" is named "${stack}", which a cluster or stack of the app already uses`,
    fix: 'rename that cluster or stack, or the wave',
  };
}

/** Two waves of one name. */
export function duplicateWave(path: string, wave: string): Diagnostic {
  return { code: 'DUPLICATE_WAVE', path, message: `wave "${wave}" is declared twice`, fix: 'give each wave of a fleet a distinct name' };
}

/** A cluster in two waves. */
export function waveOverlap(path: string, cluster: string, earlier: string, wave: string): Diagnostic {
  return {
    code: 'WAVE_OVERLAP',
    path,
    message: `cluster "${cluster}" is in wave "${earlier}" and in wave "${wave}"`,
    fix: `keep "${cluster}" in one wave: remove it from one list, or change its labels or one wave's matchLabels`,
  };
}

/** A cluster of the fleet in no wave. */
export function waveUnassigned(path: string, cluster: string, hasWaves: boolean): Diagnostic {
  return {
    code: 'WAVE_UNASSIGNED',
    path,
    message: `cluster "${cluster}" is in no wave, so no rollout would deploy it`,
    fix: hasWaves ? `name "${cluster}" in one wave's clusters, or give it labels one wave's matchLabels selects` : 'give the fleet waves, the first one its canary',
  };
}

/** A wave naming no cluster and selecting none. */
export function waveEmpty(path: string, wave: string): Diagnostic {
  return {
    code: 'WAVE_EMPTY',
    path,
    message: `wave "${wave}" names no cluster and has no matchLabels`,
    fix: 'give the wave clusters: ["name", ...] or matchLabels: { label: "value" }, or remove it',
  };
}

/** A wave naming a cluster the fleet does not have. */
export function waveUnknownCluster(path: string, wave: string, cluster: string, names: readonly string[]): Diagnostic {
  return {
    code: 'WAVE_UNKNOWN_CLUSTER',
    path,
    message: `wave "${wave}" names cluster "${cluster}", which is not in the fleet`,
    fix: withSuggestions('name a cluster of the fleet, or add the cluster to the fleet', cluster, names),
  };
}

/** A wave's matchLabels that select no cluster; `labelsInUse` describe the fleet's labels. */
export function waveSelectorUnmatched(path: string, wave: string, selector: string, labelsInUse: readonly string[]): Diagnostic {
  return {
    code: 'WAVE_SELECTOR_UNMATCHED',
    path,
    message: `wave "${wave}" selects clusters with ${selector}, and no cluster of the fleet has them`,
    details: labelsInUse,
    fix: 'correct the matchLabels, or give the clusters meant for this wave those labels',
  };
}

/** A rollout limit (maxParallel, soakSeconds) that is not a whole number of at least `least`. */
export function invalidRolloutLimit(path: string, what: string, key: string, value: unknown, least: number, fix: string): Diagnostic {
  return { code: 'INVALID_ROLLOUT_LIMIT', path, message: `${what} has ${key} ${value}; it must be a whole number of at least ${least}`, fix };
}
