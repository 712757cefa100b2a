import * as fs from 'fs';
import * as path from 'path';
import { readRollout } from '../fleet/read-rollout';
import { CliCommand, usageError } from './command';
import { describeGate, ReadinessGate } from '../readiness/readiness';

/**
 * `cluster-profiles plan [cdktf.out] [--mermaid | --dot]`: reads the install plan synth wrote
 * for every cluster (`<outdir>/stacks/<stack>/clusters/<cluster>/install-plan.json`) and prints
 * it: a table per cluster by default (with its fleet wave and batch when a fleet rolls it out),
 * or the install graph (steps as groups, the emitted
 * `depends_on` as edges labelled with their reasons) as Mermaid or Graphviz DOT. Exit code 0,
 * or 2 when the folder holds no install plan.
 */
export const planCommand: CliCommand = {
  usage: 'cluster-profiles plan [cdktf.out] [--mermaid | --dot]',
  run(args, output) {
    const formats: string[] = args.filter((a) => a === '--mermaid' || a === '--dot');
    const unknownOption = args.find((a) => a.startsWith('-') && !formats.includes(a));
    if (unknownOption) return usageError(output, `unknown option "${unknownOption}"`, this.usage);
    if (formats.length > 1) return usageError(output, 'give --mermaid or --dot, not both', this.usage);
    const folders = args.filter((a) => !a.startsWith('-'));
    if (folders.length > 1) return usageError(output, `plan takes one folder, not ${folders.length}`, this.usage);
    const outdir = folders[0] ?? 'cdktf.out';
    const plans = readInstallPlans(outdir);
    if (plans.length === 0) {
      output.stderr(`cluster-profiles: no install plan under ${outdir}/stacks/*/clusters/*/\n  fix: run \`npx cdktf synth\` first, or give the synth output folder\n`);
      return 2;
    }
    const render = formats[0] === '--mermaid' ? installGraphMermaid : formats[0] === '--dot' ? installGraphDot : installPlanTables;
    output.stdout(render(plans));
    return 0;
  },
};

/** The parts of an install plan document (lib/cluster/install-plan-document.ts) this command reads. */
export interface InstallPlanFile {
  readonly stack: string;
  /** Where a fleet rolls the cluster out (read from `<outdir>/fleet/<fleet>/rollout.json`). */
  readonly rollout?: { readonly fleet: string; readonly wave: string; readonly canary: boolean; readonly batch: number };
  readonly cluster: string;
  readonly installOrder: string;
  readonly groups: readonly (readonly string[])[];
  readonly edges: ReadonlyArray<{ readonly from: string; readonly to: string; readonly reason: string }>;
  readonly layers: ReadonlyArray<PlanFileLayer>;
}

interface PlanFileLayer {
  readonly name: string;
  readonly kind: string;
  readonly role: string | null;
  readonly profile: { readonly name: string; readonly version: string };
  readonly namespace: string;
  readonly releaseName: string;
  readonly group: number;
  readonly dependsOn: readonly string[];
  readonly version: string | null;
  readonly chart: { readonly type: string; readonly repository?: string; readonly name?: string; readonly path?: string; readonly constraint?: string; readonly registry?: string } | null;
  /** Absent in plans written before readiness gates. */
  readonly readiness?: readonly ReadinessGate[];
}

/** Every install plan under `outdir`, by stack and then cluster name. */
export function readInstallPlans(outdir: string): InstallPlanFile[] {
  const stacks = path.join(outdir, 'stacks');
  const rollouts = fleetWaves(outdir);
  const plans: InstallPlanFile[] = [];
  for (const stack of sortedEntries(stacks)) {
    for (const cluster of sortedEntries(path.join(stacks, stack, 'clusters'))) {
      const file = path.join(stacks, stack, 'clusters', cluster, 'install-plan.json');
      if (!fs.existsSync(file)) continue;
      const rollout = rollouts.get(stack);
      plans.push({ stack, ...(rollout ? { rollout } : {}), ...(JSON.parse(fs.readFileSync(file, 'utf8')) as Omit<InstallPlanFile, 'stack'>) });
    }
  }
  return plans;
}

/** The fleet wave and batch of every stack that a fleet's rollout.json lists, by stack. */
function fleetWaves(outdir: string): Map<string, NonNullable<InstallPlanFile['rollout']>> {
  const byStack = new Map<string, NonNullable<InstallPlanFile['rollout']>>();
  for (const fleet of sortedEntries(path.join(outdir, 'fleet'))) {
    const file = path.join(outdir, 'fleet', fleet, 'rollout.json');
    if (!fs.existsSync(file)) continue;
    const document = readRollout(file);
    for (const wave of document.waves) {
      for (const c of wave.clusters) byStack.set(c.stack, { fleet: document.fleet, wave: wave.name, canary: wave.canary, batch: c.batch });
    }
  }
  return byStack;
}

