import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { TerraformDrift } from './drift-report';

/** What a terraform command did. */
export interface TerraformResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `terraform <args>` in a folder; tests pass a fake. */
export type TerraformRunner = (args: readonly string[], cwd: string) => Promise<TerraformResult>;

/** The `terraform` on the PATH, with the given environment, output captured. */
export function terraformOnPath(env: NodeJS.ProcessEnv = process.env): TerraformRunner {
  return (args, cwd) =>
    new Promise((resolve) => {
      const child = spawn('terraform', [...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.stderr.on('data', (c: Buffer) => err.push(c));
      child.on('error', (e) => resolve({ exitCode: 127, stdout: '', stderr: `terraform could not start: ${e.message}` }));
      child.on('close', (code) => resolve({ exitCode: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    });
}

/** `terraform init` when the stack folder was never initialized (cdktf deploy initializes it). */
async function ensureInit(stackDir: string, terraform: TerraformRunner): Promise<string | undefined> {
  if (fs.existsSync(path.join(stackDir, '.terraform'))) return undefined;
  const init = await terraform(['init', '-input=false', '-no-color'], stackDir);
  return init.exitCode === 0 ? undefined : `terraform init failed: ${firstError(init)}`;
}

/**
 * Terraform's own view of drift: `terraform plan -refresh-only -detailed-exitcode` (exit 0: no
 * change, 2: something changed outside Terraform, 1: error). The helm provider sees a release
 * deleted or upgraded by hand, not the objects inside it: that is what the object comparison adds.
 */
export async function terraformRefresh(stackDir: string, terraform: TerraformRunner): Promise<TerraformDrift> {
  const initError = await ensureInit(stackDir, terraform);
  if (initError) return { status: 'error', changed: [], error: initError };
  const result = await terraform(['plan', '-refresh-only', '-detailed-exitcode', '-input=false', '-no-color'], stackDir);
  if (result.exitCode === 0) return { status: 'in-sync', changed: [] };
  if (result.exitCode === 2) {
    const changed = [...result.stdout.matchAll(/^\s*# (\S+) has (?:changed|been deleted)/gm)].map((m) => m[1]);
    return { status: 'drifted', changed: [...new Set(changed)].sort() };
  }
  return { status: 'error', changed: [], error: `terraform plan -refresh-only failed: ${firstError(result)}` };
}

/** `terraform apply -replace=<address>...`: reinstalls exactly those releases. */
export async function terraformReplace(stackDir: string, addresses: readonly string[], terraform: TerraformRunner): Promise<string | undefined> {
  const initError = await ensureInit(stackDir, terraform);
  if (initError) return initError;
  const result = await terraform(['apply', '-auto-approve', '-input=false', '-no-color', ...addresses.map((a) => `-replace=${a}`)], stackDir);
  return result.exitCode === 0 ? undefined : `terraform apply failed: ${firstError(result)}`;
}

/** The first `Error:` line Terraform printed (it masks sensitive values), else its last line. */
function firstError(result: TerraformResult): string {
  const text = `${result.stderr}\n${result.stdout}`;
  const error = /Error: (.+)/.exec(text);
  if (error) return error[1].trim();
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  return lines[lines.length - 1] ?? `exit ${result.exitCode}`;
}
