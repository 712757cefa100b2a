import { TerraformVariable } from 'cdktf';
import { AddonProfile, ChartSource, SensitiveValue } from '../../lib';
import { clusterIn, infraProfile, profileError, releases, synthJson, testApp } from '../helpers';

const chart = ChartSource.repository('https://charts.example.com', 'thing');

function setup() {
  const app = testApp();
  const addons = new AddonProfile(app, 'apps', {
    version: '1.2.0',
    variables: [
      { name: 'replicas', format: 'number', default: 2 },
      { name: 'domain', format: 'string', required: true, regex: '[a-z.]+' },
      { name: 'debug', format: 'boolean', default: false },
      { name: 'db_password', sensitive: true, required: true },
      { name: 'tier', readOnly: true, default: 'gold' },
      { name: 'pod_cidr', format: 'ipv4cidr', default: '10.42.0.0/16' },
    ],
  });
  addons.addHelmLayer('web', {
    chart,
    namespace: 'web',
    values: {
      replicas: '{{.spectro.var.replicas}}',
      host: 'www.{{ .spectro.var.domain }}',
      debug: '{{.spectro.var.debug}}',
      db: { password: '{{.spectro.var.db_password}}' },
      labels: { tier: '{{ .spectro.var.tier | upper }}', cluster: '{{ .spectro.system.cluster.name }}' },
      about: '{{ .spectro.system.clusterprofile.name }}@{{ .spectro.system.clusterprofile.version }} in {{ .spectro.system.layer.namespace }}',
      region: '{{ .spectro.macro.region | default "eu-1" }}',
    },
  });
  return { app, addons };
}

