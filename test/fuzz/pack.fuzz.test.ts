import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { App } from 'cdktf';
import * as fc from 'fast-check';
import * as YAML from 'yaml';
import { DirectoryRegistry, FullProfile, PackCatalog, ValueSource } from '../../lib';
import { readPack } from '../../lib/pack/pack';
import { parsePresets, presetValues } from '../../lib/pack/presets';
import { checkSchema, parseSchema } from '../../lib/pack/schema';
import { readArchive, writeArchive } from '../../lib/pack';
import { clusterIn, filesUnder, tempDir } from '../helpers';
import { packFiles, PackFixture } from '../pack/fixtures';
import { anyKey, anyText, jsonScalar, jsonTree, trickyKeys, valuesMap, yamlText } from './arbitraries';
import { fuzz, FUZZ_TEST_TIMEOUT_MS, outcome, settles, silenceProcessWarnings } from './harness';
import { mutate, MutationStep, mutationSteps } from './mutate';

/** A pack with every kind of file: two charts, a manifest, presets, a schema and dependencies. */
const basePack: PackFixture = {
  name: 'calico',
  version: '3.30.3',
  layer: 'cni',
  charts: { calico: 'mtu: 1450\n', 'calico-ui': 'replicas: 1\n' },
  manifests: { 'config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n' },
  values: 'pack:\n  namespace: calico\n  releaseNameOverride:\n    calico: cni\n  spectrocloud.com/install-priority: "5"\ncharts:\n  calico:\n    mtu: 1450\n',
  presets: 'presets:\n  - name: jumbo\n    group: MTU\n    remove: [charts.calico.mtu]\n    add: |\n      charts:\n        calico:\n          mtu: 8950\n',
  schema: 'charts.calico.mtu:\n  schema: \'{{ required | format "${number:[576-9000]}" }}\'\n',
  dependencies: [{ packName: 'kubernetes', layer: 'k8s', minVersion: '1.30.0', type: 'required' }],
};

/** The fields of pack.json and of the values' pack: section. */
const PACK_KEYS = [
  'name', 'displayName', 'version', 'layer', 'addonType', 'charts', 'kubeManifests', 'constraints', 'dependencies', 'packName', 'minVersion',
  'maxVersion', 'type', 'namespace', 'releaseNameOverride', 'spectrocloud.com/install-priority', 'spectrocloud.com/display-name',
  'additionalNamespaces', 'namespaceLabels', 'namespaceAnnotations',
];

const packValue = fc.oneof(
  { arbitrary: fc.constantFrom('addon', 'k8s', 'os', 'cni', 'required', 'optional', 'notSupported', '1.0.0', '3.30.3', 'v1', './charts/calico-3.30.3.tgz', '../pack.json', 'values.yaml', 'pack.json', '/etc/passwd', 'calico'), weight: 3 },
  { arbitrary: jsonScalar, weight: 3 },
  { arbitrary: jsonTree, weight: 2 },
);

/** A header field's new text, written whole and NUL-terminated: sizes around the block size, types, hostile names. */
const fieldText = fc.oneof(
  fc.integer({ min: -1100, max: 1100 }).map((n) => (n < 0 ? `-${(-n).toString(8)}` : n.toString(8))),
  fc.constantFrom('77777777777', '00000000000', '', ' ', 'zz', '8', '1e3', '0x10', 'L', 'x', '0', '1', '2', '5', '7', 'K', 'g', '../../x', '/abs', 'a/../../b', 'a\\..\\b', '.', '..'),
  fc.string({ maxLength: 12 }),
);

/** Edits of a tar: whole fields of a header block (`header` picks one of them), or random bytes anywhere. */
const tarEdits = fc.array(
  fc.oneof(
    fc.record({ header: fc.nat(), field: fc.constantFrom(0, 100, 124, 124, 124, 148, 156, 156, 257, 345), bytes: fieldText.map((t) => Buffer.from(`${t}\0`)) }),
    fc.record({ header: fc.constant(undefined), field: fc.nat({ max: 12_000 }), bytes: fc.uint8Array({ minLength: 1, maxLength: 12 }).map((b) => Buffer.from(b)) }),
  ),
  { minLength: 1, maxLength: 4 },
);

