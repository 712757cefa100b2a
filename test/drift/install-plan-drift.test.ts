import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { Cluster, ClusterConnection } from '../../lib';
import { addonProfile, configMap, tempDir } from '../helpers';

describe('what the install plan tells drift', () => {
  const synth = (connection: (stack: TerraformStack) => ClusterConnection) => {
    const outdir = tempDir();
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'stack');
    const addons = addonProfile(app);
    addons.addManifestLayer('web', {
      namespace: 'web',
      documents: [configMap('web')],
      drift: { ignore: ['/spec/replicas', { kind: 'ConfigMap', name: 'web', pointers: ['/data/generated'] }] },
    });
    addons.addManifestLayer('plain', { documents: [configMap('plain')] });
    new Cluster(stack, 'prod', { connection: connection(stack), profiles: [addons] });
    app.synth();
    const plan = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks/stack/clusters/prod/install-plan.json'), 'utf8'));
    const tf = fs.readFileSync(path.join(outdir, 'stacks/stack/cdk.tf.json'), 'utf8');
    fs.rmSync(outdir, { recursive: true, force: true });
    return { plan, tf };
  };

  it("records each layer's releases with their addresses, and its drift rules in their long form", () => {
    const { plan } = synth(() => ClusterConnection.kubeconfig({ path: '~/.kube/config', context: 'prod' }));
    expect(plan.layers.map((l: any) => ({ name: l.name, releases: l.releases, drift: l.drift }))).toEqual([
      {
        name: 'web',
        releases: [{ name: 'web', namespace: 'web', address: 'helm_release.prod_web' }],
        drift: { ignore: [{ pointers: ['/spec/replicas'] }, { pointers: ['/data/generated'], kind: 'ConfigMap', name: 'web' }] },
      },
      { name: 'plain', releases: [{ name: 'plain', namespace: 'default', address: 'helm_release.prod_plain' }], drift: { ignore: [] } },
    ]);
    expect(plan.connection).toEqual({ type: 'kubeconfig', provider: 'helm.prod', configPath: '~/.kube/config', configContext: 'prod' });
  });

  it('records a token connection by its provider and host only, never its token or certificate', () => {
    const { plan, tf } = synth((stack) => {
      const token = new TerraformVariable(stack, 'token', { type: 'string', sensitive: true });
      return ClusterConnection.token({ host: 'https://10.0.0.1:6443', clusterCaCertificate: '-----BEGIN CERTIFICATE-----', token: token.stringValue });
    });
    expect(plan.connection).toEqual({ type: 'token', provider: 'helm.prod', host: 'https://10.0.0.1:6443' });
    expect(JSON.stringify(plan)).not.toContain('BEGIN CERTIFICATE');
    expect(JSON.parse(tf).provider.helm[0].kubernetes.token).toBe('${var.token}');
  });
});
