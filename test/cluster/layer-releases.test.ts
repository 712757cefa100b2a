import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { ChartSource, Cluster, ClusterConnection, DirectoryRegistry, FullProfile, PackCatalog } from '../../lib';
import { installsRelease, layerReleases } from '../../lib/cluster/layer-releases';
import { configMap, tempDir } from '../helpers';
import { packFolder } from '../pack/fixtures';

/** A full profile with every kind of layer, among them two that install nothing. */
function everyKind() {
  const app = new App({ outdir: tempDir() });
  const registry = new DirectoryRegistry(
    packFolder([
      {
        name: 'stack',
        version: '1.0.0',
        charts: { operator: '', dashboard: '' },
        manifests: { 'config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: stack-config\n' },
        values: 'pack:\n  namespace: stack\n',
      },
    ]),
    'local',
  );
  new PackCatalog(app, 'packs', { registries: [registry], lockfile: path.join(tempDir(), 'lock.json') });
  const profile = new FullProfile(app, 'full', { version: '1.0.0' });
  profile.addManifestLayer('os', { role: 'os', documents: [configMap('os')] });
  profile.addKubernetesLayer('k8s', { version: '1.34.x' });
  profile.addManifestLayer('cni', { role: 'cni' });
  profile.addHelmLayer('csi', { role: 'csi', chart: ChartSource.repository('https://charts.example.com', 'csi'), version: '1.0.0', namespace: 'csi' });
  profile.addPackLayer('stack', { pack: 'stack', version: '1.0.0' });
  const stack = new TerraformStack(app, 'prod');
  const cluster = new Cluster(stack, 'prod', { connection: ClusterConnection.kubeconfig({ path: '~/.kube/config' }), profiles: [profile] });
  return { stack, cluster };
}

describe('the releases of a layer', () => {
  const { stack, cluster } = everyKind();
  const plan = cluster.plan();
  const emitted = Object.keys(JSON.parse(Testing.synth(stack)).resource.helm_release);

  it('are exactly the helm_release resources emission makes, for every kind of layer', () => {
    const planned = plan.layers.flatMap((layer) => layerReleases(layer).map((r) => `prod_${layer.name}${r.suffix}`));
    expect([...planned].sort()).toEqual([...emitted].sort());
    expect(planned).toEqual(['prod_os', 'prod_csi', 'prod_stack--operator', 'prod_stack--dashboard', 'prod_stack--manifests']);
  });

  it('are none for an empty manifest layer and a bare Kubernetes layer, which is what installsRelease says', () => {
    expect(plan.layers.map((l) => [l.name, installsRelease(l)])).toEqual([
      ['os', true],
      ['k8s', false],
      ['cni', false],
      ['csi', true],
      ['stack', true],
    ]);
  });
});
