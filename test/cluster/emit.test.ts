import { TerraformVariable } from 'cdktf';
import { ChartSource, Cluster, ClusterConnection, SensitiveValue } from '../../lib';
import { addonProfile, clusterIn, configMap, dependsOn, infraProfile, profileError, releases, synthJson, testApp } from '../helpers';

const chart = ChartSource.repository('https://charts.example.com', 'thing');

describe('emitting Terraform', () => {
  it('writes one release per layer whose depends_on are the reduced edges, sorted', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('cert-manager', { chart });
    addons.addHelmLayer('metrics', { chart });
    addons.addHelmLayer('issuer', { chart, priority: 10 });
    const cluster = clusterIn(app, { profiles: [infraProfile(app), addons] });
    const json = synthJson(cluster.node.scope as any);
    expect(Object.keys(releases(json)).sort()).toEqual(['prod_cert-manager', 'prod_cni', 'prod_csi', 'prod_issuer', 'prod_metrics', 'prod_os']);
    expect(dependsOn(json, 'prod_os')).toEqual([]);
    // The Kubernetes layer installs nothing here: the CNI waits for its check and for the OS layer.
    expect(releases(json)['prod_cni'].depends_on).toEqual(['data.kubernetes_server_version.prod_k8s', 'helm_release.prod_os']);
    expect(dependsOn(json, 'prod_csi')).toEqual(['prod_cni']);
    expect(dependsOn(json, 'prod_cert-manager')).toEqual(['prod_csi']);
    expect(dependsOn(json, 'prod_issuer')).toEqual(['prod_cert-manager', 'prod_metrics']);
  });

  it('pins the Kubernetes version with a postcondition read from the live server at plan time', () => {
    const app = testApp();
    const cluster = clusterIn(app, { profiles: [infraProfile(app)] });
    const json = synthJson(cluster.node.scope as any);
    const check = json.data.kubernetes_server_version.prod_k8s;
    expect(check.provider).toBe('kubernetes.prod');
    expect(check.depends_on).toBeUndefined();
    expect(check.lifecycle.postcondition).toEqual([
      {
        condition: '${can(regex("^v?1[.]34[.][0-9]+([-+].*)?$", self.git_version))}',
        error_message:
          'Layer "k8s" of cluster "prod" expects Kubernetes 1.34.x, but the server runs ${self.git_version}. Attach a profile version made for this Kubernetes version, or upgrade the cluster first.',
      },
    ]);
  });

  it('looks through a layer with nothing to install to what it waited for', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addManifestLayer('placeholder', {});
    addons.addHelmLayer('after', { chart, dependsOn: ['placeholder'] });
    const cluster = clusterIn(app, { profiles: [infraProfile(app), addons] });
    const json = synthJson(cluster.node.scope as any);
    expect(releases(json)['prod_placeholder']).toBeUndefined();
    expect(dependsOn(json, 'prod_after')).toEqual(['prod_csi']);
  });

  it('creates aliased providers per cluster, so one stack holds several clusters', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('web', { chart });
    const east = clusterIn(app, { profiles: [addons] }, 'stack', 'east');
    const token = new TerraformVariable(east.node.scope as any, 'west_token', { type: 'string', sensitive: true });
    new Cluster(east.node.scope as any, 'west', {
      connection: ClusterConnection.token({ host: 'https://10.0.0.1', clusterCaCertificate: 'PEM', token: token.stringValue }),
      profiles: [addons],
    });
    const json = synthJson(east.node.scope as any);
    expect(json.provider.helm).toEqual([
      { alias: 'east', kubernetes: { config_path: '~/.kube/config' } },
      { alias: 'west', kubernetes: { cluster_ca_certificate: 'PEM', host: 'https://10.0.0.1', token: '${var.west_token}' } },
    ]);
    expect(releases(json)['east_web'].provider).toBe('helm.east');
    expect(releases(json)['west_web'].provider).toBe('helm.west');
  });

  it('connects with an exec credential plugin', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('web', { chart });
    const cluster = clusterIn(app, {
      profiles: [addons],
      connection: ClusterConnection.exec({
        host: 'https://eks.example.com',
        clusterCaCertificate: 'PEM',
        exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: 'aws', args: ['eks', 'get-token'] },
      }),
    });
    const json = synthJson(cluster.node.scope as any);
    expect(json.provider.helm[0].kubernetes.exec).toEqual({ api_version: 'client.authentication.k8s.io/v1beta1', args: ['eks', 'get-token'], command: 'aws' });
  });

  it('writes the chart source of each kind', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('repo', { chart, version: '1.2.3' });
    addons.addHelmLayer('oci', { chart: ChartSource.oci('oci://ghcr.io/org/charts/podinfo'), version: '6.9.2' });
    addons.addHelmLayer('local', { chart: ChartSource.local('examples/charts/demo-web') });
    const json = synthJson(clusterIn(app, { profiles: [addons] }).node.scope as any);
    const r = releases(json);
    expect([r.prod_repo.repository, r.prod_repo.chart, r.prod_repo.version]).toEqual(['https://charts.example.com', 'thing', '1.2.3']);
    expect([r.prod_oci.repository, r.prod_oci.chart, r.prod_oci.version]).toEqual(['oci://ghcr.io/org/charts', 'podinfo', '6.9.2']);
    expect(r.prod_local.repository).toBeUndefined();
    expect(r.prod_local.chart).toMatch(/^\.\/clusters\/prod\/charts\/local-[0-9a-f]{12}$/);
  });

  it('sets the release defaults that make a failed layer roll back and a re-run converge', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('web', { chart, namespace: 'web', release: { timeoutSeconds: 120 } });
    const r = releases(synthJson(clusterIn(app, { profiles: [addons] }).node.scope as any)).prod_web;
    expect(r).toMatchObject({
      name: 'web',
      namespace: 'web',
      create_namespace: true,
      atomic: true,
      cleanup_on_fail: true,
      wait: true,
      wait_for_jobs: false,
      timeout: 120,
      max_history: 10,
    });
    expect(r.upgrade_install).toBeUndefined();
  });

  it('writes values as canonical YAML, with ${ and %{ escaped for Terraform', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('web', { chart, values: { z: 1, a: { template: 'Hello ${name} %{if x}' } } });
    const r = releases(synthJson(clusterIn(app, { profiles: [addons] }).node.scope as any)).prod_web;
    expect(r.values).toEqual(['a:\n  template: Hello $${name} %%{if x}\nb: null\nz: 1\n'.replace('b: null\n', '')]);
  });

  it('sends Terraform expressions through set, escaped for Helm at apply time', () => {
    const app = testApp();
    const addons = addonProfile(app);
    const cluster = clusterIn(app);
    const domain = new TerraformVariable(cluster.node.scope as any, 'domain', { type: 'string' });
    addons.addHelmLayer('web', { chart, values: { ingress: { host: domain.stringValue, enabled: true } } });
    cluster.attach(addons);
    const r = releases(synthJson(cluster.node.scope as any)).prod_web;
    expect(r.values).toEqual(['ingress:\n  enabled: true\n']);
    expect(r.set).toEqual([{ name: 'ingress.host', value: '${replace(replace(var.domain, "\\\\", "\\\\\\\\"), ",", "\\\\,")}' }]);
  });

  it('sends the text around an expression as it was written: quotes, backslashes, commas and %{', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('web', { chart });
    const cluster = clusterIn(app, { profiles: [addons] });
    const domain = new TerraformVariable(cluster.node.scope as any, 'domain', { type: 'string' });
    // A quote made synth throw (cdktf refuses one in a function argument); `\t` reached Helm as a tab.
    cluster.setValues('web', { greeting: `say "hi", ${domain.stringValue}`, path: `C:\\temp\\${domain.stringValue}`, note: `%{x} ${domain.stringValue}` });
    expect(releases(synthJson(cluster.node.scope as any)).prod_web.set).toEqual([
      { name: 'greeting', value: '${replace(replace("say \\"hi\\", ${var.domain}", "\\\\", "\\\\\\\\"), ",", "\\\\,")}' },
      { name: 'path', value: '${replace(replace("C:\\\\temp\\\\${var.domain}", "\\\\", "\\\\\\\\"), ",", "\\\\,")}' },
      { name: 'note', value: '${replace(replace("%%{x} ${var.domain}", "\\\\", "\\\\\\\\"), ",", "\\\\,")}' },
    ]);
  });

  it('never writes a sensitive value in clear text, only a sensitive variable reference', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('grafana', { chart, values: { admin: { user: 'admin', password: 'changeme' } } });
    const cluster = clusterIn(app, { profiles: [addons] });
    cluster.setValues('grafana', { admin: { password: SensitiveValue.fromVariable('grafana_password') } });
    const text = JSON.stringify(synthJson(cluster.node.scope as any));
    const json = JSON.parse(text);
    expect(text).not.toContain('changeme');
    expect(json.variable.grafana_password).toEqual({
      description: 'Sensitive value for cluster profiles; supply it as TF_VAR_grafana_password',
      sensitive: true,
      type: 'string',
    });
    const r = releases(json).prod_grafana;
    expect(r.values).toEqual(['admin:\n  user: admin\n']);
    expect(r.set_sensitive).toEqual([{ name: 'admin.password', value: '${replace(replace(var.grafana_password, "\\\\", "\\\\\\\\"), ",", "\\\\,")}' }]);
  });

  it('shares one sensitive variable between clusters of a stack', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('db', { chart, values: { password: SensitiveValue.fromVariable('db_password') } });
    const a = clusterIn(app, { profiles: [addons] }, 'stack', 'a');
    new Cluster(a.node.scope as any, 'b', { connection: ClusterConnection.kubeconfig({ path: 'x' }), profiles: [addons] });
    const json = synthJson(a.node.scope as any);
    expect(Object.keys(json.variable)).toEqual(['db_password']);
    expect(releases(json).a_db.set_sensitive[0].value).toBe(releases(json).b_db.set_sensitive[0].value);
  });

  it('fails on a literal given as a sensitive value', () => {
    const error = profileError(() => SensitiveValue.fromToken('hunter2'));
    expect(error.code).toBe('SENSITIVE_LITERAL');
    expect(error.message).not.toContain('hunter2');
  });

  it('fails on two clusters of one name in one stack', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('web', { chart });
    const a = clusterIn(app, { profiles: [addons] }, 'stack', 'one');
    new Cluster(a.node.scope as any, 'two', { name: 'one', connection: ClusterConnection.kubeconfig({ path: 'x' }), profiles: [addons] });
    const error = profileError(() => synthJson(a.node.scope as any));
    expect(error.message).toBe(
      'DUPLICATE_CLUSTER at stack/two: cluster name "one" is also used by stack/one in the same stack\n  fix: give each cluster of a stack a distinct name; it becomes the provider alias and the address prefix',
    );
  });

  it('makes a manifest layer a generated chart, so custom resources need no CRD at plan time', () => {
    const app = testApp();
    const addons = addonProfile(app);
    addons.addManifestLayer('settings', { documents: [configMap('a'), configMap('b')] });
    const r = releases(synthJson(clusterIn(app, { profiles: [addons] }).node.scope as any)).prod_settings;
    expect(r.chart).toMatch(/^\.\/clusters\/prod\/charts\/settings-[0-9a-f]{12}$/);
    expect(r.values).toBeUndefined();
  });
});

describe('the Kubernetes layer', () => {
  it('installs its own manifests only after the version check passed', () => {
    const app = testApp();
    const infra = infraProfile(app);
    infra.node.tryRemoveChild('k8s');
    infra.addKubernetesLayer('k8s', { version: '1.34.4', documents: [configMap('cluster-info')] });
    const json = synthJson(clusterIn(app, { profiles: [infra] }).node.scope as any);
    expect(releases(json).prod_k8s.depends_on).toEqual(['data.kubernetes_server_version.prod_k8s', 'helm_release.prod_os']);
    expect(json.data.kubernetes_server_version.prod_k8s.lifecycle.postcondition[0].condition).toBe(
      '${can(regex("^v?1[.]34[.]4([-+].*)?$", self.git_version))}',
    );
  });
});
