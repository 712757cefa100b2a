// The drift command end to end in one process: a real synth of a small app, a fake API server on
// 127.0.0.1 over HTTPS (its own CA, a bearer token), Helm release Secrets encoded as Helm does,
// and a fake terraform. Also once through bin/cluster-profiles.js, as a user runs it.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { AddonProfile, Cluster, ClusterConnection } from '../../lib';
import { runDriftCli, DRIFT_HELP } from '../../lib/drift/drift-cli';
import { TerraformResult } from '../../lib/drift/terraform-runner';
import { tempDir } from '../helpers';
import { FakeApiServer, startFakeApiServer, writeKubeconfig } from './fake-api-server';

const PASSWORD = 'hunter2-very-secret';

const webObjects = () => [
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-settings' }, data: { message: 'hello', mode: 'fast' } },
  { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'web-credentials' }, type: 'Opaque', stringData: { password: PASSWORD } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' }, annotations: { tier: 'front' } }, spec: { containers: [{ name: 'web', image: 'registry.k8s.io/pause:3.10' }] } },
    },
  },
];
const apiObjects = () => [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'api-settings' }, data: { port: '8080' } }];

/** Synthesizes the app into `out`: one stack, one cluster, two manifest layers. */
function synthApp(out: string): void {
  const app = new App({ outdir: out });
  const addons = new AddonProfile(app, 'shop-addons', { version: '1.0.0' });
  addons.addManifestLayer('web', {
    namespace: 'web',
    documents: webObjects(),
    drift: { ignore: [{ kind: 'Deployment', pointers: ['/spec/template/metadata/annotations'] }] },
  });
  addons.addManifestLayer('api', { namespace: 'api', documents: apiObjects() });
  const stack = new TerraformStack(app, 'shop');
  const kubeconfig = new TerraformVariable(stack, 'kubeconfig', { type: 'string' });
  new Cluster(stack, 'edge', { connection: ClusterConnection.kubeconfig({ path: kubeconfig.stringValue }), profiles: [addons] });
  app.synth();
}

/** What the API server holds after Helm installed an object: namespace, labels, defaults. */
function installed(object: any, release: string, namespace: string): any {
  const copy = JSON.parse(JSON.stringify(object));
  copy.metadata.namespace = namespace;
  copy.metadata.labels = { ...(copy.metadata.labels ?? {}), 'app.kubernetes.io/managed-by': 'Helm' };
  copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), 'meta.helm.sh/release-name': release, 'meta.helm.sh/release-namespace': namespace };
  if (copy.kind === 'Secret') {
    copy.data = Object.fromEntries(Object.entries(copy.stringData).map(([k, v]) => [k, Buffer.from(String(v)).toString('base64')]));
    delete copy.stringData;
  }
  if (copy.kind === 'Service') {
    copy.spec.clusterIP = '10.0.0.12';
    copy.spec.type = 'ClusterIP';
    copy.spec.ports = copy.spec.ports.map((p: object) => ({ ...p, protocol: 'TCP' }));
  }
  if (copy.kind === 'Deployment') {
    copy.spec.strategy = { type: 'RollingUpdate' };
    copy.spec.template.spec.containers[0].imagePullPolicy = 'IfNotPresent';
    copy.status = { readyReplicas: 2 };
  }
  return copy;
}

/** Installs both releases on the fake server, as Helm would. */
function install(api: FakeApiServer): void {
  for (const [release, namespace, objects] of [['web', 'web', webObjects()], ['api', 'api', apiObjects()]] as const) {
    // An older revision with another manifest: drift must read the deployed one.
    api.putRelease(release, namespace, 1, 'superseded', [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'old' }, data: { a: 'b' } }]);
    api.putRelease(release, namespace, 2, 'deployed', objects);
    for (const object of objects) api.put(installed(object, release, namespace));
  }
}

