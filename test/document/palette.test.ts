import * as path from 'path';
import { App } from 'cdktf';
import {
  DirectoryRegistry,
  diffProfiles,
  exportProfile,
  importProfile,
  importProfiles,
  PackCatalog,
  PackLayer,
  Profile,
  ProfileDocument,
  profileNameFrom,
  SensitiveValue,
  serializeProfileDocument,
} from '../../lib';
import { runCli } from '../../lib/cli/cli';
import { mergeValues, Values } from '../../lib/values/merge';
import { parseValuesYaml } from '../../lib/values/yaml';
import { clusterIn, profileError, synthJson, tempDir } from '../helpers';
import { packFolder } from '../pack/fixtures';
import { fixtureText } from './fixtures';

/**
 * Palette's documents as Palette writes them, in three shapes seen in public material: an export
 * as Palette's Terraform provider imports it (one line, labels, registry uids), a cluster profile
 * pasted into Palette's import dialog (Kubernetes pack with a train tag and presets, versions that
 * are not semver, a variable), and an API payload (registryUid, pack uids, `<display-name>--<pack>`,
 * a manifest layer with `pack:` settings), and a getting-started profile (every pack `oci`, presets
 * of groups with spaces, several presets in one comment, a chart pack's `charts:` section, comments
 * and trailing spaces in the values). The documents and the packs they use are our own.
 */
const DOCUMENTS = ['palette-data-science.json', 'palette-cluster-template.json', 'palette-api-payload.json', 'palette-getting-started.json'];

const PACKS = path.join(__dirname, 'fixtures', 'packs');

function registry(): DirectoryRegistry {
  return new DirectoryRegistry(PACKS, 'fixtures');
}

function paletteApp(): App {
  const app = new App();
  new PackCatalog(app, 'packs', { registries: [registry()], lockfile: path.join(tempDir(), 'lock.json') });
  return app;
}

function given(file: string): ProfileDocument {
  return JSON.parse(fixtureText(file));
}

/** A layer's values before variables and macros: the pack's defaults and presets with the layer's values over them. */
function installedValues(profile: Profile, layer: string): Values {
  const spec = profile.layers.find((l) => l.layerName === layer)!.toSpec();
  return mergeValues([...(spec.baseValues ?? []), { source: 'layer', values: spec.values }]).values;
}

describe('Palette documents as given', () => {
  it.each([
    ['palette-data-science.json', ['prod_notebooks', 'prod_pipelines', 'prod_service-mesh']],
    ['palette-cluster-template.json', ['prod_cni-flannel', 'prod_csi-local', 'prod_hello-app']],
    ['palette-api-payload.json', ['prod_dns-private', 'prod_dns-public', 'prod_hello-app', 'prod_team-namespaces']],
    ['palette-getting-started.json', ['prod_cni-flannel', 'prod_csi-local', 'prod_dashboards', 'prod_hello-app']],
  ])('imports %s without edits and synthesizes a cluster running it', (file, releases) => {
    const app = paletteApp();
    const profile = importProfile(app, 'imported', fixtureText(file), { source: file });
    const json = synthJson(clusterIn(app, { profiles: [profile] }).node.scope as never);
    expect(Object.keys(json.resource.helm_release).sort()).toEqual(releases);
    expect(profile.layers.length).toBe(given(file).spec.template.packs.length);
  });

  it.each(DOCUMENTS)('installs every value of %s as the document wrote it', (file) => {
    const profile = importProfile(paletteApp(), 'imported', fixtureText(file));
    for (const entry of given(file).spec.template.packs.filter((p) => p.type !== 'manifest' && (p.values ?? '').trim() !== '')) {
      const layer = entry.name.includes('--') ? entry.name.slice(0, entry.name.lastIndexOf('--')) : entry.name;
      expect({ layer, values: installedValues(profile, layer) }).toEqual({ layer, values: parseValuesYaml(entry.values!, entry.name) });
    }
  });

  it.each(DOCUMENTS)('exports %s again with every field as given: values text byte for byte, type, registry, uids', (file) => {
    const document = given(file);
    const again = exportProfile(importProfile(paletteApp(), 'imported', fixtureText(file)));
    expect(again).toEqual(document);
    document.spec.template.packs.forEach((entry, i) => expect(again.spec.template.packs[i].values).toBe(entry.values));
  });

  it.each(DOCUMENTS)('re-exports %s to a document that `cluster-profiles diff` finds equal (exit 0)', (file) => {
    const dir = tempDir('palette-');
    const again = path.join(dir, 'again.json');
    require('fs').writeFileSync(again, serializeProfileDocument(exportProfile(importProfile(paletteApp(), 'imported', fixtureText(file)))));
    const out: string[] = [];
    const code = runCli(['diff', path.join(__dirname, 'fixtures', file), again], { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t) });
    expect({ code, out: out.join('') }).toEqual({ code: 0, out: `${given(file).metadata.name} 1.0.0 -> ${given(file).metadata.name} 1.0.0: no changes\n` });
  });

  it('gives the same document again after a second import of the re-export', () => {
    const app = paletteApp();
    const first = serializeProfileDocument(exportProfile(importProfile(app, 'first', fixtureText('palette-api-payload.json'))));
    expect(serializeProfileDocument(exportProfile(importProfile(app, 'second', first)))).toBe(first);
  });
});

