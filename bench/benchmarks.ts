/**
 * What the runner measures. A benchmark is one or more variants of a workload (a script in
 * bench/workloads/) run in fresh child processes, interleaved, `reps` times each.
 */

/** How the child runs the workload: precompiled JavaScript on plain node, or the TypeScript via tsx. */
export type Loader = 'node' | 'tsx';

/** Which measurement compares the variants. */
export type Metric =
  /** construct + synth inside the child (excludes node start-up and imports). */
  | 'work'
  /** only the `synth` phase inside the child. */
  | 'synth'
  /** the whole child process, spawn to exit, seen from the runner: a cold start. */
  | 'wall';

export interface Variant {
  /** `ours`, `raw`, ... The first variant is the numerator of every ratio. */
  readonly name: string;
  readonly loader: Loader;
  /** Workload file in bench/workloads, without extension. */
  readonly workload: string;
  /** `name=value` arguments; the runner adds `outdir=`. */
  readonly args: readonly string[];
  /** Shown in the table, not part of the ratio. */
  readonly informational?: boolean;
  /**
   * The package's code cache (lib/code-cache.ts) in this variant's processes: `shared` (the
   * default), one folder for the benchmark, filled by its first process (the discarded warm-up),
   * as on a user's machine after the first synth of the same app; `fresh`, an empty folder for each process, whose
   * cache is written at its exit (a user's very first synth); `off`.
   */
  readonly codeCache?: 'shared' | 'fresh' | 'off';
}

export interface Benchmark {
  readonly id: string;
  readonly title: string;
  readonly metric: Metric;
  /** What the table calls the metric, when the workload's phases are not construct and synth. */
  readonly metricLabel?: string;
  readonly reps: number;
  readonly variants: readonly Variant[];
  /**
   * Compare the output of every variant with the first before measuring (bench/verify.ts): the
   * run stops when they differ beyond the intended differences.
   */
  readonly sameOutput?: boolean;
  /**
   * Whether one run of each variant is made and discarded before the measured ones (its output
   * is the one compared). Without, the first measured run's output is compared: for workloads
   * long enough that a discarded run would cost minutes.
   * @default true
   */
  readonly warmup?: boolean;
}

/** The baselines every synth and fleet benchmark measures our side against (see raw-cluster.ts). */
const rawVariants = (workload: string, args: readonly string[]): Variant[] => [
  { name: 'raw-same', loader: 'node', workload, args: [...args, 'element=same'] },
  { name: 'raw-binding', loader: 'node', workload, args: [...args, 'element=binding'] },
];

/** Sizes of the synth benchmark: clusters x layers. */
export const SYNTH_SIZES: ReadonlyArray<{ clusters: number; layers: number }> = [
  { clusters: 1, layers: 10 },
  { clusters: 10, layers: 30 },
  { clusters: 100, layers: 30 },
];

export const synthId = (clusters: number, layers: number): string => `synth_${clusters}x${layers}`;

export function synthBenchmarks(reps: (clusters: number) => number): Benchmark[] {
  return SYNTH_SIZES.map(({ clusters, layers }) => {
    const args = [`clusters=${clusters}`, `layers=${layers}`];
    return {
      id: synthId(clusters, layers),
      title: `synth ${clusters}x${layers}`,
      metric: 'work',
      reps: reps(clusters),
      sameOutput: true,
      variants: [
        { name: 'ours', loader: 'node', workload: 'synth-ours', args },
        ...rawVariants('synth-raw', args),
      ],
    };
  });
}

/** Fleet sizes (clusters, one stack each, 30 layers): 10 -> 100 -> 1,000 shows how cost grows. */
export const FLEET_SIZES: readonly number[] = [10, 100, 1000];
export const FLEET_LAYERS = 30;

export const fleetId = (clusters: number): string => `fleet_${clusters}x${FLEET_LAYERS}`;

