// Real deploys: `cdktf deploy` of the quickstart and of scenarios, with the real helm and
// kubernetes providers, onto a real kube-apiserver on loopback, checked through kubectl and helm.
// Skipped (silently: globalSetup printed the one line) when the provider mirror is missing.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CdktfApp } from './harness/cdktf-app';
import { serveChartRepository, ChartRepository } from './harness/chart-repository';
import { ControlPlane, startControlPlane } from './harness/control-plane';
import { CommandError } from './harness/processes';
import { providersAvailable } from './harness/provider-mirror';
import { requireTerraform, terraformEnv } from './harness/terraform-env';

const suite = providersAvailable() ? describe : describe.skip;

/** The folder of published Palette packs, when this machine has one. */
function palettePacksFolder(): string | undefined {
  const folder = process.env.E2E_PALETTE_PACKS ?? path.join(os.homedir(), '.cache', 'cluster-profiles', 'pack-central', 'packs');
  return fs.existsSync(path.join(folder, 'hello-universe-1.3.1', 'pack.json')) ? folder : undefined;
}

/** Helm's `updated` ("2026-11-24 10:31:02.550617018 +0000 UTC") as nanoseconds since the epoch. */
function helmTime(text: string): bigint {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d+))? \+0000 UTC$/.exec(text);
  if (!m) throw new Error(`unexpected helm time "${text}"`);
  return BigInt(Date.parse(`${m[1]}T${m[2]}Z`)) * 1_000_000n + BigInt((m[3] ?? '0').padEnd(9, '0'));
}

interface HelmRelease {
  name: string;
  namespace: string;
  status: string;
  updated: string;
}