describe('Palette profile names', () => {
  it('derives a valid profile name from a name with spaces and capitals, and keeps that name in the export', () => {
    const profile = importProfile(paletteApp(), 'data-science', fixtureText('palette-data-science.json'));
    expect(profile.profileName).toBe('data-science');
    expect(exportProfile(profile).metadata.name).toBe('Data Science');
    expect(exportProfile(profile, { format: 'library' }).metadata.name).toBe('data-science');
  });

  it('renames the profile when asked', () => {
    expect(importProfile(paletteApp(), 'ds', fixtureText('palette-data-science.json'), { name: 'ds-platform' }).profileName).toBe('ds-platform');
  });

  it('derives names by lower case, one "-" for each run of other characters, no "-" at the ends', () => {
    expect(['ML Ops', 'Edge (prod) v2', 'already-valid', '  Spaces  ', '***', 'a'.repeat(70)].map(profileNameFrom)).toEqual([
      'ml-ops',
      'edge-prod-v2',
      'already-valid',
      'spaces',
      'profile',
      'a'.repeat(63),
    ]);
  });
});

describe('Palette pack entries', () => {
  it('reads `<display-name>--<pack>` as the pack on a layer of that name, and writes it back the same way', () => {
    const profile = importProfile(paletteApp(), 'dns', fixtureText('palette-api-payload.json'));
    const dns = profile.layers.filter((l): l is PackLayer => l instanceof PackLayer && l.resolved.pack.manifest.name === 'external-dns');
    expect(dns.map((l) => [l.layerName, l.toSpec().namespace])).toEqual([
      ['dns-public', 'dns-public'],
      ['dns-private', 'dns-private'],
    ]);
    expect(exportProfile(profile, { format: 'library' }).spec.template.packs.slice(0, 2).map((p) => [p.name, p['x-cluster-profiles']?.pack])).toEqual([
      ['dns-public', 'external-dns'],
      ['dns-private', 'external-dns'],
    ]);
    profile.setValues('dns-public', { manifests: { 'external-dns': { interval: '2m' } } });
    expect(exportProfile(profile).spec.template.packs[0].name).toBe('dns-public--external-dns');
  });

  it('applies releaseNameOverride to every kind of layer: a pack of manifests and a manifest layer', () => {
    const app = paletteApp();
    const apps = importProfile(app, 'apps', fixtureText('palette-data-science.json'));
    const dns = importProfile(app, 'dns', fixtureText('palette-api-payload.json'));
    const cluster = clusterIn(app, { profiles: [apps, dns] });
    const releases = synthJson(cluster.node.scope as never).resource.helm_release;
    expect([releases.prod_pipelines.name, releases['prod_team-namespaces'].name]).toEqual(['ml-pipelines', 'platform-namespaces']);
    expect(dns.layers.find((l) => l.layerName === 'team-namespaces')!.toSpec()).toMatchObject({ namespace: 'platform', priority: 20 });
  });

  it('sends a chart pack\'s charts: section to its chart, presets and whole values included', () => {
    const app = paletteApp();
    const profile = importProfile(app, 'start', fixtureText('palette-getting-started.json'));
    const release = synthJson(clusterIn(app, { profiles: [profile] }).node.scope as never).resource.helm_release.prod_dashboards;
    expect(parseValuesYaml(release.values.join('\n'), 'release')).toMatchObject({
      replicas: 2,
      service: { type: 'LoadBalancer', port: 3000 },
      persistence: { enabled: true, size: '16Gi' },
      paths: ['/'],
      tolerations: [],
    });
    expect(release.namespace).toBe('dashboards');
  });

  it('installs the pack defaults for an entry with no values or blank values, as Palette does', () => {
    const profile = importProfile(paletteApp(), 'template', fixtureText('palette-cluster-template.json'));
    expect(installedValues(profile, 'csi-local')).toEqual({ pack: { namespace: 'kube-system' }, manifests: { 'storage-class': { default: true } } });
    expect(installedValues(profile, 'cni-flannel')).toEqual({ manifests: { flannel: { backend: 'vxlan' } } });
  });

  it('keeps versions that are not semver as written: 24.04, 1.31.2-rev2, a train tag', () => {
    const profile = importProfile(paletteApp(), 'template', fixtureText('palette-cluster-template.json'));
    expect(profile.layers.map((l) => [l.layerName, l.toSpec().pack?.constraint, l.toSpec().pack?.version])).toEqual([
      ['ubuntu-cloud', '24.04', '24.04'],
      ['kubernetes', '1.33.x', '1.33.9'],
      ['cni-flannel', '0.26.1', '0.26.1'],
      ['csi-local', '1.31.2-rev2', '1.31.2-rev2'],
      ['hello-app', '1.3.0', '1.3.0'],
    ]);
  });

  it('checks the server version of the cluster against the tag of the k8s pack, as for a Kubernetes layer', () => {
    const app = paletteApp();
    const profile = importProfile(app, 'template', fixtureText('palette-cluster-template.json'));
    const json = synthJson(clusterIn(app, { profiles: [profile] }).node.scope as never);
    const check = json.data.kubernetes_server_version.prod_kubernetes;
    expect(check.lifecycle.postcondition[0].condition).toBe('${can(regex("^v?1[.]33[.][0-9]+([-+].*)?$", self.git_version))}');
    expect(json.resource.helm_release.prod_kubernetes).toBeUndefined();
    expect(exportProfile(profile, { format: 'library' }).spec.template.packs[1]['x-cluster-profiles']).toEqual({ kubernetesVersion: '1.33.x' });
  });
});

