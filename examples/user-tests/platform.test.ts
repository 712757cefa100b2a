// The matchers are registered by jest.config.js (setupFilesAfterEnv); importing
// 'cdktf-cluster-profiles/testing' brings their types.
import { Testing } from 'cdktf';
import { ChartSource, ProfileError, SensitiveValue } from 'cdktf-cluster-profiles';
import { synthCluster } from 'cdktf-cluster-profiles/testing';
import { platform } from './platform';

describe('the eu-1 cluster', () => {
  const { cluster } = platform(Testing.app());

  it('installs cert-manager before the web front end, which needs its certificates', () => {
    expect(cluster).toInstallBefore('cert-manager', 'web');
    expect(cluster).not.toInstallTogether('cert-manager', 'web');
  });

  it('waits only for what it must: the infra chain, then cert-manager, then web', () => {
    expect(cluster).toHaveDependencyEdges([
      ['os', 'kubernetes'],
      ['kubernetes', 'cni'],
      ['cni', 'csi'],
      ['csi', 'cert-manager'],
      ['cert-manager', 'web'],
    ]);
  });

  it('runs the web front end with three replicas and its token from a sensitive variable', () => {
    expect(cluster).toHaveLayer('web', { namespace: 'web', values: { message: 'hello' } });
    expect(cluster).toHaveMergedValues('web', { replicaCount: 3, adminToken: SensitiveValue.fromVariable('web_admin_token') });
  });

  it('pins every chart it downloads', () => {
    expect(cluster).toHaveLayer('cert-manager', { version: '1.16.2' });
    expect(cluster).toHaveNoUnpinnedVersions();
  });

  it('checks the Kubernetes version before installing the network', () => {
    const synthesized = synthCluster(cluster);
    expect(synthesized.layer('cni').resources.map((r) => r.dependsOn)).toEqual([['data.kubernetes_server_version.eu-1_kubernetes', 'helm_release.eu-1_os']]);
  });
});

describe('the platform policies', () => {
  it('refuse a chart added without a version', () => {
    const { stack, addons } = platform(Testing.app());
    addons.addHelmLayer('dashboards', {
      chart: ChartSource.oci('oci://ghcr.io/example/charts/dashboards'),
      namespace: 'dashboards',
    });
    expect(() => Testing.synth(stack)).toThrow(ProfileError);
    expect(() => Testing.synth(stack)).toThrow('layer "dashboards" on cluster "eu-1" breaks require-pinned-versions');
  });
});
