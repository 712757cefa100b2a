import { RolloutCluster, RolloutDocument, RolloutWave } from './rollout-document';

/**
 * The rollout as a table for people: one row per stack in deploy order, with its wave, batch,
 * what it runs and what it waits for.
 *
 * ```
 * Rollout of fleet "edge": 6 clusters in 3 waves, canary first; a failure stops the rollout
 *   wave       batch  stack             runs              waits for
 *   1 canary   1      canary            platform@1.0.0    -
 *   2 eu       1      eu-1              platform@1.0.0    wave canary
 * ```
 *
 * With `against` (the rollout document of what is deployed now, e.g. from the main branch), a
 * last column says what changes on each cluster: profile versions (`platform 1.0.0 -> 1.1.0`),
 * profiles added (`+name@version`) or removed (`-name`), a new cluster, or nothing; clusters that
 * left the fleet are listed at the end.
 */
export function formatRollout(rollout: RolloutDocument, against?: RolloutDocument): string {
  const clusters = rollout.waves.reduce((n, w) => n + w.clusters.length, 0);
  const before = new Map(against?.waves.flatMap((w) => w.clusters.map((c) => [c.name, c] as const)));
  const rows: string[][] = [['wave', 'batch', 'stack', 'runs', 'waits for', ...(against ? ['changes'] : [])]];
  rollout.waves.forEach((wave, index) => {
    const label = `${index + 1} ${wave.name}`;
    for (const cluster of wave.clusters) {
      const changes = against ? [changesOf(cluster, before.get(cluster.name))] : [];
      rows.push([label, String(cluster.batch), cluster.stack, cluster.profiles.map((p) => `${p.name}@${p.version}`).join(', '), waitsFor(rollout.waves, index, cluster.batch), ...changes]);
    }
    if (wave.soak) rows.push([label, 'soak', wave.soak.stack, `wait ${wave.soak.seconds} s`, `wave ${wave.name}`, ...(against ? ['-'] : [])]);
  });
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const lines = rows.map((r) => `  ${r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ')}`.trimEnd());
  const limits = rollout.waves.map((w) => `${w.name}: ${w.maxParallel === null ? 'all at once' : `at most ${w.maxParallel} at once`}`).join('; ');
  const header = `Rollout of fleet "${rollout.fleet}": ${plural(clusters, 'cluster')} in ${plural(rollout.waves.length, 'wave')}, canary first; ${rollout.stopOnFailure ? 'a failure stops the rollout' : 'a failure does not stop the rollout in CI'}`;
  const now = new Set(rollout.waves.flatMap((w) => w.clusters.map((c) => c.name)));
  const removed = [...before.keys()].filter((name) => !now.has(name)).sort();
  const footer = removed.length > 0 ? [`  left the fleet: ${removed.join(', ')}`] : [];
  return `${[header, ...lines, `  parallelism: ${limits}`, ...footer].join('\n')}\n`;
}

/** What changes on a cluster from `before` to `cluster`, by profile. */
function changesOf(cluster: RolloutCluster, before: RolloutCluster | undefined): string {
  if (!before) return 'new cluster';
  const old = new Map(before.profiles.map((p) => [p.name, p.version]));
  const changes: string[] = [];
  for (const profile of cluster.profiles) {
    const version = old.get(profile.name);
    if (version === undefined) changes.push(`+${profile.name}@${profile.version}`);
    else if (version !== profile.version) changes.push(`${profile.name} ${version} -> ${profile.version}`);
  }
  const names = new Set(cluster.profiles.map((p) => p.name));
  for (const profile of before.profiles) if (!names.has(profile.name)) changes.push(`-${profile.name}`);
  return changes.length > 0 ? changes.join(', ') : '-';
}

function waitsFor(waves: readonly RolloutWave[], index: number, batch: number): string {
  if (batch > 1) return `batch ${batch - 1}`;
  if (index === 0) return '-';
  const before = waves[index - 1];
  return before.soak ? `soak ${before.soak.stack}` : `wave ${before.name}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
