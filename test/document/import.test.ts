import * as path from 'path';
import { App, TerraformVariable } from 'cdktf';
import { multiCluster } from '../../examples/multi-cluster/app';
import { quickstart } from '../../examples/quickstart/app';
import {
  AddonProfile,
  DirectoryRegistry,
  exportProfile,
  FullProfile,
  HelmLayer,
  importProfile,
  InfraProfile,
  KubernetesLayer,
  ManifestLayer,
  PackCatalog,
  PackLayer,
  Profile,
  ProfileDocument,
  SensitiveValue,
  serializeProfileDocument,
} from '../../lib';
import { clusterIn, profileError } from '../helpers';
import { catalogIn, fixtureText, palettePacks, platformPacks, platformProfiles } from './fixtures';

const exported = (profile: Profile) => serializeProfileDocument(exportProfile(profile));

/** The add-on profile of the platform fixture, exported, and what import must be given again. */
function appsDocument() {
  const { addons, stack } = platformProfiles(new App());
  const domain = new TerraformVariable(stack, 'domain2', { type: 'string' });
  return {
    text: exported(addons),
    supplied: {
      sensitiveValues: { web: { password: SensitiveValue.fromVariable('web_password'), 'tokens[1]': SensitiveValue.fromVariable('second') } },
      expressions: { web: { host: domain.stringValue } },
    },
  };
}

