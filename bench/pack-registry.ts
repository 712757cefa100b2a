/**
 * The registry the `packs check` benchmark checks: {@link REGISTRY_PACKS} packs written into a
 * folder, shaped like Spectro Cloud's public registry (our own packs, of the shapes
 * test/pack/real-pack-shapes.test.ts covers): folders that do not carry the pack's name and
 * version, Palette versions such as `24.04` and `v1.1.0` beside semver, infra packs (CNI, CSI)
 * and add-ons that require them, Kubernetes ranges, presets, and a few packs that need input (a
 * required value left empty, a required pack the registry lacks).
 */
import * as fs from 'fs';
import * as path from 'path';
import { writeArchive } from '../lib/pack/archive';

/** What the check must find in the registry of `packs` packs, or the benchmark measured other work. */
export interface ExpectedCounts {
  readonly ok: number;
  readonly needsInput: number;
}

/** Every 37th pack needs a value (a CNI among them), every 53rd add-on a pack the registry lacks. */
const needsValue = (p: number) => p % 37 === 5;
const needsPack = (p: number) => p % 53 === 7;
/** Packs 0-9 are CNIs, 10-19 CSIs, the rest add-ons. */
const layerOf = (p: number) => (p < 10 ? 'cni' : p < 20 ? 'csi' : 'addon');

const nameOf = (p: number) => `${layerOf(p)}-${String(p).padStart(3, '0')}`;

/** Palette's version shapes: `24.04`, `v1.1.0`, `1.5`, and semver. */
function versionOf(p: number): string {
  switch (p % 4) {
    case 0:
      return `${20 + (p % 5)}.04`;
    case 1:
      return `v1.${p % 7}.0`;
    case 2:
      return `1.${p % 9}`;
    default:
      return `2.${p % 11}.${p % 3}`;
  }
}

/** Folder names as the public registry has them: rarely `<name>-<version>`. */
function folderOf(p: number): string {
  switch (p % 3) {
    case 0:
      return `${nameOf(p)}-${versionOf(p)}`;
    case 1:
      return `${nameOf(p).replace('-', '_')}_pack`;
    default:
      return `${nameOf(p)}-${versionOf(p).replace(/^v/, '')}-5.5.2026`;
  }
}

function chart(name: string, version: string): Buffer {
  return writeArchive(
    new Map([
      [`${name}/Chart.yaml`, Buffer.from(`apiVersion: v2\nname: ${name}\nversion: ${version}\n`)],
      [`${name}/values.yaml`, Buffer.from('replicaCount: 1\nimage:\n  repository: registry.example.com/app\n  tag: "1.0"\n')],
      [`${name}/templates/cm.yaml`, Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n')],
    ]),
  );
}

function packFiles(p: number): Map<string, Buffer | string> {
  const name = nameOf(p);
  const version = versionOf(p);
  const layer = layerOf(p);
  const charts = p % 5 === 0 ? [name, `${name}-crds`] : [name];
  const dependencies: object[] = [{ packName: 'kubernetes', layer: 'k8s', minVersion: '1.28', maxVersion: p % 2 === 0 ? '' : '1.35', type: 'optional' }];
  // Add-ons require a CSI of the registry (by a two-part Palette version bound), or a missing pack.
  if (layer === 'addon' && p % 6 === 0) dependencies.push({ packName: nameOf(10 + (p % 10)), layer: 'csi', minVersion: '1.0', type: 'required' });
  if (layer === 'addon' && needsPack(p)) dependencies.push({ packName: 'absent-operator', layer: 'addon', type: 'required' });
  const files = new Map<string, Buffer | string>();
  files.set(
    'pack.json',
    JSON.stringify({
      name,
      displayName: name,
      version,
      layer,
      addonType: layer === 'addon' ? 'monitoring' : layer,
      charts: charts.map((c) => `charts/${c}-${version.replace(/^v/, '')}.tgz`),
      constraints: { dependencies },
    }),
  );
  const sections = charts.map((c) => `  ${c}:\n    replicaCount: ${1 + (p % 3)}\n    labels:\n      team: team-${p % 4}\n${needsValue(p) && c === name ? '    apiKey: ""\n' : ''}`);
  files.set('values.yaml', `pack:\n  namespace: "${name}-system"\n  releaseNameOverride:\n    ${name}: ${name}\ncharts:\n${sections.join('')}`);
  if (needsValue(p)) files.set('schema.yaml', `charts.${name}.apiKey:\n  schema: '{{ required | format "\${password}" }}'\n`);
  if (p % 7 === 0) {
    files.set('presets.yaml', `presets:\n  - name: ha\n    displayName: High availability\n    group: Availability\n    add: |\n      charts:\n        ${name}:\n          replicaCount: 3\n    remove: []\n`);
  }
  for (const c of charts) files.set(`charts/${c}-${version.replace(/^v/, '')}.tgz`, chart(c, version.replace(/^v/, '')));
  return files;
}

/** Writes the registry of `packs` packs into `directory` (which must exist); returns what the check must find. */
export function writePackRegistry(directory: string, packs: number): ExpectedCounts {
  let needsInput = 0;
  for (let p = 0; p < packs; p++) {
    if (needsValue(p) || (layerOf(p) === 'addon' && needsPack(p))) needsInput++;
    for (const [file, content] of packFiles(p)) {
      const target = path.join(directory, folderOf(p), file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    }
  }
  return { ok: packs - needsInput, needsInput };
}
