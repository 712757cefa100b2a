// Packages the example charts (examples/charts/<chart>) into the chart archives of the example
// packs (examples/packs/<pack>-<version>/charts/<chart>-<version>.tgz), deterministically, so
// the committed archives and the lockfile digests only change when a chart changes.
// Run: npx tsx scripts/build-example-packs.ts
import * as fs from 'fs';
import * as path from 'path';
import { writeArchive } from '../lib/pack/archive';

const root = path.join(__dirname, '..', 'examples');
const packs = path.join(root, 'packs');

function chartFiles(chartDir: string, chartName: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (relative: string): void => {
    for (const entry of fs.readdirSync(path.join(chartDir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else files.set(`${chartName}/${child}`, fs.readFileSync(path.join(chartDir, child)));
    }
  };
  walk('');
  return files;
}

for (const pack of fs.readdirSync(packs).sort()) {
  const manifestFile = path.join(packs, pack, 'pack.json');
  if (!fs.existsSync(manifestFile)) continue;
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  for (const chartPath of manifest.charts ?? []) {
    const match = /^charts\/(.+)-(\d+\.\d+\.\d+[^/]*)\.tgz$/.exec(chartPath);
    if (!match) throw new Error(`${pack}: chart path ${chartPath} is not charts/<chart>-<version>.tgz`);
    const [, chart, version] = match;
    const source = path.join(root, 'charts', chart);
    const files = chartFiles(source, chart);
    // The archive's Chart.yaml carries the pack's chart version.
    const chartYaml = files.get(`${chart}/Chart.yaml`)!.toString('utf8').replace(/^version: .*$/m, `version: ${version}`);
    files.set(`${chart}/Chart.yaml`, Buffer.from(chartYaml));
    const target = path.join(packs, pack, chartPath);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, writeArchive(files));
    console.log(`${pack}: ${chartPath}`);
  }
}