/** Offsets of the header blocks of a well-formed tar. */
function headerOffsets(tar: Buffer): number[] {
  const offsets: number[] = [];
  for (let offset = 0; offset + 512 <= tar.length && !tar.subarray(offset, offset + 512).every((b) => b === 0); ) {
    offsets.push(offset);
    offset += 512 + Math.ceil(parseInt(tar.toString('latin1', offset + 124, offset + 135), 8) / 512) * 512;
  }
  return offsets;
}

/** A path of an archive entry: mostly plain segments, sometimes `..`, empty, absolute, huge or odd. */
const entryName = fc
  .array(
    fc.oneof(
      { arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,15}$/), weight: 6 },
      { arbitrary: fc.constantFrom('..', '.', '', 'é', '😀', 'a\\b', 'x'.repeat(120), 'ü'.repeat(60), 'a\u0000b'), weight: 2 },
      { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
    ),
    { minLength: 1, maxLength: 5 },
  )
  .chain((segments) => fc.constantFrom(segments.join('/'), `/${segments.join('/')}`, `./${segments.join('/')}`));

/** Whether readArchive keeps `name` as it is: relative, plain segments, nothing it rewrites. */
function keptAsIs(name: string): boolean {
  return name.split('/').every((s) => s !== '' && s !== '.' && s !== '..' && !s.includes('\\') && !s.includes('\0'));
}

/** Mostly `valid`, sometimes `invalid`, sometimes missing (undefined, which YAML.stringify leaves out). */
function mostly<T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.option(fc.oneof({ arbitrary: valid, weight: 8 }, { arbitrary: invalid, weight: 1 }), { nil: undefined, freq: 12 });
}

/** A value path of a preset's `remove`, some through keys objects inherit. */
const removePath = fc.oneof(
  fc.constantFrom('charts.calico.mtu', 'a.b', '__proto__.toString', '__proto__.polluted', 'constructor.prototype.x', 'a.__proto__.b', 'toString'),
  fc.array(fc.oneof(fc.constantFrom(...trickyKeys), fc.stringMatching(/^[a-z]{1,4}$/)), { minLength: 1, maxLength: 3 }).map((keys) => keys.join('.')),
);

/** presets.yaml text built from presets whose fields are mostly valid, sometimes missing, mistyped or tricky. */
const presetsText = fc
  .array(
    fc.record({
      name: mostly(fc.oneof(fc.constantFrom('jumbo', 'small', 'native'), fc.stringMatching(/^[a-z-]{1,8}$/)), fc.oneof(anyKey, jsonScalar)),
      group: mostly(fc.constantFrom('MTU', 'Mode', 'x'), fc.oneof(anyKey, jsonScalar)),
      displayName: fc.option(fc.oneof(anyText, jsonTree), { nil: undefined }),
      remove: mostly(fc.array(removePath, { maxLength: 3 }), fc.oneof(jsonScalar, fc.array(jsonScalar, { maxLength: 2 }))),
      add: mostly(fc.oneof(valuesMap, valuesMap.map((v) => YAML.stringify(v))), fc.oneof(yamlText, jsonScalar)),
    }),
    { maxLength: 4 },
  )
  .chain((presets) => fc.constantFrom(YAML.stringify({ presets }), YAML.stringify({ presets }), YAML.stringify(presets), YAML.stringify({ presets: presets[0] ?? null })));