describe('profile variables and macros', () => {
  it('fills variables per cluster, typed by format, with defaults, macros and pipes', () => {
    const { app, addons } = setup();
    const cluster = clusterIn(app, { profiles: [addons] }).setVariables({
      domain: 'example.com',
      replicas: '3',
      db_password: SensitiveValue.fromVariable('db_password'),
    });
    const web = cluster.plan().layers[0];
    expect(web.values).toEqual({
      replicas: 3,
      host: 'www.example.com',
      debug: false,
      db: { password: SensitiveValue.fromVariable('db_password') },
      labels: { tier: 'GOLD', cluster: 'prod' },
      about: 'apps@1.2.0 in web',
      region: 'eu-1',
    });
    const release = releases(synthJson(cluster.node.scope as any)).prod_web;
    expect(release.values[0]).not.toContain('password');
    expect(release.set_sensitive.map((s: any) => s.name)).toEqual(['db.password']);
  });

  it('accepts Terraform expressions as variable values', () => {
    const { app, addons } = setup();
    const cluster = clusterIn(app, { profiles: [addons] });
    const domain = new TerraformVariable(cluster.node.scope as any, 'domain', { type: 'string' });
    cluster.setVariables({ domain: domain.stringValue, db_password: SensitiveValue.fromVariable('db_password') }).setMacros({ region: 'us-2' });
    const release = releases(synthJson(cluster.node.scope as any)).prod_web;
    expect(release.set.map((s: any) => s.name)).toEqual(['host']);
    expect(release.set[0].value).toContain('www.${var.domain}');
    expect(release.values[0]).toContain('region: us-2');
  });

  it('reports every bad variable value at once, naming the variable and the rule', () => {
    const { app, addons } = setup();
    const cluster = clusterIn(app, { profiles: [addons] }).setVariables({ domain: 'Example.COM', replicas: 'many', db_password: 'hunter2', tier: 'silver', regoin: 'x' });
    expect(profileError(() => cluster.plan()).message).toBe(
      [
        'UNKNOWN_VARIABLE at stack/prod: a value is given for variable regoin, which no attached profile declares',
        '  fix: give values only for variables of the attached profiles',
        'INVALID_VARIABLE at stack/prod: variable db_password of profile apps: variable db_password is sensitive, but cluster "prod" gives it as plain text',
        '  fix: give SensitiveValue.fromVariable("db_password") or SensitiveValue.fromToken(...)',
        'INVALID_VARIABLE at stack/prod: variable domain of profile apps: variable domain = "Example.COM" does not match the regex [a-z.]+',
        '  fix: give a value of format string matching [a-z.]+',
        'INVALID_VARIABLE at stack/prod: variable replicas of profile apps: variable replicas = "many" is not of format number',
        '  fix: give a value of format number',
        'INVALID_VARIABLE at stack/prod: variable tier of profile apps: variable tier is read-only, but cluster "prod" gives a value',
        '  fix: remove the value; the default applies to every cluster',
      ].join('\n'),
    );
    expect(profileError(() => cluster.plan()).message).not.toContain('hunter2');
  });

  it('fails when a required variable has no value', () => {
    const { app, addons } = setup();
    const error = profileError(() => clusterIn(app, { profiles: [addons] }).plan());
    expect(error.diagnostics.map((d) => d.message)).toEqual([
      'variable db_password is required but cluster "prod" gives no value',
      'variable domain is required but cluster "prod" gives no value',
    ]);
  });

  it('fails on an undeclared variable, an unknown macro and a secret spliced into text', () => {
    const app = testApp();
    const addons = new AddonProfile(app, 'apps', { version: '1.0.0', variables: [{ name: 'token', sensitive: true }] });
    addons.addHelmLayer('web', {
      chart,
      values: { a: '{{.spectro.var.replica}}', b: '{{ .spectro.system.cluster.id }}', c: 'Bearer {{.spectro.var.token}}', d: '{{ .Values.keep }}' },
    });
    const cluster = clusterIn(app, { profiles: [addons] }).setVariables({ token: SensitiveValue.fromVariable('token') });
    expect(profileError(() => cluster.plan()).message).toBe(
      [
        'INVALID_VARIABLE at apps/web: "{{.spectro.var.token}}" is sensitive and cannot be spliced into the text "Bearer {{.spectro.var.token}}"',
        "  fix: use the sensitive variable as a whole value, e.g. password: '{{.spectro.var.name}}'",
        'UNKNOWN_MACRO at apps/web: "{{ .spectro.system.cluster.id }}": there is no system macro cluster.id',
        '  fix: use one of cluster.name, cluster.uid, clusterprofile.name, clusterprofile.version, layer.name, layer.namespace, stack.name (did you mean "cluster.uid"?)',
        'UNKNOWN_VARIABLE at apps/web: "{{.spectro.var.replica}}": profile "apps" declares no variable replica',
        '  fix: declare it with profile.addVariable({ name, format }) or fix the name',
      ].join('\n'),
    );
  });

  it('fails on macros and pack values named like what every object inherits', () => {
    const app = testApp();
    const addons = new AddonProfile(app, 'apps', { version: '1.0.0' });
    addons.addHelmLayer('db', { chart, values: { port: 5432 } });
    addons.addHelmLayer('web', { chart, values: { a: '{{ .spectro.macro.constructor | upper }}', b: '{{ .spectro.system.toString }}', c: '{{ .spectro.pack.db.constructor }}' } });
    const cluster = clusterIn(app, { profiles: [addons] }).setMacros({ region: 'eu' });
    expect(profileError(() => cluster.plan()).message).toBe(
      [
        'UNKNOWN_MACRO at apps/web: "{{ .spectro.macro.constructor | upper }}": macro constructor is not set on this cluster',
        '  fix: set it with cluster.setMacros({ ... })',
        'UNKNOWN_MACRO at apps/web: "{{ .spectro.system.toString }}": there is no system macro toString',
        '  fix: use one of cluster.name, cluster.uid, clusterprofile.name, clusterprofile.version, layer.name, layer.namespace, stack.name',
        'UNKNOWN_PACK_REFERENCE at apps/web: "{{ .spectro.pack.db.constructor }}": layer "db" has no value at constructor',
        '  fix: set constructor on layer "db", or add | default "value" to the reference',
      ].join('\n'),
    );
  });

  it('leaves an expression that never closes as text, at once, however many pipes it has', () => {
    const app = testApp();
    const addons = new AddonProfile(app, 'apps', { version: '1.0.0', variables: [{ name: 'x', default: 'y' }] });
    // Each pipe doubled the time to give up (12 pipes took 28 s) before the expression's pattern had one way to match.
    const unclosed = `{{ .spectro.var.x${' | default "a"'.repeat(30)}`;
    addons.addHelmLayer('web', { chart, values: { a: unclosed, b: `{{ .spectro.var.x |${' '.repeat(20_000)}` } });
    const started = Date.now();
    expect(clusterIn(app, { profiles: [addons] }).plan().layers[0].values.a).toBe(unclosed);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('offers the infra profile and the Kubernetes version as system macros', () => {
    const app = testApp();
    const addons = new AddonProfile(app, 'apps', { version: '1.0.0' });
    addons.addHelmLayer('web', { chart, values: { base: '{{ .spectro.system.clusterprofile.infra.name }}-{{ .spectro.system.clusterprofile.infra.version }}', k8s: '{{ .spectro.system.kubernetes.version | substr 0 4 }}' } });
    const web = clusterIn(app, { profiles: [infraProfile(app, 'base', '3.1.0'), addons] }).plan().layers.find((l) => l.name === 'web')!;
    expect(web.values).toEqual({ base: 'base-3.1.0', k8s: '1.34' });
  });

  it('fails on variable definitions that cannot be satisfied', () => {
    const app = testApp();
    expect(profileError(() => new AddonProfile(app, 'a', { version: '1.0.0', variables: [{ name: 'x', readOnly: true }] })).message).toBe(
      'INVALID_VARIABLE at a: variable x: a read-only variable has no default\n  fix: give it a default, which every cluster will use',
    );
    expect(profileError(() => new AddonProfile(app, 'b', { version: '1.0.0', variables: [{ name: 'p', sensitive: true, default: 'secret' }] })).message).toBe(
      'INVALID_VARIABLE at b: variable p: a sensitive variable has a default, which would be written in clear text\n  fix: remove the default; each cluster supplies a SensitiveValue',
    );
    expect(profileError(() => new AddonProfile(app, 'c', { version: '1.0.0', variables: [{ name: 'n', format: 'number', default: 'ten' }] })).message).toBe(
      'INVALID_VARIABLE at c: variable n: default "ten" is not of format number\n  fix: give a default that satisfies the format and regex',
    );
    expect(profileError(() => new AddonProfile(app, 'd', { version: '1.0.0', variables: [{ name: 'cidr', format: 'ipv4cidr', default: '10.0.0.0/33' }] })).code).toBe('INVALID_VARIABLE');
  });
});
