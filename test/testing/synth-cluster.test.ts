import { TerraformStack, Testing } from 'cdktf';
import { Cluster, ClusterConnection, ProfileError } from '../../lib';
import { synthCluster, SynthesizedCluster } from '../../lib/testing';
import { addonProfile, configMap, infraProfile, profileError, testApp } from '../helpers';
import { addonCluster } from './fixture';

describe('synthCluster', () => {
  const cluster = addonCluster();
  const synthesized = synthCluster(cluster);

  it('lists the layers in install order with the steps they install in', () => {
    expect(synthesized.layerNames).toEqual(['os', 'k8s', 'cni', 'csi', 'cert-manager', 'metrics', 'issuer']);
    expect(synthesized.groups).toEqual([['os'], ['k8s'], ['cni'], ['csi'], ['cert-manager', 'metrics'], ['issuer']]);
    expect(synthesized.layer('issuer')).toMatchObject({ group: 5, dependsOn: ['cert-manager', 'metrics'], namespace: 'cert-manager', version: '1.2.0' });
    expect(synthesized.layer('k8s').version).toBe('1.34.x');
  });

  it('lists the reduced dependency edges as [from, to]', () => {
    expect(synthesized.edges).toEqual([
      ['os', 'k8s'],
      ['k8s', 'cni'],
      ['cni', 'csi'],
      ['csi', 'cert-manager'],
      ['csi', 'metrics'],
      ['cert-manager', 'issuer'],
      ['metrics', 'issuer'],
    ]);
  });

  it('gives each layer its values merged from layer, profile and cluster', () => {
    expect(synthesized.layer('cert-manager').values).toEqual({
      installCRDs: true,
      replicaCount: 2,
      args: ['--v=2'],
      resources: { limits: { cpu: '100m' } },
    });
  });

  it('gives each layer its Terraform blocks by address, with their depends_on', () => {
    const summary = (name: string) => synthesized.layer(name).resources.map((r) => [r.address, r.dependsOn]);
    expect(summary('k8s')).toEqual([['data.kubernetes_server_version.prod_k8s', []]]);
    expect(summary('cni')).toEqual([['helm_release.prod_cni', ['data.kubernetes_server_version.prod_k8s', 'helm_release.prod_os']]]);
    expect(summary('issuer')).toEqual([['helm_release.prod_issuer', ['helm_release.prod_cert-manager', 'helm_release.prod_metrics']]]);
    const release = synthesized.layer('cert-manager').resources[0];
    expect(release).toMatchObject({ mode: 'managed', type: 'helm_release' });
    expect(release.config).toMatchObject({ chart: 'cert-manager', version: '1.16.2', namespace: 'cert-manager', provider: 'helm.prod' });
  });

  it('gives a layer that installs several releases all of them, and no block of another layer', () => {
    const terraform = {
      resource: {
        helm_release: {
          'prod_cert-manager': {},
          'prod_cert-manager--crds': { depends_on: ['helm_release.prod_csi'] },
          prod_issuer: {},
          other_issuer: {},
        },
      },
    };
    const joined = new SynthesizedCluster(cluster.plan(), terraform, cluster.node.path);
    expect(joined.layer('cert-manager').resources.map((r) => [r.address, r.dependsOn])).toEqual([
      ['helm_release.prod_cert-manager', []],
      ['helm_release.prod_cert-manager--crds', ['helm_release.prod_csi']],
    ]);
    expect(joined.layer('issuer').resources.map((r) => r.address)).toEqual(['helm_release.prod_issuer']);
    expect(joined.layer('metrics').resources).toEqual([]);
  });

  it('synthesizes each stack once, whichever of its clusters is asked for and how often', () => {
    const app = testApp();
    const stack = new TerraformStack(app, 'stack');
    const connection = ClusterConnection.kubeconfig({ path: '~/.kube/config' });
    const addons = addonProfile(app);
    addons.addManifestLayer('settings', { namespace: 'platform', documents: [configMap('settings')] });
    const a = new Cluster(stack, 'a', { connection, profiles: [infraProfile(app), addons] });
    const b = new Cluster(stack, 'b', { connection, profiles: [addons] });
    const synth = jest.spyOn(Testing, 'synth');
    try {
      expect(synthCluster(a)).toBe(synthCluster(a));
      expect(synthCluster(b).layer('settings').resources.map((r) => r.address)).toEqual(['helm_release.b_settings']);
      expect(synth).toHaveBeenCalledTimes(1);
    } finally {
      synth.mockRestore();
    }
  });

  it('fails naming the layers there are when asked for one the cluster lacks', () => {
    expect(profileError(() => synthesized.layer('cert-manger')).message).toBe(
      'UNKNOWN_LAYER at stack/prod: cluster "prod" has no layer "cert-manger"\n' +
        '  its layers: os, k8s, cni, csi, cert-manager, metrics, issuer\n' +
        '  fix: name one of its layers (did you mean "cert-manager"?)',
    );
  });

  it('fails with the planning error when the cluster cannot be planned', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addManifestLayer('a', { namespace: 'a', dependsOn: ['b'] });
    addons.addManifestLayer('b', { namespace: 'b', dependsOn: ['a'] });
    const stack = new TerraformStack(app, 'stack');
    const cluster = new Cluster(stack, 'prod', { connection: ClusterConnection.kubeconfig({ path: 'k' }), profiles: [addons] });
    const error = profileError(() => synthCluster(cluster));
    expect(error).toBeInstanceOf(ProfileError);
    expect(error.code).toBe('LAYER_CYCLE');
  });
});
