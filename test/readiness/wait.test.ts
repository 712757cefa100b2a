import * as fs from 'fs';
import * as path from 'path';
import { runWait } from '../../lib/cli/wait';
import { FakeApiServer, startFakeApiServer, writeKubeconfig } from '../drift/fake-api-server';
import { tempDir } from '../helpers';

const crd = (established: string) => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.demo.example.com' },
  spec: { group: 'demo.example.com', names: { kind: 'Widget', plural: 'widgets' } },
  status: { conditions: [{ type: 'NamesAccepted', status: 'True' }, { type: 'Established', status: established }] },
});
const widget = (ready: string) => ({
  apiVersion: 'demo.example.com/v1',
  kind: 'Widget',
  metadata: { name: 'w1', namespace: 'demo' },
  status: { phase: ready === 'True' ? 'Running' : 'Pending', conditions: [{ type: 'Ready', status: ready, reason: ready === 'True' ? 'Done' : 'Pending', message: 'from the test' }] },
});

describe('cluster-profiles wait against a fake API server over HTTPS', () => {
  let api: FakeApiServer;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  const gates = (name: string, list: unknown[]) => {
    fs.mkdirSync(path.join(dir, 'clusters/edge/gates'), { recursive: true });
    fs.writeFileSync(path.join(dir, `clusters/edge/gates/${name}.json`), JSON.stringify({ apiVersion: 'cluster-profiles.dev/v2', kind: 'ReadinessGates', cluster: 'edge', scope: 'layer', layers: [{ layer: name, namespace: 'demo', gates: list }] }));
    return `clusters/edge/gates/${name}.json`;
  };
  /** The cluster's gate file, of the layers no layer waits for. */
  const clusterGates = (layers: Record<string, unknown[]>) => {
    fs.mkdirSync(path.join(dir, 'clusters/edge/gates'), { recursive: true });
    const document = { apiVersion: 'cluster-profiles.dev/v2', kind: 'ReadinessGates', cluster: 'edge', scope: 'cluster', layers: Object.entries(layers).map(([layer, list]) => ({ layer, namespace: 'demo', gates: list })) };
    fs.writeFileSync(path.join(dir, 'clusters/edge/gates/_cluster.json'), JSON.stringify(document));
    return 'clusters/edge/gates/_cluster.json';
  };
  const named = (name: string, ready: string) => ({ ...widget(ready), metadata: { name, namespace: 'demo' } });
  const readyGate = (name: string, timeoutSeconds: number) => ({ kind: 'condition', timeoutSeconds, object: { apiVersion: 'demo.example.com/v1', kind: 'Widget', name }, type: 'Ready', status: 'True' });
  const run = async (file: string, environment = env) => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    const code = await runWait(['--gates', file, '--stack-dir', dir, '--poll-ms', '50'], { stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t) }, environment);
    return { code, stdout: stdout.join(''), stderr: stderr.join('') };
  };

  beforeAll(async () => {
    api = await startFakeApiServer();
    dir = tempDir('wait-');
    const kubeconfig = path.join(dir, 'kubeconfig');
    writeKubeconfig(kubeconfig, api);
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify({ provider: { helm: [{ alias: 'edge', kubernetes: { config_path: '${var.kubeconfig}' } }] }, variable: { kubeconfig: { type: 'string' } } }));
    env = { TF_VAR_kubeconfig: kubeconfig };
  });

  afterAll(async () => {
    await api.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('passes a condition gate only once the condition becomes True, polling until then', async () => {
    api.put(widget('False'));
    const file = gates('widgets', [{ kind: 'condition', timeoutSeconds: 10, object: { apiVersion: 'demo.example.com/v1', kind: 'Widget', name: 'w1' }, type: 'Ready', status: 'True' }]);
    const setAt = Date.now() + 400;
    setTimeout(() => api.put(widget('True')), 400);
    const result = await run(file);
    expect(Date.now()).toBeGreaterThanOrEqual(setAt);
    expect(result).toEqual({ code: 0, stderr: '', stdout: expect.stringMatching(/^cluster-profiles wait: cluster edge, layer widgets: condition Ready=True of Widget w1 \(demo\.example\.com\/v1\) \(10s\) passed after \d+(\.\d)?s\n$/) });
    const polls = api.requests.filter((r) => r.line === 'GET /apis/demo.example.com/v1/namespaces/demo/widgets/w1');
    expect(polls.length).toBeGreaterThan(2);
    expect(polls.every((r) => r.authorization === `Bearer ${api.token}`)).toBe(true);
  });

  it('passes CRD, JSONPath and existence gates in order', async () => {
    api.put(crd('True'));
    api.put(widget('True'));
    const file = gates('all', [
      { kind: 'crdsEstablished', timeoutSeconds: 5, names: ['widgets.demo.example.com'] },
      { kind: 'jsonPath', timeoutSeconds: 5, object: { apiVersion: 'demo.example.com/v1', kind: 'Widget', name: 'w1' }, path: '.status.conditions[?(@.type=="Ready")].status', value: 'True' },
      { kind: 'exists', timeoutSeconds: 5, object: { apiVersion: 'demo.example.com/v1', kind: 'Widget', name: 'w1', namespace: 'demo' } },
    ]);
    const result = await run(file);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter(Boolean).map((l) => l.replace(/ passed after .*$/, '').replace(/^.*layer all: /, ''))).toEqual([
      'CRDs established: widgets.demo.example.com (5s)',
      '.status.conditions[?(@.type=="Ready")].status == "True" on Widget w1 (demo.example.com/v1) (5s)',
      'Widget demo/w1 (demo.example.com/v1) exists (5s)',
    ]);
  });

  it('fails a gate that never passes within its timeout, with the cluster, layer, gate, object, last status and fix', async () => {
    api.put(widget('False'));
    const file = gates('stuck', [{ kind: 'condition', timeoutSeconds: 1, object: { apiVersion: 'demo.example.com/v1', kind: 'Widget', name: 'w1' }, type: 'Ready', status: 'True' }]);
    const started = Date.now();
    const result = await run(file);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        'READINESS_TIMEOUT at clusters/edge/gates/stuck.json: readiness gate did not pass in 1s: condition Ready=True of Widget w1 (demo.example.com/v1) (1s)',
        '  object: Widget demo/w1 (demo.example.com/v1)',
        '  last seen: Widget demo/w1 (demo.example.com/v1) exists; conditions: Ready=False (Pending: from the test)',
        '  fix: find why with `kubectl get widget w1 -n demo -o yaml` (and the logs of its controller), fix it and deploy again; or raise timeoutSeconds of this gate in the readiness of layer "stuck". The layers before it stay installed.',
        '',
      ].join('\n'),
    );
  });

  it('reports a CRD that is not established, and an object that does not exist', async () => {
    api.put(crd('False'));
    const crdResult = await run(gates('crds', [{ kind: 'crdsEstablished', timeoutSeconds: 1, names: ['widgets.demo.example.com'] }]));
    expect(crdResult.stderr).toContain('last seen: CRD widgets.demo.example.com: conditions: NamesAccepted=True, Established=False');
    const missing = await run(gates('missing', [{ kind: 'exists', timeoutSeconds: 1, object: { apiVersion: 'demo.example.com/v1', kind: 'Widget', name: 'w9' } }]));
    expect(missing.stderr).toContain('last seen: Widget demo/w9 (demo.example.com/v1) does not exist');
  });

  it('takes connection fields from the environment the terraform_data passes, over cdk.tf.json', async () => {
    api.put(widget('True'));
    const file = gates('env', [{ kind: 'exists', timeoutSeconds: 5, object: { apiVersion: 'demo.example.com/v1', kind: 'Widget', name: 'w1' } }]);
    const result = await run(file, { CLUSTER_PROFILES_CONFIG_PATH: env.TF_VAR_kubeconfig });
    expect(result.code).toBe(0);
  });

  it("checks the layers of the cluster's gate file at the same time, each layer's gates in order", async () => {
    api.put(named('a1', 'False'));
    api.put(named('b1', 'True'));
    api.put(named('b2', 'True'));
    const file = clusterGates({ a: [readyGate('a1', 10)], b: [readyGate('b1', 10), readyGate('b2', 10)] });
    setTimeout(() => api.put(named('a1', 'True')), 600);
    const result = await run(file);
    expect(result.code).toBe(0);
    // Layer b, second in the file, passes while layer a still waits: the layers are not checked one after the other.
    expect(result.stdout.split('\n').filter(Boolean).map((l) => l.replace(/ \(demo\.example\.com\/v1\) \(10s\) passed after .*$/, ''))).toEqual([
      'cluster-profiles wait: cluster edge, layer b: condition Ready=True of Widget b1',
      'cluster-profiles wait: cluster edge, layer b: condition Ready=True of Widget b2',
      'cluster-profiles wait: cluster edge, layer a: condition Ready=True of Widget a1',
    ]);
  });

  it("reports every layer of the cluster's gate file whose gate timed out, each by name, once all are done", async () => {
    api.put(named('a1', 'False'));
    api.put(named('b1', 'True'));
    api.put(named('c1', 'False'));
    const result = await run(clusterGates({ a: [readyGate('a1', 1)], b: [readyGate('b1', 5)], c: [readyGate('c1', 1)] }));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/layer b: condition Ready=True of Widget b1 .* passed after/);
    expect(result.stderr.split('\n').filter((l) => l.startsWith('READINESS_TIMEOUT'))).toEqual([
      'READINESS_TIMEOUT at clusters/edge/gates/_cluster.json: layer a: readiness gate did not pass in 1s: condition Ready=True of Widget a1 (demo.example.com/v1) (1s)',
      'READINESS_TIMEOUT at clusters/edge/gates/_cluster.json: layer c: readiness gate did not pass in 1s: condition Ready=True of Widget c1 (demo.example.com/v1) (1s)',
    ]);
    expect(result.stderr).toContain('in the readiness of layer "c"');
  });

  it('refuses a gate file of another apiVersion, saying to synthesize again', async () => {
    fs.writeFileSync(path.join(dir, 'old.json'), JSON.stringify({ apiVersion: 'cluster-profiles.dev/v1', kind: 'ReadinessGates', cluster: 'edge', layer: 'web', namespace: 'demo', gates: [] }));
    const result = await run('old.json');
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cluster-profiles wait: old.json is a gate file of apiVersion "cluster-profiles.dev/v1", and this cluster-profiles reads cluster-profiles.dev/v2: synthesize the stack again (cdktf deploy does) with the cdktf-cluster-profiles that runs this command\n',
    });
  });

  it('fails with usage on a missing --gates', async () => {
    const stderr: string[] = [];
    expect(await runWait([], { stdout: () => undefined, stderr: (t) => stderr.push(t) }, env)).toBe(2);
    expect(stderr.join('')).toContain('give --gates FILE');
  });
});
