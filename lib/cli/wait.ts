import * as fs from 'fs';
import * as path from 'path';
import { ProfileError } from '../errors';
import { KubeClient } from '../kube/kube-client';
import { stackConnection, StackJson } from '../kube/stack-connection';
import { describeGate } from '../readiness/readiness';
import { CONNECTION_ENVIRONMENT, GATE_FILE_API_VERSION, GateFile, waitForGates } from '../readiness/wait';
import { CliCommand, CliOutput, usageError } from './command';


const USAGE = 'cluster-profiles wait --gates FILE [--stack-dir DIR] [--poll-ms N]';

/**
 * `cluster-profiles wait`: waits for the readiness gates of a gate file that synth wrote beside
 * the stack (one layer's, or those of the layers of a cluster that no other layer waits for),
 * talking to the cluster with the connection of the stack's helm provider. Exit 0 when every gate passed, 1 when one timed out (with cluster, layer, gate,
 * object, the last status seen and how to fix it), 2 on wrong usage.
 */
export const waitCommand: CliCommand = {
  usage: USAGE,
  help: [
    USAGE,
    '',
    'Run by the terraform_data of gated layers during cdktf deploy; you rarely run it yourself.',
    '  --gates FILE      the gate file (clusters/<cluster>/gates/<layer>.json or _cluster.json, relative to --stack-dir)',
    '  --stack-dir DIR   the stack folder holding cdk.tf.json (default: the current folder, where Terraform runs)',
    '  --poll-ms N       pause between two looks at a gate (default 1000)',
    `The connection is the helm provider's of the gate's cluster in cdk.tf.json; ${Object.values(CONNECTION_ENVIRONMENT).join(', ')} override its fields.`,
    '',
  ].join('\n'),
  run(args, output) {
    return runWait(args, output, process.env);
  },
};

/** The command with its environment given, for tests. */
export async function runWait(args: readonly string[], output: CliOutput, env: NodeJS.ProcessEnv): Promise<number> {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const name = args[i];
    if (!['--gates', '--stack-dir', '--poll-ms'].includes(name)) return usageError(output, `unknown argument "${name}"`, USAGE);
    const value = args[++i];
    if (value === undefined) return usageError(output, `${name} needs a value`, USAGE);
    options.set(name, value);
  }
  const gatesFile = options.get('--gates');
  if (!gatesFile) return usageError(output, 'give --gates FILE', USAGE);
  const stackDir = options.get('--stack-dir') ?? '.';
  const poll = Number(options.get('--poll-ms') ?? '1000');
  if (!Number.isInteger(poll) || poll < 1) return usageError(output, '--poll-ms takes a whole number of milliseconds', USAGE);
  let client: KubeClient | undefined;
  let file: GateFile | undefined;
  try {
    file = JSON.parse(fs.readFileSync(path.resolve(stackDir, gatesFile), 'utf8')) as GateFile;
    if (file.apiVersion !== GATE_FILE_API_VERSION) {
      output.stderr(`cluster-profiles wait: ${gatesFile} is a gate file of apiVersion ${JSON.stringify(file.apiVersion)}, and this cluster-profiles reads ${GATE_FILE_API_VERSION}: synthesize the stack again (cdktf deploy does) with the cdktf-cluster-profiles that runs this command\n`);
      return 2;
    }
    const stack = withOverrides(JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8')) as StackJson, file.cluster, env);
    client = new KubeClient(await stackConnection(stack, file.cluster, path.join(stackDir, 'cdk.tf.json'), { env }));
    const cluster = file.cluster;
    await waitForGates(client, file, gatesFile, {
      pollMilliseconds: poll,
      onPass: (layer, gate, seconds) => output.stdout(`cluster-profiles wait: cluster ${cluster}, layer ${layer}: ${describeGate(gate)} passed after ${seconds}s\n`),
    });
    return 0;
  } catch (e) {
    if (!(e instanceof ProfileError)) {
      output.stderr(`cluster-profiles wait: ${file ? `cluster ${file.cluster}: ` : ''}${(e as Error).message}\n`);
      return 2;
    }
    output.stderr(`${e.message}\n`);
    return 1;
  } finally {
    client?.close();
  }
}

/** The stack's helm provider block of `cluster`, with the fields the environment overrides. */
function withOverrides(stack: StackJson, cluster: string, env: NodeJS.ProcessEnv): StackJson {
  const helm = (stack.provider?.helm ?? []).map((p) => {
    if (p.alias !== cluster) return p;
    const kubernetes = { ...(p.kubernetes ?? {}) };
    for (const [field, variable] of Object.entries(CONNECTION_ENVIRONMENT)) if (env[variable] !== undefined) kubernetes[field] = env[variable];
    return { ...p, kubernetes };
  });
  return { ...stack, provider: { ...stack.provider, helm } };
}