describe('Palette pack entries, more shapes', () => {
  it('names the manifests release of a pack with charts and manifests by releaseNameOverride, as its charts', () => {
    const app = new App();
    const packs = packFolder([{ name: 'portal', version: '1.0.0', charts: { portal: 'replicas: 1\n' }, manifests: { 'portal-config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: portal\n' } }]);
    new PackCatalog(app, 'packs', { registries: [new DirectoryRegistry(packs, 'local')], lockfile: path.join(tempDir(), 'lock.json') });
    const document = { metadata: { name: 'Portal' }, spec: { version: '1.0.0', template: { type: 'add-on', packs: [
      { name: 'portal', type: 'spectro', layer: 'addon', tag: '1.0.0', registryUid: 'r', values: 'pack:\n  releaseNameOverride:\n    portal: web-portal\n    portal-config: portal-settings\n' },
    ] } } };
    const releases = synthJson(clusterIn(app, { profiles: [importProfile(app, 'portal', document as ProfileDocument)] }).node.scope as never).resource.helm_release;
    expect(Object.values(releases).map((r: any) => r.name).sort()).toEqual(['portal-settings', 'web-portal']);
  });

  it('names a manifest entry\'s release by its only releaseNameOverride entry', () => {
    const document = given('palette-api-payload.json') as any;
    document.spec.template.packs[2].values = 'pack:\n  releaseNameOverride:\n    anything: team-spaces\n';
    const profile = importProfile(paletteApp(), 'dns', document);
    expect(profile.layers.find((l) => l.layerName === 'team-namespaces')!.toSpec().releaseName).toBe('team-spaces');
  });

  it('checks the k8s pack\'s version when its tag is no Kubernetes version, and nothing for a distribution\'s numbering', () => {
    const versions = (tag: string, version: string) => {
      const document = given('palette-cluster-template.json') as any;
      Object.assign(document.spec.template.packs[1], { tag, version });
      return (importProfile(paletteApp(), 'template', document).layers[1] as PackLayer).toSpec().kubernetesVersion;
    };
    expect(versions('~1.33.0', '1.33.9')).toBe('1.33.9');
    expect(versions('1.33.8', '1.33.8')).toBe('1.33.8');
  });

  it('fails on a Kubernetes version for a pack of another layer than k8s', () => {
    const app = paletteApp();
    const profile = importProfile(app, 'apps', fixtureText('palette-data-science.json'));
    expect(profileError(() => new PackLayer(profile, 'mesh', { pack: 'service-mesh', version: '1.22.3', kubernetesVersion: '1.33.x' }).resolvePack()).message).toBe(
      'INVALID_KUBERNETES_VERSION at apps/mesh: pack service-mesh is for layer addon, so it pins no Kubernetes version\n  fix: set kubernetesVersion only on the pack of the k8s layer',
    );
  });
});

