import { App } from 'cdktf';
import { AddonProfile, ChartSource, exportProfile, serializeProfileDocument } from '../../lib';
import { PROFILE_DOCUMENT_API_VERSION } from '../../lib/document';
import { profileError } from '../helpers';
import { platformProfiles } from './fixtures';

describe('exportProfile', () => {
  it('writes a manifest, a Kubernetes, a pack and a local chart layer of an infra profile', () => {
    const { infra } = platformProfiles(new App());
    expect(exportProfile(infra)).toEqual({
      apiVersion: 'cluster-profiles.dev/v1',
      kind: 'ClusterProfile',
      metadata: { name: 'base', description: 'Base layers' },
      spec: {
        version: '1.0.0',
        template: {
          type: 'infra',
          packs: [
            {
              name: 'os',
              type: 'manifest',
              layer: 'os',
              values: '',
              manifests: [{ name: 'configmap-os-settings', content: 'apiVersion: v1\ndata:\n  image: ubuntu\nkind: ConfigMap\nmetadata:\n  name: os-settings\n' }],
              'x-cluster-profiles': { namespace: 'platform-system', createNamespace: false },
            },
            {
              name: 'k8s',
              type: 'kubernetes',
              layer: 'k8s',
              tag: '1.34.x',
              version: '1.34.x',
              values: 'podCIDR: 10.244.0.0/16\n',
              manifests: [{ name: 'configmap-cluster-info', content: 'apiVersion: v1\ndata:\n  region: eu\nkind: ConfigMap\nmetadata:\n  name: cluster-info\n' }],
            },
            {
              name: 'cni',
              type: 'spectro',
              layer: 'cni',
              tag: '1.x',
              version: '1.1.0',
              values: '# spectrocloud.com/enabled-presets: MTU:jumbo\ncharts:\n  net:\n    extra: \"on\"\n    mode: null\n',
              registry: { metadata: { name: 'test' } },
              'x-cluster-profiles': { pack: 'net' },
            },
            { name: 'csi', type: 'helm', layer: 'csi', values: 'storageClass:\n  name: fast\n', registry: { local: 'examples/charts/demo-csi' } },
          ],
        },
        variables: [],
      },
    });
  });

  it('writes repository and OCI charts, every layer setting, profile overrides and variables of an add-on profile', () => {
    const { addons } = platformProfiles(new App());
    expect(exportProfile(addons)).toEqual({
      apiVersion: 'cluster-profiles.dev/v1',
      kind: 'ClusterProfile',
      metadata: { name: 'apps' },
      spec: {
        version: '2.0.0',
        template: {
          type: 'add-on',
          packs: [
            {
              name: 'crds',
              type: 'manifest',
              layer: 'addon',
              values: '',
              manifests: [
                { name: 'configmap-settings', content: 'apiVersion: v1\ndata:\n  team: a\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: a\n' },
                { name: 'configmap-settings-2', content: 'apiVersion: v1\ndata:\n  team: b\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: b\n' },
              ],
            },
            {
              name: 'web',
              type: 'helm',
              layer: 'addon',
              tag: '1.2.0',
              version: '1.2.0',
              values: 'host: (expression)\ningress:\n  enabled: true\npassword: (sensitive)\nreplicas: 3\ntokens:\n  - plain\n  - (sensitive)\n',
              registry: { repository: 'https://charts.example.com', chart: 'web' },
              'x-cluster-profiles': {
                namespace: 'web',
                releaseName: 'frontend',
                priority: 10,
                dependsOn: ['crds'],
                release: { atomic: false, timeoutSeconds: 600 },
                protect: true,
                drift: { ignore: [{ pointers: ['/spec/replicas'] }] },
                readiness: [{ kind: 'condition', timeoutSeconds: 120, object: { apiVersion: 'cert-manager.io/v1', kind: 'Certificate', name: 'web-tls' }, type: 'Ready', status: 'True' }],
              },
            },
            { name: 'grafana', type: 'helm', layer: 'addon', values: 'adminUser: admin\n', registry: { oci: 'oci://ghcr.io/grafana/helm-charts/grafana' } },
            {
              name: 'cache',
              type: 'spectro',
              layer: 'addon',
              tag: '7.2.0',
              version: '7.2.0',
              values: '',
              registry: { metadata: { name: 'test' } },
              'x-cluster-profiles': { pack: 'redis', createNamespace: false, dependsOn: ['web'] },
            },
          ],
        },
        variables: [
          {
            name: 'region',
            displayName: 'Region',
            description: 'Where the apps run',
            format: 'string',
            defaultValue: 'eu',
            regex: '^[a-z]+$',
            required: true,
            hidden: false,
            immutable: false,
            isSensitive: false,
          },
          { name: 'replicas', displayName: 'replicas', description: '', format: 'number', defaultValue: '2', required: false, hidden: false, immutable: true, isSensitive: false },
          { name: 'api_token', displayName: 'api_token', description: '', format: 'string', required: false, hidden: true, immutable: false, isSensitive: true },
        ],
      },
    });
  });

  it('serializes canonically: keys sorted at every depth, lists in order, two-space indent, a final newline', () => {
    const { addons } = platformProfiles(new App());
    const text = serializeProfileDocument(exportProfile(addons));
    expect(text.startsWith('{\n  "apiVersion": "cluster-profiles.dev/v1",\n  "kind": "ClusterProfile",\n  "metadata": {\n    "name": "apps"\n  },\n  "spec": {\n    "template": {\n')).toBe(true);
    expect(text.endsWith('\n    "version": "2.0.0"\n  }\n}\n')).toBe(true);
    expect(serializeProfileDocument(exportProfile(platformProfiles(new App()).addons))).toBe(text);
  });

  it('masks every sensitive value and Terraform expression, and writes no token and no absolute path', () => {
    const { infra, addons } = platformProfiles(new App());
    const text = serializeProfileDocument(exportProfile(infra)) + serializeProfileDocument(exportProfile(addons));
    expect(text).not.toContain('TfToken');
    expect(text).not.toContain('web_password');
    expect(text).not.toContain(process.cwd());
    expect(text.match(/\(sensitive\)/g)).toHaveLength(2);
    expect(text.match(/\(expression\)/g)).toHaveLength(1);
  });

  it('writes local chart paths relative to the working directory it is given', () => {
    const { infra } = platformProfiles(new App());
    const csi = exportProfile(infra, { workingDirectory: 'examples/multi-cluster' }).spec.template.packs[3];
    expect(csi.registry).toEqual({ local: '../charts/demo-csi' });
  });

  it('writes the apiVersion it documents', () => {
    const profile = new AddonProfile(new App(), 'empty', { version: '0.1.0' });
    expect(exportProfile(profile)).toEqual({
      apiVersion: PROFILE_DOCUMENT_API_VERSION,
      kind: 'ClusterProfile',
      metadata: { name: 'empty' },
      spec: { version: '0.1.0', template: { type: 'add-on', packs: [] }, variables: [] },
    });
  });

  it('fails on profile values set for a layer the profile does not have', () => {
    const profile = new AddonProfile(new App(), 'addons', { version: '1.0.0' });
    profile.addHelmLayer('web', { chart: ChartSource.repository('https://charts.example.com', 'web') });
    profile.setValues('wbe', { replicas: 2 });
    expect(profileError(() => exportProfile(profile)).message).toBe(
      'UNKNOWN_LAYER at addons: values are set for layer "wbe", which profile "addons" does not have\n  fix: set values only for the profile\'s layers: web',
    );
  });
});