/** A format of a schema rule: placeholders with constraints, some valid, some not. */
const schemaFormat = fc
  .array(
    fc.oneof(
      fc.tuple(
        fc.constantFrom('string', 'number', 'boolean', 'password', 'list', 'ipv4', 'version', 'hints', 'colour'),
        fc.option(fc.constantFrom('[a-z]+', '^[a-z0-9-]+$', '[576-9000]', '[-5-5]', '[a-b]', '[A,B,C]', '[]', '', '[', '(', ')', '(?<p0>x)', '\\', 'a{2', '+', '*?', '\\d{1,3}', '(?=x)'), { nil: undefined }),
      ).map(([type, constraint]) => (constraint === undefined ? `\${${type}}` : `\${${type}:${constraint}}`)),
      fc.constantFrom('/', ' - ', '.', 'x', '${', '}', '$'),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((parts) => parts.join(''));

/** schema.yaml text: value paths to `{{ rule | rule }}` expressions, with odd paths and rules. */
const schemaText = fc
  .dictionary(
    fc.oneof(fc.constantFrom('a', 'a.b', 'charts.calico.mtu', 'list.$[].name', 'x.$[]', '__proto__', 'constructor', 'toString'), anyKey),
    fc.oneof(
      { arbitrary: fc.array(fc.oneof(fc.constantFrom('required', 'readonly', 'unknown', 'format', 'hints "text"', 'hints "a\\"b"', ''), schemaFormat.map((f) => `format "${f}"`)), { maxLength: 3 }).map((rules) => ({ schema: `{{ ${rules.join(' | ')} }}` })), weight: 6 },
      { arbitrary: fc.oneof(jsonScalar, anyText.map((schema) => ({ schema }))), weight: 1 },
    ),
    { maxKeys: 4, noNullPrototype: true },
  )
  .map((rules) => YAML.stringify(rules));

/** A values.yaml whose `pack:` section is mostly valid: namespace, release names, priority, display name. */
const packValuesText = fc
  .record({
    namespace: mostly(fc.constantFrom('calico', 'kube-system', 'net-1'), fc.oneof(anyKey, jsonScalar)),
    releaseNameOverride: mostly(fc.dictionary(fc.constantFrom('calico', 'calico-ui', 'config', 'constructor', 'toString'), fc.constantFrom('cni', 'ui', 'Bad_Name')), jsonTree),
    'spectrocloud.com/install-priority': mostly(fc.constantFrom('5', '-10', '0'), fc.oneof(anyText, jsonScalar)),
    'spectrocloud.com/display-name': mostly(fc.constantFrom('cni', 'net'), fc.oneof(anyKey, jsonScalar)),
    additionalNamespaces: mostly(fc.constantFrom('a,b', 'x'), fc.oneof(jsonTree, fc.array(jsonScalar, { maxLength: 2 }))),
    namespaceLabels: mostly(fc.constantFrom({ calico: 'a=b' }, { calico: 'a=b,c=d' }), jsonTree),
  })
  .chain((pack) => fc.constantFrom(YAML.stringify({ pack }), YAML.stringify({ pack, charts: { calico: { mtu: 1450 } } })));

/** One change to the files of a pack. */
type PackMutation =
  | { readonly kind: 'pack.json'; readonly steps: MutationStep[] }
  | { readonly kind: 'replace'; readonly file: string; readonly text: string | undefined }
  | { readonly kind: 'remove'; readonly index: number }
  | { readonly kind: 'add'; readonly file: string; readonly content: Uint8Array };

const packMutation: fc.Arbitrary<PackMutation> = fc.oneof(
  mutationSteps(PACK_KEYS, packValue).map((steps) => ({ kind: 'pack.json' as const, steps })),
  fc.oneof(anyText, fc.jsonValue().map((v) => JSON.stringify(v))).map((text) => ({ kind: 'replace' as const, file: 'pack.json', text })),
  fc.oneof(packValuesText, packValuesText, yamlText, anyText).map((text) => ({ kind: 'replace' as const, file: 'values.yaml', text })),
  fc.oneof(presetsText, presetsText, yamlText, fc.constant(undefined)).map((text) => ({ kind: 'replace' as const, file: 'presets.yaml', text })),
  fc.oneof(schemaText, schemaText, yamlText, fc.constant(undefined)).map((text) => ({ kind: 'replace' as const, file: 'schema.yaml', text })),
  fc.nat().map((index) => ({ kind: 'remove' as const, index })),
  fc.tuple(fc.oneof(anyKey, fc.constantFrom('charts/x.tgz', 'manifests/a.yaml', 'pack.json ')), fc.uint8Array({ maxLength: 64 })).map(([file, content]) => ({ kind: 'add' as const, file, content })),
);

/** A file's JSON, or undefined when an earlier mutation made it something else. */
function jsonOf(file: Buffer | undefined): unknown {
  try {
    return file === undefined ? undefined : JSON.parse(file.toString());
  } catch {
    return undefined;
  }
}

/** The files of the base pack after up to three mutations. */
const mutatedPackFiles: fc.Arbitrary<Map<string, Buffer>> = fc.array(packMutation, { maxLength: 3 }).map((mutations) => {
  const files = packFiles(basePack);
  for (const m of mutations) {
    if (m.kind === 'pack.json') {
      const manifest = jsonOf(files.get('pack.json'));
      if (manifest !== undefined) files.set('pack.json', Buffer.from(JSON.stringify(mutate(manifest, m.steps))));
    }
    else if (m.kind === 'replace' && m.text === undefined) files.delete(m.file);
    else if (m.kind === 'replace') files.set(m.file, Buffer.from(m.text!));
    else if (m.kind === 'remove') files.delete([...files.keys()][m.index % files.size]);
    else files.set(m.file, Buffer.from(m.content));
  }
  return files;
});

/** Values holding something at each rule's path, so that formats are checked. */
function valuesFor(paths: readonly string[], leaves: readonly unknown[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  paths.forEach((p, i) => {
    let node: Record<string, unknown> = values;
    const keys = p.split('.').map((k) => (k === '$[]' ? '0' : k));
    keys.slice(0, -1).forEach((k) => {
      if (typeof node[k] !== 'object' || node[k] === null || !Object.prototype.hasOwnProperty.call(node, k)) {
        Object.defineProperty(node, k, { value: {}, enumerable: true, writable: true, configurable: true });
      }
      node = node[k] as Record<string, unknown>;
    });
    Object.defineProperty(node, keys[keys.length - 1], { value: leaves[i % Math.max(1, leaves.length)], enumerable: true, writable: true, configurable: true });
  });
  return values;
}

/** Writes a pack as a folder, or as a `.tgz` beside where the folder would be; files that would leave it are left out. */
function writePack(folder: string, files: ReadonlyMap<string, Buffer>, archived: boolean): void {
  fs.mkdirSync(path.dirname(folder), { recursive: true });
  if (archived) {
    fs.writeFileSync(`${folder}.tgz`, writeArchive(new Map([...files].map(([file, content]) => [`${path.basename(folder)}/${file}`, content]))));
    return;
  }
  for (const [file, content] of files) {
    const target = path.resolve(folder, file);
    if (!target.startsWith(`${path.resolve(folder)}${path.sep}`) || file.endsWith('/') || file.includes('\0')) continue;
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content, { flag: 'wx' });
    } catch {
      // A name the file system cannot hold beside the others (a file where a folder is): leave it out.
    }
  }
}

describe('fuzz: packs', () => {
  silenceProcessWarnings();

  it('reads any bytes, gzipped or not, as an archive or fails with PACK_ARCHIVE_INVALID', () => {
    fuzz(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), (bytes, gzipped) => {
        const error = settles(() => readArchive(gzipped ? zlib.gzipSync(bytes) : Buffer.from(bytes), 'fuzz.tgz'));
        if (error) expect(error.code).toBe('PACK_ARCHIVE_INVALID');
      }),
      300,
    );
  }, FUZZ_TEST_TIMEOUT_MS);

  it('reads archives with edited headers or truncated, or fails with PACK_ARCHIVE_INVALID', () => {
    const tar = zlib.gunzipSync(writeArchive(new Map([...packFiles(basePack), [`${'deep/'.repeat(25)}long-name.yaml`, Buffer.from('a: 1\n')]])));
    const headers = headerOffsets(tar);
    fuzz(
      fc.property(tarEdits, fc.option(fc.nat({ max: tar.length }), { nil: undefined }), (edits, cut) => {
        const edited = Buffer.from(tar);
        for (const e of edits) e.bytes.copy(edited, Math.min(edited.length - 1, e.header === undefined ? e.field : headers[e.header % headers.length] + e.field));
        const error = settles(() => readArchive(zlib.gzipSync(cut === undefined ? edited : edited.subarray(0, cut)), 'fuzz.tgz'));
        if (error) expect(error.code).toBe('PACK_ARCHIVE_INVALID');
      }),
      500,
    );
  }, FUZZ_TEST_TIMEOUT_MS);

  it('reads back the archives it writes, and refuses entries that leave the folder', () => {
    fuzz(
      fc.property(fc.uniqueArray(fc.tuple(entryName, fc.uint8Array({ maxLength: 1100 })), { maxLength: 5, selector: ([name]) => name }), (entries) => {
        const files = new Map(entries.map(([name, content]) => [name, Buffer.from(content)]));
        const archive = outcome(() => writeArchive(files));
        if (!archive.ok) throw archive.error;
        const read = outcome(() => readArchive(archive.value, 'fuzz.tgz'));
        if (!read.ok) {
          expect(read.error.code).toBe('PACK_ARCHIVE_INVALID');
          expect([...files.keys()].some((name) => name.startsWith('/') || name.replace(/\\/g, '/').split('/').includes('..'))).toBe(true);
        } else if ([...files.keys()].every(keptAsIs)) {
          expect(new Map([...read.value].sort())).toEqual(new Map([...files].sort()));
        }
      }),
      200,
    );
  }, FUZZ_TEST_TIMEOUT_MS);

  it('reads mutated packs or fails with a ProfileError', () => {
    fuzz(
      fc.property(mutatedPackFiles, (files) => {
        settles(() => readPack(files, 'fuzz/calico-3.30.3'));
      }),
      400,
    );
  }, FUZZ_TEST_TIMEOUT_MS);

  it('parses presets and applies any choice of them, or fails with a ProfileError', () => {
    fuzz(
      fc.property(fc.oneof({ arbitrary: presetsText, weight: 4 }, { arbitrary: yamlText, weight: 1 }), fc.array(fc.oneof(fc.nat(), anyKey), { maxLength: 3 }), (text, picks) => {
        const presets = outcome(() => parsePresets(text, 'fuzz/presets.yaml'));
        if (!presets.ok) return;
        // Mostly presets the file defines (a number picks one), sometimes names it does not.
        const names = presets.value.map((p) => p.name);
        const chosen = picks.map((pick) => (typeof pick === 'number' && names.length > 0 ? names[pick % names.length] : String(pick)));
        settles(() => presetValues(presets.value, chosen, 'fuzz/layer'));
      }),
      400,
    );
  }, FUZZ_TEST_TIMEOUT_MS);

  it('parses schemas and checks any values against them, or fails with a ProfileError', () => {
    const sources: ValueSource[] = ['pack', 'preset', 'layer', 'profile', 'cluster'];
    fuzz(
      fc.property(fc.oneof({ arbitrary: schemaText, weight: 4 }, { arbitrary: yamlText, weight: 1 }), fc.array(fc.oneof(jsonScalar, jsonTree), { maxLength: 4 }), fc.nat(), (text, leaves, source) => {
        const rules = outcome(() => parseSchema(text, 'fuzz/schema.yaml'));
        if (!rules.ok) return;
        const values = valuesFor(rules.value.map((r) => r.path), leaves);
        const provenance = Object.fromEntries(rules.value.map((r, i) => [r.path, sources[(source + i) % sources.length]]));
        const checked = outcome(() => checkSchema(rules.value, values, provenance, 'fuzz/layer'));
        if (!checked.ok) throw checked.error;
        expect(checked.value.every((d) => d.code === 'SCHEMA_VIOLATION')).toBe(true);
      }),
      400,
    );
  }, FUZZ_TEST_TIMEOUT_MS);

  it('synthesizes mutated packs from a registry, or fails with a ProfileError and writes nothing, not even the lockfile', () => {
    const root = tempDir('fuzz-packs-');
    try {
      let n = 0;
      fuzz(
        fc.property(mutatedPackFiles, fc.boolean(), (files, archived) => {
          const directory = path.join(root, String(n++));
          writePack(path.join(directory, 'calico-3.30.3'), files, archived);
          const outdir = path.join(directory, 'out');
          const lockfile = path.join(directory, 'lock.json');
          const app = new App({ outdir });
          new PackCatalog(app, 'packs', { registries: [new DirectoryRegistry(directory, 'fuzz')], lockfile });
          const full = new FullProfile(app, 'full', { version: '1.0.0' });
          full.addManifestLayer('os', { role: 'os' });
          full.addKubernetesLayer('k8s', { version: '1.34.x' });
          full.addManifestLayer('csi', { role: 'csi' });
          const error = settles(() => {
            full.addPackLayer('cni', { pack: 'calico', version: '3.x', presets: ['jumbo'] });
            clusterIn(app, { profiles: [full] });
            app.synth();
          });
          if (error) {
            expect(filesUnder(outdir)).toEqual([]);
            expect(fs.existsSync(lockfile)).toBe(false);
          }
        }),
        80,
      );
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, FUZZ_TEST_TIMEOUT_MS);
});