/** Drift: a value changed, a Deployment scaled, a Service deleted, a Secret changed, an extra object, an ignored edit. */
function drift(api: FakeApiServer, options: { extra?: boolean } = {}): void {
  api.object('v1', 'ConfigMap', 'web-settings', 'web').data.message = 'edited by hand';
  api.object('apps/v1', 'Deployment', 'web', 'web').spec.replicas = 5;
  api.object('apps/v1', 'Deployment', 'web', 'web').spec.template.metadata.annotations.tier = 'back';
  api.remove('v1', 'Service', 'web', 'web');
  api.object('v1', 'Secret', 'web-credentials', 'web').data.password = Buffer.from('changed-by-someone').toString('base64');
  if (options.extra !== false) api.put(installed({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'left-behind' }, data: {} }, 'web', 'web'));
}

describe('cluster-profiles drift', () => {
  let api: FakeApiServer;
  let out: string;
  let env: NodeJS.ProcessEnv;
  let terraformCalls: string[];
  let refreshExit: number;
  let refreshPlan: object;

  const terraform = async (args: readonly string[], cwd: string): Promise<TerraformResult> => {
    terraformCalls.push(`${path.relative(out, cwd)}: terraform ${args.join(' ')}`);
    if (args[0] === 'apply') install(api); // what -replace does: reinstall the releases
    if (args[0] === 'show') return { exitCode: 0, stdout: JSON.stringify(refreshPlan), stderr: '' };
    return { exitCode: args[0] === 'plan' ? refreshExit : 0, stdout: '', stderr: '' };
  };

  const drift$ = async (...args: string[]) => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await runDriftCli(['--out', out, ...args], { stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t), env, terraform });
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  };

  beforeAll(async () => {
    api = await startFakeApiServer();
    out = tempDir('drift-cli-');
    synthApp(out);
    fs.mkdirSync(path.join(out, 'stacks', 'shop', '.terraform'), { recursive: true }); // as after cdktf deploy
    const kubeconfig = path.join(out, 'kubeconfig');
    writeKubeconfig(kubeconfig, api);
    env = { ...process.env, TF_VAR_kubeconfig: kubeconfig };
  });

  afterAll(async () => {
    await api?.close();
  });

  beforeEach(() => {
    terraformCalls = [];
    refreshExit = 0;
    refreshPlan = {};
    install(api);
    api.remove('v1', 'ConfigMap', 'left-behind', 'web');
  });

  it('exits 0 when the cluster matches every release, after Terraform\'s refresh-only plan', async () => {
    const result = await drift$();
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'stack shop',
        '  terraform refresh: in-sync',
        '  cluster edge: in-sync (2 layers, 5 objects checked)',
        'result: no drift',
        '',
      ].join('\n'),
    });
    expect(terraformCalls).toEqual([expect.stringMatching(/^stacks\/shop: terraform plan -refresh-only -detailed-exitcode -input=false -no-color -out=\S+refresh.tfplan$/)]);
  });

  it('reports a changed value, a scaled Deployment, a deleted Service, a changed Secret and an extra object, with layer and field, and exits 1', async () => {
    drift(api);
    const result = await drift$();
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'stack shop',
        '  terraform refresh: in-sync',
        '  cluster edge: drifted (2 layers, 5 objects checked)',
        '    layer web: drifted',
        '      changed ConfigMap web/web-settings',
        '        /data/message: expected "hello", live "edited by hand"',
        '      changed Secret web/web-credentials',
        '        /data/password: expected "(sensitive)", live "(sensitive)"',
        '      missing Service web/web',
        '      changed Deployment web/web',
        '        /spec/replicas: expected 2, live 5',
        '      extra ConfigMap web/left-behind (labelled as release web, not in its manifest)',
        '    ignored by drift rules: 1 field',
        'result: drift',
        '',
      ].join('\n'),
    );
  });

  it('writes the same findings as JSON, and never a secret, its encoding or the token', async () => {
    drift(api);
    const result = await drift$('--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    const [web, apiLayer] = report.stacks[0].clusters[0].layers;
    expect(apiLayer).toEqual({ layer: 'api', status: 'in-sync', addresses: ['helm_release.edge_api'], checked: 1, ignored: [], objects: [] });
    expect(web.addresses).toEqual(['helm_release.edge_web']);
    expect(web.ignored).toEqual(['Deployment/web /spec/template/metadata/annotations/tier']);
    expect(web.objects.map((o: any) => [o.state, o.kind, o.name, o.fields.map((f: any) => f.field)])).toEqual([
      ['changed', 'ConfigMap', 'web-settings', ['/data/message']],
      ['changed', 'Secret', 'web-credentials', ['/data/password']],
      ['missing', 'Service', 'web', []],
      ['changed', 'Deployment', 'web', ['/spec/replicas']],
      ['extra', 'ConfigMap', 'left-behind', []],
    ]);
    expect(report).toMatchObject({ apiVersion: 'cluster-profiles.dev/v1', kind: 'DriftReport', drifted: true, errors: false });
    expect(report.fleet).toBeUndefined();
    for (const secret of [PASSWORD, Buffer.from(PASSWORD).toString('base64'), 'changed-by-someone', api.token]) expect(result.stdout).not.toContain(secret);
    // Every request authenticated with the kubeconfig's token, over HTTPS checked against its CA.
    expect(api.requests.every((r) => r.authorization === `Bearer ${api.token}`)).toBe(true);
  });

  it('reports drift per wave of a fleet from its rollout.json, as JSON a scheduled job can keep', async () => {
    const rollout = path.join(out, 'fleet', 'shops', 'rollout.json');
    fs.mkdirSync(path.dirname(rollout), { recursive: true });
    fs.writeFileSync(rollout, JSON.stringify({ apiVersion: 'cluster-profiles.dev/v1', kind: 'Rollout', fleet: 'shops', waves: [{ name: 'canary', stacks: ['shop'] }, { name: 'main', stacks: [] }] }));
    try {
      drift(api);
      const result = await drift$('--fleet', 'shops', '--json');
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout).fleet).toEqual({ fleet: 'shops', waves: [{ wave: 'canary', stacks: ['shop'], drifted: ['shop'], errors: [] }] });
      expect((await drift$('--fleet', 'shops')).stdout).toContain('fleet shops wave canary: drift (shop) in 1 stack\n');
      expect((await drift$('--fleet', 'shops', '--wave', 'later')).stderr).toContain('fleet "shops" has no wave "later"');
      expect((await drift$('--fleet', 'shop')).stderr).toContain('no rollout of fleet "shop"');
      expect((await drift$('--wave', 'canary')).stderr).toContain('--wave goes with --fleet');
    } finally {
      fs.rmSync(path.join(out, 'fleet'), { recursive: true, force: true });
    }
  });

  it('repairs by replacing exactly the drifted releases, then checks again and exits 0', async () => {
    // Not the extra object: replacing a release never deletes what its manifest does not hold.
    drift(api, { extra: false });
    const result = await drift$('--repair', '--json');
    expect(terraformCalls.map((c) => c.replace(/ -out=\S+/, ''))).toEqual([
      'stacks/shop: terraform plan -refresh-only -detailed-exitcode -input=false -no-color',
      'stacks/shop: terraform apply -auto-approve -input=false -no-color -replace=helm_release.edge_web',
      'stacks/shop: terraform plan -refresh-only -detailed-exitcode -input=false -no-color',
    ]);
    const report = JSON.parse(result.stdout);
    expect(report.repair).toEqual({ replaced: { shop: ['helm_release.edge_web'] }, status: 'repaired' });
    expect(report.drifted).toBe(false);
    expect(result.code).toBe(0);
  });

  it("reports Terraform's own drift (exit 2 of the refresh-only plan) with the addresses, and exits 1", async () => {
    refreshExit = 2;
    refreshPlan = {
      resource_drift: [
        { address: 'helm_release.edge_web', change: { actions: ['delete'], before: { name: 'web' }, after: null } },
        { address: 'helm_release.edge_api', change: { actions: ['update'], before: { metadata: { revision: 1 } }, after: { metadata: { revision: 2 } } } },
      ],
    };
    const result = await drift$('shop', '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).stacks[0].terraform).toEqual({
      status: 'drifted',
      changed: ['helm_release.edge_api', 'helm_release.edge_web'],
      attributes: { 'helm_release.edge_api': ['metadata.revision'], 'helm_release.edge_web': ['(deleted)'] },
    });
    expect((await drift$('shop')).stdout).toContain('  terraform refresh: drifted\n    helm_release.edge_api: metadata.revision\n    helm_release.edge_web: (deleted)\n');
    const [plan, show] = terraformCalls;
    expect(show).toBe(`stacks/shop: terraform show -json ${/-out=(\S+)/.exec(plan)![1]}`);
    // The saved plan holds what the state holds: it is deleted once read.
    expect(fs.existsSync(path.dirname(/-out=(\S+)/.exec(plan)![1]))).toBe(false);
  });

  it('takes no bookkeeping the API server bumps by itself for drift (a namespace\'s resource_version), nor null read back as {}', async () => {
    refreshExit = 2;
    refreshPlan = {
      resource_drift: [
        { address: 'kubernetes_namespace_v1.edge_namespace_web', change: { actions: ['update'], before: { metadata: [{ name: 'web', resource_version: '10', generation: 0, annotations: null }] }, after: { metadata: [{ name: 'web', resource_version: '42', generation: 0, annotations: {} }] } } },
      ],
    };
    const result = await drift$('--json');
    expect(JSON.parse(result.stdout).stacks[0].terraform).toEqual({ status: 'in-sync', changed: [] });
    expect(result.code).toBe(0);
  });

  it('exits 2 when Terraform fails or the cluster cannot be reached, saying which', async () => {
    refreshExit = 1;
    const unreachable = path.join(out, 'kubeconfig-unreachable');
    fs.writeFileSync(unreachable, fs.readFileSync(env.TF_VAR_kubeconfig!, 'utf8').replace(api.url, 'https://127.0.0.1:1'));
    const stdout: string[] = [];
    const code = await runDriftCli(['--out', out], { stdout: (t) => stdout.push(t), stderr: () => undefined, env: { ...env, TF_VAR_kubeconfig: unreachable }, terraform });
    expect(code).toBe(2);
    const text = stdout.join('');
    expect(text).toContain('  terraform refresh: error: terraform plan -refresh-only failed: exit 1\n');
    expect(text).toContain('    layer web: error: KUBE_REQUEST: GET /api/v1/namespaces/web/secrets?labelSelector=owner%3Dhelm%2Cname%3Dweb failed: ECONNREFUSED (fix: check that the API server is reachable from here, and that the connection names the right server)\n');
    expect(text).not.toContain(api.token);
  });

  it('skips Terraform with --no-terraform', async () => {
    const result = await drift$('--no-terraform', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).stacks[0].terraform).toEqual({ status: 'skipped', changed: [] });
    expect(terraformCalls).toEqual([]);
  });

  it('fails with exit 2 on an unknown option or stack, naming it', async () => {
    expect(await drift$('--jsno')).toEqual({ code: 2, stdout: '', stderr: `cluster-profiles drift: unknown option "--jsno"\n${DRIFT_HELP.split('\n')[0]}\n` });
    const unknown = await drift$('shpo');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('has no stack "shpo"\n  fix: name one of: shop (did you mean "shop"?)');
  });

  it('documents every option in --help', async () => {
    const result = await drift$('--help');
    expect(result.code).toBe(0);
    for (const option of ['stack...', '--json', '--repair', '--out DIR', '--no-terraform', '-h, --help', 'exit codes: 0']) expect(result.stdout).toContain(option);
  });

  it('runs as the cluster-profiles command over HTTPS, with the same report', async () => {
    drift(api);
    const bin = path.join(__dirname, '..', '..', 'bin', 'cluster-profiles.js');
    const run = promisify(execFile);
    const failure = await run(process.execPath, [bin, 'drift', '--out', out, '--no-terraform', '--json'], { env }).then(
      () => undefined,
      (e: { code: number; stdout: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(JSON.parse(failure!.stdout).stacks[0].clusters[0].layers[0].objects).toHaveLength(5);
  });

  it('leaves a layer that defines CRDs and a protected layer out of a repair, saying why, and still exits 1', async () => {
    const crd = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'widgets.example.dev' }, spec: { group: 'example.dev', scope: 'Namespaced', names: { kind: 'Widget', plural: 'widgets' } } };
    const guarded = tempDir('drift-guard-');
    const app = new App({ outdir: guarded });
    const addons = new AddonProfile(app, 'guarded-addons', { version: '1.0.0' });
    addons.addManifestLayer('widget-crds', { documents: [crd] });
    addons.addManifestLayer('web', { namespace: 'web', documents: [webObjects()[0]], protect: true });
    addons.addManifestLayer('api', { namespace: 'api', documents: apiObjects() });
    const stack = new TerraformStack(app, 'guarded');
    const kubeconfig = new TerraformVariable(stack, 'kubeconfig', { type: 'string' });
    new Cluster(stack, 'edge', { connection: ClusterConnection.kubeconfig({ path: kubeconfig.stringValue }), profiles: [addons] });
    app.synth();
    fs.mkdirSync(path.join(guarded, 'stacks', 'guarded', '.terraform'), { recursive: true });
    api.putRelease('widget-crds', 'default', 1, 'deployed', [crd]);
    api.put(installed(crd, 'widget-crds', 'default'));
    api.object('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'widgets.example.dev').spec.scope = 'Cluster';
    api.object('v1', 'ConfigMap', 'web-settings', 'web').data.message = 'edited by hand';
    api.object('v1', 'ConfigMap', 'api-settings', 'api').data.port = '9090';

    const stdout: string[] = [];
    const code = await runDriftCli(['--out', guarded, '--repair'], { stdout: (t) => stdout.push(t), stderr: () => undefined, env, terraform });
    expect(terraformCalls.filter((c) => c.includes(' apply '))).toEqual([`${path.relative(out, path.join(guarded, 'stacks', 'guarded'))}: terraform apply -auto-approve -input=false -no-color -replace=helm_release.edge_api`]);
    const text = stdout.join('');
    expect(text.split('\n').slice(0, 3)).toEqual([
      'repair: repaired (replaced guarded: helm_release.edge_api)',
      '  not repaired: guarded: helm_release.edge_widget-crds: layer widget-crds defines CRDs (widgets.example.dev); replacing it would delete their custom resources',
      '  not repaired: guarded: helm_release.edge_web: layer web is protected (prevent_destroy); Terraform refuses to replace it',
    ]);
    expect(text).toContain('    layer widget-crds: drifted\n      changed CustomResourceDefinition widgets.example.dev\n        /spec/scope: expected "Namespaced", live "Cluster"\n');
    expect(text).not.toContain('layer api:');
    expect(code).toBe(1);
    api.remove('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'widgets.example.dev');
  });

  it("checks the CRDs of a chart's crds/ folder too, and still repairs their layer", async () => {
    const crd = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'gadgets.example.dev' }, spec: { group: 'example.dev', names: { kind: 'Gadget', plural: 'gadgets' } } };
    api.putRelease('api', 'api', 2, 'deployed', apiObjects(), [crd]); // the CRD is not on the cluster
    const result = await drift$('--json', '--no-terraform');
    const layer = JSON.parse(result.stdout).stacks[0].clusters[0].layers[1];
    expect(layer).toEqual({
      layer: 'api',
      status: 'drifted',
      addresses: ['helm_release.edge_api'],
      checked: 2,
      ignored: [],
      objects: [{ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name: 'gadgets.example.dev', release: 'api', state: 'missing', fields: [] }],
    });
    expect(result.code).toBe(1);
  });
});