describe('exporting a profile imported from Palette', () => {
  it('writes what changed since the import over Palette\'s document, values whole as Palette keeps them', () => {
    const profile = importProfile(paletteApp(), 'apps', fixtureText('palette-data-science.json'));
    profile.setValues('service-mesh', { manifests: { 'service-mesh': { tracing: false } } });
    const again = exportProfile(profile);
    const [notebooks, pipelines, mesh] = again.spec.template.packs;
    expect([notebooks, pipelines]).toEqual(given('palette-data-science.json').spec.template.packs.slice(0, 2));
    expect(mesh).toEqual({
      ...given('palette-data-science.json').spec.template.packs[2],
      values: 'manifests:\n  service-mesh:\n    profile: default\n    sampling: 0.1\n    tracing: false\npack:\n  namespace: mesh-system\n',
    });
    expect(diffProfiles(fixtureText('palette-data-science.json'), again).values).toEqual([
      { layer: 'service-mesh', path: 'manifests.service-mesh.tracing', change: 'changed', old: true, new: false },
    ]);
  });

  it('writes a layer added after the import in Palette\'s shape, with the pack\'s whole values', () => {
    const profile = importProfile(paletteApp(), 'apps', fixtureText('palette-data-science.json'));
    profile.addPackLayer('dns', { pack: 'external-dns', version: '0.15.0', values: { manifests: { 'external-dns': { provider: 'rfc2136' } } } });
    expect(exportProfile(profile).spec.template.packs[3]).toEqual({
      name: 'dns--external-dns',
      type: 'spectro',
      layer: 'addon',
      tag: '0.15.0',
      version: '0.15.0',
      registry: { metadata: { name: 'fixtures' } },
      values: 'manifests:\n  external-dns:\n    interval: 1m\n    provider: rfc2136\npack:\n  namespace: external-dns\n',
    });
  });

  it('masks the values a cluster makes sensitive, as for any profile', () => {
    const profile = importProfile(paletteApp(), 'apps', fixtureText('palette-data-science.json'));
    profile.setValues('pipelines', { manifests: { pipelines: { token: SensitiveValue.fromVariable('token') } } });
    expect(exportProfile(profile).spec.template.packs[1].values).toContain('token: (sensitive)');
  });

  it('fails to export Palette\'s document of a profile that was not imported from one', () => {
    const profile = importProfile(paletteApp(), 'own', exportProfile(importProfile(paletteApp(), 'x', fixtureText('palette-data-science.json')), { format: 'library' }));
    expect(profileError(() => exportProfile(profile, { format: 'palette' })).message).toBe(
      'INVALID_DOCUMENT at own: profile "data-science" was not imported from a Palette document, so it has none to export\n  fix: export it with format "library", or import it from the Palette document first',
    );
  });
});

describe('synth of a profile imported from Palette', () => {
  it('writes Palette\'s document, named after the derived profile name', () => {
    const outdir = tempDir('synth-');
    const app = new App({ outdir });
    new PackCatalog(app, 'packs', { registries: [registry()], lockfile: path.join(tempDir(), 'lock.json') });
    const profile = importProfile(app, 'apps', fixtureText('palette-data-science.json'));
    clusterIn(app, { profiles: [profile] });
    app.synth();
    expect(JSON.parse(require('fs').readFileSync(path.join(outdir, 'profiles', 'data-science-1.0.0.json'), 'utf8'))).toEqual(given('palette-data-science.json'));
  });

  it('clones into a profile of this library, which does not remember the document', () => {
    const app = paletteApp();
    const profile = importProfile(app, 'apps', fixtureText('palette-data-science.json'));
    const copy = profile.clone(app, 'apps-next', { version: '1.1.0' });
    expect(exportProfile(copy).apiVersion).toBe('cluster-profiles.dev/v1');
  });
});

