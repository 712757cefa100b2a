import { ChartSource, InfraProfile, RequireNamespaces } from '../../lib';
import { addonProfile, clusterIn, configMap, testApp } from '../helpers';
import { synthWith, violations } from './policy-helpers';

const chart = ChartSource.repository('https://charts.example.com', 'web');

describe('RequireNamespaces', () => {
  it('fails synth for every layer that installs into "default"', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('web', { chart, version: '1.0.0' });
    addons.addManifestLayer('settings', { documents: [configMap('settings')] });
    addons.addHelmLayer('api', { chart, version: '1.0.0', namespace: 'api' });
    expect(violations(clusterIn(app, { profiles: [addons] }), new RequireNamespaces())).toBe(
      [
        'POLICY_VIOLATION at addons/settings: layer "settings" on cluster "prod" breaks require-namespaces: it installs into the "default" namespace',
        '  fix: give the layer a namespace of its own, e.g. namespace: "settings"',
        'POLICY_VIOLATION at addons/web: layer "web" on cluster "prod" breaks require-namespaces: it installs into the "default" namespace',
        '  fix: give the layer a namespace of its own, e.g. namespace: "web"',
      ].join('\n'),
    );
  });

  it('passes layers with namespaces of their own, and a Kubernetes layer that installs nothing', () => {
    const app = testApp();
    const base = new InfraProfile(app, 'base', { version: '1.0.0' });
    base.addManifestLayer('os', { role: 'os', namespace: 'node-os', documents: [configMap('os')] });
    base.addKubernetesLayer('k8s', { version: '1.34.x' });
    base.addManifestLayer('cni', { role: 'cni', namespace: 'cni-system', documents: [configMap('cni')] });
    base.addManifestLayer('csi', { role: 'csi' });
    const addons = addonProfile(app);
    addons.addHelmLayer('web', { chart, version: '1.0.0', namespace: 'web' });
    expect(() => synthWith(clusterIn(app, { profiles: [base, addons] }), new RequireNamespaces())).not.toThrow();
  });
});
