import { execFileSync } from 'child_process';
import { ProfileError } from '../errors';
import type { ExecCredential } from '../cluster/connection';
import { credentialPluginFailed, credentialPluginNoCredential } from '../diagnostics';

/** What a credential plugin returned: a token, or a client certificate and key. */
export interface ExecCredentialStatus {
  readonly token?: string;
  readonly clientCertificate?: string;
  readonly clientKey?: string;
}

/**
 * Runs a kubeconfig `exec` credential plugin (aws eks get-token, say) and reads the
 * ExecCredential it prints. Its output holds a credential, so a failure reports the command and
 * its exit status, never what it printed on stdout.
 */
export function runExecCredential(exec: ExecCredential, source: string): ExecCredentialStatus {
  let stdout: string;
  try {
    stdout = execFileSync(exec.command, [...(exec.args ?? [])], {
      env: { ...process.env, ...(exec.env ?? {}), KUBERNETES_EXEC_INFO: JSON.stringify({ apiVersion: exec.apiVersion, kind: 'ExecCredential', spec: { interactive: false } }) },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { status?: number; stderr?: string };
    const why = err.code === 'ENOENT' ? 'was not found on the PATH' : `failed (exit ${err.status ?? err.code}): ${String(err.stderr ?? '').trim().split('\n').slice(-1)[0] ?? ''}`;
    return ProfileError.throw(credentialPluginFailed(source, exec.command, why));
  }
  let status: Record<string, unknown> | undefined;
  try {
    status = (JSON.parse(stdout) as { status?: Record<string, unknown> }).status;
  } catch {
    status = undefined;
  }
  const text = (key: string) => (typeof status?.[key] === 'string' ? (status[key] as string) : undefined);
  const result = { token: text('token'), clientCertificate: text('clientCertificateData'), clientKey: text('clientKeyData') };
  if (!result.token && !(result.clientCertificate && result.clientKey)) {
    ProfileError.throw(credentialPluginNoCredential(source, exec.command, exec.apiVersion));
  }
  return result;
}