describe('diffProfiles of Palette documents', () => {
  it('compares what installs when given the registries: this library\'s document equals Palette\'s', () => {
    const own = exportProfile(importProfile(paletteApp(), 'apps', fixtureText('palette-data-science.json')), { format: 'library' });
    expect(diffProfiles(fixtureText('palette-data-science.json'), own, { registries: [registry()] }).values).toEqual([]);
    expect(diffProfiles(fixtureText('palette-data-science.json'), own).values.length).toBeGreaterThan(0);
  });

  it('shows the old value and the new when one document keeps a pack default and the other overrides it', () => {
    const defaults = JSON.parse(JSON.stringify(exportProfile(importProfile(paletteApp(), 'apps', fixtureText('palette-data-science.json')), { format: 'library' })));
    defaults.spec.template.packs[2].values = '';
    const override = JSON.parse(JSON.stringify(defaults));
    override.spec.template.packs[2].values = 'manifests:\n  service-mesh:\n    profile: ambient\n';
    expect(diffProfiles(defaults, override, { registries: [registry()] }).values).toEqual([
      { layer: 'service-mesh', path: 'manifests.service-mesh.profile', change: 'changed', old: 'default', new: 'ambient' },
    ]);
    expect(diffProfiles(defaults, override).values).toEqual([{ layer: 'service-mesh', path: 'manifests', change: 'added', new: { 'service-mesh': { profile: 'ambient' } } }]);
  });

  it('compares values parsed, not as written, and objects of manifests, not how entries split them', () => {
    const document = given('palette-api-payload.json');
    const rewritten = JSON.parse(JSON.stringify(document));
    rewritten.spec.template.packs[0].values = "manifests: { external-dns: { interval: 1m, provider: 'cloudflare' } }\npack: { namespace: dns-public, spectrocloud.com/display-name: dns-public }\n";
    rewritten.spec.template.packs[2].manifests = [
      { name: 'a', content: 'kind: Namespace\napiVersion: v1\nmetadata: { name: team-a }\n' },
      { name: 'b', content: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-b\n' },
    ];
    expect(diffProfiles(document, rewritten).equal).toBe(true);
  });

  it('fails listing every pack the registries lack when asked to compare what installs', () => {
    expect(profileError(() => diffProfiles(fixtureText('palette-ml-ops.json'), fixtureText('palette-data-science.json'), { registries: [registry()] })).message).toBe(
      [
        'PACK_NOT_FOUND at $.spec.template.packs: 3 packs are not in the registries given to compare values with',
        '  registries: fixtures',
        '  ml-ops 1.0.0: $.spec.template.packs[0]: istio 1.24.0',
        '  ml-ops 1.0.0: $.spec.template.packs[1]: argo-cd 3.3.5',
        '  ml-ops 1.0.0: $.spec.template.packs[2]: kubeflow 1.9.1',
        '  fix: give the registries that hold them, or compare without registries to compare values as written',
      ].join('\n'),
    );
  });

  it('takes --registry on the command line', () => {
    const dir = tempDir('palette-');
    const own = path.join(dir, 'own.json');
    require('fs').writeFileSync(own, serializeProfileDocument(exportProfile(importProfile(paletteApp(), 'apps', fixtureText('palette-data-science.json')), { format: 'library' })));
    const out: string[] = [];
    runCli(['diff', '--json', path.join(__dirname, 'fixtures', 'palette-data-science.json'), own, '--registry', PACKS], { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t) });
    expect(JSON.parse(out.join('')).values).toEqual([]);
  });
});

