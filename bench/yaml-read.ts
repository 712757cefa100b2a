/**
 * How long parseYamlDocuments takes over every values.yaml under a folder, with the plain reader
 * first (as the library runs) and through the yaml library alone:
 *   npx tsx bench/yaml-read.ts <folder> [rounds=5]
 * Each way runs in a process of its own, so the first round includes loading what it needs (the
 * yaml library, for the second); the later rounds give the median of a warm process.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';

const [folder, roundsArgument] = process.argv.slice(2);
const mode = process.env.YAML_READ_MODE;

function valuesFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    return e.isDirectory() ? valuesFiles(file) : e.name === 'values.yaml' ? [file] : [];
  });
}

function measure(): void {
  const texts = valuesFiles(folder).map((f) => [f, fs.readFileSync(f, 'utf8')] as const);
  const rounds: number[] = [];
  for (let round = 0; round < Number(roundsArgument ?? 5); round++) {
    const start = performance.now();
    // Required here, so that the first round pays for loading the module and what it loads.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const yaml = require('../lib/values/yaml') as typeof import('../lib/values/yaml');
    const parse = mode === 'library' ? yaml.parseYamlDocumentsWithLibrary : yaml.parseYamlDocuments;
    for (const [file, text] of texts) parse(text, file);
    rounds.push(performance.now() - start);
  }
  const warm = rounds.slice(1).sort((a, b) => a - b);
  const median = warm.length ? warm[Math.floor(warm.length / 2)] : NaN;
  const loaded = Object.keys(require.cache).some((f) => /node_modules[\\/]yaml[\\/]/.test(f));
  process.stdout.write(`${mode}: files=${texts.length} first_ms=${rounds[0].toFixed(1)} warm_median_ms=${median.toFixed(1)} yaml_loaded=${loaded}\n`);
}

if (mode) {
  measure();
} else {
  for (const way of ['plain', 'library']) {
    process.stdout.write(execFileSync(process.execPath, ['--require', 'tsx/cjs', __filename, folder, roundsArgument ?? '5'], { env: { ...process.env, YAML_READ_MODE: way }, encoding: 'utf8' }));
  }
}
