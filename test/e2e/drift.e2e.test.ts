// Drift on a real cluster: the quickstart deployed with `cdktf deploy`, then changed behind
// Terraform's back with kubectl (a ConfigMap value, a Deployment's replicas, a Service deleted,
// and a field a drift rule ignores); `cluster-profiles drift` must report exactly those, with
// layer and field, repair them with --repair, and leave Terraform with nothing to change.
// Skipped (silently: globalSetup printed the one line) when the provider mirror is missing.
import * as path from 'node:path';
import { CdktfApp } from './harness/cdktf-app';
import { serveChartRepository, ChartRepository } from './harness/chart-repository';
import { ControlPlane, startControlPlane } from './harness/control-plane';
import { CommandError, run } from './harness/processes';
import { providersAvailable } from './harness/provider-mirror';
import { REPO_ROOT } from './harness/run-dir';
import { requireTerraform, terraformEnv } from './harness/terraform-env';

const suite = providersAvailable() ? describe : describe.skip;

const ADMIN_TOKEN = 'drift-e2e-admin-token';

interface Report {
  drifted: boolean;
  errors: boolean;
  repair?: { status: string; replaced: Record<string, string[]> };
  stacks: Array<{
    stack: string;
    terraform: { status: string; changed: string[] };
    clusters: Array<{
      cluster: string;
      status: string;
      layers: Array<{ layer: string; status: string; addresses: string[]; ignored: string[]; objects: Array<{ state: string; kind: string; namespace?: string; name: string; fields: Array<{ field: string; expected: unknown; live?: unknown }> }> }>;
    }>;
  }>;
}

