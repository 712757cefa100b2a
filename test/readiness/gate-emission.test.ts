import * as fs from 'fs';
import * as path from 'path';
import { TerraformVariable, Testing } from 'cdktf';
import { Cluster, ClusterConnection, Readiness } from '../../lib';
import { addonProfile, configMap, profileError, testApp } from '../helpers';
import { TerraformStack } from 'cdktf';

const crd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.demo.example.com' },
  spec: { group: 'demo.example.com', names: { kind: 'Widget', plural: 'widgets' }, scope: 'Namespaced', versions: [{ name: 'v1', served: true, storage: true }] },
};
const widget = { apiVersion: 'demo.example.com/v1', kind: 'Widget', metadata: { name: 'w1' }, spec: {} };

function synth(build: (profile: ReturnType<typeof addonProfile>) => void) {
  const app = testApp();
  const stack = new TerraformStack(app, 'shop');
  const kubeconfig = new TerraformVariable(stack, 'kubeconfig', { type: 'string' });
  const profile = addonProfile(app);
  build(profile);
  new Cluster(stack, 'edge', { connection: ClusterConnection.kubeconfig({ path: kubeconfig.stringValue }), profiles: [profile] });
  app.synth();
  const stackDir = path.join(app.outdir, 'stacks', 'shop');
  return { json: JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8')), stackDir };
}

describe('gate emission', () => {
  it('emits no terraform_data when no layer has a gate beyond Helm\'s wait', () => {
    const { json } = synth((p) => {
      p.addManifestLayer('web', { documents: [configMap('web')] });
      p.addManifestLayer('api', { documents: [configMap('api')], readiness: [Readiness.workloads({ timeoutSeconds: 90 })] });
    });
    expect(json.resource.terraform_data).toBeUndefined();
    expect(json.resource.helm_release.edge_api.timeout).toBe(90);
  });

  it('emits a terraform_data after the layer\'s release that runs the waiter on a gate file, and later layers wait for it', () => {
    const { json, stackDir } = synth((p) => {
      p.addManifestLayer('crds', { documents: [crd] });
      p.addManifestLayer('widgets', { documents: [widget] });
    });
    const gate = json.resource.terraform_data.edge_crds_ready;
    expect(gate.depends_on).toEqual(['helm_release.edge_crds']);
    expect(json.resource.helm_release.edge_widgets.depends_on).toEqual(['terraform_data.edge_crds_ready']);
    expect(gate.triggers_replace).toEqual({ gates: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), revisions: '${helm_release.edge_crds.metadata.revision}' });
    const [provisioner] = gate.provisioner;
    expect(Object.keys(provisioner)).toEqual(['local-exec']);
    const exec = provisioner['local-exec'];
    expect(exec.when).toBeUndefined();
    expect(exec.command).toMatch(/^node (\.\.\/)+.*bin\/cluster-profiles\.js wait --gates clusters\/edge\/gates\/crds\.json$/);
    expect(path.isAbsolute(exec.command.split(' ')[1])).toBe(false);
    expect(fs.existsSync(path.resolve(stackDir, exec.command.split(' ')[1]))).toBe(true);
    // The connection by the same expression as the helm provider's, never a credential.
    expect(exec.environment).toEqual({ CLUSTER_PROFILES_CONFIG_PATH: '${var.kubeconfig}' });
    expect(json.provider.helm[0].kubernetes.config_path).toBe('${var.kubeconfig}');
    expect(JSON.parse(fs.readFileSync(path.join(stackDir, 'clusters/edge/gates/crds.json'), 'utf8'))).toEqual({
      apiVersion: 'cluster-profiles.dev/v2',
      kind: 'ReadinessGates',
      cluster: 'edge',
      scope: 'layer',
      layers: [{ layer: 'crds', namespace: 'default', gates: [{ kind: 'crdsEstablished', timeoutSeconds: 60, names: ['widgets.demo.example.com'], automatic: true }] }],
    });
    // The install plan records every gate, Helm's wait included, and the address of the gate.
    const plan = JSON.parse(fs.readFileSync(path.join(stackDir, 'clusters/edge/install-plan.json'), 'utf8'));
    expect(plan.layers.map((l: any) => [l.name, l.readiness.map((g: any) => g.kind), l.terraform])).toEqual([
      ['crds', ['workloads', 'crdsEstablished'], ['helm_release.edge_crds', 'terraform_data.edge_crds_ready']],
      ['widgets', ['workloads'], ['helm_release.edge_widgets']],
    ]);
    expect(plan.edges).toEqual([{ from: 'crds', to: 'widgets', reason: 'crds defines CRD of kind Widget' }]);
  });

  it('checks the gates of the layers no layer waits for in one terraform_data after all of them, and keeps its own for a layer others wait for', () => {
    const exists = (name: string) => Readiness.exists({ apiVersion: 'v1', kind: 'ConfigMap', name });
    const { json, stackDir } = synth((p) => {
      p.addManifestLayer('base', { documents: [configMap('base')], readiness: [exists('base')] });
      p.addManifestLayer('web', { documents: [configMap('web')], readiness: [exists('web')], priority: 10 });
      p.addManifestLayer('api', { documents: [configMap('api')], readiness: [exists('api')], priority: 10 });
      p.addManifestLayer('docs', { documents: [configMap('docs')], priority: 10 });
    });
    expect(Object.keys(json.resource.terraform_data).sort()).toEqual(['edge_base_ready', 'edge_ready']);
    expect(json.resource.helm_release.edge_web.depends_on).toEqual(['terraform_data.edge_base_ready']);
    const last = json.resource.terraform_data.edge_ready;
    // After both gated layers nothing waits for; the ungated one is not its concern.
    expect(last.depends_on).toEqual(['helm_release.edge_api', 'helm_release.edge_web']);
    expect(last.triggers_replace.revisions).toBe('${helm_release.edge_web.metadata.revision},${helm_release.edge_api.metadata.revision}');
    expect(last.provisioner[0]['local-exec'].command).toMatch(/ wait --gates clusters\/edge\/gates\/_cluster\.json$/);
    const file = JSON.parse(fs.readFileSync(path.join(stackDir, 'clusters/edge/gates/_cluster.json'), 'utf8'));
    expect(file).toMatchObject({ apiVersion: 'cluster-profiles.dev/v2', cluster: 'edge', scope: 'cluster' });
    expect(file.layers.map((l: any) => [l.layer, l.gates.map((g: any) => g.object.name)])).toEqual([
      ['web', ['web']],
      ['api', ['api']],
    ]);
    expect(fs.readdirSync(path.join(stackDir, 'clusters/edge/gates')).sort()).toEqual(['_cluster.json', 'base.json']);
    const plan = JSON.parse(fs.readFileSync(path.join(stackDir, 'clusters/edge/install-plan.json'), 'utf8'));
    expect(Object.fromEntries(plan.layers.map((l: any) => [l.name, l.terraform]))).toEqual({
      base: ['helm_release.edge_base', 'terraform_data.edge_base_ready'],
      web: ['helm_release.edge_web', 'terraform_data.edge_ready'],
      api: ['helm_release.edge_api', 'terraform_data.edge_ready'],
      docs: ['helm_release.edge_docs'],
    });
  });

  it('keeps the token out of the provisioner, so Terraform shows the waiter\'s output', () => {
    const app = testApp();
    const stack = new TerraformStack(app, 'shop');
    const token = new TerraformVariable(stack, 'token', { type: 'string', sensitive: true });
    const profile = addonProfile(app);
    profile.addManifestLayer('web', { documents: [configMap('web')], readiness: [Readiness.exists({ apiVersion: 'v1', kind: 'ConfigMap', name: 'web' })] });
    new Cluster(stack, 'edge', { connection: ClusterConnection.token({ host: 'https://127.0.0.1:6443', clusterCaCertificate: 'PEM', token: token.stringValue }), profiles: [profile] });
    const json = JSON.parse(Testing.synth(stack));
    const exec = json.resource.terraform_data.edge_ready.provisioner[0]['local-exec'];
    expect(exec.environment).toBeUndefined();
    expect(JSON.stringify(json.resource.terraform_data)).not.toContain('var.token');
  });

  describe('gates of an install-priority group', () => {
    const ready = Readiness.condition({ apiVersion: 'demo.example.com/v1', kind: 'Widget', name: 'w1', namespace: 'demo', type: 'Ready' });

    it('puts the group\'s gates on every layer of the group, so the next group waits for all of them', () => {
      const { json } = synth((p) => {
        p.addManifestLayer('operator', { documents: [configMap('operator')] });
        p.addManifestLayer('widgets', { documents: [configMap('widgets')] });
        p.addManifestLayer('app', { documents: [configMap('app')], priority: 10 });
        p.addGroupReadiness(0, ready);
      });
      expect(Object.keys(json.resource.terraform_data).sort()).toEqual(['edge_operator_ready', 'edge_widgets_ready']);
      expect(json.resource.terraform_data.edge_operator_ready.depends_on).toEqual(['helm_release.edge_operator']);
      expect(json.resource.helm_release.edge_app.depends_on).toEqual(['terraform_data.edge_operator_ready', 'terraform_data.edge_widgets_ready']);
    });

    it('shows them in the plan of each layer of the group, and not on the later layers', () => {
      const app = testApp();
      const profile = addonProfile(app);
      profile.addManifestLayer('operator', { documents: [configMap('operator')] });
      profile.addManifestLayer('app', { documents: [configMap('app')], priority: 10 });
      profile.addGroupReadiness(0, ready);
      const stack = new TerraformStack(app, 'shop');
      const plan = new Cluster(stack, 'edge', { connection: ClusterConnection.kubeconfig({ path: '~/.kube/config' }), profiles: [profile] }).plan();
      const kinds = (name: string) => plan.layers.find((l) => l.name === name)!.readiness.map((g) => g.kind);
      expect(kinds('operator')).toEqual(['workloads', 'condition']);
      expect(kinds('app')).toEqual(['workloads']);
    });

    it('fails on a group gate for a priority no add-on layer of the profile has, and on Helm\'s wait as a group gate', () => {
      const app = testApp();
      const profile = addonProfile(app);
      profile.addManifestLayer('operator', { documents: [configMap('operator')], priority: 5 });
      profile.addGroupReadiness(0, ready);
      const stack = new TerraformStack(app, 'shop');
      const cluster = new Cluster(stack, 'edge', { connection: ClusterConnection.kubeconfig({ path: '~/.kube/config' }), profiles: [profile] });
      expect(profileError(() => cluster.plan()).message).toBe(
        'INVALID_READINESS at addons: profile "addons" has group readiness for priority 0, but no add-on layer of that priority\n  fix: use one of the priorities of its add-on layers: 5',
      );
      expect(profileError(() => profile.addGroupReadiness(5, Readiness.workloads())).message).toBe(
        "INVALID_READINESS at addons: group readiness, priority 5: readiness[0] (workloads) is Helm's wait of one release, not a gate of a group\n  fix: give the group a condition, jsonPath, exists or crdsEstablished gate; set release.wait on the layers for Helm's wait",
      );
    });
  });
});
