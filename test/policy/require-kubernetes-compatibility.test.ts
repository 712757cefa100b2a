import * as fs from 'fs';
import * as path from 'path';
import { ChartSource, FullProfile, RequireKubernetesCompatibility } from '../../lib';
import { addonProfile, clusterIn, configMap, tempDir, testApp } from '../helpers';
import { synthWith, violations } from './policy-helpers';

describe('RequireKubernetesCompatibility', () => {
  let dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    dirs = [];
  });

  /** A local chart directory whose Chart.yaml has the given kubeVersion line, if any. */
  function chart(kubeVersion?: string): ChartSource {
    const dir = tempDir('kube-version-chart-');
    dirs.push(dir);
    const lines = ['apiVersion: v2', 'name: web', 'version: 1.0.0', ...(kubeVersion === undefined ? [] : [`kubeVersion: ${kubeVersion}`])];
    fs.writeFileSync(path.join(dir, 'Chart.yaml'), `${lines.join('\n')}\n`);
    fs.mkdirSync(path.join(dir, 'templates'));
    return ChartSource.local(dir);
  }

  /** A cluster pinning `kubernetesVersion` with one add-on layer per chart. */
  function clusterWith(kubernetesVersion: string, charts: Record<string, ChartSource>) {
    const app = testApp();
    const full = new FullProfile(app, 'full', { version: '1.0.0' });
    full.addManifestLayer('os', { role: 'os', namespace: 'node-os', documents: [configMap('os')] });
    full.addKubernetesLayer('k8s', { version: kubernetesVersion });
    full.addManifestLayer('cni', { role: 'cni' });
    full.addManifestLayer('csi', { role: 'csi' });
    for (const [name, source] of Object.entries(charts)) full.addHelmLayer(name, { chart: source, namespace: name });
    return clusterIn(app, { profiles: [full] });
  }

  it('fails synth for a chart that does not support every version of the pinned train, or says nothing a range can read', () => {
    const cluster = clusterWith('1.34.x', {
      legacy: chart('"<1.34.0"'),
      narrow: chart('">= 1.20.0, < 1.34.5"'),
      broken: chart('banana'),
    });
    expect(violations(cluster, new RequireKubernetesCompatibility())).toBe(
      [
        'POLICY_VIOLATION at full/broken: layer "broken" on cluster "prod" breaks require-kubernetes-compatibility: its chart\'s kubeVersion "banana" is not a version range',
        '  fix: write kubeVersion in Chart.yaml as a range such as ">=1.25.0-0"',
        'POLICY_VIOLATION at full/legacy: layer "legacy" on cluster "prod" breaks require-kubernetes-compatibility: its chart requires Kubernetes "<1.34.0" (Chart.yaml kubeVersion), but the cluster pins 1.34.x (layer "k8s")',
        '  fix: use a chart version made for Kubernetes 1.34.x, or attach a profile whose Kubernetes layer the chart supports',
        'POLICY_VIOLATION at full/narrow: layer "narrow" on cluster "prod" breaks require-kubernetes-compatibility: its chart requires Kubernetes ">= 1.20.0, < 1.34.5" (Chart.yaml kubeVersion), but the cluster pins 1.34.x (layer "k8s")',
        '  fix: use a chart version made for Kubernetes 1.34.x, or attach a profile whose Kubernetes layer the chart supports',
      ].join('\n'),
    );
  });

  it('passes charts whose constraint holds for the pinned version, and charts without one', () => {
    const cluster = clusterWith('1.34.4', {
      modern: chart('">=1.25.0-0"'),
      narrow: chart('">= 1.20.0, < 1.34.5"'),
      any: chart(),
    });
    expect(() => synthWith(cluster, new RequireKubernetesCompatibility())).not.toThrow();
  });

  it('passes a cluster without a Kubernetes layer, which pins no version', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('legacy', { chart: chart('"<1.20.0"'), namespace: 'legacy' });
    expect(() => synthWith(clusterIn(app, { profiles: [addons] }), new RequireKubernetesCompatibility())).not.toThrow();
  });
});
