import { ChartSource, FullProfile } from '../../lib';
import { addonProfile, clusterIn, configMap, infraProfile, profileError, testApp } from '../helpers';

const chart = ChartSource.repository('https://charts.example.com', 'thing');

describe('planning the install order', () => {
  it('installs infra layers bottom-up whatever their declaration order', () => {
    const app = testApp();
    const infra = new FullProfile(app, 'full', { version: '1.0.0' });
    infra.addManifestLayer('storage', { role: 'csi', documents: [configMap('s')] });
    infra.addManifestLayer('network', { role: 'cni', documents: [configMap('n')] });
    infra.addKubernetesLayer('kubernetes', { version: '1.34.4' });
    infra.addManifestLayer('ubuntu', { role: 'os' });
    infra.addHelmLayer('app', { chart });
    const plan = clusterIn(app, { profiles: [infra] }).plan();
    expect(plan.layers.map((l) => l.name)).toEqual(['ubuntu', 'kubernetes', 'network', 'storage', 'app']);
    expect(plan.groups).toEqual([['ubuntu'], ['kubernetes'], ['network'], ['storage'], ['app']]);
  });

  it('installs add-on layers of one priority together, after the infra layers', () => {
    const app = testApp();
    const addons = addonProfile(app);
    for (const name of ['logging', 'ingress', 'monitoring']) addons.addHelmLayer(name, { chart });
    const plan = clusterIn(app, { profiles: [infraProfile(app), addons] }).plan();
    expect(plan.groups).toEqual([['os'], ['k8s'], ['cni'], ['csi'], ['logging', 'ingress', 'monitoring']]);
    const ingress = plan.layers.find((l) => l.name === 'ingress')!;
    expect(ingress.dependsOn).toEqual(['csi']);
    expect(ingress.group).toBe(4);
  });

  it('installs lower priorities first and keeps declaration order among equals', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('late', { chart, priority: 20 });
    addons.addHelmLayer('early', { chart, priority: -5 });
    addons.addHelmLayer('middle-a', { chart });
    addons.addHelmLayer('middle-b', { chart });
    const plan = clusterIn(app, { profiles: [addons] }).plan();
    expect(plan.groups).toEqual([['early'], ['middle-a', 'middle-b'], ['late']]);
    expect(plan.layers.find((l) => l.name === 'late')!.dependsOn).toEqual(['middle-a', 'middle-b']);
  });

  it('installs add-on profiles in the order they are attached', () => {
    const app = testApp();
    const first = addonProfile(app, 'first');
    first.addHelmLayer('a1', { chart });
    first.addHelmLayer('a2', { chart });
    const second = addonProfile(app, 'second');
    second.addHelmLayer('b1', { chart });
    const cluster = clusterIn(app);
    cluster.attach(second).attach(first);
    const plan = cluster.plan();
    expect(plan.groups).toEqual([['b1'], ['a1', 'a2']]);
    expect(plan.edges.map((e) => [e.from, e.to, e.reason.kind])).toEqual([
      ['b1', 'a1', 'profile'],
      ['b1', 'a2', 'profile'],
    ]);
  });

  it('orders by dependsOn, across profiles too, and keeps only the edges that matter', () => {
    const app = testApp();
    const base = addonProfile(app, 'base');
    const certManager = base.addHelmLayer('cert-manager', { chart });
    base.addHelmLayer('metrics', { chart });
    const apps = addonProfile(app, 'apps');
    apps.addHelmLayer('issuer', { chart, dependsOn: [certManager] });
    apps.addHelmLayer('web', { chart, dependsOn: ['issuer'] });
    const plan = clusterIn(app, { profiles: [base, apps] }).plan();
    expect(plan.groups).toEqual([['cert-manager', 'metrics'], ['issuer'], ['web']]);
    expect(plan.edges.map((e) => `${e.from}->${e.to}`)).toEqual(['cert-manager->issuer', 'metrics->issuer', 'issuer->web']);
  });

  it('puts a layer after its dependency inside one priority group', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('b', { chart, dependsOn: ['c'] });
    addons.addHelmLayer('a', { chart });
    addons.addHelmLayer('c', { chart });
    const plan = clusterIn(app, { profiles: [addons] }).plan();
    expect(plan.groups).toEqual([['a', 'c'], ['b']]);
  });

  it('chains every layer in plan order when the cluster asks for sequential order', () => {
    const app = testApp();
    const addons = addonProfile(app);
    for (const name of ['x', 'y', 'z']) addons.addHelmLayer(name, { chart });
    const plan = clusterIn(app, { profiles: [infraProfile(app), addons], installOrder: 'sequential' }).plan();
    expect(plan.groups.map((g) => g.length)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(plan.edges.map((e) => `${e.from}->${e.to}`)).toEqual(['os->k8s', 'k8s->cni', 'cni->csi', 'csi->x', 'x->y', 'y->z']);
  });

  it('serves one profile definition to many clusters with their own overrides', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('web', { chart, values: { replicas: 1, image: { tag: '1.0' } } });
    addons.setValues('web', { image: { tag: '1.1' } });
    const dev = clusterIn(app, { profiles: [addons] }, 'dev', 'dev');
    const prod = clusterIn(app, { profiles: [addons] }, 'prod', 'prod').setValues('web', { replicas: 5 });
    expect(dev.plan().layers[0].values).toEqual({ replicas: 1, image: { tag: '1.1' } });
    expect(prod.plan().layers[0].values).toEqual({ replicas: 5, image: { tag: '1.1' } });
    expect(prod.plan().layers[0].provenance).toEqual({ 'image.tag': 'profile', replicas: 'cluster' });
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
