import { RolloutDocument, RolloutWave } from './rollout-document';

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
 */
export function formatRollout(rollout: RolloutDocument): string {
  const clusters = rollout.waves.reduce((n, w) => n + w.clusters.length, 0);
  const rows: string[][] = [['wave', 'batch', 'stack', 'runs', 'waits for']];
  rollout.waves.forEach((wave, index) => {
    const label = `${index + 1} ${wave.name}`;
    for (const cluster of wave.clusters) {
      rows.push([label, String(cluster.batch), cluster.stack, cluster.profiles.map((p) => `${p.name}@${p.version}`).join(', '), waitsFor(rollout.waves, index, cluster.batch)]);
    }
    if (wave.soak) rows.push([label, 'soak', wave.soak.stack, `wait ${wave.soak.seconds} s`, `wave ${wave.name}`]);
  });
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const lines = rows.map((r) => `  ${r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ')}`.trimEnd());
  const limits = rollout.waves.map((w) => `${w.name}: ${w.maxParallel === null ? 'all at once' : `at most ${w.maxParallel} at once`}`).join('; ');
  const header = `Rollout of fleet "${rollout.fleet}": ${plural(clusters, 'cluster')} in ${plural(rollout.waves.length, 'wave')}, canary first; ${rollout.stopOnFailure ? 'a failure stops the rollout' : 'a failure does not stop the rollout in CI'}`;
  return `${[header, ...lines, `  parallelism: ${limits}`].join('\n')}\n`;
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
