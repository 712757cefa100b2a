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
    fs.writeFileSync(path.join(dir, `clusters/edge/gates/${name}.json`), JSON.stringify({ apiVersion: 'cluster-profiles.dev/v1', kind: 'ReadinessGates', cluster: 'edge', layer: name, namespace: 'demo', gates: list }));
    return `clusters/edge/gates/${name}.json`;
  };
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

  it('fails with usage on a missing --gates', async () => {
    const stderr: string[] = [];
    expect(await runWait([], { stdout: () => undefined, stderr: (t) => stderr.push(t) }, env)).toBe(2);
    expect(stderr.join('')).toContain('give --gates FILE');
  });
});
