import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { parse } from 'yaml';
import { storeFleet } from '../../examples/fleet/app';
import { multiCluster } from '../../examples/multi-cluster/app';
import { quickstart } from '../../examples/quickstart/app';
import { runCli } from '../../lib/cli/cli';
import { githubWorkflowErrors, gitlabPipelineErrors } from '../fleet/ci-schemas';
import { dependsOn, releases, synthJson, tempDir } from '../helpers';

describe('examples/quickstart', () => {
  const app = new App({ outdir: 'cdktf.out/test-quickstart' });
  const { stack, cluster } = quickstart(app);
  const json = synthJson(stack);

  it('installs infra bottom-up, then add-ons by priority', () => {
    expect(cluster.plan().groups).toEqual([['node-os'], ['kubernetes'], ['cni'], ['csi'], ['issuer-crds'], ['issuers'], ['web'], ['podinfo']]);
  });

  it('resolves its trains to the versions in its lockfile, never a pre-release', () => {
    const versions = Object.fromEntries(cluster.plan().layers.filter((l) => l.pack).map((l) => [l.name, [l.pack!.constraint, l.pack!.version]]));
    expect(versions).toEqual({ cni: ['0.3.x', '0.3.1'], csi: ['1.2.0', '1.2.0'], issuers: ['1.0.0', '1.0.0'], web: ['2.0.x', '2.0.4'] });
  });

  it('applies the pack preset and the Kubernetes layer\'s pod CIDR to the CNI', () => {
    expect(releases(json)['edge-1_cni'].values).toEqual(['image: registry.k8s.io/pause:3.10\nmtu: 8950\npodCIDR: 10.244.0.0/16\n']);
  });

  it('keeps its Terraform addresses, which are a contract with existing state', () => {
    expect(Object.keys(releases(json)).sort()).toEqual([
      'edge-1_cni',
      'edge-1_csi',
      'edge-1_issuer-crds',
      'edge-1_issuers',
      'edge-1_node-os',
      'edge-1_podinfo',
      'edge-1_web',
    ]);
    expect(Object.keys(json.data.kubernetes_server_version)).toEqual(['edge-1_kubernetes']);
  });

  it('installs the custom resource after the layer that defines its CRD', () => {
    expect(dependsOn(json, 'edge-1_issuers')).toEqual(['edge-1_issuer-crds']);
    expect(dependsOn(json, 'edge-1_web')).toEqual(['edge-1_issuers']);
    expect(dependsOn(json, 'edge-1_podinfo')).toEqual(['edge-1_web']);
  });

  it('merges the cluster override over the layer values', () => {
    expect(releases(json)['edge-1_web'].values).toEqual(['image: registry.k8s.io/pause:3.10\nmessage: hello from edge-1\nreplicaCount: 2\n']);
    expect(cluster.plan().layers.find((l) => l.name === 'web')!.provenance).toEqual({
      'charts.demo-web.adminToken': 'cluster',
      'charts.demo-web.image': 'pack',
      'charts.demo-web.message': 'cluster',
      'charts.demo-web.replicaCount': 'layer',
      'pack.namespace': 'pack',
      'pack.releaseNameOverride.demo-web': 'pack',
      'pack.spectrocloud\\.com/install-priority': 'pack',
    });
  });
});

describe('examples/multi-cluster', () => {
  const app = new App({ outdir: 'cdktf.out/test-multi-cluster' });
  const clusters = multiCluster(app);

  it('puts each cluster in its own stack with its own overrides', () => {
    const values = [...clusters].map(([name, { stack }]) => [name, releases(synthJson(stack))[`${name}_frontend`].values[0]]);
    expect(values).toEqual([
      ['dev', 'message: dev build\nreplicaCount: 1\n'],
      ['staging', 'message: release candidate\nreplicaCount: 2\n'],
      ['prod', 'message: production\nreplicaCount: 4\n'],
    ]);
    expect(releases(synthJson(clusters.get('prod')!.stack))['prod_storage'].values).toEqual(['storageClass:\n  name: fast\n  reclaimPolicy: Retain\n']);
  });

  it('installs in parallel on dev and one layer at a time on prod', () => {
    expect(clusters.get('dev')!.cluster.plan().groups).toEqual([['namespaces', 'storage'], ['frontend']]);
    expect(clusters.get('prod')!.cluster.plan().groups).toEqual([['namespaces'], ['storage'], ['frontend']]);
    expect(dependsOn(synthJson(clusters.get('prod')!.stack), 'prod_storage')).toEqual(['prod_namespaces']);
  });
});

