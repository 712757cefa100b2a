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
}

export interface Benchmark {
  readonly id: string;
  readonly title: string;
  readonly metric: Metric;
  /** What the table calls the metric, when the workload's phases are not construct and synth. */
  readonly metricLabel?: string;
  readonly reps: number;
  readonly variants: readonly Variant[];
  /** Compare the cdk.tf.json of the first two variants (must be equal apart from metadata). */
  readonly sameOutput?: boolean;
}

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
        { name: 'raw', loader: 'node', workload: 'synth-raw', args },
      ],
    };
  });
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
      ],
    },
  ];
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
