import { parseYaml } from '../values/yaml';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ProfileError } from '../errors';
import { runExecCredential } from './exec-credential';
import { KubeConnection } from './kube-connection';
import { fileLocation, kubeconfigClusterWithoutServer, kubeconfigContextUnknown, kubeconfigFileUnreadable, kubeconfigNotYaml, kubeconfigUnreadable, kubeconfigWithoutContext } from '../diagnostics';

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
  const source = fileLocation(file, context && `context ${context}`);
  let text: string;
  try {
    text = fs.readFileSync(resolved, 'utf8');
  } catch (e) {
    return ProfileError.throw(kubeconfigUnreadable(source, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
  let config: Entry;
  try {
    config = (parseYaml(text) ?? {}) as Entry;
  } catch (e) {
    return ProfileError.throw(kubeconfigNotYaml(source, (e as Error).message.split('\n')[0]));
  }
  const wanted = context ?? (config['current-context'] as string | undefined);
  if (!wanted) return ProfileError.throw(kubeconfigWithoutContext(source));
  const contexts = named(config.contexts);
  const ctx = contexts.get(wanted);
  if (!ctx) return ProfileError.throw(kubeconfigContextUnknown(source, wanted, [...contexts.keys()].sort()));
  const cluster = named(config.clusters).get(String(ctx.cluster));
  if (!cluster || typeof cluster.server !== 'string') return ProfileError.throw(kubeconfigClusterWithoutServer(source, wanted, String(ctx.cluster)));
  const user = named(config.users).get(String(ctx.user)) ?? {};
  const dir = path.dirname(resolved);
  const material = (dataKey: string, fileKey: string, from: Entry): string | undefined => {
    if (typeof from[dataKey] === 'string') return Buffer.from(from[dataKey] as string, 'base64').toString('utf8');
    if (typeof from[fileKey] !== 'string') return undefined;
    const where = path.resolve(dir, expandHome(from[fileKey] as string));
    try {
      return fs.readFileSync(where, 'utf8');
    } catch {
      return ProfileError.throw(kubeconfigFileUnreadable(source, fileKey, from[fileKey] as string));
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
