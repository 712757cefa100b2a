import * as fs from 'fs';
import * as path from 'path';
import { App, Aspects, TerraformOutput, TerraformStack } from 'cdktf';
import { ChartSource, Cluster, ClusterConnection, RequirePinnedVersions } from '../../lib';
import { addonProfile, filesUnder, profileError, tempDir } from '../helpers';

const chart = ChartSource.repository('https://charts.example.com', 'web');
const connection = ClusterConnection.kubeconfig({ path: '~/.kube/config' });

/**
 * An app in `outdir`: stack "plain" (no cluster, one output), stack "first" (cluster "one") and
 * stack "second" (cluster "two", whose layer is unpinned and, when `broken`, depends on nothing).
 */
function app(outdir: string, options: { broken?: boolean; policy?: boolean } = {}): App {
  const app = new App({ outdir });
  const plain = new TerraformStack(app, 'plain');
  new TerraformOutput(plain, 'hello', { value: 'world' });
  const profile = addonProfile(app, 'apps');
  profile.addHelmLayer('api', { chart, version: '1.0.0', namespace: 'api' });
  const other = addonProfile(app, 'other');
  other.addHelmLayer('web', { chart, namespace: 'web', dependsOn: options.broken ? ['missing'] : [] });
  new Cluster(new TerraformStack(app, 'first'), 'one', { connection, profiles: [profile] });
  const second = new TerraformStack(app, 'second');
  new Cluster(second, 'two', { connection, profiles: [other] });
  if (options.policy) Aspects.of(second).add(new RequirePinnedVersions());
  return app;
}

describe('the synth pass', () => {
  let outdir: string;
  beforeEach(() => (outdir = tempDir()));
  afterEach(() => fs.rmSync(outdir, { recursive: true, force: true }));

  it('writes every stack when nothing is wrong', () => {
    app(outdir).synth();
    expect(filesUnder(outdir).filter((f) => f.endsWith('cdk.tf.json'))).toEqual(['stacks/first/cdk.tf.json', 'stacks/plain/cdk.tf.json', 'stacks/second/cdk.tf.json']);
  });

  it('fails before any stack is written, even a stack without clusters ahead of the broken one', () => {
    expect(profileError(() => app(outdir, { broken: true }).synth()).code).toBe('UNKNOWN_DEPENDENCY');
    expect(filesUnder(outdir)).toEqual([]);
  });

  it('fails on a policy of a later stack before the earlier stacks are written', () => {
    expect(profileError(() => app(outdir, { policy: true }).synth()).code).toBe('POLICY_VIOLATION');
    expect(filesUnder(outdir)).toEqual([]);
  });

  it('removes what an earlier synth wrote for the stacks, so no pipeline applies it by mistake', () => {
    app(outdir).synth();
    fs.mkdirSync(path.join(outdir, 'stacks', 'first', '.terraform'));
    fs.writeFileSync(path.join(outdir, 'stacks', 'first', '.terraform', 'kept'), 'providers Terraform installed');
    expect(profileError(() => app(outdir, { broken: true }).synth()).code).toBe('UNKNOWN_DEPENDENCY');
    expect(filesUnder(outdir)).toEqual(['stacks/first/.terraform/kept']);
  });

  it('reports the problems of every cluster of every stack at once, policies of the App included', () => {
    const broken = app(outdir, { broken: true });
    const loose = addonProfile(broken, 'loose');
    loose.addHelmLayer('cache', { chart, namespace: 'cache' });
    new Cluster(new TerraformStack(broken, 'third'), 'three', { connection, profiles: [loose] });
    Aspects.of(broken).add(new RequirePinnedVersions());
    const error = profileError(() => broken.synth());
    expect(error.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['POLICY_VIOLATION', 'loose/cache'],
      ['UNKNOWN_DEPENDENCY', 'other/web'],
    ]);
    expect(filesUnder(outdir)).toEqual([]);
  });

  it('reads manifest files in its resolve stage, not where the layer is declared', () => {
    const app = new App({ outdir });
    const profile = addonProfile(app, 'crds');
    const file = path.join(outdir, '..', `${path.basename(outdir)}-crd.yaml`);
    profile.addManifestLayer('crds', { files: [file] });
    new Cluster(new TerraformStack(app, 'prod'), 'prod', { connection, profiles: [profile] });
    fs.writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: written-after-declaration\n');
    try {
      app.synth();
      expect(filesUnder(outdir).filter((f) => f.endsWith('.yaml') && fs.readFileSync(path.join(outdir, f), 'utf8').includes('written-after-declaration'))).toHaveLength(1);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
