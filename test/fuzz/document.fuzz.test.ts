import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import * as fc from 'fast-check';
import {
  DirectoryRegistry,
  exportProfile,
  ImportProfileOptions,
  importProfile,
  PackCatalog,
  ProfileDocument,
  readProfileDocument,
  serializeProfileDocument,
  SensitiveValue,
} from '../../lib';
import { fixtureText, palettePacks, platformPacks, platformProfiles } from '../document/fixtures';
import { packFolder } from '../pack/fixtures';
import { anyText, jsonTree, longRun } from './arbitraries';
import { fuzz, FUZZ_TEST_TIMEOUT_MS, outcome, settles, silenceProcessWarnings } from './harness';
import { mutate, mutationSteps } from './mutate';

/** The fields of profile documents, so that mutations add known keys as often as random ones. */
const DOCUMENT_KEYS = [
  'apiVersion', 'kind', 'metadata', 'name', 'description', 'spec', 'version', 'template', 'type', 'packs', 'variables', 'layer', 'tag',
  'values', 'registry', 'manifests', 'content', 'x-cluster-profiles', 'repository', 'chart', 'oci', 'local', 'pack', 'namespace',
  'createNamespace', 'releaseName', 'priority', 'dependsOn', 'includePrerelease', 'protect', 'release', 'timeoutSeconds', 'format',
  'defaultValue', 'regex', 'required', 'hidden', 'immutable', 'isSensitive', 'displayName',
];

/** Strings a document's fields hold, so that mutations also write valid-looking values of the wrong field. */
const documentValue = fc.oneof(
  { arbitrary: fc.constantFrom(
    'spectro', 'helm', 'manifest', 'kubernetes', 'oci', 'infra', 'add-on', 'cluster', 'addon', 'os', 'k8s', 'cni', 'csi', '1.0.0', '1.x', '~1.2.0',
    '1.34.x', 'latest', 'https://charts.example.com', 'oci://ghcr.io/org/chart', 'examples/charts/demo-web', '../..', '(sensitive)', '(expression)',
    'a: 1\n', '- a\n', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n', '# spectrocloud.com/enabled-presets: MTU:jumbo,x\n', 'web', 'crds',
    'cache', 'redis', 'net', 'number', 'boolean', 'ipv4cidr', '(', 'cluster-profiles.dev/v1', 'ClusterProfile',
  ), weight: 3 },
  { arbitrary: jsonTree, weight: 3 },
  { arbitrary: anyText, weight: 2 },
);

interface Seed {
  readonly name: string;
  readonly document: ProfileDocument;
  readonly options: ImportProfileOptions;
}

let packDirectory: string;
let registry: DirectoryRegistry;
let seeds: Seed[];

beforeAll(() => {
  packDirectory = packFolder([...platformPacks, ...palettePacks]);
  registry = new DirectoryRegistry(packDirectory, 'test');
  const { infra, addons } = platformProfiles(new App());
  const domain = new TerraformVariable(new TerraformStack(new App(), 'tokens'), 'domain', { type: 'string' });
  seeds = [
    {
      name: 'add-on profile of every layer kind',
      document: exportProfile(addons),
      options: {
        sensitiveValues: { web: { password: SensitiveValue.fromVariable('web_password'), 'tokens[1]': SensitiveValue.fromVariable('second') } },
        expressions: { web: { host: domain.stringValue } },
      },
    },
    { name: 'infra profile', document: exportProfile(infra), options: {} },
    { name: 'Palette export', document: JSON.parse(fixtureText('palette-ml-ops.json')), options: {} },
  ];
});

afterAll(() => fs.rmSync(packDirectory, { recursive: true, force: true }));

/** A fresh app with a catalog over the test packs; its lockfile is never written (nothing is synthesized). */
function appWithCatalog(): App {
  const app = new App();
  new PackCatalog(app, 'packs', { registries: [registry], lockfile: path.join(packDirectory, 'never-written.lock.json') });
  return app;
}

/** Imports, and checks what must hold either way: nothing declared on failure; on success, export reads back to the same bytes. */
function importChecked(input: unknown, options: ImportProfileOptions): void {
  const app = appWithCatalog();
  const imported = outcome(() => importProfile(app, 'imported', input as ProfileDocument, options));
  if (!imported.ok) {
    expect(app.node.children.map((c) => c.node.id)).toEqual(['packs']);
    return;
  }
  const exported = outcome(() => serializeProfileDocument(exportProfile(imported.value)));
  if (!exported.ok) throw exported.error;
  const again = outcome(() => serializeProfileDocument(exportProfile(importProfile(appWithCatalog(), 'again', exported.value, options))));
  if (!again.ok) throw again.error;
  expect(again.value).toBe(exported.value);
}

describe('fuzz: profile documents', () => {
  silenceProcessWarnings();

  it('reads any JSON value or text as a document or fails with INVALID_DOCUMENT', () => {
    const input = fc.oneof(
      jsonTree,
      fc.jsonValue(),
      anyText,
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.constantFrom(undefined, '', '{', 'null', '[]'),
      // What only a document given as an object can hold: undefined, null prototypes, bigints, boxed values, Maps.
      fc.anything({ withNullPrototype: true, withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withObjectString: true, withSparseArray: true }),
    );
    fuzz(
      fc.property(input, (value) => {
        const read = outcome(() => readProfileDocument(value, 'fuzz.json'));
        if (!read.ok) expect([...new Set(read.error.diagnostics.map((d) => d.code))]).toEqual(['INVALID_DOCUMENT']);
      }),
      800,
    );
  }, FUZZ_TEST_TIMEOUT_MS);

  it('reads mutated documents, as objects and as text, or fails with INVALID_DOCUMENT', () => {
    fuzz(
      fc.property(fc.nat(), mutationSteps(DOCUMENT_KEYS, documentValue), fc.boolean(), (which, steps, asText) => {
        const document = mutate(seeds[which % seeds.length].document, steps);
        const read = outcome(() => readProfileDocument(asText ? JSON.stringify(document) : document));
        if (!read.ok) expect([...new Set(read.error.diagnostics.map((d) => d.code))]).toEqual(['INVALID_DOCUMENT']);
      }),
      600,
    );
  }, FUZZ_TEST_TIMEOUT_MS);

  it('reads documents with huge strings in any field within the case budget', () => {
    fuzz(
      fc.property(fc.nat(), mutationSteps(DOCUMENT_KEYS, longRun), (which, steps) => {
        const document = mutate(seeds[which % seeds.length].document, steps);
        settles(() => readProfileDocument(document));
      }),
      30,
    );
  }, FUZZ_TEST_TIMEOUT_MS);

  it('imports mutated documents or fails with a ProfileError, declaring nothing; what it imports exports and imports again to the same bytes', () => {
    fuzz(
      fc.property(fc.nat(), mutationSteps(DOCUMENT_KEYS, documentValue), fc.boolean(), (which, steps, asText) => {
        const seed = seeds[which % seeds.length];
        const document = mutate(seed.document, steps);
        importChecked(asText ? JSON.stringify(document) : document, seed.options);
      }),
      300,
    );
  }, FUZZ_TEST_TIMEOUT_MS);
});
