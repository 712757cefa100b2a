import type { Benchmark } from './benchmarks';

/**
 * Lock-file resolution (issue 7): how long resolving a profile's pack constraints against the
 * lockfile takes. Reported as `lock_resolve_ms=n/a` until it is wired in here.
 *
 * To add it:
 * 1. write `bench/workloads/lock-resolve.ts`: import `./harness` first, then the library. In
 *    `run(construct, resolve)`, let `construct` write N packs (and a lockfile pinning them) to a
 *    temporary folder and create the `PackCatalog` over a `DirectoryRegistry` of it, and let
 *    `resolve` call `catalog.resolve(pack, constraint, where)` for every pack. The harness times
 *    both phases; `synthMs` is the second one.
 * 2. return a {@link Benchmark} below instead of `pending`, e.g.
 *    `{ id: 'lock_resolve', title: 'lock resolve 50 packs', metric: 'synth', reps,
 *       variants: [{ name: 'ours', loader: 'node', workload: 'lock-resolve', args: ['packs=50'] }] }`.
 * The runner then runs it, prints its row, and reports its median as `lock_resolve_ms`.
 */
export function lockResolveBenchmark(reps: number): Benchmark | { readonly pending: string } {
  void reps;
  return {
    pending:
      'not measured yet (lock_resolve_ms=n/a); PackCatalog.resolve and the lockfile landed in lib/pack while the benchmarks were written, see bench/lock-resolve.ts to wire them in',
  };
}
