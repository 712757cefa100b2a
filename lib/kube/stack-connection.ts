import { execFile } from 'child_process';
import { ProfileError } from '../errors';
import { ConnectionSettings } from '../cluster/connection';
import { runExecCredential } from './exec-credential';
import { KubeConnection } from './kube-connection';
import { readKubeconfig } from './kubeconfig';
import { fileLocation, connectionNeedsState, connectionVariableUnset, connectionWithoutTarget, consoleFailed, consolePrintedNothing, noHelmProvider } from '../diagnostics';

/** The parts of a synthesized stack's cdk.tf.json that say how a cluster is reached. */
export interface StackJson {
  readonly provider?: { readonly helm?: ReadonlyArray<{ readonly alias?: string; readonly kubernetes?: Record<string, unknown> }> };
  readonly variable?: Readonly<Record<string, { readonly default?: unknown }>>;
}

/** How a Terraform expression that is more than a variable is evaluated (`terraform console`). */
export type EvaluateExpression = (expression: string) => Promise<unknown>;

/**
 * The connection of one cluster of a synthesized stack, as its helm provider (alias = the
 * cluster's name) will use it: the settings of the provider block in cdk.tf.json, each resolved
 * as Terraform would. `${var.x}` is `TF_VAR_x` from the environment, else the variable's default;
 * any other expression (an attribute of another resource, a remote state output) is handed to
 * `evaluate`, by default `terraform console` in the stack's folder, which reads the state.
 */
export async function stackConnection(
  stack: StackJson,
  clusterName: string,
  where: string,
  options: { readonly env?: NodeJS.ProcessEnv; readonly evaluate?: EvaluateExpression } = {},
): Promise<KubeConnection> {
  const block = stack.provider?.helm?.find((p) => p.alias === clusterName)?.kubernetes;
  if (!block) {
    return ProfileError.throw(noHelmProvider(fileLocation(where), clusterName));
  }
  const env = options.env ?? process.env;
  const resolve = async (value: unknown, field: string): Promise<string | undefined> => {
    if (value === undefined || value === null) return undefined;
    const text = String(value);
    const variable = /^\$\{var\.([A-Za-z0-9_-]+)\}$/.exec(text);
    if (variable) {
      const name = variable[1];
      const fromEnv = env[`TF_VAR_${name}`];
      if (fromEnv !== undefined) return fromEnv;
      const fallback = stack.variable?.[name]?.default;
      if (fallback !== undefined) return String(fallback);
      return ProfileError.throw(connectionVariableUnset(fileLocation(where, field), name));
    }
    if (!text.includes('${')) return text;
    if (!options.evaluate) {
      return ProfileError.throw(connectionNeedsState(fileLocation(where, field)));
    }
    return String(await options.evaluate(text));
  };
  const settings: ConnectionSettings = {
    configPath: await resolve(block.config_path, 'config_path'),
    configContext: await resolve(block.config_context, 'config_context'),
    host: await resolve(block.host, 'host'),
    clusterCaCertificate: await resolve(block.cluster_ca_certificate, 'cluster_ca_certificate'),
    token: await resolve(block.token, 'token'),
  };
  const exec = block.exec as Record<string, unknown> | undefined;
  return kubeConnection(
    {
      ...settings,
      exec: exec && {
        apiVersion: String(exec.api_version ?? ''),
        command: String(exec.command ?? ''),
        args: Array.isArray(exec.args) ? exec.args.map(String) : undefined,
        env: (exec.env as Record<string, string> | undefined) ?? undefined,
      },
    },
    fileLocation(where, `helm provider ${clusterName}`),
  );
}

/**
 * A client connection from resolved connection settings, with the precedence of Terraform's
 * providers: a kubeconfig when `configPath` is set, else host, CA and a token or exec plugin.
 */
export function kubeConnection(settings: ConnectionSettings, source: string): KubeConnection {
  if (settings.configPath) return readKubeconfig(settings.configPath, settings.configContext);
  if (!settings.host) {
    return ProfileError.throw(connectionWithoutTarget(source));
  }
  const plugin = settings.exec ? runExecCredential(settings.exec, source) : {};
  const server = /^https?:\/\//.test(settings.host) ? settings.host : `https://${settings.host}`;
  return { server, certificateAuthority: settings.clusterCaCertificate, token: plugin.token ?? settings.token, clientCertificate: plugin.clientCertificate, clientKey: plugin.clientKey, source };
}

/**
 * Evaluates an expression with `terraform console` in a stack folder. The value may be a
 * credential: it is read from the console's output and never printed.
 */
export function terraformConsole(stackDir: string, env: NodeJS.ProcessEnv = process.env): EvaluateExpression {
  return (expression) =>
    new Promise((resolve, reject) => {
      const inner = expression.replace(/^\$\{([\s\S]*)\}$/, '$1');
      const hcl = /^\$\{[\s\S]*\}$/.test(expression) && !inner.includes('${') ? inner : JSON.stringify(expression);
      const child = execFile('terraform', ['console'], { cwd: stackDir, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
        if (error) {
          reject(new ProfileError([consoleFailed(fileLocation(stackDir), error.code ?? 'unknown')]));
          return;
        }
        try {
          resolve(JSON.parse(JSON.parse(stdout.trim()) as string));
        } catch {
          reject(new ProfileError([consolePrintedNothing(fileLocation(stackDir))]));
        }
      });
      child.stdin?.end(`jsonencode(try(nonsensitive(${hcl}), ${hcl}))\n`);
    });
}