function sortedEntries(directory: string): string[] {
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** One table per cluster: a line per layer in install order, with its step and what it waits for. */
export function installPlanTables(plans: readonly InstallPlanFile[]): string {
  return plans
    .map((plan) => {
      const where = plan.rollout ? `, fleet ${plan.rollout.fleet} wave ${plan.rollout.wave}${plan.rollout.canary ? ' (canary)' : ''} batch ${plan.rollout.batch}` : '';
      const header = `Install plan of cluster "${plan.cluster}" (stack ${plan.stack}, ${plan.installOrder}${where}): ${plan.layers.length} layers in ${plan.groups.length} steps`;
      const rows = plan.layers.map((layer) => {
        const after = layer.dependsOn.length > 0 ? `after ${layer.dependsOn.join(', ')}` : 'first';
        return (
          `  step ${String(layer.group + 1).padStart(2)}  ${layer.name.padEnd(16)} ${(layer.role ?? 'add-on').padEnd(7)} ` +
          `${`${layer.profile.name}@${layer.profile.version}`.padEnd(20)} ${`${layer.namespace}/${layer.releaseName}`.padEnd(28)} ` +
          `${(layer.version ?? '-').padEnd(8)} ${source(layer)}  (${after})`
        );
      });
      const gates = plan.layers.flatMap((layer) => (layer.readiness ?? []).map((gate) => `  ready    ${layer.name.padEnd(16)} ${describeGate(gate)}`));
      return [header, ...rows, ...(gates.length > 0 ? ['', '  readiness gates (the next layers start when they pass):', ...gates] : [])].join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

function source(layer: PlanFileLayer): string {
  const chart = layer.chart;
  if (!chart) return layer.kind === 'kubernetes' ? 'server version check' : '(nothing to install)';
  if (chart.type === 'repository' || chart.type === 'oci') return `${chart.repository} ${chart.name}`;
  if (chart.type === 'pack') return `pack ${chart.name} (${chart.constraint}) from ${chart.registry}`;
  return `${chart.type} chart`;
}

/** The install graph as a Mermaid flowchart: a subgraph per cluster and per step, labelled edges. */
export function installGraphMermaid(plans: readonly InstallPlanFile[]): string {
  const id = (plan: InstallPlanFile, name: string) => `${plan.stack}__${plan.cluster}__${name}`.replace(/[^A-Za-z0-9_]/g, '_');
  const text = (s: string) => s.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
  const lines = ['flowchart TD'];
  for (const plan of plans) {
    lines.push(`  subgraph ${id(plan, '')}["cluster ${text(plan.cluster)} (${plan.installOrder})"]`);
    plan.groups.forEach((group, step) => {
      lines.push(`    subgraph ${id(plan, `step_${step + 1}`)}["step ${step + 1}"]`);
      for (const name of group) lines.push(`      ${id(plan, name)}["${nodeLabel(plan, name).map(text).join('<br/>')}"]`);
      lines.push('    end');
    });
    lines.push('  end');
    for (const e of plan.edges) lines.push(`  ${id(plan, e.from)} -->|"${text(e.reason)}"| ${id(plan, e.to)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The install graph as Graphviz DOT: a cluster subgraph per cluster and per step, labelled edges. */
export function installGraphDot(plans: readonly InstallPlanFile[]): string {
  const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const node = (plan: InstallPlanFile, name: string) => quote(`${plan.stack}/${plan.cluster}/${name}`);
  const lines = ['digraph install_plan {', '  rankdir=TB;', '  node [shape=box];'];
  plans.forEach((plan, p) => {
    lines.push(`  subgraph cluster_${p} {`, `    label=${quote(`cluster ${plan.cluster} (${plan.installOrder})`)};`);
    plan.groups.forEach((group, step) => {
      lines.push(`    subgraph cluster_${p}_step_${step + 1} {`, `      label=${quote(`step ${step + 1}`)};`);
      for (const name of group) lines.push(`      ${node(plan, name)} [label=${quote(nodeLabel(plan, name).join('\n')).replace(/\n/g, '\\n')}];`);
      lines.push('    }');
    });
    lines.push('  }');
    for (const e of plan.edges) lines.push(`  ${node(plan, e.from)} -> ${node(plan, e.to)} [label=${quote(e.reason)}];`);
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** A node's label, as lines: the layer's name, then its role, profile and version. */
function nodeLabel(plan: InstallPlanFile, name: string): string[] {
  const layer = plan.layers.find((l) => l.name === name)!;
  return [name, `${layer.role ?? 'add-on'} · ${layer.profile.name}@${layer.profile.version}${layer.version ? ` · ${layer.version}` : ''}`];
}
