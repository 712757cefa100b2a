import { Token } from 'cdktf';
import { ProfileError } from '../errors';
import { connectionOptionsMissing, incompleteExecCredential, kubeconfigWithoutPath, literalConnectionToken } from '../diagnostics';

/** A credential plugin that prints a token, as kubeconfig's `exec` (aws eks get-token, say). */
export interface ExecCredential {
  /** The client authentication API version, e.g. `client.authentication.k8s.io/v1beta1`. */
  readonly apiVersion: string;
  /** The command to run. */
  readonly command: string;
  /**
   * Its arguments.
   * @default - none
   */
  readonly args?: readonly string[];
  /**
   * Extra environment variables.
   * @default - none
   */
  readonly env?: Readonly<Record<string, string>>;
}

/** How the providers of one cluster reach its API server, as plain settings. */
export interface ConnectionSettings {
  readonly configPath?: string;
  readonly configContext?: string;
  readonly host?: string;
  readonly clusterCaCertificate?: string;
  readonly token?: string;
  readonly exec?: ExecCredential;
}

/**
 * How a {@link Cluster} is reached. Any string may be a cdktf token: a `TerraformVariable`, an
 * output of another stack, an attribute of the resource that created the cluster. Synth never
 * contacts the cluster; Terraform does, at plan and apply.
 */
export class ClusterConnection {
  /**
   * A kubeconfig file and, optionally, one of its contexts.
   * @param options.path the kubeconfig file, as Terraform will see it when it runs
   * @param options.context the context to use; the file's current context when absent
   */
  static kubeconfig(options: { readonly path: string; readonly context?: string }): ClusterConnection {
    if (!options.path) ProfileError.throw(kubeconfigWithoutPath());
    return new ClusterConnection({ configPath: options.path, configContext: options.context });
  }

  /**
   * An API server address, its CA certificate (PEM) and a bearer token. The token must be a
   * Terraform expression (a sensitive `TerraformVariable`, another resource's attribute): a
   * literal would be written in clear text to cdk.tf.json, so it is refused.
   */
  static token(options: { readonly host: string; readonly clusterCaCertificate: string; readonly token: string }): ClusterConnection {
    requireAll(options, ['host', 'clusterCaCertificate', 'token'], 'token');
    if (!Token.isUnresolved(options.token)) {
      ProfileError.throw(literalConnectionToken());
    }
    return new ClusterConnection({ ...options });
  }

  /**
   * An API server address, its CA certificate (PEM) and a credential plugin that prints a token.
   */
  static exec(options: { readonly host: string; readonly clusterCaCertificate: string; readonly exec: ExecCredential }): ClusterConnection {
    requireAll(options, ['host', 'clusterCaCertificate', 'exec'], 'exec');
    if (!options.exec.apiVersion || !options.exec.command) {
      ProfileError.throw(incompleteExecCredential());
    }
    return new ClusterConnection({ ...options });
  }

  private constructor(public readonly settings: ConnectionSettings) {}
}

function requireAll(options: object, keys: readonly string[], kind: string): void {
  const missing = keys.filter((k) => !(options as Record<string, unknown>)[k]);
  if (missing.length > 0) {
    ProfileError.throw(connectionOptionsMissing(kind, missing, keys));
  }
}
