/**
 * Lists the API server merges by key (strategic merge patch `patchMergeKey`, or `listType: map`
 * keys), so drift matches their items by key and their order is no drift. Keyed by the list's
 * field name; `ports` depends on where it is (a Service's ports by `port`, a container's by
 * `containerPort`, as the API declares them).
 */
const MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  resourceClaims: 'name',
  topologySpreadConstraints: 'topologyKey',
  ownerReferences: 'uid',
  conditions: 'type',
  webhooks: 'name',
  versions: 'name',
  subjects: 'name',
};

/** Lists of plain values the API server treats as sets. */
const SET_LISTS: ReadonlySet<string> = new Set(['finalizers']);

/** The merge key of the list at `segments` (a JSON pointer's segments), if it is merged by key. */
export function mergeKeyOf(segments: readonly string[]): string | undefined {
  const field = segments[segments.length - 1];
  if (field === 'ports') {
    // A Service's /spec/ports; everything else named ports (containers') is keyed by containerPort.
    return segments.length === 2 && segments[0] === 'spec' ? 'port' : 'containerPort';
  }
  return Object.prototype.hasOwnProperty.call(MERGE_KEYS, field) ? MERGE_KEYS[field] : undefined;
}

/** Whether the list at `segments` is a set of plain values. */
export function isSetList(segments: readonly string[]): boolean {
  return SET_LISTS.has(segments[segments.length - 1]);
}
