import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
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
 *
 * On exit 2 the saved plan is read (`terraform show -json`) and its `resource_drift` compared
 * attribute by attribute: bookkeeping the API server bumps on its own (a namespace's
 * `resource_version`, `generation`, `uid`) is no drift, or every namespace the kubernetes
 * provider manages would drift whenever a controller touches it. The plan file holds the same
 * secrets as the state; it lives in a private temporary folder, is read in memory, and is deleted.
 */
export async function terraformRefresh(stackDir: string, terraform: TerraformRunner): Promise<TerraformDrift> {
  const initError = await ensureInit(stackDir, terraform);
  if (initError) return { status: 'error', changed: [], error: initError };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-profiles-drift-'));
  const planFile = path.join(dir, 'refresh.tfplan');
  try {
    const result = await terraform(['plan', '-refresh-only', '-detailed-exitcode', '-input=false', '-no-color', `-out=${planFile}`], stackDir);
    if (result.exitCode === 0) return { status: 'in-sync', changed: [] };
    if (result.exitCode !== 2) return { status: 'error', changed: [], error: `terraform plan -refresh-only failed: ${firstError(result)}` };
    const shown = await terraform(['show', '-json', planFile], stackDir);
    if (shown.exitCode !== 0) return { status: 'error', changed: [], error: `terraform show -json failed: ${firstError(shown)}` };
    const resources = driftedResources(JSON.parse(shown.stdout) as PlanJson);
    if (resources.length === 0) return { status: 'in-sync', changed: [] };
    return { status: 'drifted', changed: resources.map((r) => r.address), attributes: Object.fromEntries(resources.map((r) => [r.address, r.attributes])) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The part of `terraform show -json <plan>` read here. */
interface PlanJson {
  readonly resource_drift?: ReadonlyArray<{ readonly address: string; readonly change: { readonly actions: readonly string[]; readonly before?: unknown; readonly after?: unknown } }>;
}

/** Attributes the API server changes by itself, at any depth: never drift. */
const BOOKKEEPING = new Set(['resource_version', 'generation', 'uid']);

/**
 * Resources deleted or changed outside Terraform, bookkeeping left out, sorted by address: each
 * with the attributes that changed (paths only; their values may be sensitive), or `(deleted)`.
 */
export function driftedResources(plan: PlanJson): Array<{ address: string; attributes: string[] }> {
  const found = new Map<string, string[]>();
  for (const d of plan.resource_drift ?? []) {
    const attributes = d.change.actions.includes('delete') ? ['(deleted)'] : changedPaths(d.change.before, d.change.after, '');
    if (attributes.length > 0) found.set(d.address, [...(found.get(d.address) ?? []), ...attributes]);
  }
  return [...found.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([address, attributes]) => ({ address, attributes }));
}

function changedPaths(before: unknown, after: unknown, at: string): string[] {
  // An attribute the state holds as null and refresh reads as {} (a namespace created without
  // annotations, with kubernetes provider 2.38) is no change: a normal plan does not show it.
  if (isEmpty(before) && isEmpty(after)) return [];
  const isContainer = (x: unknown) => typeof x === 'object' && x !== null;
  if (!isContainer(before) || !isContainer(after) || Array.isArray(before) !== Array.isArray(after)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [at || '(root)'];
  }
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => !BOOKKEEPING.has(k)).flatMap((k) => changedPaths(a[k], b[k], at ? `${at}.${k}` : k));
}

function isEmpty(x: unknown): boolean {
  return x === null || x === undefined || (Array.isArray(x) && x.length === 0) || (typeof x === 'object' && Object.keys(x as object).length === 0);
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
