import * as path from 'path';
import { ChartSource, RequirePinnedVersions } from '../../lib';
import { addonProfile, clusterIn, configMap, testApp } from '../helpers';
import { synthWith, violations } from './policy-helpers';

const charts = path.join(__dirname, '..', '..', 'examples', 'charts');

describe('RequirePinnedVersions', () => {
  it('fails synth for a repository chart and an OCI chart without a version', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('ingress', { namespace: 'ingress', chart: ChartSource.repository('https://kubernetes.github.io/ingress-nginx', 'ingress-nginx') });
    addons.addHelmLayer('grafana', { namespace: 'monitoring', chart: ChartSource.oci('oci://ghcr.io/grafana/helm-charts/grafana') });
    expect(violations(clusterIn(app, { profiles: [addons] }), new RequirePinnedVersions())).toBe(
      [
        'POLICY_VIOLATION at addons/grafana: layer "grafana" on cluster "prod" breaks require-pinned-versions: chart oci://ghcr.io/grafana/helm-charts/grafana has no version, so each deploy may install a different chart',
        '  fix: set the layer\'s version to an exact chart version, e.g. "1.16.2"',
        'POLICY_VIOLATION at addons/ingress: layer "ingress" on cluster "prod" breaks require-pinned-versions: chart "ingress-nginx" of https://kubernetes.github.io/ingress-nginx has no version, so each deploy may install a different chart',
        '  fix: set the layer\'s version to an exact chart version, e.g. "1.16.2"',
      ].join('\n'),
    );
  });

  it('passes exact versions, local charts and manifests', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('ingress', { namespace: 'ingress', chart: ChartSource.repository('https://kubernetes.github.io/ingress-nginx', 'ingress-nginx'), version: '4.11.3' });
    addons.addHelmLayer('grafana', { namespace: 'monitoring', chart: ChartSource.oci('oci://ghcr.io/grafana/helm-charts/grafana'), version: 'v8.5.0' });
    addons.addHelmLayer('web', { namespace: 'web', chart: ChartSource.local(path.join(charts, 'demo-web')) });
    addons.addManifestLayer('settings', { namespace: 'platform', documents: [configMap('settings')] });
    expect(() => synthWith(clusterIn(app, { profiles: [addons] }), new RequirePinnedVersions())).not.toThrow();
  });
});