/** The fleet of bench/fleet.ts: C clusters in C stacks, in waves (see workloads/fleet-ours.ts). */
export function fleetBenchmarks(reps: (clusters: number) => number): Benchmark[] {
  return FLEET_SIZES.map((clusters) => {
    const args = [`clusters=${clusters}`, `layers=${FLEET_LAYERS}`];
    return {
      id: fleetId(clusters),
      title: `fleet ${clusters}x${FLEET_LAYERS} (${clusters} stacks)`,
      metric: 'work',
      reps: reps(clusters),
      sameOutput: true,
      // A 1,000-cluster run takes from 20 s (ours) to over a minute (the binding with addDependency).
      warmup: clusters < 1000,
      variants: [{ name: 'ours', loader: 'node', workload: 'fleet-ours', args }, ...rawVariants('fleet-raw', args)],
    };
  });
}

/** Packs in the registry the `packs check` benchmark generates (the public one holds about 220). */
export const REGISTRY_PACKS = 220;

/** `packs check` (checkPackRegistry) over a generated registry (workloads/packs-check.ts). */
export function packsCheckBenchmark(reps: number): Benchmark {
  return {
    id: 'packs_check',
    title: `packs check, registry of ${REGISTRY_PACKS} packs`,
    metric: 'synth',
    metricLabel: 'check',
    reps,
    variants: [{ name: 'ours', loader: 'node', workload: 'packs-check', args: [`packs=${REGISTRY_PACKS}`] }],
  };
}

export function coldStartBenchmarks(reps: number, withTsx: boolean): Benchmark[] {
  const benchmarks: Benchmark[] = [
    {
      id: 'cold_node',
      title: 'cold start quickstart, node (precompiled)',
      metric: 'wall',
      reps,
      sameOutput: true,
      variants: [
        { name: 'ours', loader: 'node', workload: 'quickstart-ours', args: [] },
        { name: 'raw', loader: 'node', workload: 'quickstart-raw', args: [] },
        { name: 'raw-root', loader: 'node', workload: 'quickstart-raw-root', args: [], informational: true },
        // A user's first synth on a machine: nothing cached yet, the cache written at exit.
        { name: 'ours-first', loader: 'node', workload: 'quickstart-ours', args: [], informational: true, codeCache: 'fresh' },
        { name: 'ours-no-cache', loader: 'node', workload: 'quickstart-ours', args: [], informational: true, codeCache: 'off' },
      ],
    },
  ];
  // Not a target: loading the main entry point, bundled as the package ships it and compiled one
  // file per module as it was (scripts/build-lib.js says why it is bundled).
  benchmarks.push({
    id: 'cold_load_library',
    title: 'loading the library after cdktf',
    metric: 'work',
    metricLabel: 'load',
    reps,
    variants: [
      { name: 'bundle', loader: 'node', workload: 'load-library', args: ['entry=bundle'] },
      { name: 'per-file', loader: 'node', workload: 'load-library', args: ['entry=per-file'] },
    ],
  });
  // Not a target: the same synth run a second time in its process, once its code is compiled,
  // which tells what the quickstart's work costs apart from compiling it on a cold start.
  benchmarks.push({
    id: 'cold_second_synth',
    title: 'quickstart, second synth in one process',
    metric: 'work',
    reps,
    sameOutput: true,
    variants: [
      { name: 'ours', loader: 'node', workload: 'quickstart-ours', args: ['warm=1'] },
      { name: 'raw', loader: 'node', workload: 'quickstart-raw', args: ['warm=1'] },
    ],
  });
  if (withTsx) {
    benchmarks.push({
      id: 'cold_tsx',
      title: 'cold start quickstart, tsx',
      metric: 'wall',
      reps,
      sameOutput: true,
      variants: [
        { name: 'ours', loader: 'tsx', workload: 'quickstart-ours', args: [] },
        { name: 'raw', loader: 'tsx', workload: 'quickstart-raw', args: [] },
      ],
    });
  }
  return benchmarks;
}
