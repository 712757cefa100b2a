// Readiness gates on a real cluster, deployed with the real `cdktf deploy`: a Widget (a custom
// resource of the test chart) whose Ready condition only this test sets, after a delay, from a
// tiny controller loop of its own (kubectl patch of the status subresource); the next layer must
// start only after that, shown by Helm's recorded start times. A gate that never passes fails
// the deploy within its timeout with the waiter's message; after the fix the deploy converges.
// A CRD layer and a custom-resource layer of equal priority deploy in one go on the empty cluster.
// Skipped (silently: globalSetup printed the one line) when the provider mirror is missing.
import { CdktfApp } from './harness/cdktf-app';
import { ControlPlane, startControlPlane } from './harness/control-plane';
import { CommandError } from './harness/processes';
import { providersAvailable } from './harness/provider-mirror';
import { requireTerraform, terraformEnv } from './harness/terraform-env';

const suite = providersAvailable() ? describe : describe.skip;

/** Helm's `updated` (`2026-12-01 11:40:00.123456789 +0000 UTC`) in nanoseconds since the epoch. */
function helmTime(text: string): bigint {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d+))? \+0000 UTC$/.exec(text);
  if (!m) throw new Error(`unexpected helm time "${text}"`);
  return BigInt(Date.parse(`${m[1]}T${m[2]}Z`)) * 1_000_000n + BigInt((m[3] ?? '0').padEnd(9, '0'));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

