import { execFileSync } from 'child_process';
import * as path from 'path';
import * as lib from '../lib';

/**
 * The modules lib/index.ts loads on first use, as getters (see there), and which of their values
 * the package exports: all of them, except read-document's helpers for the importer.
 */
const loadedOnFirstUse: ReadonlyArray<[string, readonly string[] | 'all']> = [
  ['../lib/policy/cluster-policy', 'all'],
  ['../lib/policy/require-pinned-versions', 'all'],
  ['../lib/policy/forbid-clear-text-secrets', 'all'],
  ['../lib/policy/require-namespaces', 'all'],
  ['../lib/policy/require-recoverable-releases', 'all'],
  ['../lib/policy/require-kubernetes-compatibility', 'all'],
  ['../lib/document/read-document', ['PROFILE_DOCUMENT_SCHEMA', 'readProfileDocument']],
  ['../lib/document/import-profile', 'all'],
  ['../lib/document/diff-profiles', 'all'],
];

describe('the package entry point', () => {
  it('exports every value of the modules it loads on first use', () => {
    const exported = lib as unknown as Record<string, unknown>;
    for (const [file, names] of loadedOnFirstUse) {
      const values = require(file) as Record<string, unknown>;
      for (const name of names === 'all' ? Object.keys(values) : names) {
        expect(values[name]).toBeDefined();
        expect({ name, value: exported[name] }).toEqual({ name, value: values[name] });
      }
    }
  });

  it('loads policies and profile documents only when one of them is used', () => {
    const script = [
      "const lib = require('./lib');",
      'const loaded = () => Object.keys(require.cache).filter((f) => /lib[\\\\/](policy|document[\\\\/](read-document|import-profile|diff-profiles))/.test(f)).length;',
      'const before = loaded();',
      'const used = typeof lib.RequirePinnedVersions;',
      'process.stdout.write(JSON.stringify({ before, used, after: loaded() }));',
    ].join('\n');
    const root = path.join(__dirname, '..');
    const output = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ before: 0, used: 'function', after: 2 });
  });
});
