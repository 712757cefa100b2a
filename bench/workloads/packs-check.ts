// `packs check` benchmark: checkPackRegistry over a registry of `packs` packs that construction
// writes into a temporary folder (bench/pack-registry.ts); the timed second phase checks it.
// Fails unless the check finds what the registry holds (so a regression that refuses packs, or
// skips them, does not pass for a speed-up).
import { arg, run } from './harness'; // first: marks where imports start
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkPackRegistry, PackCheckReport } from '../../lib/pack/check-registry';
import { ExpectedCounts, writePackRegistry } from '../pack-registry';

const packs = Number(arg('packs'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-bench-packs-'));
let expected: ExpectedCounts | undefined;
let report: PackCheckReport | undefined;
try {
  run(
    () => {
      expected = writePackRegistry(work, packs);
      return work;
    },
    (folder) => {
      report = checkPackRegistry(folder);
    },
  );
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
const found = report!.counts;
if (report!.results.length !== packs || found.ok !== expected!.ok || found['needs-input'] !== expected!.needsInput) {
  const failed = report!.results.filter((r) => r.outcome !== 'ok' && r.outcome !== 'needs-input');
  const first = failed[0] ?? report!.results.find((r) => r.outcome === 'needs-input');
  process.stderr.write(
    `packs check found ${JSON.stringify(found)} in ${report!.results.length} entries, expected ${JSON.stringify(expected)}; ` +
      `first: ${JSON.stringify(first)?.slice(0, 1500)}\n`,
  );
  process.exit(1);
}
