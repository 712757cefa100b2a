import * as lib from '../lib';

/**
 * Modules whose values the package exports: all of them, except read-document's helpers for the
 * importer and the policies' internal helpers. ESM imports of every name are checked on the
 * packed tarball (scripts/check-package.sh).
 */
const exportedModules: ReadonlyArray<[string, readonly string[] | 'all']> = [
  ['../lib/policy/cluster-policy', ['ClusterPolicy']],
  ['../lib/policy/require-pinned-versions', 'all'],
  ['../lib/policy/forbid-clear-text-secrets', ['ForbidClearTextSecrets', 'SECRET_KEY_PATTERN']],
  ['../lib/policy/require-namespaces', 'all'],
  ['../lib/policy/require-recoverable-releases', 'all'],
  ['../lib/policy/require-kubernetes-compatibility', 'all'],
  ['../lib/document/read-document', ['PROFILE_DOCUMENT_SCHEMA', 'readProfileDocument']],
  ['../lib/document/import-profile', 'all'],
  ['../lib/document/diff-profiles', 'all'],
];

describe('the package entry point', () => {
  it('exports every value of the policy and document modules', () => {
    const exported = lib as unknown as Record<string, unknown>;
    for (const [file, names] of exportedModules) {
      const values = require(file) as Record<string, unknown>;
      for (const name of names === 'all' ? Object.keys(values) : names) {
        expect(values[name]).toBeDefined();
        expect({ name, value: exported[name] }).toEqual({ name, value: values[name] });
      }
    }
  });
});
