import { App } from 'cdktf';
import { diffProfiles, exportProfile, formatProfileDiff, importProfile } from '../../lib';
import { profileError } from '../helpers';
import { platformProfiles, twoVersions } from './fixtures';

describe('diffProfiles', () => {
  it('reports layers added, removed and moved, versions, settings, values, manifests and variables', () => {
    const { before, after } = twoVersions();
    expect(diffProfiles(before, after)).toEqual({
      equal: false,
      old: { name: 'apps', version: '2.0.0' },
      new: { name: 'apps', version: '2.1.0' },
      profile: [
        { field: 'metadata.description', new: 'Apps for every cluster' },
        { field: 'spec.version', old: '2.0.0', new: '2.1.0' },
      ],
      layers: {
        added: [{ name: 'metrics', index: 3, type: 'helm', layer: 'addon' }],
        removed: [{ name: 'grafana', index: 2, type: 'helm', layer: 'addon' }],
        moved: [{ name: 'web', oldIndex: 1, newIndex: 2 }],
      },
      versions: [
        { layer: 'web', tag: { old: '1.2.0', new: '~1.3.0' }, version: { old: '1.2.0', new: '~1.3.0' } },
        { layer: 'cache', tag: { old: '7.2.0', new: '7.2.x' }, version: { old: '7.2.0', new: '7.2.1' } },
      ],
      settings: [
        { layer: 'web', field: 'registry.repository', old: 'https://charts.example.com', new: 'https://charts.example.org' },
        { layer: 'web', field: 'x-cluster-profiles.namespace', old: 'web', new: 'frontend' },
        { layer: 'web', field: 'x-cluster-profiles.priority', old: 10 },
      ],
      values: [
        { layer: 'web', path: 'ingress.host', change: 'added', new: 'apps.example.com' },
        { layer: 'web', path: 'replicas', change: 'changed', old: 3, new: 4 },
        { layer: 'web', path: 'tokens[0]', change: 'changed', old: 'plain', new: '(sensitive)' },
      ],
      manifests: [
        { layer: 'crds', name: 'ConfigMap/a/settings', change: 'changed' },
        { layer: 'crds', name: 'ConfigMap/b/settings', change: 'removed' },
        { layer: 'crds', name: 'Namespace/team', change: 'added' },
      ],
      variables: [
        { name: 'region', change: 'changed', field: 'defaultValue', old: 'eu', new: 'us' },
        { name: 'replicas', change: 'removed' },
        { name: 'zone', change: 'added' },
      ],
    });
  });

  it('prints the changes for people, secrets masked', () => {
    const { before, after } = twoVersions();
    expect(formatProfileDiff(diffProfiles(before, after))).toBe(
      [
        'apps 2.0.0 -> apps 2.1.0: 19 changes',
        'profile',
        '  + metadata.description: "Apps for every cluster"',
        '  ~ spec.version: "2.0.0" -> "2.1.0"',
        'layers',
        '  + metrics (helm, addon) at packs[3]',
        '  - grafana (helm, addon) was at packs[2]',
        '  ~ web moved from packs[1] to packs[2]',
        'versions',
        '  ~ web: tag "1.2.0" -> "~1.3.0", version "1.2.0" -> "~1.3.0"',
        '  ~ cache: tag "7.2.0" -> "7.2.x", version "7.2.0" -> "7.2.1"',
        'settings',
        '  ~ web: registry.repository: "https://charts.example.com" -> "https://charts.example.org"',
        '  ~ web: x-cluster-profiles.namespace: "web" -> "frontend"',
        '  - web: x-cluster-profiles.priority: 10',
        'values',
        '  + web: ingress.host: "apps.example.com"',
        '  ~ web: replicas: 3 -> 4',
        '  ~ web: tokens[0]: "plain" -> "(sensitive)"',
        'manifests',
        '  ~ crds: ConfigMap/a/settings',
        '  - crds: ConfigMap/b/settings',
        '  + crds: Namespace/team',
        'variables',
        '  ~ region.defaultValue: "eu" -> "us"',
        '  - replicas',
        '  + zone',
        '',
      ].join('\n'),
    );
  });

  it('finds no changes between a profile and its own document', () => {
    const { addons } = platformProfiles(new App());
    const diff = diffProfiles(addons, exportProfile(addons));
    expect(diff.equal).toBe(true);
    expect(formatProfileDiff(diff)).toBe('apps 2.0.0 -> apps 2.0.0: no changes\n');
  });

  it('compares profiles by exporting them, and their pack values as what installs: a preset\'s value and the override', () => {
    const app = new App();
    const { infra } = platformProfiles(app);
    const document = exportProfile(infra);
    const next = importProfile(app, 'base-next', { ...document, spec: { ...document.spec, version: '1.1.0' } });
    next.setValues('cni', { charts: { net: { mtu: 9000 } } });
    expect(formatProfileDiff(diffProfiles(infra, next))).toBe(
      ['base 1.0.0 -> base 1.1.0: 2 changes', 'profile', '  ~ spec.version: "1.0.0" -> "1.1.0"', 'values', '  ~ cni: charts.net.mtu: 8950 -> 9000', ''].join('\n'),
    );
  });

  it('reports a changed preset and layer moves among many layers with the fewest moves', () => {
    const { before } = twoVersions();
    const after = JSON.parse(JSON.stringify(before));
    const [crds, web, grafana, cache] = after.spec.template.packs;
    after.spec.template.packs = [web, grafana, cache, crds];
    cache.values = '# spectrocloud.com/enabled-presets: Mode:cluster\n';
    expect(diffProfiles(before, after)).toMatchObject({
      layers: { added: [], removed: [], moved: [{ name: 'crds', oldIndex: 0, newIndex: 3 }] },
      settings: [{ layer: 'cache', field: 'presets', new: 'Mode:cluster' }],
    });
  });

  it('fails on a document that is not one, before comparing', () => {
    const { before } = twoVersions();
    expect(profileError(() => diffProfiles(before, '{"spec": {}}')).message).toBe(
      [
        'INVALID_DOCUMENT at $.metadata: is missing',
        "  a rule of Palette's format: Palette refuses this too",
        '  fix: add "metadata"',
        'INVALID_DOCUMENT at $.spec.template: is missing',
        "  a rule of Palette's format: Palette refuses this too",
        '  fix: add "template"',
        'INVALID_DOCUMENT at $.spec.version: is missing',
        "  a rule of Palette's format: Palette refuses this too",
        "  fix: add \"version\": a strict semantic version: MAJOR.MINOR.PATCH, with an optional pre-release",
      ].join('\n'),
    );
  });
});
