import { App, TerraformStack } from 'cdktf';
import { AddonProfile, ChartSource, Cluster, ClusterConnection } from '../../lib';
import { profileError, releases, synthJson, testApp } from '../helpers';

const chart = ChartSource.repository('https://charts.example.com', 'thing');

function platform(app: App, version: string, webTag: string): AddonProfile {
  const profile = new AddonProfile(app, `platform-${version}`, { name: 'platform', version, variables: [{ name: 'replicas', format: 'number', default: 1 }] });
  profile.addHelmLayer('certs', { chart, version: '1.16.2', namespace: 'certs' });
  profile.addHelmLayer('web', { chart, version: webTag, namespace: 'web', values: { replicas: '{{.spectro.var.replicas}}' }, dependsOn: ['certs'] });
  profile.addHelmLayer('metrics', { chart, version: '3.0.0', namespace: 'metrics' });
  return profile;
}

function synthWith(profiles: (app: App) => AddonProfile[], props: { protectedLayers?: string[] } = {}) {
  const app = testApp();
  const stack = new TerraformStack(app, 'stack');
  new Cluster(stack, 'prod', { connection: ClusterConnection.kubeconfig({ path: 'k' }), profiles: profiles(app), ...props });
  return synthJson(stack);
}

describe('profile lifecycle', () => {
  it('keeps several versions of one profile side by side in one app', () => {
    const app = testApp();
    const v1 = platform(app, '1.0.0', '2.0.0');
    const v2 = platform(app, '1.1.0', '2.1.0');
    expect([v1.profileName, v1.version, v2.profileName, v2.version]).toEqual(['platform', '1.0.0', 'platform', '1.1.0']);
  });

  it('changes only the layers that differ when a cluster moves to a new profile version', () => {
    const before = releases(synthWith((app) => [platform(app, '1.0.0', '2.0.0')]));
    const after = releases(synthWith((app) => [platform(app, '1.1.0', '2.1.0')]));
    expect(Object.keys(after)).toEqual(Object.keys(before));
    const changed = Object.keys(before).filter((id) => JSON.stringify(before[id]) !== JSON.stringify(after[id]));
    expect(changed).toEqual(['prod_web']);
    expect([before.prod_web.version, after.prod_web.version]).toEqual(['2.0.0', '2.1.0']);
  });

  it('removes exactly the layers of a detached profile, leaving the others as they were', () => {
    const extra = (app: App) => {
      const p = new AddonProfile(app, 'extra', { version: '1.0.0' });
      p.addHelmLayer('logging', { chart, namespace: 'logging' });
      return p;
    };
    const before = releases(synthWith((app) => [platform(app, '1.0.0', '2.0.0'), extra(app)]));
    const after = releases(synthWith((app) => [platform(app, '1.0.0', '2.0.0')]));
    expect(Object.keys(before).filter((id) => !(id in after))).toEqual(['prod_logging']);
    for (const id of Object.keys(after)) expect(after[id]).toEqual(before[id]);
  });

  it('clones a profile into an independent one', () => {
    const app = testApp();
    const original = platform(app, '1.0.0', '2.0.0');
    original.setValues('metrics', { retention: '7d' });
    const clone = original.clone(app, 'platform-eu', { name: 'platform-eu', version: '1.0.0' });
    clone.addHelmLayer('eu-only', { chart, namespace: 'eu' });
    clone.setValues('metrics', { retention: '30d' });
    expect(clone.layers.map((l) => l.layerName)).toEqual(['certs', 'web', 'metrics', 'eu-only']);
    expect(original.layers.map((l) => l.layerName)).toEqual(['certs', 'web', 'metrics']);
    expect(clone.variables).toEqual(original.variables);
    const stack = new TerraformStack(app, 's');
    const a = new Cluster(stack, 'a', { connection: ClusterConnection.kubeconfig({ path: 'k' }), profiles: [original] });
    const b = new Cluster(stack, 'b', { connection: ClusterConnection.kubeconfig({ path: 'k' }), profiles: [clone] });
    expect(a.plan().layers.find((l) => l.name === 'metrics')!.values).toEqual({ retention: '7d' });
    expect(b.plan().layers.find((l) => l.name === 'metrics')!.values).toEqual({ retention: '30d' });
    expect(b.plan().layers.find((l) => l.name === 'web')!.dependsOn).toEqual(['certs']);
  });

  it('plans again when a profile changes after a cluster planned it', () => {
    const app = testApp();
    const profile = platform(app, '1.0.0', '2.0.0');
    const cluster = new Cluster(new TerraformStack(app, 's'), 'c', { connection: ClusterConnection.kubeconfig({ path: 'k' }), profiles: [profile] });
    expect(cluster.plan().layers.map((l) => l.name)).toEqual(['certs', 'metrics', 'web']);
    profile.setValues('metrics', { retention: '7d' });
    profile.addHelmLayer('logging', { chart, namespace: 'logging' });
    expect(cluster.plan().layers.find((l) => l.name === 'metrics')!.values).toEqual({ retention: '7d' });
    expect(cluster.plan().layers.map((l) => l.name)).toContain('logging');
  });

  it('refuses to destroy protected layers', () => {
    const app = testApp();
    const profile = new AddonProfile(app, 'base', { version: '1.0.0' });
    profile.addHelmLayer('vault', { chart, namespace: 'vault', protect: true });
    profile.addHelmLayer('web', { chart, namespace: 'web' });
    const stack = new TerraformStack(app, 'stack');
    new Cluster(stack, 'prod', { connection: ClusterConnection.kubeconfig({ path: 'k' }), profiles: [profile], protectedLayers: ['web'] });
    const r = releases(synthJson(stack));
    expect(r.prod_vault.lifecycle).toEqual({ prevent_destroy: true });
    expect(r.prod_web.lifecycle).toEqual({ prevent_destroy: true });
  });

  it('fails instead of uninstalling a protected layer that left the code', () => {
    const error = profileError(() => synthWith((app) => [platform(app, '1.0.0', '2.0.0')], { protectedLayers: ['vault'] }));
    expect(error.message).toBe(
      'PROTECTED_LAYER_REMOVED at stack/prod: layer "vault" is protected on cluster "prod", but no attached profile has it any more, so the deploy would uninstall it\n  fix: attach a profile with layer "vault" again; to uninstall it on purpose, first remove "vault" from protectedLayers',
    );
  });
});
