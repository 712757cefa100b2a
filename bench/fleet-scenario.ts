/** The waves of the fleet benchmark: a canary, then a tenth of the clusters, then the rest. */
export function fleetWaves(names: readonly string[]): Array<{ name: string; clusters: string[] }> {
  const early = Math.max(1, Math.floor(names.length / 10));
  return [
    { name: 'canary', clusters: names.slice(0, 1) },
    { name: 'early', clusters: names.slice(1, 1 + early) },
    { name: 'main', clusters: names.slice(1 + early) },
  ].filter((w) => w.clusters.length > 0);
}
