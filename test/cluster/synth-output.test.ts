import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { ChartSource, SensitiveValue } from '../../lib';
import { quickstart } from '../../examples/quickstart/app';
import { addonProfile, clusterIn, filesUnder, infraProfile, profileError, tempDir } from '../helpers';

function synthQuickstart(outdir: string): void {
  const app = new App({ outdir });
  quickstart(app);
  app.synth();
}

describe('synth output', () => {
  let dirs: string[] = [];
  const dir = () => {
    const d = tempDir();
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    dirs = [];
  });

  it('gives byte-identical files when synthesized twice', () => {
    const [a, b] = [dir(), dir()];
    synthQuickstart(a);
    synthQuickstart(b);
    const files = filesUnder(a);
    expect(files).toEqual(filesUnder(b));
    expect(files).toContain('stacks/quickstart/cdk.tf.json');
    expect(files).toContain('stacks/quickstart/clusters/edge-1/install-plan.json');
    for (const f of files) expect(fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f)))).toBe(true);
  });

  it('writes no absolute path and no machine-specific text', () => {
    const out = dir();
    synthQuickstart(out);
    for (const f of filesUnder(out).filter((f) => f.endsWith('.json'))) {
      const text = fs.readFileSync(path.join(out, f), 'utf8');
      expect(text).not.toContain(out);
      expect(text).not.toContain(process.cwd());
    }
  });

  it('writes an install plan per cluster with order, groups, charts, versions and dependencies', () => {
    const out = dir();
    synthQuickstart(out);
    const plan = JSON.parse(fs.readFileSync(path.join(out, 'stacks/quickstart/clusters/edge-1/install-plan.json'), 'utf8'));
    expect(plan.kind).toBe('InstallPlan');
    expect(plan.groups).toEqual([['node-os'], ['kubernetes'], ['cni'], ['csi'], ['issuer-crds'], ['issuers'], ['web'], ['podinfo']]);
    const byName = Object.fromEntries(plan.layers.map((l: any) => [l.name, l]));
    expect(byName.podinfo).toMatchObject({
      kind: 'helm',
      role: null,
      profile: { name: 'edge-addons', version: '1.0.0' },
      namespace: 'podinfo',
      releaseName: 'podinfo',
      group: 7,
      priority: 20,
      dependsOn: ['web'],
      chart: { type: 'repository', repository: 'https://stefanprodan.github.io/podinfo', name: 'podinfo' },
      version: '6.9.2',
      terraform: ['helm_release.edge-1_podinfo'],
    });
    expect(byName.kubernetes).toMatchObject({ kind: 'kubernetes', role: 'k8s', version: '1.34.x', chart: null, terraform: ['data.kubernetes_server_version.edge-1_kubernetes'] });
    expect(byName.web.values.charts).toEqual({
      'demo-web': { adminToken: '(sensitive: var.web_admin_token)', image: 'registry.k8s.io/pause:3.10', message: 'hello from edge-1', replicaCount: 2 },
    });
    expect(byName.web).toMatchObject({
      kind: 'pack',
      version: '2.0.4',
      namespace: 'web',
      priority: 10,
      chart: { type: 'pack', registry: 'examples', name: 'demo-web', constraint: '2.0.x', digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
    });
    expect(byName['issuer-crds'].chart).toMatchObject({ type: 'generated', path: expect.stringMatching(/^clusters\/edge-1\/charts\/issuer-crds-[0-9a-f]{12}$/) });
  });

  it('writes the charts the releases point at, beside the stack', () => {
    const out = dir();
    synthQuickstart(out);
    const stack = path.join(out, 'stacks/quickstart');
    const tf = JSON.parse(fs.readFileSync(path.join(stack, 'cdk.tf.json'), 'utf8'));
    for (const release of Object.values<any>(tf.resource.helm_release)) {
      if (!release.chart.startsWith('./')) continue;
      const chart = path.join(stack, release.chart);
      expect(fs.existsSync(release.chart.endsWith('.tgz') ? chart : path.join(chart, 'Chart.yaml'))).toBe(true);
    }
    expect(fs.existsSync(path.join(stack, tf.resource.helm_release['edge-1_cni'].chart))).toBe(true);
  });

  it('writes nothing at all when any stack of the app fails to plan', () => {
    const out = dir();
    const app = new App({ outdir: out });
    const good = addonProfile(app, 'good');
    good.addHelmLayer('web', { chart: ChartSource.local('examples/charts/demo-web') });
    clusterIn(app, { profiles: [infraProfile(app), good] }, 'a-first', 'first');
    const bad = addonProfile(app, 'bad');
    bad.addHelmLayer('x', { chart: ChartSource.local('examples/charts/demo-web'), dependsOn: ['y'] });
    bad.addHelmLayer('y', { chart: ChartSource.local('examples/charts/demo-web'), releaseName: 'other', dependsOn: ['x'] });
    clusterIn(app, { profiles: [bad] }, 'z-second', 'second');
    const error = profileError(() => app.synth());
    expect(error.code).toBe('LAYER_CYCLE');
    expect(filesUnder(out)).toEqual([]);
  });

  it('keeps sensitive values out of every file it writes', () => {
    const out = dir();
    const app = new App({ outdir: out });
    const addons = addonProfile(app);
    addons.addManifestLayer('settings', { yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\ndata:\n  a: b\n' });
    addons.addHelmLayer('db', { chart: ChartSource.local('examples/charts/demo-web'), values: { password: 'do-not-ship' } });
    clusterIn(app, { profiles: [addons] }).setValues('db', { password: SensitiveValue.fromVariable('db_password') });
    app.synth();
    for (const f of filesUnder(out)) expect(fs.readFileSync(path.join(out, f), 'utf8')).not.toContain('do-not-ship');
  });
});