describe('examples/fleet', () => {
  const outdir = tempDir('example-fleet-');
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));
  const app = new App({ outdir });
  const fleet = storeFleet(app);
  app.synth();
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  const plan = (...format: string[]) => {
    let stdout = '';
    const code = runCli(['rollout', 'plan', outdir, ...format, '--app-dir', 'examples/fleet'], { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stdout += t) }) as number;
    expect(code).toBe(0);
    return stdout;
  };

  it('rolls twelve clusters out in three waves: the canary, then the early and main rings by label', () => {
    expect(fleet.waves.map((w) => [w.name, w.batches])).toEqual([
      ['canary', [['store-01']]],
      ['early', [['store-02', 'store-03'], ['store-04', 'store-05']]],
      ['main', [['store-06', 'store-07', 'store-08', 'store-09'], ['store-10', 'store-11', 'store-12']]],
    ]);
  });

  it('synthesizes one stack per cluster, named after it, and a soak stack after the canary', () => {
    expect(Object.keys(manifest.stacks).sort()).toEqual([
      ...Array.from({ length: 12 }, (_, i) => `store-${String(i + 1).padStart(2, '0')}`),
      'stores-soak-canary',
    ]);
  });

  it('chains the waves and batches with stack dependencies', () => {
    const early = ['store-02', 'store-03', 'store-04', 'store-05'];
    const dependencies = (stack: string) => [...manifest.stacks[stack].dependencies].sort();
    expect(dependencies('store-01')).toEqual([]);
    expect(dependencies('stores-soak-canary')).toEqual(['store-01']);
    expect(dependencies('store-02')).toEqual(['store-01', 'stores-soak-canary']);
    expect(dependencies('store-05')).toEqual(['store-01', 'store-02', 'store-03', 'stores-soak-canary']);
    expect(dependencies('store-06')).toEqual(early);
    expect(dependencies('store-12')).toEqual([...early, 'store-06', 'store-07', 'store-08', 'store-09']);
  });

  it('keeps each cluster\'s addresses and values in its own stack and state', () => {
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'store-07', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(json.resource.helm_release).sort()).toEqual(['store-07_storage', 'store-07_web']);
    expect(json.resource.helm_release['store-07_web'].values).toEqual(['message: store-07 (eu)\nreplicaCount: 2\n']);
    expect(json.terraform.backend).toEqual({ local: { path: '../../../state/store-07.tfstate' } });
  });

  it('gives a GitHub Actions workflow valid for GitHub\'s schema, one job per wave chained by needs', () => {
    const workflow = plan('--github-actions');
    expect(githubWorkflowErrors(workflow)).toEqual([]);
    const jobs = parse(workflow).jobs;
    expect(Object.entries(jobs).map(([id, job]: [string, any]) => [id, job.needs ?? [], job.strategy?.['max-parallel'] ?? null, job.strategy?.matrix.stack.length ?? 0])).toEqual([
      ['wave-canary', [], null, 1],
      ['soak-canary', ['wave-canary'], null, 0],
      ['wave-early', ['soak-canary'], 2, 4],
      ['wave-main', ['wave-early'], 4, 7],
    ]);
  });

  it('gives a GitLab pipeline valid for GitLab\'s CI schema', () => {
    expect(gitlabPipelineErrors(plan('--gitlab'))).toEqual([]);
  });
});
