import { yamlLibrary } from '../values/yaml';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ProfileError } from '../errors';
import { runExecCredential } from './exec-credential';
import { KubeConnection } from './kube-connection';

type Entry = Record<string, unknown>;

/**
 * Reads a kubeconfig file as Terraform's providers read `config_path` and `config_context`: the
 * named context (the file's current context when none is given), its cluster and its user.
 * Certificates and keys come inline (`*-data`) or from files relative to the kubeconfig's folder;
 * users authenticate with a client certificate, a token, a token file or an `exec` plugin.
 *
 * @param file the kubeconfig path; `~` is the home folder
 * @param context the context to use
 */
export function readKubeconfig(file: string, context?: string): KubeConnection {
  const resolved = expandHome(file);
  const source = `kubeconfig ${file}${context ? ` (context ${context})` : ''}`;
  const fail = (message: string, fix: string): never => ProfileError.throw({ code: 'KUBE_CONNECTION', path: source, message, fix });
  let text: string;
  try {
    text = fs.readFileSync(resolved, 'utf8');
  } catch (e) {
    return fail(`cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'give the path of the kubeconfig Terraform uses (the variable behind config_path, e.g. TF_VAR_kubeconfig)');
  }
  let config: Entry;
  try {
    config = (yamlLibrary().parse(text) ?? {}) as Entry;
  } catch (e) {
    return fail(`is not YAML: ${(e as Error).message.split('\n')[0]}`, 'give a kubeconfig file');
  }
  const wanted = context ?? (config['current-context'] as string | undefined);
  if (!wanted) return fail('names no current-context and none was given', 'set config_context on the cluster connection, or current-context in the file');
  const contexts = named(config.contexts);
  const ctx = contexts.get(wanted);
  if (!ctx) return fail(`has no context "${wanted}"`, `use one of: ${[...contexts.keys()].sort().join(', ') || '(none)'}`);
  const cluster = named(config.clusters).get(String(ctx.cluster));
  if (!cluster || typeof cluster.server !== 'string') return fail(`context "${wanted}" names cluster "${String(ctx.cluster)}", which has no server`, 'add the cluster with its server URL');
  const user = named(config.users).get(String(ctx.user)) ?? {};
  const dir = path.dirname(resolved);
  const material = (dataKey: string, fileKey: string, from: Entry): string | undefined => {
    if (typeof from[dataKey] === 'string') return Buffer.from(from[dataKey] as string, 'base64').toString('utf8');
    if (typeof from[fileKey] !== 'string') return undefined;
    const where = path.resolve(dir, expandHome(from[fileKey] as string));
    try {
      return fs.readFileSync(where, 'utf8');
    } catch {
      return fail(`${fileKey} ${from[fileKey] as string} cannot be read`, `check the file exists and is readable`);
    }
  };
  const tokenFile = material('', 'tokenFile', user)?.trim();
  const exec = user.exec as Entry | undefined;
  const plugin = exec
    ? runExecCredential(
        {
          apiVersion: String(exec.apiVersion ?? ''),
          command: String(exec.command ?? ''),
          args: Array.isArray(exec.args) ? exec.args.map(String) : undefined,
          env: Array.isArray(exec.env) ? Object.fromEntries((exec.env as Entry[]).map((e) => [String(e.name), String(e.value)])) : undefined,
        },
        source,
      )
    : {};
  return {
    server: cluster.server,
    certificateAuthority: material('certificate-authority-data', 'certificate-authority', cluster),
    insecureSkipTlsVerify: cluster['insecure-skip-tls-verify'] === true,
    token: plugin.token ?? (typeof user.token === 'string' ? user.token : tokenFile),
    clientCertificate: plugin.clientCertificate ?? material('client-certificate-data', 'client-certificate', user),
    clientKey: plugin.clientKey ?? material('client-key-data', 'client-key', user),
    source,
  };
}

/** `~` and `~/x` as the home folder, as Terraform's providers expand config_path. */
export function expandHome(file: string): string {
  return file === '~' || file.startsWith('~/') ? path.join(os.homedir(), file.slice(1)) : file;
}

/** A kubeconfig list (`- name: x, cluster: {...}`) as a map from name to its inner entry. */
function named(list: unknown): Map<string, Entry> {
  const found = new Map<string, Entry>();
  if (!Array.isArray(list)) return found;
  for (const item of list as Entry[]) {
    const inner = (item.context ?? item.cluster ?? item.user ?? {}) as Entry;
    if (typeof item.name === 'string') found.set(item.name, inner);
  }
  return found;
}