suite('real deploys', () => {
  let cluster: ControlPlane;
  let repository: ChartRepository;
  const terraform = terraformEnv();

  beforeAll(async () => {
    await requireTerraform(terraform.env);
    cluster = await startControlPlane();
    repository = await serveChartRepository(path.join(cluster.dir, 'bin', 'helm'), ['podinfo']);
  });

  afterAll(async () => {
    await repository?.close();
    await cluster?.stop();
  });

  const releases = async (): Promise<HelmRelease[]> => JSON.parse(await cluster.helm('list', '--all-namespaces', '--all', '-o', 'json'));
  const configMapData = async (namespace: string, name: string): Promise<Record<string, string>> =>
    JSON.parse(await cluster.kubectl('-n', namespace, 'get', 'configmap', name, '-o', 'json')).data;

  describe('the quickstart', () => {
    let app: CdktfApp;
    let plan: { layers: Array<{ name: string; dependsOn: string[]; terraform: string[]; releaseName: string; namespace: string }> };

    beforeAll(async () => {
      app = new CdktfApp('quickstart', 'test/e2e/apps/scenarios.ts#quickstartApp', terraform, {
        TF_VAR_kubeconfig: cluster.kubeconfig,
        TF_VAR_web_admin_token: 'token-from-the-pipeline',
      }).configure({ chartRepository: repository.url });
      await app.deploy();
      plan = JSON.parse(fs.readFileSync(path.join(app.stackDir('quickstart'), 'clusters', 'edge-1', 'install-plan.json'), 'utf8'));
    });

    it('installs every layer with its merged values: packs, a repository chart and manifests', async () => {
      expect((await releases()).map((r) => `${r.namespace}/${r.name} ${r.status}`).sort()).toEqual([
        'cni-system/cni deployed',
        'csi-system/csi deployed',
        'default/issuer-crds deployed',
        'default/issuers deployed',
        'platform-system/node-os deployed',
        'podinfo/podinfo deployed',
        'web/web deployed',
      ]);
      // Pack defaults, a preset (MTU 8950) and the Kubernetes layer's pod CIDR through a reference.
      expect(await configMapData('cni-system', 'cni-config')).toEqual({ mtu: '8950', podCIDR: '10.244.0.0/16' });
      // The cluster's override over the layer's values.
      expect(await configMapData('web', 'web-settings')).toEqual({ message: 'hello from edge-1' });
      // The chart repository on loopback, with the layer's values.
      expect(await configMapData('podinfo', 'podinfo-ui')).toEqual({ message: 'Deployed by a cluster profile', replicas: '1' });
      expect(JSON.parse(await cluster.kubectl('get', 'storageclass', 'standard', '-o', 'json')).reclaimPolicy).toBe('Retain');
      expect(await configMapData('platform-system', 'os-baseline')).toEqual({ image: 'Ubuntu 24.04 LTS', sysctl: 'net.ipv4.ip_forward=1' });
      // The pack's namespace labels, with a system macro resolved.
      const labels = JSON.parse(await cluster.kubectl('get', 'namespace', 'cni-system', '-o', 'json')).metadata.labels;
      expect(labels).toMatchObject({ 'pod-security.kubernetes.io/enforce': 'privileged', 'pod-security.kubernetes.io/enforce-version': 'v1.34' });
    });

    it('creates a custom resource in the same deploy as the layer that defines its CRD, on an empty cluster', async () => {
      const issuer = JSON.parse(await cluster.kubectl('get', 'clusterissuers.pki.example.dev', 'internal-ca', '-o', 'json'));
      expect(issuer.spec).toEqual({ commonName: 'Edge internal CA' });
    });

    it('installs every layer after the layers it depends on', async () => {
      // Helm records when it started each release (to the nanosecond); with `wait`, a layer can only
      // start once what it depends on is installed and ready.
      const started = new Map((await releases()).map((r) => [r.name, helmTime(r.updated)]));
      const byName = new Map(plan.layers.map((l) => [l.name, l]));
      // Through a layer that installs nothing (the Kubernetes version check) to what it waited for.
      const installedBefore = (name: string): string[] =>
        byName.get(name)!.dependsOn.flatMap((d) => (started.has(byName.get(d)!.releaseName) ? [d] : installedBefore(d)));
      const checked: string[] = [];
      for (const layer of plan.layers) {
        if (!started.has(layer.releaseName)) continue;
        for (const dependency of installedBefore(layer.name)) {
          expect(started.get(layer.releaseName)!).toBeGreaterThan(started.get(byName.get(dependency)!.releaseName)!);
          checked.push(`${dependency} -> ${layer.name}`);
        }
      }
      expect(checked).toEqual(['node-os -> cni', 'cni -> csi', 'csi -> issuer-crds', 'issuer-crds -> issuers', 'issuers -> web', 'web -> podinfo']);
    });

    it('plans no change on a second deploy of the same code', async () => {
      expect(await app.plannedChanges('quickstart')).toEqual({});
    });

    it('destroys every layer, dependents before what they depend on', async () => {
      const result = await app.destroy();
      const stdout = `${result.stdout}\n${result.stderr}`;
      // Terraform prints "helm_release.edge-1_web (edge-1/release-web): Destruction complete after 1s".
      const order = [...stdout.matchAll(/helm_release\.edge-1_([a-z0-9-]+) \([^)]*\): Destruction complete/g)].map((m) => m[1]);
      // The quickstart's layers form one chain, so destroy must be its exact reverse.
      const installOrder = plan.layers.filter((l) => l.name !== 'kubernetes').map((l) => l.name);
      expect(order).toEqual([...installOrder].reverse());
      expect(order).toEqual(['podinfo', 'web', 'issuers', 'issuer-crds', 'csi', 'cni', 'node-os']);
      expect(await releases()).toEqual([]);
    });
  });

  describe('a profile over its lifetime', () => {
    const context = () => ({ kubeconfig: cluster.kubeconfig });
    let app: CdktfApp;

    beforeAll(async () => {
      app = new CdktfApp('lifecycle', 'test/e2e/apps/scenarios.ts#lifecycle', terraform).configure({ ...context(), version: '1.0.0' });
      await app.deploy();
    });

    afterAll(async () => {
      await app?.configure({ ...context(), version: '1.1.0', flaky: 'ok' }).destroy();
    });

    it('delivers values with ${ and %{ to the cluster unchanged', async () => {
      expect(await configMapData('echo', 'echo-data')).toEqual({
        braces: '{{ not a template }}',
        directive: '%{if true}yes%{endif}',
        release: 'first',
        shell: 'echo ${HOME} and $${ESCAPED}',
      });
    });

    it('changes only what changed when the cluster moves to a new profile version', async () => {
      app.configure({ ...context(), version: '1.1.0' });
      expect(await app.plannedChanges('lifecycle')).toEqual({ 'helm_release.e2e_echo': 'update' });
      await app.deploy();
      expect((await configMapData('echo', 'echo-data')).release).toBe('second');
      expect(await app.plannedChanges('lifecycle')).toEqual({});
    });

    it('fails a deploy on the layer whose chart fails, naming it, keeps the rest, and converges after the fix', async () => {
      app.configure({ ...context(), version: '1.1.0', flaky: 'fail' });
      const error = await app.deploy().then(
        () => undefined,
        (e: CommandError) => e,
      );
      expect(error).toBeInstanceOf(CommandError);
      expect(error!.output).toContain('helm_release.e2e_flaky');
      expect(error!.output).toContain('Not_A_Valid_Name');
      expect((await releases()).map((r) => `${r.name} ${r.status}`).sort()).toEqual(['echo deployed', 'stable deployed']);
      app.configure({ ...context(), version: '1.1.0', flaky: 'ok' });
      await app.deploy();
      expect((await releases()).map((r) => `${r.name} ${r.status}`).sort()).toEqual(['echo deployed', 'flaky deployed', 'stable deployed']);
      expect(await configMapData('flaky', 'flaky-config')).toEqual({ ok: 'true' });
      expect(await app.plannedChanges('lifecycle')).toEqual({});
    });
  });

  // Published packs of Palette's public registry (pack-central), never committed: the folder comes
  // from E2E_PALETTE_PACKS, by default ~/.cache/cluster-profiles/pack-central/packs.
  (palettePacksFolder() ? describe : describe.skip)('published Palette packs', () => {
    let app: CdktfApp;
    beforeAll(async () => {
      app = new CdktfApp('palette', 'test/e2e/apps/scenarios.ts#palettePacks', terraform).configure({ kubeconfig: cluster.kubeconfig, palettePacks: palettePacksFolder() });
      await app.deploy();
    });
    afterAll(async () => {
      await app?.destroy();
    });

    it('deploys a chart pack, a manifest pack and a preset unmodified', async () => {
      expect((await releases()).filter((r) => ['rbac-manager', 'hello-universe'].includes(r.name)).map((r) => `${r.namespace}/${r.name} ${r.status}`).sort()).toEqual([
        'default/hello-universe deployed', // the pack sets no namespace; its manifest makes its own
        'rbac-manager/rbac-manager deployed',
      ]);
      // The chart's CRD and the custom resource the pack's values define, in one deploy.
      const binding = JSON.parse(await cluster.kubectl('-n', 'rbac-manager', 'get', 'rbacdefinitions.rbacmanager.reactiveops.io', 'team-access', '-o', 'json'));
      expect(binding.rbacBindings[0].name).toBe('cluster-admins');
      expect(binding.rbacBindings[0].subjects.map((s: { name: string }) => s.name)).toContain('useradmin@spectrocloud.com');
      expect(JSON.parse(await cluster.kubectl('-n', 'rbac-manager', 'get', 'deployment', '-o', 'json')).items.length).toBe(1);
      // The manifest's Go template read the preset's values: the UI image without the API proxy.
      const ui = JSON.parse(await cluster.kubectl('-n', 'hello-universe', 'get', 'deployment', 'hello-universe-deployment', '-o', 'json'));
      expect(ui.spec.replicas).toBe(1);
      expect(ui.spec.template.spec.containers[0].image).toBe('ghcr.io/spectrocloud/hello-universe:1.3.2');
    });

    it('plans no change on a second deploy', async () => {
      expect(await app.plannedChanges('palette')).toEqual({});
    });
  });

  it('fails clearly, before installing anything, on a cluster of another Kubernetes version', async () => {
    const app = new CdktfApp('pin', 'test/e2e/apps/scenarios.ts#versionPin', terraform).configure({ kubeconfig: cluster.kubeconfig, kubernetes: '1.33.x' });
    const error = await app.deploy().then(
      () => undefined,
      (e: CommandError) => e,
    );
    expect(error).toBeInstanceOf(CommandError);
    expect(error!.output.replace(/\s+/g, ' ')).toContain('Layer "kubernetes" of cluster "e2e" expects Kubernetes 1.33.x, but the server runs v1.34.4.');
    expect(await releases()).toEqual([]);
  });

  it('installs ten independent slow add-ons at least 3x faster on the DAG than one at a time', async () => {
    const timeDeploy = async (installOrder: 'dag' | 'sequential') => {
      const app = new CdktfApp(`parallel-${installOrder}`, 'test/e2e/apps/scenarios.ts#parallel', terraform).configure({ kubeconfig: cluster.kubeconfig, installOrder });
      await app.synth();
      await app.terraformIn('parallel', ['init', '-input=false', '-no-color']);
      const started = Date.now();
      await app.terraformIn('parallel', ['apply', '-auto-approve', '-input=false', '-no-color']);
      const seconds = (Date.now() - started) / 1000;
      await app.terraformIn('parallel', ['destroy', '-auto-approve', '-input=false', '-no-color']);
      return seconds;
    };
    const dag = await timeDeploy('dag');
    const sequential = await timeDeploy('sequential');
    console.log(`ten slow add-ons: dag ${dag.toFixed(1)} s, sequential ${sequential.toFixed(1)} s, ratio ${(sequential / dag).toFixed(2)}`);
    expect(sequential / dag).toBeGreaterThanOrEqual(3);
  });
});
