// Jest globalTeardown of the e2e suite: stops any process a test left running (normally none:
// tests stop theirs in afterAll) and removes the run directory, unless E2E_KEEP=1 asks to keep
// it for a look at the synthesized stacks and the logs.
import * as fs from 'node:fs';
import { stopRecordedProcesses } from './processes';

export default async function globalTeardown(): Promise<void> {
  const dir = process.env.E2E_RUN_DIR;
  const leftovers = await stopRecordedProcesses();
  if (leftovers.length > 0) console.log(`e2e: stopped processes left running: ${leftovers.join(', ')}`);
  if (!dir) return;
  if (process.env.E2E_KEEP === '1') console.log(`e2e: kept the run directory ${dir} (E2E_KEEP=1)`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
