import { setupJest, synthCluster } from '../../lib/testing';
import { addonCluster } from './fixture';

setupJest();

describe('the jest adapter', () => {
  const cluster = addonCluster();

  it('registers every matcher, for clusters and synthesized clusters, both ways', () => {
    expect(cluster).toInstallBefore('csi', 'issuer');
    expect(cluster).not.toInstallBefore('issuer', 'csi');
    expect(synthCluster(cluster)).toInstallTogether('cert-manager', 'metrics');
    expect(cluster).not.toInstallTogether('cert-manager', 'issuer');
    expect(cluster).toHaveLayer('metrics', { namespace: 'monitoring', values: { retention: '15d' } });
    expect(cluster).not.toHaveLayer('grafana');
    expect(cluster).toHaveMergedValues('cert-manager', { replicaCount: 2 });
    expect(cluster).not.toHaveMergedValues('cert-manager', { replicaCount: 1 });
    expect(cluster).not.toHaveNoUnpinnedVersions();
    expect(cluster).not.toHaveDependencyEdges([['csi', 'issuer']]);
  });

  it('fails an assertion with the matcher\'s message', () => {
    expect(() => expect(cluster).toInstallTogether('cert-manager', 'issuer')).toThrow(
      'expected layers "cert-manager" and "issuer" to install together on cluster "prod", but "cert-manager" installs in step 5 and "issuer" in step 6\n' +
        'install order of cluster "prod":\n',
    );
    expect(() => expect(cluster).not.toInstallBefore('csi', 'issuer')).toThrow(
      'expected layer "csi" not to install before "issuer" on cluster "prod", but "issuer" waits for it: csi -> cert-manager -> issuer',
    );
  });

  it('fails a test that names a layer the cluster lacks, even with .not', () => {
    expect(() => expect(cluster).not.toInstallBefore('csi', 'isuer')).toThrow('UNKNOWN_LAYER at stack/prod: cluster "prod" has no layer "isuer"');
  });
});