describe('importProfile', () => {
  it('declares the profile type, the layer kinds and every setting again', () => {
    const { text, supplied } = appsDocument();
    const app = new App();
    catalogIn(app, platformPacks);
    const profile = importProfile(app, 'imported', text, supplied);
    expect(profile).toBeInstanceOf(AddonProfile);
    expect(profile.layers.map((l) => [l.layerName, l.constructor.name])).toEqual([
      ['crds', 'ManifestLayer'],
      ['web', 'HelmLayer'],
      ['grafana', 'HelmLayer'],
      ['cache', 'PackLayer'],
    ]);
    const web = profile.layers[1].toSpec();
    expect(web).toMatchObject({ namespace: 'web', releaseName: 'frontend', priority: 10, dependsOn: ['crds'], protect: true, chartVersion: '1.2.0' });
    expect(web.release).toMatchObject({ atomic: false, timeoutSeconds: 600 });
    expect(web.drift).toEqual({ ignore: [{ pointers: ['/spec/replicas'] }] });
    expect(web.readiness).toEqual([{ kind: 'condition', timeoutSeconds: 120, object: { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', name: 'web-tls' }, type: 'Ready', status: 'True' }]);
    expect(web.values.password).toBe(supplied.sensitiveValues.web.password);
    expect(web.values.host).toBe(supplied.expressions.web.host);
    expect(profile.variables.map((v) => [v.name, v.default])).toEqual([
      ['region', 'eu'],
      ['replicas', 2],
      ['api_token', undefined],
    ]);
  });

  it('gives back the same bytes: export, import, export', () => {
    const { text, supplied } = appsDocument();
    const app = new App();
    catalogIn(app, platformPacks);
    expect(exported(importProfile(app, 'apps', text, supplied))).toBe(text);

    const infraApp = new App();
    const infraText = exported(platformProfiles(infraApp).infra);
    const again = importProfile(infraApp, 'again', infraText);
    expect(again).toBeInstanceOf(InfraProfile);
    expect(again.layers.map((l) => l.constructor)).toEqual([ManifestLayer, KubernetesLayer, PackLayer, HelmLayer]);
    expect(exported(again)).toBe(infraText);
  });

  it('gives back the same bytes for the profiles of the examples', () => {
    const quickstartApp = new App();
    quickstart(quickstartApp);
    const multiApp = new App();
    multiCluster(multiApp);
    const profiles = [...quickstartApp.node.children, ...multiApp.node.children].filter(Profile.isProfile);
    expect(profiles.map((p) => p.profileName)).toEqual(['edge-base', 'edge-addons', 'platform-addons']);

    const target = new App();
    new PackCatalog(target, 'packs', {
      registries: [new DirectoryRegistry('examples/packs', 'examples')],
      lockfile: 'examples/quickstart/cluster-profiles.lock.json',
    });
    for (const profile of profiles) expect(exported(importProfile(target, profile.profileName, exported(profile)))).toBe(exported(profile));
  });

  it('imports a full profile from a document object', () => {
    const app = new App();
    const document: ProfileDocument = {
      metadata: { name: 'all-in-one' },
      spec: {
        version: '0.1.0',
        template: {
          type: 'cluster',
          packs: [
            { name: 'kubernetes', type: 'kubernetes', layer: 'k8s', tag: '1.33.4' },
            { name: 'web', type: 'helm', layer: 'addon', tag: '1.0.0', registry: { repository: 'https://charts.example.com', chart: 'web' } },
          ],
        },
      },
    };
    const profile = importProfile(app, 'all-in-one', document);
    expect(profile).toBeInstanceOf(FullProfile);
    expect(profile.layers.map((l) => l.toSpec())).toMatchObject([{ kubernetesVersion: '1.33.4' }, { chartVersion: '1.0.0', chart: { type: 'repository', chart: 'web' } }]);
  });

  it('fails listing every masked value import was not given, and every value given that is not masked', () => {
    const { text } = appsDocument();
    const app = new App();
    catalogIn(app, platformPacks);
    const error = profileError(() =>
      importProfile(app, 'apps', text, {
        source: 'apps.json',
        sensitiveValues: { web: { pasword: SensitiveValue.fromVariable('web_password') } },
        expressions: { grafana: { host: 'x' } },
      }),
    );
    expect(error.message).toBe(
      [
        'MISSING_MASKED_VALUE at apps.json: $: the document masks 3 values that import must be given again',
        '  layer web, value host: (expression)',
        '  layer web, value password: (sensitive)',
        '  layer web, value tokens[1]: (sensitive)',
        "  fix: give each in importProfile's options: sensitiveValues (SensitiveValue) or expressions (a Terraform expression) by layer name and value path, variables by variable name",
        'UNKNOWN_MASKED_VALUE at apps.json: $: expressions gives layer grafana, value host, which the document does not mask as (expression)',
        '  fix: remove it; layer grafana masks no such value',
        'UNKNOWN_MASKED_VALUE at apps.json: $: sensitiveValues gives layer web, value pasword, which the document does not mask as (sensitive)',
        '  fix: give only the masked values of layer web: password, tokens[1] (did you mean "password"?)',
      ].join('\n'),
    );
  });

  it('fails on a secret given in clear text', () => {
    const { text, supplied } = appsDocument();
    const app = new App();
    catalogIn(app, platformPacks);
    const options = { ...supplied, sensitiveValues: { web: { ...supplied.sensitiveValues.web, password: 'hunter2' as unknown as SensitiveValue } } };
    expect(profileError(() => importProfile(app, 'apps', text, options)).message).toBe(
      'SENSITIVE_LITERAL at $: sensitiveValues gives layer web, value password as a literal, which would be written in clear text to cdk.tf.json\n  fix: give a SensitiveValue: SensitiveValue.fromVariable("name") or SensitiveValue.fromToken(expression)',
    );
  });

  it('declares nothing when a layer fails after the document checks, so a retry can use the same id', () => {
    const app = new App();
    const document: ProfileDocument = {
      metadata: { name: 'local' },
      spec: {
        version: '1.0.0',
        template: {
          type: 'add-on',
          packs: [
            { name: 'settings', type: 'manifest', layer: 'addon', manifests: [{ name: 'configmap-a', content: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' }] },
            { name: 'web', type: 'helm', layer: 'addon', registry: { local: 'charts/missing' } },
          ],
        },
      },
    };
    expect(profileError(() => importProfile(app, 'local', document)).message).toBe(
      'CHART_NOT_FOUND at local/web: local chart "charts/missing" has no Chart.yaml and is not a .tgz archive\n  fix: point ChartSource.local() at a chart directory holding Chart.yaml, or at a packaged .tgz chart',
    );
    expect(app.node.children).toEqual([]);
    const fixed = { ...document, spec: { ...document.spec, template: { ...document.spec.template, packs: [document.spec.template.packs[0]] } } };
    expect(importProfile(app, 'local', fixed).layers.map((l) => l.layerName)).toEqual(['settings']);
  });

  it('gives back the same bytes for number defaults that export writes with an exponent', () => {
    const profile = new AddonProfile(new App(), 'limits', { version: '1.0.0', variables: [{ name: 'max_bytes', format: 'number', default: 1e21 }, { name: 'epsilon', format: 'number', default: 5e-324 }] });
    const text = exported(profile);
    expect(JSON.parse(text).spec.variables.map((v: { defaultValue: string }) => v.defaultValue)).toEqual(['1e+21', '5e-324']);
    expect(exported(importProfile(new App(), 'limits', text))).toBe(text);
  });

  it('asks again for a variable default the document masks', () => {
    const document: ProfileDocument = {
      metadata: { name: 'vars' },
      spec: { version: '1.0.0', template: { type: 'add-on', packs: [] }, variables: [{ name: 'domain', defaultValue: '(expression)' }] },
    };
    expect(profileError(() => importProfile(new App(), 'vars', document)).message).toBe(
      [
        'MISSING_MASKED_VALUE at $: the document masks 1 value that import must be given again',
        '  variable domain, defaultValue: (expression)',
        "  fix: give each in importProfile's options: sensitiveValues (SensitiveValue) or expressions (a Terraform expression) by layer name and value path, variables by variable name",
      ].join('\n'),
    );
    expect(importProfile(new App(), 'vars', document, { variables: { domain: 'example.com' } }).variables).toEqual([{ name: 'domain', default: 'example.com' }]);
  });
});

describe('importProfile of a document exported by Palette', () => {
  function paletteApp() {
    const app = new App();
    catalogIn(app, palettePacks);
    return app;
  }

  it('resolves its packs through the catalog and keeps only the values that differ from the pack with its presets', () => {
    const app = paletteApp();
    const profile = importProfile(app, 'ml-ops', fixtureText('palette-ml-ops.json'));
    expect(exportProfile(profile, { format: 'library' })).toEqual({
      apiVersion: 'cluster-profiles.dev/v1',
      kind: 'ClusterProfile',
      metadata: { name: 'ml-ops', description: 'Machine learning platform' },
      spec: {
        version: '1.0.0',
        template: {
          type: 'add-on',
          packs: [
            { name: 'istio', type: 'spectro', layer: 'addon', tag: '1.24.x', version: '1.24.0', values: '', registry: { metadata: { name: 'test' } } },
            {
              name: 'argo-cd',
              type: 'spectro',
              layer: 'addon',
              tag: '3.3.x',
              version: '3.3.5',
              values: '# spectrocloud.com/enabled-presets: Ingress:enable-ingress\ncharts:\n  argo-cd:\n    dex: null\n    replicas: 2\n',
              registry: { metadata: { name: 'test' } },
            },
            {
              name: 'kubeflow',
              type: 'spectro',
              layer: 'addon',
              tag: '1.9.1',
              version: '1.9.1',
              values: 'charts:\n  kubeflow:\n    namespace: "{{.spectro.var.app_namespace}}"\n',
              registry: { metadata: { name: 'test' } },
            },
            {
              name: 'hello-universe',
              type: 'manifest',
              layer: 'addon',
              values: '',
              manifests: [
                { name: 'namespace-hello-universe', content: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: hello-universe\n' },
                { name: 'configmap-greeting', content: 'apiVersion: v1\ndata:\n  text: hello\nkind: ConfigMap\nmetadata:\n  name: greeting\n  namespace: hello-universe\n' },
              ],
            },
          ],
        },
        variables: [
          {
            name: 'app_namespace',
            displayName: 'App namespace',
            description: '',
            format: 'string',
            defaultValue: 'hello',
            regex: '^[a-z0-9-]+$',
            required: true,
            hidden: false,
            immutable: false,
            isSensitive: false,
          },
          { name: 'replicas', displayName: 'Replicas', description: 'Server replicas', format: 'number', defaultValue: '2', required: false, hidden: false, immutable: false, isSensitive: false },
          { name: 'db_password', displayName: 'Database password', description: '', format: 'string', required: true, hidden: false, immutable: false, isSensitive: true },
        ],
      },
    });
  });

  it('installs as Palette would: pack defaults, presets and the document values merged, priorities from the packs', () => {
    const app = paletteApp();
    const profile = importProfile(app, 'ml-ops', fixtureText('palette-ml-ops.json'));
    const cluster = clusterIn(app, { profiles: [profile] }).setVariables({ db_password: SensitiveValue.fromVariable('db_password') });
    const plan = cluster.plan();
    expect(plan.groups).toEqual([['kubeflow', 'hello-universe'], ['istio'], ['argo-cd']]);
    const values = Object.fromEntries(plan.layers.map((l) => [l.name, l.values.charts]));
    expect(values['argo-cd']).toEqual({ 'argo-cd': { replicas: 2, server: { ingress: { enabled: true } } } });
    expect(values.kubeflow).toEqual({ kubeflow: { namespace: 'hello' } });
    expect(plan.layers.find((l) => l.name === 'argo-cd')!.namespace).toBe('argocd');
  });

  it('gives back the same bytes once imported: Palette document, import, export, import, export', () => {
    const app = paletteApp();
    const first = exported(importProfile(app, 'ml-ops', fixtureText('palette-ml-ops.json')));
    expect(exported(importProfile(app, 'ml-ops-again', first))).toBe(first);
    const own = serializeProfileDocument(exportProfile(importProfile(app, 'ml-ops-own', fixtureText('palette-ml-ops.json')), { format: 'library' }));
    expect(exported(importProfile(app, 'ml-ops-own-again', own))).toBe(own);
  });

  it('fails listing every pack the registries do not have, in one error', () => {
    const error = profileError(() => importProfile(paletteApp(), 'edge', fixtureText('palette-missing-packs.json'), { source: 'edge.json' }));
    expect(error.message).toBe(
      [
        'PACK_NOT_FOUND at edge.json: $.spec.template.packs: 3 packs are not in the registries of the catalog (test)',
        "  a limit of this library: Palette's format allows this (Palette finds packs in its own registries, this library in the app's PackCatalog)",
        '  $.spec.template.packs[0]: cni-calico 3.30.x: pack cni-calico is in none of the registries (test)',
        '  $.spec.template.packs[2]: argo-cd 2.14.x: no version of argo-cd satisfies 2.14.x (pre-releases excluded); available in test: 3.3.5',
        '  $.spec.template.packs[3]: nginx 4.11.3: pack nginx is in none of the registries (test)',
        '  fix: add the registries that hold them to the PackCatalog, or publish the packs to one of its registries',
      ].join('\n'),
    );
  });

  it('fails when a pack fills another layer than the document says', () => {
    const document = JSON.parse(fixtureText('palette-ml-ops.json'));
    document.spec.template.packs[0].layer = 'cni';
    expect(profileError(() => importProfile(paletteApp(), 'ml-ops', document)).message).toBe(
      'INVALID_DOCUMENT at $.spec.template.packs[0].layer: is "cni", but pack istio 1.24.0 is for layer addon\n  a rule of Palette\'s format: Palette refuses this too\n  fix: write "addon", the layer of the pack',
    );
  });

  it('fails without a catalog when the document has packs', () => {
    expect(profileError(() => importProfile(new App(), 'ml-ops', fixtureText('palette-ml-ops.json'))).message).toBe(
      "NO_PACK_CATALOG at $: a pack layer needs a PackCatalog, and the app has none\n  fix: create one before the layer: new PackCatalog(app, 'packs', { registries: [new DirectoryRegistry('packs')] })",
    );
  });

  it('reads a local chart path relative to the working directory it is given', () => {
    const app = new App();
    const document: ProfileDocument = {
      metadata: { name: 'local' },
      spec: { version: '1.0.0', template: { type: 'add-on', packs: [{ name: 'web', type: 'helm', layer: 'addon', registry: { local: '../charts/demo-web' } }] } },
    };
    const profile = importProfile(app, 'local', document, { workingDirectory: 'examples/multi-cluster' });
    expect(profile.layers[0].toSpec().chart).toEqual({ type: 'local', path: path.resolve('examples/charts/demo-web') });
  });
});
