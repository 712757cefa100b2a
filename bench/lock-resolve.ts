import type { Benchmark } from './benchmarks';

/** Entries of the generated Helm repository's index.yaml (250 charts of 20 versions). */
export const INDEX_ENTRIES = 5000;
/** Pack constraints the profile resolves: one per layer, as in the 30-layer synth benchmark. */
export const PACKS = 30;

/**
 * Lock-file resolution (issue 7): how long a PackCatalog takes to resolve a profile's pack
 * constraints against a Helm repository of {@link INDEX_ENTRIES} index entries
 * (workloads/lock-resolve.ts). Two variants: `lockfile`, a synth after a previous one (lockfile
 * and verified archives present: the index is not read), and `cold`, a first synth (no lockfile:
 * parse the index, choose, fetch and verify). The metric is the resolve phase alone; the runner
 * reports the `lockfile` median as `lock_resolve_ms`, whose target is under 5% of synth time.
 */
export function lockResolveBenchmark(reps: number): Benchmark {
  const args = (lockfile: 'yes' | 'no') => [`entries=${INDEX_ENTRIES}`, `packs=${PACKS}`, `lockfile=${lockfile}`];
  return {
    id: 'lock_resolve',
    title: `lock resolve ${PACKS} packs, index of ${INDEX_ENTRIES}`,
    metric: 'synth',
    metricLabel: 'resolve',
    reps,
    variants: [
      { name: 'lockfile', loader: 'node', workload: 'lock-resolve', args: args('yes') },
      { name: 'cold', loader: 'node', workload: 'lock-resolve', args: args('no') },
    ],
  };
}
