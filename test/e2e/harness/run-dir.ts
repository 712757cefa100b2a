// The per-run scratch directory of the e2e suite: Terraform's CLI config and plugin cache,
// synthesized stacks, PostgreSQL data, logs and the records of the processes the suite started.
//
// globalSetup creates it and exports its path as E2E_RUN_DIR, so every test file (and any jest
// worker, which inherits the environment) shares it; globalTeardown removes it unless E2E_KEEP=1.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root (this file is test/e2e/harness/run-dir.ts). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The run directory, created on first use when globalSetup did not create one. */
export function runDir(): string {
  const existing = process.env.E2E_RUN_DIR;
  if (existing && fs.existsSync(existing)) return existing;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-profiles-e2e-'));
  // mkdtemp makes it 0700. PostgreSQL refuses to run as root, so when the suite runs as root the
  // server runs as the `postgres` user, which must be able to pass through here to its data dir.
  fs.chmodSync(dir, 0o711);
  process.env.E2E_RUN_DIR = dir;
  return dir;
}

/** A directory inside the run directory, created if missing. */
export function runSubdir(...parts: string[]): string {
  const dir = path.join(runDir(), ...parts);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
