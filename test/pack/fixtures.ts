import * as fs from 'fs';
import * as path from 'path';
import { writeArchive } from '../../lib/pack';
import { tempDir } from '../helpers';

/** What a test pack holds; everything but name and version has a small default. */
export interface PackFixture {
  readonly name: string;
  readonly version: string;
  readonly layer?: string;
  /** values.yaml text. */
  readonly values?: string;
  /** Chart name to values.yaml text of the chart; each becomes charts/<chart>-<version>.tgz. */
  readonly charts?: Record<string, string>;
  /** Manifest file name to text; each becomes manifests/<file>. */
  readonly manifests?: Record<string, string>;
  readonly presets?: string;
  readonly schema?: string;
  readonly dependencies?: object[];
  /** Extra or replacing files, by relative path. */
  readonly files?: Record<string, string | Buffer>;
}

/** A Helm chart archive holding Chart.yaml, values.yaml and one ConfigMap template. */
export function chartArchive(chart: string, version: string, values = 'replicas: 1\n'): Buffer {
  return writeArchive(
    new Map([
      [`${chart}/Chart.yaml`, Buffer.from(`apiVersion: v2\nname: ${chart}\nversion: ${version}\n`)],
      [`${chart}/values.yaml`, Buffer.from(values)],
      [`${chart}/templates/cm.yaml`, Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n')],
    ]),
  );
}

/** The files of a pack, by relative path. */
export function packFiles(p: PackFixture): Map<string, Buffer> {
  const charts = Object.keys(p.charts ?? {});
  const manifests = Object.keys(p.manifests ?? {});
  const files = new Map<string, Buffer>();
  files.set(
    'pack.json',
    Buffer.from(
      JSON.stringify({
        name: p.name,
        displayName: p.name,
        version: p.version,
        layer: p.layer ?? 'addon',
        charts: charts.map((c) => `charts/${c}-${p.version}.tgz`),
        kubeManifests: manifests.map((m) => `manifests/${m}`),
        ...(p.dependencies ? { constraints: { dependencies: p.dependencies } } : {}),
      }),
    ),
  );
  files.set('values.yaml', Buffer.from(p.values ?? ''));
  for (const [chart, values] of Object.entries(p.charts ?? {})) files.set(`charts/${chart}-${p.version}.tgz`, chartArchive(chart, p.version, values));
  for (const [file, text] of Object.entries(p.manifests ?? {})) files.set(`manifests/${file}`, Buffer.from(text));
  if (p.presets) files.set('presets.yaml', Buffer.from(p.presets));
  if (p.schema) files.set('schema.yaml', Buffer.from(p.schema));
  for (const [file, content] of Object.entries(p.files ?? {})) files.set(file, Buffer.from(content));
  return files;
}

/** Writes packs as `<name>-<version>/` folders into a fresh temporary folder; returns it. */
export function packFolder(packs: readonly PackFixture[], directory = tempDir('packs-')): string {
  for (const p of packs) {
    for (const [file, content] of packFiles(p)) {
      const target = path.join(directory, `${p.name}-${p.version}`, file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    }
  }
  return directory;
}
