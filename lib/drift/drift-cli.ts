import * as fs from 'fs';
import * as path from 'path';
import { ProfileError } from '../errors';
import { readRollout } from '../fleet/read-rollout';
import { KubeClient } from '../kube/kube-client';
import { StackJson, stackConnection, terraformConsole } from '../kube/stack-connection';
import { detectClusterDrift, InstallPlanFile } from './detect-drift';
import { ClusterDrift, driftExitCode, DriftRepair, driftReport, FleetWaves, formatDriftReport, StackDrift } from './drift-report';
import { terraformOnPath, terraformRefresh, terraformReplace, TerraformRunner } from './terraform-runner';
import { driftFleetUnknown, driftNoStacks, driftStacksUnknown, driftWaveUnknown } from '../diagnostics';

/** Where `drift` writes and what it runs; tests pass their own. */
export interface DriftCliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /**
   * The environment (for `TF_VAR_*` behind the connection).
   * @default process.env
   */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Runs terraform.
   * @default - the `terraform` on the PATH
   */
  readonly terraform?: TerraformRunner;
}

/** `drift --help`: every option. */
export const DRIFT_HELP = `usage: cluster-profiles drift [stack...] [--json] [--repair] [--out DIR] [--no-terraform] [--fleet NAME [--wave NAME]]

Compares what the synthesized stacks installed with the live clusters, without kubectl or helm:
for every layer, the objects of its Helm releases (the manifest as Helm recorded it) against the
objects on the API server, only the fields the manifests set; and, per stack, Terraform's own
view (terraform plan -refresh-only -detailed-exitcode). Run it where cdktf deploy runs, with the
same TF_VAR_* environment: the connection is the cluster's helm provider in cdk.tf.json.

arguments:
  stack...        stacks to check, by name (folders of <out>/stacks); all of them when none is given

options:
  --json          print the report as JSON (kind DriftReport) instead of text
  --repair        reinstall the drifted layers (terraform apply -auto-approve -replace=<helm_release>
                  of each), then check again and report that second check
  --out DIR       the folder cdktf synth wrote (default: cdktf.out)
  --no-terraform  skip terraform plan -refresh-only (objects only; needs no terraform init)
  --fleet NAME    check the stacks of a fleet (from <out>/fleet/NAME/rollout.json) and report
                  drift per wave, for a scheduled CI job to keep as JSON
  --wave NAME     with --fleet: only the stacks of that wave
  -h, --help      print this help

exit codes: 0 nothing drifted, 1 something drifted, 2 something could not be checked (or bad usage)
Secrets are compared by SHA-256 digest and never printed; neither are credentials.
`;

interface DriftArguments {
  readonly stacks: readonly string[];
  readonly json: boolean;
  readonly repair: boolean;
  readonly out: string;
  readonly terraform: boolean;
  readonly fleet?: string;
  readonly wave?: string;
}

/**
 * Runs `cluster-profiles drift <args>`: checks the stacks, optionally repairs and checks again,
 * prints the report. Returns the exit code (see {@link DRIFT_HELP}).
 */
export async function runDriftCli(args: readonly string[], io: DriftCliIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`cluster-profiles drift: ${message}\n`);
    return 2;
  };
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(DRIFT_HELP);
    return 0;
  }
  const parsed = parseArguments(args);
  if (typeof parsed === 'string') return fail(`${parsed}\n${DRIFT_HELP.split('\n')[0]}`);
  const env = io.env ?? process.env;
  const terraform = io.terraform ?? terraformOnPath(env);
  try {
    const fleet = parsed.fleet !== undefined ? readFleetWaves(parsed.out, parsed.fleet, parsed.wave) : undefined;
    const stacks = selectStacks(parsed.out, fleet ? [...parsed.stacks, ...fleet.waves.flatMap((w) => w.stacks)] : parsed.stacks);
    let checked = await checkStacks(parsed, stacks, env, terraform);
    let repair: DriftRepair | undefined;
    if (parsed.repair) {
      repair = await repairStacks(parsed.out, checked, terraform);
      if (repair.status !== 'nothing-to-repair') checked = await checkStacks(parsed, stacks, env, terraform);
    }
    const report = driftReport(checked, repair, fleet);
    io.stdout(parsed.json ? `${JSON.stringify(report, null, 2)}\n` : formatDriftReport(report));
    return driftExitCode(report);
  } catch (e) {
    return fail(e instanceof ProfileError ? e.message : ((e as Error).stack ?? String(e)));
  }
}

function parseArguments(args: readonly string[]): DriftArguments | string {
  const stacks: string[] = [];
  let json = false;
  let repair = false;
  let terraform = true;
  let out = 'cdktf.out';
  let fleet: string | undefined;
  let wave: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--fleet' || arg === '--wave') {
      const value = args[++i];
      if (!value) return `${arg} needs a name`;
      if (arg === '--fleet') fleet = value;
      else wave = value;
    } else if (arg === '--json') json = true;
    else if (arg === '--repair') repair = true;
    else if (arg === '--no-terraform') terraform = false;
    else if (arg === '--out' || arg.startsWith('--out=')) {
      const value = arg === '--out' ? args[++i] : arg.slice('--out='.length);
      if (!value) return '--out needs a folder';
      out = value;
    } else if (arg.startsWith('-')) return `unknown option "${arg}"`;
    else stacks.push(arg);
  }
  if (wave !== undefined && fleet === undefined) return '--wave goes with --fleet';
  return { stacks, json, repair, out, terraform, fleet, wave };
}

