import * as fs from 'fs';
import { App, Aspects, TerraformStack, Testing } from 'cdktf';
import {
  ChartSource,
  Cluster,
  ClusterConnection,
  ClusterPolicy,
  InstallPlan,
  PolicyViolation,
  RequireNamespaces,
  RequirePinnedVersions,
} from '../../lib';
import { addonProfile, filesUnder, profileError, tempDir, testApp } from '../helpers';

const chart = ChartSource.repository('https://charts.example.com', 'web');
const connection = ClusterConnection.kubeconfig({ path: '~/.kube/config' });

/** An app with two stacks, "first" (compliant) and "second" (web: unpinned, in "default"). */
function twoStacks(app: App) {
  const good = addonProfile(app, 'good');
  good.addHelmLayer('api', { chart, version: '1.0.0', namespace: 'api' });
  const bad = addonProfile(app, 'bad');
  bad.addHelmLayer('web', { chart });
  const first = new TerraformStack(app, 'first');
  const second = new TerraformStack(app, 'second');
  const one = new Cluster(first, 'one', { connection, profiles: [good] });
  const two = new Cluster(second, 'two', { connection, profiles: [bad] });
  return { first, second, one, two };
}

const WEB_VIOLATIONS = [
  'POLICY_VIOLATION at bad/web: layer "web" on cluster "two" breaks require-namespaces: it installs into the "default" namespace',
  '  fix: give the layer a namespace of its own, e.g. namespace: "web"',
  'POLICY_VIOLATION at bad/web: layer "web" on cluster "two" breaks require-pinned-versions: chart "web" of https://charts.example.com has no version, so each deploy may install a different chart',
  '  fix: set the layer\'s version to an exact chart version, e.g. "1.16.2"',
].join('\n');

describe('cluster policies', () => {
  it('fail Testing.synth with every violation of every policy at once, before the cluster emits anything', () => {
    const { second, two } = twoStacks(testApp());
    Aspects.of(second).add(new RequirePinnedVersions());
    Aspects.of(second).add(new RequireNamespaces());
    expect(profileError(() => Testing.synth(second)).message).toBe(WEB_VIOLATIONS);
    expect(two.node.tryFindChild('helm')).toBeUndefined();
  });

  it('fail app.synth before any stack is written, even when a later stack breaks the rule', () => {
    const outdir = tempDir();
    try {
      const app = new App({ outdir });
      const { first, second } = twoStacks(app);
      for (const stack of [first, second]) {
        Aspects.of(stack).add(new RequirePinnedVersions());
        Aspects.of(stack).add(new RequireNamespaces());
      }
      expect(profileError(() => app.synth()).message).toBe(WEB_VIOLATIONS);
      expect(filesUnder(outdir)).toEqual([]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('govern only the clusters below the construct they were added to', () => {
    const app = testApp();
    const { first, two } = twoStacks(app);
    const alsoBad = addonProfile(app, 'also-bad');
    alsoBad.addHelmLayer('web', { chart });
    const three = new Cluster(first, 'three', { connection, profiles: [alsoBad] });
    Aspects.of(three).add(new RequirePinnedVersions());
    expect(profileError(() => Testing.synth(first)).message).toBe(
      'POLICY_VIOLATION at also-bad/web: layer "web" on cluster "three" breaks require-pinned-versions: chart "web" of https://charts.example.com has no version, so each deploy may install a different chart\n' +
        '  fix: set the layer\'s version to an exact chart version, e.g. "1.16.2"',
    );
    // One pass for the whole app: synthesizing the other stack reports the same, and only that.
    expect(profileError(() => Testing.synth(TerraformStack.of(two))).diagnostics.map((d) => d.path)).toEqual(['also-bad/web']);
  });

  it('report the planning errors of a cluster they cannot check, beside the violations of the others', () => {
    const app = testApp();
    const { second } = twoStacks(app);
    const broken = addonProfile(app, 'broken');
    broken.addHelmLayer('a', { chart, version: '1.0.0', namespace: 'a', dependsOn: ['missing'] });
    new Cluster(second, 'three', { connection, profiles: [broken] });
    Aspects.of(second).add(new RequirePinnedVersions());
    const error = profileError(() => Testing.synth(second));
    expect(error.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['POLICY_VIOLATION', 'bad/web'],
      ['UNKNOWN_DEPENDENCY', 'broken/a'],
    ]);
  });

  it('can be written by extending ClusterPolicy with a rule name and a check of the plan', () => {
    class AtMostOneLayer extends ClusterPolicy {
      public readonly rule = 'at-most-one-layer';
      public check(plan: InstallPlan): PolicyViolation[] {
        return plan.layers.slice(1).map((layer) => ({ layer, message: 'the cluster already has a layer', fix: 'remove it' }));
      }
    }
    const app = testApp();
    const addons = addonProfile(app);
    addons.addHelmLayer('a', { chart, version: '1.0.0', namespace: 'a' });
    addons.addHelmLayer('b', { chart, version: '1.0.0', namespace: 'b' });
    const stack = new TerraformStack(app, 'stack');
    new Cluster(stack, 'prod', { connection, profiles: [addons] });
    Aspects.of(stack).add(new AtMostOneLayer());
    expect(profileError(() => Testing.synth(stack)).message).toBe(
      'POLICY_VIOLATION at addons/b: layer "b" on cluster "prod" breaks at-most-one-layer: the cluster already has a layer\n  fix: remove it',
    );
  });
});
