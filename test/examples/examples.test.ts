import { App } from 'cdktf';
import { multiCluster } from '../../examples/multi-cluster/app';
import { quickstart } from '../../examples/quickstart/app';
import { dependsOn, releases, synthJson } from '../helpers';

describe('examples/quickstart', () => {
  const app = new App({ outdir: 'cdktf.out/test-quickstart' });
  const { stack, cluster } = quickstart(app);
  const json = synthJson(stack);

  it('installs infra bottom-up, then add-ons by priority', () => {
    expect(cluster.plan().groups).toEqual([['node-os'], ['kubernetes'], ['cni'], ['csi'], ['issuer-crds'], ['issuers'], ['web'], ['podinfo']]);
  });

  it('resolves its trains to the versions in its lockfile, never a pre-release', () => {
    const versions = Object.fromEntries(cluster.plan().layers.filter((l) => l.pack).map((l) => [l.name, [l.pack!.constraint, l.pack!.version]]));
    expect(versions).toEqual({ cni: ['0.3.x', '0.3.1'], csi: ['1.2.0', '1.2.0'], issuers: ['1.0.0', '1.0.0'], web: ['2.0.x', '2.0.4'] });
  });

  it('applies the pack preset and the Kubernetes layer\'s pod CIDR to the CNI', () => {
    expect(releases(json)['edge-1_cni'].values).toEqual(['image: registry.k8s.io/pause:3.10\nmtu: 8950\npodCIDR: 10.244.0.0/16\n']);
  });

  it('keeps its Terraform addresses, which are a contract with existing state', () => {
    expect(Object.keys(releases(json)).sort()).toEqual([
      'edge-1_cni',
      'edge-1_csi',
      'edge-1_issuer-crds',
      'edge-1_issuers',
      'edge-1_node-os',
      'edge-1_podinfo',
      'edge-1_web',
    ]);
    expect(Object.keys(json.data.kubernetes_server_version)).toEqual(['edge-1_kubernetes']);
  });

  it('installs the custom resource after the layer that defines its CRD', () => {
    expect(dependsOn(json, 'edge-1_issuers')).toEqual(['edge-1_issuer-crds']);
    expect(dependsOn(json, 'edge-1_web')).toEqual(['edge-1_issuers']);
    expect(dependsOn(json, 'edge-1_podinfo')).toEqual(['edge-1_web']);
  });

  it('merges the cluster override over the layer values', () => {
    expect(releases(json)['edge-1_web'].values).toEqual(['image: registry.k8s.io/pause:3.10\nmessage: hello from edge-1\nreplicaCount: 2\n']);
    expect(cluster.plan().layers.find((l) => l.name === 'web')!.provenance).toEqual({
      'charts.demo-web.adminToken': 'cluster',
      'charts.demo-web.image': 'pack',
      'charts.demo-web.message': 'cluster',
      'charts.demo-web.replicaCount': 'layer',
      'pack.namespace': 'pack',
      'pack.releaseNameOverride.demo-web': 'pack',
      'pack.spectrocloud\\.com/install-priority': 'pack',
    });
  });
});

describe('examples/multi-cluster', () => {
  const app = new App({ outdir: 'cdktf.out/test-multi-cluster' });
  const clusters = multiCluster(app);

  it('puts each cluster in its own stack with its own overrides', () => {
    const values = [...clusters].map(([name, { stack }]) => [name, releases(synthJson(stack))[`${name}_frontend`].values[0]]);
    expect(values).toEqual([
      ['dev', 'message: dev build\nreplicaCount: 1\n'],
      ['staging', 'message: release candidate\nreplicaCount: 2\n'],
      ['prod', 'message: production\nreplicaCount: 4\n'],
    ]);
    expect(releases(synthJson(clusters.get('prod')!.stack))['prod_storage'].values).toEqual(['storageClass:\n  name: fast\n  reclaimPolicy: Retain\n']);
  });

  it('installs in parallel on dev and one layer at a time on prod', () => {
    expect(clusters.get('dev')!.cluster.plan().groups).toEqual([['namespaces', 'storage'], ['frontend']]);
    expect(clusters.get('prod')!.cluster.plan().groups).toEqual([['namespaces'], ['storage'], ['frontend']]);
    expect(dependsOn(synthJson(clusters.get('prod')!.stack), 'prod_storage')).toEqual(['prod_namespaces']);
  });
});