/** The waves of a fleet (or the one asked for) and their stacks, from the rollout.json synth wrote. */
function readFleetWaves(out: string, fleet: string, wave: string | undefined): FleetWaves {
  const file = path.join(out, 'fleet', fleet, 'rollout.json');
  if (!fs.existsSync(file)) {
    const fleets = fs.existsSync(path.join(out, 'fleet')) ? fs.readdirSync(path.join(out, 'fleet')).sort() : [];
    ProfileError.throw(driftFleetUnknown(file, fleet, fleets));
  }
  const document = readRollout(file);
  const waves = document.waves.filter((w) => wave === undefined || w.name === wave).map((w) => ({ wave: w.name, stacks: w.stacks }));
  if (waves.length === 0) {
    const names = document.waves.map((w) => w.name);
    ProfileError.throw(driftWaveUnknown(file, fleet, wave!, names));
  }
  return { fleet: document.fleet, waves };
}

/** The stack folders to check: those named, or every one; an unknown name is an error. */
export function selectStacks(out: string, wanted: readonly string[]): string[] {
  const root = path.join(out, 'stacks');
  const present = fs.existsSync(root) ? fs.readdirSync(root).filter((s) => fs.existsSync(path.join(root, s, 'cdk.tf.json'))).sort() : [];
  if (present.length === 0) {
    ProfileError.throw(driftNoStacks(out));
  }
  const unknown = wanted.filter((s) => !present.includes(s));
  if (unknown.length > 0) {
    ProfileError.throw(driftStacksUnknown(root, unknown, present));
  }
  return wanted.length > 0 ? [...new Set(wanted)] : present;
}

async function checkStacks(args: DriftArguments, stacks: readonly string[], env: NodeJS.ProcessEnv, terraform: TerraformRunner): Promise<StackDrift[]> {
  const results: StackDrift[] = [];
  for (const stack of stacks) {
    const stackDir = path.join(args.out, 'stacks', stack);
    const json = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8')) as StackJson;
    const clusters: ClusterDrift[] = [];
    for (const plan of installPlans(stackDir)) clusters.push(await checkCluster(plan, json, stackDir, env));
    const refresh = args.terraform ? await terraformRefresh(stackDir, terraform) : { status: 'skipped' as const, changed: [] };
    results.push({ stack, terraform: refresh, clusters });
  }
  return results;
}

/** The install plans of a stack's clusters, by cluster name. */
function installPlans(stackDir: string): InstallPlanFile[] {
  const root = path.join(stackDir, 'clusters');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .sort()
    .filter((c) => fs.existsSync(path.join(root, c, 'install-plan.json')))
    .map((c) => JSON.parse(fs.readFileSync(path.join(root, c, 'install-plan.json'), 'utf8')) as InstallPlanFile);
}

async function checkCluster(plan: InstallPlanFile, stack: StackJson, stackDir: string, env: NodeJS.ProcessEnv): Promise<ClusterDrift> {
  let client: KubeClient | undefined;
  try {
    const connection = await stackConnection(stack, plan.cluster, path.join(stackDir, 'cdk.tf.json'), { env, evaluate: terraformConsole(stackDir, env) });
    client = new KubeClient(connection);
    return await detectClusterDrift(plan, client);
  } catch (e) {
    const error = e instanceof ProfileError ? e.diagnostics.map((d) => `${d.code} at ${d.path}: ${d.message} (fix: ${d.fix})`).join('; ') : String((e as Error).message ?? e);
    return { cluster: plan.cluster, status: 'error', layers: [], error };
  } finally {
    client?.close();
  }
}

/**
 * Replaces the helm_release of every drifted layer, stack by stack, except two kinds that a
 * replace would hurt, which are reported as skipped: a layer whose manifests hold CRDs (an
 * uninstall deletes the CRDs, and with them every custom resource of their kinds, other layers'
 * too) and a protected layer (`prevent_destroy` makes Terraform refuse the replace).
 */
async function repairStacks(out: string, stacks: readonly StackDrift[], terraform: TerraformRunner): Promise<DriftRepair> {
  const replaced: Record<string, string[]> = {};
  const skipped: Array<{ stack: string; address: string; reason: string }> = [];
  for (const stack of stacks) {
    const stackDir = path.join(out, 'stacks', stack.stack);
    const protectedAddresses = preventDestroy(stackDir);
    const addresses = new Set<string>();
    for (const layer of stack.clusters.flatMap((c) => c.layers.filter((l) => l.status === 'drifted'))) {
      for (const address of layer.addresses) {
        if (layer.definesCrds) skipped.push({ stack: stack.stack, address, reason: `layer ${layer.layer} defines CRDs (${layer.definesCrds.join(', ')}); replacing it would delete their custom resources` });
        else if (protectedAddresses.has(address)) skipped.push({ stack: stack.stack, address, reason: `layer ${layer.layer} is protected (prevent_destroy); Terraform refuses to replace it` });
        else addresses.add(address);
      }
    }
    if (addresses.size === 0) continue;
    replaced[stack.stack] = [...addresses].sort();
    const error = await terraformReplace(stackDir, replaced[stack.stack], terraform);
    if (error) return { replaced, ...(skipped.length > 0 ? { skipped } : {}), status: 'failed', error: `stack ${stack.stack}: ${error}` };
  }
  return { replaced, ...(skipped.length > 0 ? { skipped } : {}), status: Object.keys(replaced).length > 0 ? 'repaired' : 'nothing-to-repair' };
}

/** Addresses of the stack's helm releases with `lifecycle.prevent_destroy`. */
function preventDestroy(stackDir: string): Set<string> {
  const json = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8')) as { resource?: { helm_release?: Record<string, { lifecycle?: { prevent_destroy?: boolean } }> } };
  return new Set(Object.entries(json.resource?.helm_release ?? {}).filter(([, r]) => r.lifecycle?.prevent_destroy === true).map(([id]) => `helm_release.${id}`));
}
