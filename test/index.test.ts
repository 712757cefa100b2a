import * as lib from '../lib';
import * as documentConstants from '../lib/document';
import * as packTools from '../lib/pack';

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

/** Names that left the main entry point, by the subpath that has them now. */
const onSubpaths: ReadonlyArray<[string, Record<string, unknown>, readonly string[]]> = [
  [
    'cdktf-cluster-profiles/document',
    documentConstants,
    [
      'DISPLAY_NAME_SEPARATOR',
      'EXTENSIONS_FIELD',
      'INSTALL_PLAN_API_VERSION',
      'LOCKFILE_VERSION',
      'MASKED_EXPRESSION',
      'MASKED_SENSITIVE',
      'PRESETS_COMMENT',
      'PROFILE_DOCUMENT_API_VERSION',
      'PROFILE_DOCUMENT_KIND',
      'ROLLOUT_API_VERSION',
    ],
  ],
  ['cdktf-cluster-profiles/pack', packTools, ['blobDigest', 'contentDigest', 'readArchive', 'writeArchive']],
];

describe('the package entry point', () => {
  it.each(onSubpaths)('leaves the names of %s to that subpath, which exports exactly them', (_, subpath, names) => {
    expect(Object.keys(subpath).sort()).toEqual([...names].sort());
    expect(names.filter((name) => name in lib)).toEqual([]);
  });

  it('exports none of the helpers planning, packs and values use inside', () => {
    const internals = [
      'boundsRange', 'checkLayerOptions', 'checkSchema', 'checkVariableDefinition', 'cloneValues', 'compareVersions', 'constraintKind', 'definedKind',
      'formatProblem', 'isKubernetesVersion', 'isPlainObject', 'isVersion', 'joinPath', 'kindKey', 'kubernetesVersionPattern', 'mergeValues',
      'newestSatisfying', 'normalizeVersion', 'parsePresets', 'parseSchema', 'presetValues', 'readManifests', 'readPack', 'readSettings', 'readValues',
      'resolveReleaseOptions', 'satisfiesConstraint', 'sortNewestFirst',
    ];
    expect(internals.filter((name) => name in lib)).toEqual([]);
  });

  it('exports no diagnostic factory', () => {
    const factories = Object.keys(require('../lib/diagnostics') as Record<string, unknown>);
    expect(factories.length).toBeGreaterThan(100);
    expect(factories.filter((name) => name in lib)).toEqual([]);
  });

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
