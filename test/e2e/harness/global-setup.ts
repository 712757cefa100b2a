// Jest globalSetup of the e2e suite (jest.e2e.config.js). It runs once, in jest's own process,
// before any test file:
// - checks the provider mirror and prints the one line that says whether real deploys run or are
//   skipped (failing instead when E2E_REQUIRED=1). Printing it here says it exactly once per run,
//   however many provider-dependent test files there are;
// - creates the run directory and exports E2E_RUN_DIR, which every test file then shares, and
//   points TMPDIR inside it, so that the temporary files of every test process (cdktf's outdirs,
//   the providers' plugin sockets) go with it: the suite left 3 cdktf outdirs in /tmp per run;
// - checks that Terraform is there;
// - installs the exit hooks that stop leftover processes (the test sandbox cannot: see processes.ts).
import * as fs from 'node:fs';
import { installExitHooks } from './processes';
import { announceProviderMirror } from './provider-mirror';
import { runDir, runSubdir } from './run-dir';
import { requireTerraform, terraformEnv } from './terraform-env';

export default async function globalSetup(): Promise<void> {
  announceProviderMirror();
  // A stale E2E_RUN_DIR from the caller's shell would mix runs: always start a fresh one.
  delete process.env.E2E_RUN_DIR;
  const dir = runDir();
  process.env.TMPDIR = runSubdir('tmp');
  try {
    await requireTerraform(terraformEnv().env);
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true }); // jest skips globalTeardown when setup fails
    throw err;
  }
  installExitHooks();
}