describe('importProfiles', () => {
  it('imports several documents, each a profile', () => {
    const profiles = importProfiles(paletteApp(), DOCUMENTS.map((file, i) => ({ id: `p${i}`, document: fixtureText(file) })));
    expect(profiles.map((p) => p.profileName)).toEqual(['data-science', 'cluster-template-aws', 'edge-dns', 'getting-started-aws']);
  });

  it('reports every error of every document in one error, each named by its document, and declares nothing', () => {
    const app = paletteApp();
    const broken = given('palette-api-payload.json') as any;
    broken.spec.template.packs[3].layer = 'network';
    const masked = given('palette-data-science.json') as any;
    masked.spec.template.packs[0].values += '\n    token: (sensitive)';
    const error = profileError(() =>
      importProfiles(app, [
        { id: 'dns', document: broken },
        { id: 'missing', document: fixtureText('palette-missing-packs.json') },
        { id: 'apps', document: masked, options: { source: 'data-science.json' } },
        { id: 'fine', document: fixtureText('palette-cluster-template.json') },
      ]),
    );
    // Sorted by where, as every ProfileError's diagnostics are.
    expect(error.diagnostics.map((d) => `${d.code} at ${d.path}`)).toEqual([
      'MISSING_MASKED_VALUE at data-science.json: $',
      'INVALID_DOCUMENT at dns: $.spec.template.packs[3].layer',
      'PACK_NOT_FOUND at missing: $.spec.template.packs',
    ]);
    expect(app.node.children.map((c) => c.node.id)).toEqual(['packs']);
  });
});

describe('refusals of a Palette document', () => {
  it('say whether a rule of Palette\'s format or a limit of this library refuses them', () => {
    const document = given('palette-api-payload.json') as any;
    document.spec.template.packs[0].type = 'zarf';
    delete document.spec.template.packs[1].registryUid;
    document.spec.template.packs[3].manifests = [{ name: 'extra', content: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n' }];
    document.spec.template.packs[2].name = 'Team Namespaces';
    expect(profileError(() => importProfile(paletteApp(), 'dns', document)).message).toBe(
      [
        'INVALID_DOCUMENT at $.spec.template.packs[0].type: is "zarf", but must be one of "spectro", "helm", "manifest", "kubernetes", "oci"',
        "  a limit of this library: Palette's format allows this",
        '  fix: use one of those',
        'INVALID_DOCUMENT at $.spec.template.packs[2].name: is "Team Namespaces", but must be a layer name: lower-case letters, digits and \'-\', starting and ending with a letter or digit',
        "  a limit of this library: Palette's format allows this",
        '  fix: write a value such as "cert-manager"',
      ].join('\n'),
    );
    document.spec.template.packs[0].type = 'spectro';
    document.spec.template.packs[2].name = 'team-namespaces';
    expect(profileError(() => importProfile(paletteApp(), 'dns', document)).message).toBe(
      [
        'INVALID_DOCUMENT at $.spec.template.packs[1].registry: is missing',
        "  a rule of Palette's format: Palette refuses this too",
        '  fix: add "registry": { "metadata": { "name": "<registry>" } }, or Palette\'s "registryUid"',
        'INVALID_DOCUMENT at $.spec.template.packs[3].manifests: are attached to a oci layer, which cannot carry manifests here',
        "  a limit of this library: Palette's format allows this",
        '  fix: move the objects to a manifest layer of their own',
      ].join('\n'),
    );
    const templated = given('palette-api-payload.json') as any;
    templated.spec.template.packs[2].manifests[0].content = '{{- if .spectro.var.teams }}\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n{{- end }}\n';
    expect(profileError(() => importProfile(paletteApp(), 'dns', templated)).diagnostics[0].details).toEqual(["a limit of this library: Palette's format allows this"]);
    templated.spec.template.packs[2].manifests[0].content = 'apiVersion: v1\nkind: [Namespace\n';
    expect(profileError(() => importProfile(paletteApp(), 'dns', templated)).diagnostics[0].details).toEqual(["a rule of Palette's format: Palette refuses this too"]);
    const latest = given('palette-api-payload.json') as any;
    latest.spec.template.packs[3].tag = 'latest';
    expect(profileError(() => importProfile(paletteApp(), 'dns', latest)).message).toBe(
      [
        'INVALID_VERSION_CONSTRAINT at $.spec.template.packs[3]: version "latest" is not an exact version, a train or a semver range',
        "  a limit of this library: Palette's format allows this",
        '  fix: write an exact version ("1.27.5", "24.04"), a train ("1.x", "1.27.x") or a range (">=1.27.0 <1.29.0")',
      ].join('\n'),
    );
  });
});