suite('drift on a real cluster', () => {
  let cluster: ControlPlane;
  let repository: ChartRepository;
  let app: CdktfApp;
  const terraform = terraformEnv();

  beforeAll(async () => {
    await requireTerraform(terraform.env);
    // Its own run subdirectory and free loopback ports (control-plane.sh picks them), so another
    // e2e file or helper running at the same time does not meet this cluster.
    cluster = await startControlPlane('drift-cluster');
    repository = await serveChartRepository(path.join(cluster.dir, 'bin', 'helm'), ['podinfo']);
    app = new CdktfApp('drift-quickstart', 'test/e2e/apps/scenarios.ts#quickstartApp', terraform, {
      TF_VAR_kubeconfig: cluster.kubeconfig,
      TF_VAR_web_admin_token: ADMIN_TOKEN,
    }).configure({ chartRepository: repository.url });
    await app.deploy();
  });

  afterAll(async () => {
    await repository?.close();
    await cluster?.stop();
  });

  /** `cluster-profiles drift` as a user runs it, in the app's folder, with the deploy's environment. */
  const drift = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    const env = { ...terraform.env, TF_VAR_kubeconfig: cluster.kubeconfig, TF_VAR_web_admin_token: ADMIN_TOKEN };
    try {
      const { stdout, stderr } = await run(process.execPath, [path.join(REPO_ROOT, 'bin', 'cluster-profiles.js'), 'drift', ...args], { cwd: app.dir, env });
      return { code: 0, stdout, stderr };
    } catch (e) {
      if (!(e instanceof CommandError) || e.exitCode === null) throw e;
      return { code: e.exitCode, stdout: e.stdout, stderr: e.stderr };
    }
  };
  const layers = (report: Report) => new Map(report.stacks[0].clusters[0].layers.map((l) => [l.layer, l]));

  it('finds no drift right after a deploy, in the objects or in Terraform\'s refresh', async () => {
    const result = await drift('--json');
    const report = JSON.parse(result.stdout) as Report;
    // The findings first: on failure they say what drifted.
    expect(report.stacks.map((s) => [s.stack, s.terraform, s.clusters.map((c) => `${c.cluster} ${c.status}`)])).toEqual([['quickstart', { status: 'in-sync', changed: [] }, ['edge-1 in-sync']]]);
    expect([...layers(report).values()].filter((l) => l.status !== 'in-sync')).toEqual([]);
    expect([...layers(report).keys()]).toEqual(['node-os', 'cni', 'csi', 'issuer-crds', 'issuers', 'web', 'podinfo']);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('reports a changed ConfigMap value, a scaled Deployment and a deleted Service with layer and field, exits 1, and not the ignored field', async () => {
    await cluster.kubectl('-n', 'web', 'patch', 'configmap', 'web-settings', '--type', 'merge', '-p', '{"data":{"message":"edited by hand"}}');
    await cluster.kubectl('-n', 'web', 'scale', 'deployment', 'web', '--replicas=5');
    await cluster.kubectl('-n', 'web', 'delete', 'service', 'web');
    // The quickstart's cni layer ignores its Deployments' replicas (an autoscaler's, say).
    await cluster.kubectl('-n', 'cni-system', 'scale', 'deployment', 'cni-agent', '--replicas=3');

    const result = await drift('--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    const byLayer = layers(report);
    expect(byLayer.get('web')).toMatchObject({ status: 'drifted', addresses: ['helm_release.edge-1_web'] });
    // In the manifest's order, which is Helm's install order of kinds: sorted here by kind.
    expect([...byLayer.get('web')!.objects].sort((a, b) => (a.kind < b.kind ? -1 : 1))).toEqual([
      { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'web', name: 'web-settings', release: 'web', state: 'changed', fields: [{ field: '/data/message', expected: 'hello from edge-1', live: 'edited by hand' }] },
      { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'web', name: 'web', release: 'web', state: 'changed', fields: [{ field: '/spec/replicas', expected: 2, live: 5 }] },
      { apiVersion: 'v1', kind: 'Service', namespace: 'web', name: 'web', release: 'web', state: 'missing', fields: [] },
    ]);
    expect(byLayer.get('cni')).toMatchObject({ status: 'in-sync', objects: [], ignored: ['Deployment/cni-agent /spec/replicas'] });
    expect([...byLayer.values()].filter((l) => l.status !== 'in-sync').map((l) => l.layer)).toEqual(['web']);
    // Terraform's own view: the helm provider does not see changes inside a release.
    expect(report.stacks[0].terraform).toEqual({ status: 'in-sync', changed: [] });

    const text = await drift();
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('  cluster edge-1: drifted (7 layers, ');
    expect(text.stdout).toContain('    layer web: drifted\n');
    expect(text.stdout).toContain('      changed ConfigMap web/web-settings\n        /data/message: expected "hello from edge-1", live "edited by hand"\n');
    expect(text.stdout).toContain('      changed Deployment web/web\n        /spec/replicas: expected 2, live 5\n');
    expect(text.stdout).toContain('      missing Service web/web\n');
    expect(text.stdout).toContain('    ignored by drift rules: 1 field\n');
    expect(text.stdout).not.toContain(ADMIN_TOKEN);
  });

  it('--repair reinstalls exactly the drifted layer, restores the objects, and the next drift exits 0', async () => {
    const repaired = await drift('--repair', '--json');
    const report = JSON.parse(repaired.stdout) as Report;
    expect(report.repair).toEqual({ status: 'repaired', replaced: { quickstart: ['helm_release.edge-1_web'] } });
    expect([...layers(report).values()].filter((l) => l.status !== 'in-sync')).toEqual([]);
    expect(report.stacks[0].terraform).toEqual({ status: 'in-sync', changed: [] });
    expect({ code: repaired.code, drifted: report.drifted, errors: report.errors }).toEqual({ code: 0, drifted: false, errors: false });

    expect(JSON.parse(await cluster.kubectl('-n', 'web', 'get', 'configmap', 'web-settings', '-o', 'json')).data).toEqual({ message: 'hello from edge-1' });
    expect(JSON.parse(await cluster.kubectl('-n', 'web', 'get', 'deployment', 'web', '-o', 'json')).spec.replicas).toBe(2);
    expect(JSON.parse(await cluster.kubectl('-n', 'web', 'get', 'service', 'web', '-o', 'json')).spec.ports[0].port).toBe(80);
    // The ignored field stays as the autoscaler left it: repair touched only the web layer.
    expect(JSON.parse(await cluster.kubectl('-n', 'cni-system', 'get', 'deployment', 'cni-agent', '-o', 'json')).spec.replicas).toBe(3);

    const again = await drift();
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('result: no drift\n');
  });

  it('plans no change on a cdktf deploy after the repair', async () => {
    expect(await app.plannedChanges('quickstart')).toEqual({});
  });
});
