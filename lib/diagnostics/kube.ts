import { Diagnostic } from '../errors';

function kubeConnection(path: string, message: string, fix: string): Diagnostic {
  return { code: 'KUBE_CONNECTION', path, message, fix };
}

/** A kubeconfig that cannot be read; `why` is the file system's code or message. */
export function kubeconfigUnreadable(path: string, why: string): Diagnostic {
  return kubeConnection(path, `cannot be read (${why})`, 'give the path of the kubeconfig Terraform uses (the variable behind config_path, e.g. TF_VAR_kubeconfig)');
}

/** A kubeconfig that is not YAML. */
export function kubeconfigNotYaml(path: string, problem: string): Diagnostic {
  return kubeConnection(path, `is not YAML: ${problem}`, 'give a kubeconfig file');
}

/** A kubeconfig without a current context, and none asked for. */
export function kubeconfigWithoutContext(path: string): Diagnostic {
  return kubeConnection(path, 'names no current-context and none was given', 'set config_context on the cluster connection, or current-context in the file');
}

/** A context the kubeconfig does not have. */
export function kubeconfigContextUnknown(path: string, context: string, contexts: readonly string[]): Diagnostic {
  return kubeConnection(path, `has no context "${context}"`, `use one of: ${contexts.join(', ') || '(none)'}`);
}

/** A kubeconfig context whose cluster has no server. */
export function kubeconfigClusterWithoutServer(path: string, context: string, cluster: string): Diagnostic {
  return kubeConnection(path, `context "${context}" names cluster "${cluster}", which has no server`, 'add the cluster with its server URL');
}

/** A file a kubeconfig names (a certificate, a key, a token file) that cannot be read. */
export function kubeconfigFileUnreadable(path: string, key: string, file: string): Diagnostic {
  return kubeConnection(path, `${key} ${file} cannot be read`, 'check the file exists and is readable');
}

/** A stack whose cdk.tf.json has no helm provider for the cluster. */
export function noHelmProvider(path: string, cluster: string): Diagnostic {
  return kubeConnection(path, `cdk.tf.json has no helm provider with alias "${cluster}"`, 'synthesize the stack again (npx cdktf synth)');
}

/** A provider field naming a Terraform variable that has no value. */
export function connectionVariableUnset(path: string, name: string): Diagnostic {
  return kubeConnection(path, `variable "${name}" has no value`, `set TF_VAR_${name} as for cdktf deploy`);
}

/** A provider field holding an expression that only the state can evaluate. */
export function connectionNeedsState(path: string): Diagnostic {
  return kubeConnection(path, 'is a Terraform expression that needs the state to evaluate', 'run where cdktf deploy runs, after a deploy, so terraform console can read the state');
}

/** Connection settings with neither a kubeconfig nor a host. */
export function connectionWithoutTarget(path: string): Diagnostic {
  return kubeConnection(path, 'has neither config_path nor host', 'give the cluster a ClusterConnection');
}

/** `terraform console` that failed to evaluate a connection expression. */
export function consoleFailed(path: string, exit: string | number): Diagnostic {
  return kubeConnection(
    path,
    `terraform console could not evaluate the connection (exit ${exit})`,
    'run terraform init in the stack folder, and deploy once so the state holds what the connection refers to',
  );
}

/** `terraform console` that printed no string. */
export function consolePrintedNothing(path: string): Diagnostic {
  return kubeConnection(path, 'terraform console printed no value for the connection', 'check the expression evaluates to a string');
}

/** A credential plugin that did not run; `why` says how it failed. */
export function credentialPluginFailed(path: string, command: string, why: string): Diagnostic {
  return kubeConnection(path, `the credential plugin "${command}" ${why}`, 'run the plugin by hand to check it works, or give a token or kubeconfig instead');
}

/** A credential plugin that printed no usable ExecCredential. */
export function credentialPluginNoCredential(path: string, command: string, apiVersion: string): Diagnostic {
  return kubeConnection(
    path,
    `the credential plugin "${command}" printed no ExecCredential with a token or a client certificate`,
    `check that it prints an ExecCredential of ${apiVersion} on stdout`,
  );
}

/** An API server address that is not an http(s) URL. */
export function serverNotHttp(path: string, server: string): Diagnostic {
  return kubeConnection(path, `server "${server}" is not an http(s) URL`, 'give the API server as https://host:port');
}

/** A failed API request: method, path, status (if any) and the server's message. */
export function kubeRequestFailed(path: string, method: string, requestPath: string, status: number | undefined, message: string): Diagnostic {
  const fix =
    status === 401 || status === 403
      ? 'check that the credentials of the cluster connection are current and allowed to read this object (RBAC)'
      : status === undefined
        ? 'check that the API server is reachable from here, and that the connection names the right server'
        : 'check the object and the server';
  return { code: 'KUBE_REQUEST', path, message: `${method} ${requestPath} ${status === undefined ? 'failed' : `answered ${status}`}: ${message}`, fix };
}