suite('readiness gates on a real cluster', () => {
  let cluster: ControlPlane;
  let app: CdktfApp;
  const terraform = terraformEnv();
  const context = (extra: object = {}) => ({ kubeconfig: cluster.kubeconfig, ...extra });

  const releases = async (): Promise<Array<{ name: string; namespace: string; revision: string; status: string; updated: string }>> =>
    JSON.parse(await cluster.helm('list', '--all-namespaces', '--all', '-o', 'json'));
  const started = async (name: string): Promise<bigint> => helmTime((await releases()).find((r) => r.name === name)!.updated);

  /**
   * The test's controller: waits until Widget `name` exists, then `delayMs` more, then sets its
   * Ready condition through the status subresource. Resolves with the time (ns) just before the
   * PATCH was sent: the condition cannot be True earlier.
   */
  const controller = async (name: string, delayMs: number): Promise<bigint> => {
    for (;;) {
      // Fails while the CRD is not there yet.
      const found = await cluster.kubectl('-n', 'widgets', 'get', 'widgets.demo.example.com', '--ignore-not-found', '-o', 'name').catch(() => '');
      if (found.includes(`widget.demo.example.com/${name}`)) break;
      await sleep(250);
    }
    await sleep(delayMs);
    const at = BigInt(Date.now()) * 1_000_000n;
    const status = { status: { conditions: [{ type: 'Ready', status: 'True', reason: 'Reconciled', message: 'set by the e2e test', lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z') }] } };
    await cluster.kubectl('-n', 'widgets', 'patch', 'widgets.demo.example.com', name, '--subresource=status', '--type=merge', '-p', JSON.stringify(status));
    return at;
  };

  beforeAll(async () => {
    await requireTerraform(terraform.env);
    cluster = await startControlPlane('readiness-cluster');
    app = new CdktfApp('readiness', 'test/e2e/apps/readiness.ts#readiness', terraform).configure(context());
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  let firstDeploy = '';

  it('starts the next layer only after the custom resource\'s Ready condition is True', async () => {
    const [deploy, readyAt] = await Promise.all([app.deploy(), controller('w1', 8000)]);
    firstDeploy = `${deploy.stdout}\n${deploy.stderr}`;
    expect(firstDeploy).toMatch(/cluster-profiles wait: cluster e2e, layer widget: condition Ready=True of Widget w1 \(demo\.example\.com\/v1\) \(120s\) passed after \d+(\.\d)?s/);
    // The widget release started before the condition was set, the next layer only after.
    const widgetStarted = await started('widget');
    const afterStarted = await started('after');
    console.log(`widget release started ${Number(readyAt - widgetStarted) / 1e9} s before its Ready condition was set; after started ${Number(afterStarted - readyAt) / 1e9} s after`);
    expect(widgetStarted).toBeLessThan(readyAt);
    expect(afterStarted).toBeGreaterThan(readyAt);
    expect((await releases()).map((r) => `${r.namespace}/${r.name} ${r.status}`).sort()).toEqual([
      'after/after deployed',
      'default/gadget-crds deployed',
      'gadgets/gadgets deployed',
      'widgets/widget deployed',
    ]);
  });

  it('deploys a CRD layer and a custom-resource layer of equal priority in one deploy on an empty cluster, with the Established gate', async () => {
    expect(firstDeploy).toMatch(/layer gadget-crds: CRDs established: gadgets\.demo\.example\.com \[automatic\] \(60s\) passed/);
    expect(await started('gadgets')).toBeGreaterThan(await started('gadget-crds'));
    const gadget = JSON.parse(await cluster.kubectl('-n', 'gadgets', 'get', 'gadgets.demo.example.com', 'g1', '-o', 'json'));
    expect(gadget.spec).toEqual({ size: 2 });
  });

  it('plans no change on a second deploy of the same code', async () => {
    expect(await app.plannedChanges('readiness')).toEqual({});
  });

  it('fails the deploy within the gate\'s timeout when the object never becomes ready, naming cluster, layer, gate, object and last status', async () => {
    app.configure(context({ widget: 'w2', timeoutSeconds: 10 }));
    const began = Date.now();
    const error = await app.deploy().then(
      () => undefined,
      (e: CommandError) => e,
    );
    expect(error).toBeInstanceOf(CommandError);
    const output = error!.output.replace(/\s*│\s*/g, ' ');
    expect(output).toContain('READINESS_TIMEOUT at clusters/e2e/gates/widget.json: readiness gate did not pass in 10s: condition Ready=True of Widget w2 (demo.example.com/v1) (10s)');
    expect(output).toContain('last seen: Widget widgets/w2 (demo.example.com/v1) exists; no status conditions');
    expect(output).toContain('raise timeoutSeconds of this gate in the readiness of layer "widget"');
    expect(output).not.toContain('output suppressed');
    // Terraform's own time to plan and upgrade, plus the 10 s gate: well under a minute.
    expect(Date.now() - began).toBeLessThan(120_000);
    // The layers below stay installed; the widget release itself is upgraded.
    const byName = new Map((await releases()).map((r) => [r.name, r]));
    expect(byName.get('widget')).toMatchObject({ status: 'deployed', revision: '2' });
    expect(byName.get('after')).toMatchObject({ status: 'deployed', revision: '1' });
  });

  it('converges on the next deploy once the object is ready', async () => {
    const [deploy] = await Promise.all([app.deploy(), controller('w2', 1000)]);
    expect(`${deploy.stdout}\n${deploy.stderr}`).toMatch(/layer widget: condition Ready=True of Widget w2 .* passed after/);
    expect(await app.plannedChanges('readiness')).toEqual({});
  });

  it('never waits on a destroy', async () => {
    const result = await app.destroy();
    expect(`${result.stdout}\n${result.stderr}`).not.toContain('cluster-profiles wait');
    expect(await releases()).toEqual([]);
  });

  it('keeps the DAG at least 3x faster than one at a time with a gate on each of ten slow add-ons', async () => {
    const prepare = async (installOrder: 'dag' | 'sequential', gates: boolean) => {
      const timed = new CdktfApp(`parallel-${installOrder}-${gates ? 'gated' : 'plain'}`, 'test/e2e/apps/readiness.ts#parallelGated', terraform).configure({ kubeconfig: cluster.kubeconfig, installOrder, gates });
      await timed.synth();
      await timed.terraformIn('parallel', ['init', '-input=false', '-no-color']);
      return timed;
    };
    const waiterLines: string[] = [];
    /** Seconds of one `terraform apply` onto the empty cluster, which is emptied again after. */
    const timeDeploy = async (timed: CdktfApp) => {
      const began = Date.now();
      const { stdout } = await timed.terraformIn('parallel', ['apply', '-auto-approve', '-input=false', '-no-color']);
      const seconds = (Date.now() - began) / 1000;
      waiterLines.push(...stdout.split('\n').filter((l) => l.includes('cluster-profiles wait:')));
      await timed.terraformIn('parallel', ['destroy', '-auto-approve', '-input=false', '-no-color']);
      return seconds;
    };
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    // What gates cost: three deploys each, interleaved (plain, gated, gated, plain, ...), medians,
    // so that the machine's load hits both alike; single runs differ by several percent.
    const dag = { plain: await prepare('dag', false), gated: await prepare('dag', true) };
    const runs: Record<'plain' | 'gated', number[]> = { plain: [], gated: [] };
    for (const order of [['plain', 'gated'], ['gated', 'plain'], ['plain', 'gated']] as const) {
      for (const kind of order) runs[kind].push(await timeDeploy(dag[kind]));
    }
    const plain = median(runs.plain);
    const gated = median(runs.gated);
    // The ten add-ons are layers no layer waits for: one waiter, the cluster's, checked all ten in each gated deploy.
    const passed = waiterLines.map((l) => /^terraform_data\.(\S+) \(local-exec\): cluster-profiles wait: cluster e2e, layer (slow-\d+): .* passed after/.exec(l)?.slice(1).join(' '));
    expect(passed.filter((p) => p === undefined)).toEqual([]);
    expect(passed.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `e2e_ready slow-${i + 1}`).sort().flatMap((p) => [p, p, p]));
    waiterLines.length = 0;
    const sequential = await timeDeploy(await prepare('sequential', true));
    const list = (values: number[]) => values.map((v) => v.toFixed(1)).join(', ');
    console.log(
      `ten slow add-ons (medians of 3 interleaved deploys): dag without gates ${plain.toFixed(1)} s (${list(runs.plain)}), dag with gates ${gated.toFixed(1)} s (${list(runs.gated)}), ` +
        `gates ${gated >= plain ? '+' : ''}${(((gated - plain) / plain) * 100).toFixed(1)}%; sequential with gates ${sequential.toFixed(1)} s, ratio ${(sequential / gated).toFixed(2)}`,
    );
    expect(sequential / gated).toBeGreaterThanOrEqual(3);
  });
});
