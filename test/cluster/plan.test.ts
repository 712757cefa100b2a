import { ChartSource } from '../../lib';
import { ClusterSpec, InstallPlan, planCluster, ProfileSpec } from '../../lib/core';
import { addons, cluster, infra, infraLayer, layer } from '../plain-specs';
import { addonProfile, clusterIn, infraProfile, profileError, testApp } from '../helpers';

const chart = ChartSource.repository('https://charts.example.com', 'thing');

/** Plans plain data with the core, as `Cluster.plan()` does; fails the test on any diagnostic. */
function plan(spec: ClusterSpec): InstallPlan {
  const result = planCluster(spec);
  expect(result.diagnostics).toEqual([]);
  return result.plan!;
}

describe('planning the install order (the core, on plain data)', () => {
  it('installs infra layers bottom-up whatever their declaration order', () => {
    const full: ProfileSpec = {
      ...addons([
        infraLayer('storage', 'csi'),
        infraLayer('network', 'cni'),
        infraLayer('kubernetes', 'k8s', { kind: 'kubernetes', documents: [], kubernetesVersion: '1.34.4' }),
        infraLayer('ubuntu', 'os', { documents: [] }),
        layer('app'),
      ]),
      type: 'full',
    };
    const planned = plan(cluster([full]));
    expect(planned.layers.map((l) => l.name)).toEqual(['ubuntu', 'kubernetes', 'network', 'storage', 'app']);
    expect(planned.groups).toEqual([['ubuntu'], ['kubernetes'], ['network'], ['storage'], ['app']]);
  });

  it('installs add-on layers of one priority together, after the infra layers', () => {
    const planned = plan(cluster([infra(), addons(['logging', 'ingress', 'monitoring'].map((n) => layer(n)))]));
    expect(planned.groups).toEqual([['os'], ['k8s'], ['cni'], ['csi'], ['logging', 'ingress', 'monitoring']]);
    const ingress = planned.layers.find((l) => l.name === 'ingress')!;
    expect(ingress.dependsOn).toEqual(['csi']);
    expect(ingress.group).toBe(4);
  });

  it('installs lower priorities first and keeps declaration order among equals', () => {
    const planned = plan(cluster([addons([layer('late', { priority: 20 }), layer('early', { priority: -5 }), layer('middle-a'), layer('middle-b')])]));
    expect(planned.groups).toEqual([['early'], ['middle-a', 'middle-b'], ['late']]);
    expect(planned.layers.find((l) => l.name === 'late')!.dependsOn).toEqual(['middle-a', 'middle-b']);
  });

  it('installs add-on profiles in the order they are attached', () => {
    const first = addons([layer('a1'), layer('a2')], 'first');
    const second = addons([layer('b1')], 'second');
    const planned = plan(cluster([second, first]));
    expect(planned.groups).toEqual([['b1'], ['a1', 'a2']]);
    expect(planned.edges.map((e) => [e.from, e.to, e.reason.kind])).toEqual([
      ['b1', 'a1', 'profile'],
      ['b1', 'a2', 'profile'],
    ]);
  });

  it('orders by dependsOn, across profiles too, and keeps only the edges that matter', () => {
    const base = addons([layer('cert-manager'), layer('metrics')], 'base');
    const apps = addons([layer('issuer', { dependsOn: ['cert-manager'] }), layer('web', { dependsOn: ['issuer'] })]);
    const planned = plan(cluster([base, apps]));
    expect(planned.groups).toEqual([['cert-manager', 'metrics'], ['issuer'], ['web']]);
    expect(planned.edges.map((e) => `${e.from}->${e.to}`)).toEqual(['cert-manager->issuer', 'metrics->issuer', 'issuer->web']);
  });

  it('puts a layer after its dependency inside one priority group', () => {
    const planned = plan(cluster([addons([layer('b', { dependsOn: ['c'] }), layer('a'), layer('c')])]));
    expect(planned.groups).toEqual([['a', 'c'], ['b']]);
  });

  it('chains every layer in plan order when the cluster asks for sequential order', () => {
    const planned = plan(cluster([infra(), addons(['x', 'y', 'z'].map((n) => layer(n)))], { installOrder: 'sequential' }));
    expect(planned.groups.map((g) => g.length)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(planned.edges.map((e) => `${e.from}->${e.to}`)).toEqual(['os->k8s', 'k8s->cni', 'cni->csi', 'csi->x', 'x->y', 'y->z']);
  });

  it('serves one profile definition to many clusters with their own overrides', () => {
    const profile = addons([layer('web', { values: { replicas: 1, image: { tag: '1.0' } } })], 'apps', new Map([['web', [{ image: { tag: '1.1' } }]]]));
    const dev = plan(cluster([profile], { name: 'dev' }));
    const prod = plan(cluster([profile], { name: 'prod', values: new Map([['web', [{ replicas: 5 }]]]) }));
    expect(dev.layers[0].values).toEqual({ replicas: 1, image: { tag: '1.1' } });
    expect(prod.layers[0].values).toEqual({ replicas: 5, image: { tag: '1.1' } });
    expect(prod.layers[0].provenance).toEqual({ 'image.tag': 'profile', replicas: 'cluster' });
  });
});

describe('planning errors', () => {
  it('fails on a cycle, printing the loop and the reason of every edge', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('cert-manager', { chart, priority: 10, dependsOn: ['issuer'] });
    addons.addHelmLayer('issuer', { chart, priority: 20 });
    const error = profileError(() => clusterIn(app, { profiles: [addons] }).plan());
    expect(error.message).toBe(
      [
        'LAYER_CYCLE at stack/prod: layers form a cycle: cert-manager -> issuer -> cert-manager',
        '  cert-manager -> issuer   (priority 10 < 20)',
        '  issuer -> cert-manager   (cert-manager.dependsOn)',
        '  fix: remove one of these dependsOn entries, or change the priorities or the order profiles are attached in',
      ].join('\n'),
    );
  });

  it('fails on an unknown dependsOn target, suggesting close names', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('cert-manager', { chart });
    addons.addHelmLayer('issuer', { chart, dependsOn: ['cert-manger'] });
    const error = profileError(() => clusterIn(app, { profiles: [addons] }).plan());
    expect(error.message).toBe(
      [
        'UNKNOWN_DEPENDENCY at addons/issuer: layer "issuer" depends on "cert-manger", which is not a layer on this cluster',
        '  layers on this cluster: cert-manager, issuer',
        '  fix: name a layer of a profile attached to the same cluster (did you mean "cert-manager"?)',
      ].join('\n'),
    );
  });

  it('fails on the same layer name twice on one cluster, naming both', () => {
    const app = testApp();
    const one = addonProfile(app, 'one');
    one.addHelmLayer('ingress', { chart, namespace: 'a' });
    const two = addonProfile(app, 'two');
    two.addHelmLayer('ingress', { chart, namespace: 'b' });
    const error = profileError(() => clusterIn(app, { profiles: [one, two] }).plan());
    expect(error.message).toBe(
      [
        'DUPLICATE_LAYER at stack/prod: layer name "ingress" is used 2 times on cluster "prod"',
        '  one/ingress (profile one 1.0.0)',
        '  two/ingress (profile two 1.0.0)',
        '  fix: give each layer a distinct name with the `name` prop',
      ].join('\n'),
    );
  });

  it('fails on two layers claiming one release in one namespace', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('nginx-a', { chart, releaseName: 'nginx', namespace: 'ingress' });
    addons.addHelmLayer('nginx-b', { chart, releaseName: 'nginx', namespace: 'ingress' });
    const error = profileError(() => clusterIn(app, { profiles: [addons] }).plan());
    expect(error.code).toBe('DUPLICATE_RELEASE');
    expect(error.diagnostics[0].message).toBe('release "ingress/nginx" is claimed by nginx-a and nginx-b on cluster "prod"');
  });

  it('fails on an infra profile with a missing role, and reports every problem at once', () => {
    const app = testApp();
    const infra = infraProfile(app);
    infra.node.tryRemoveChild('cni');
    const error = profileError(() => clusterIn(app, { profiles: [infra] }).setValues('ingress', {}).plan());
    expect(error.diagnostics.map((d) => d.code)).toEqual(['MISSING_INFRA_ROLE', 'UNKNOWN_LAYER']);
    expect(error.diagnostics[0].message).toBe('infra profile "base" has no cni layer');
    expect(error.diagnostics[0].fix).toBe(
      'add a layer with role "cni"; for a cni the platform already provides, add a ManifestLayer with role "cni" and no documents',
    );
  });

  it('fails on two layers with one infra role', () => {
    const app = testApp();
    const infra = infraProfile(app);
    infra.addManifestLayer('cni-2', { role: 'cni' });
    const error = profileError(() => clusterIn(app, { profiles: [infra] }).plan());
    expect(error.message).toBe(
      'DUPLICATE_INFRA_ROLE at base: infra profile "base" has 2 cni layers: cni, cni-2\n  fix: keep one layer with role "cni" and make the others add-on layers',
    );
  });

  it('fails on an add-on layer in an infra profile and an infra role in an add-on profile', () => {
    const app = testApp();
    const infra = infraProfile(app);
    infra.addHelmLayer('dashboard', { chart });
    const addons = addonProfile(app);
    addons.addHelmLayer('calico', { chart, role: 'cni' });
    const error = profileError(() => clusterIn(app, { profiles: [infra, addons] }).plan());
    expect(error.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual(['ROLE_NOT_ALLOWED addons/calico', 'ADDON_NOT_ALLOWED base/dashboard']);
  });

  it('fails on values set for a layer the cluster does not run', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('monitoring', { chart });
    const error = profileError(() => clusterIn(app, { profiles: [addons] }).setValues('monitorin', { a: 1 }).plan());
    expect(error.message).toBe(
      'UNKNOWN_LAYER at stack/prod: values are set for layer "monitorin", which no profile attached to cluster "prod" has\n  fix: name a layer of an attached profile (did you mean "monitoring"?)',
    );
  });
});
