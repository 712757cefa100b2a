/**
 * The synthetic workload both sides of the synth benchmark build: C clusters in one stack, each
 * running the same add-on profile of L Helm layers from a repository chart.
 *
 * Plain data and plain functions only: the raw cdktf workload imports this file too, so it must
 * not import the library.
 *
 * Shape of one cluster's layers (L = 30 gives 6 stages):
 * - layer i has priority 10 * floor(i / 5): stages of 5 layers, each stage after the previous one;
 * - the second layer of every stage (i % 5 === 1) also `dependsOn` the first (i - 1);
 * - layer values are a small nested map with a list; each cluster overrides two keys of layer 0.
 */

export const STACK_ID = 'bench';
export const PROFILE_ID = 'bench-addons';
export const PROFILE_VERSION = '1.0.0';
export const REPOSITORY = 'https://charts.example.com/stable';
export const CHART_VERSION = '1.2.3';
export const KUBECONFIG = '~/.kube/config';
const STAGE = 5;

export const clusterName = (c: number): string => `c${String(c).padStart(3, '0')}`;
export const layerName = (i: number): string => `addon-${String(i).padStart(2, '0')}`;
export const chartName = (i: number): string => `app-${i}`;
export const namespaceOf = (i: number): string => `team-${i % 4}`;
export const priorityOf = (i: number): number => Math.floor(i / STAGE) * 10;
/** Explicit `dependsOn` of layer i (by index), besides what priorities order. */
export const explicitDependsOn = (i: number): number[] => (i % STAGE === 1 ? [i - 1] : []);

/** The values of layer i as the profile declares them. */
export function layerValues(i: number): { [key: string]: unknown } {
  return {
    replicaCount: 1 + (i % 3),
    image: { repository: `registry.example.com/team/app-${i}`, tag: `v1.${i}.0`, pullPolicy: 'IfNotPresent' },
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
    podLabels: { team: `team-${i % 4}`, tier: i % 2 === 1 ? 'backend' : 'frontend' },
    extraArgs: ['--log-level=info', `--port=${8000 + i}`],
  };
}

/** What every cluster sets on layer 0 (`cluster.setValues`). */
export function clusterOverride(c: number): { [key: string]: unknown } {
  return { replicaCount: 3, clusterName: clusterName(c) };
}

/**
 * The values YAML as a raw cdktf author writes it: a template string, keys in the same order
 * the library's canonical YAML uses, so both sides emit the same bytes (checked by the runner).
 */
export function rawValuesYaml(i: number, c: number): string {
  const override = i === 0;
  return [
    ...(override ? [`clusterName: ${clusterName(c)}`] : []),
    'extraArgs:',
    '  - --log-level=info',
    `  - --port=${8000 + i}`,
    'image:',
    '  pullPolicy: IfNotPresent',
    `  repository: registry.example.com/team/app-${i}`,
    `  tag: v1.${i}.0`,
    'podLabels:',
    `  team: team-${i % 4}`,
    `  tier: ${i % 2 === 1 ? 'backend' : 'frontend'}`,
    `replicaCount: ${override ? 3 : 1 + (i % 3)}`,
    'resources:',
    '  limits:',
    '    memory: 256Mi',
    '  requests:',
    '    cpu: 100m',
    '    memory: 128Mi',
    '',
  ].join('\n');
}

/**
 * The `depends_on` of layer i as a raw cdktf author writes it: the transitive reduction of the
 * stage order plus the explicit dependency, worked out by hand. The second layer of a stage waits
 * only for the first (which waits for the previous stage); every other layer waits for the
 * previous stage minus its first layer (implied through the second).
 */
export function rawDependsOn(i: number, layers: number): number[] {
  if (i % STAGE === 1) return [i - 1];
  const stage = Math.floor(i / STAGE);
  if (stage === 0) return [];
  const first = (stage - 1) * STAGE;
  const members = Array.from({ length: Math.min(STAGE, layers - first) }, (_, k) => first + k);
  return members.length > 1 ? members.slice(1) : members;
}
