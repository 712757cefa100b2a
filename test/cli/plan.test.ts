import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { App, TerraformStack } from 'cdktf';
import { ChartSource, Cluster, ClusterConnection } from '../../lib';
import { addonProfile, tempDir } from '../helpers';

const bin = path.join(__dirname, '..', '..', 'bin', 'cluster-profiles.js');
const chart = ChartSource.repository('https://charts.example.com', 'web');

/** Synthesizes an app with cluster "prod" (api and cache together, then web) into a fresh folder. */
function synthesized(): string {
  const outdir = tempDir('plan-cli-');
  const app = new App({ outdir });
  const apps = addonProfile(app, 'apps');
  apps.addHelmLayer('api', { chart, version: '1.0.0', namespace: 'api' });
  apps.addHelmLayer('cache', { chart, version: '1.0.0', namespace: 'cache' });
  apps.addHelmLayer('web', { chart, version: '2.0.0', namespace: 'web', priority: 10 });
  new Cluster(new TerraformStack(app, 'prod'), 'prod', { connection: ClusterConnection.kubeconfig({ path: '~/.kube/config' }), profiles: [apps] });
  app.synth();
  return outdir;
}

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [bin, 'plan', ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cluster-profiles plan', () => {
  let outdir: string;
  beforeAll(() => (outdir = synthesized()));
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  it('prints a table per cluster, in install order, from cdktf.out by default', () => {
    fs.renameSync(outdir, `${outdir}-moved`);
    const parent = tempDir('plan-cwd-');
    fs.renameSync(`${outdir}-moved`, path.join(parent, 'cdktf.out'));
    try {
      expect(run(parent)).toEqual({
        status: 0,
        stderr: '',
        stdout: [
          'Install plan of cluster "prod" (stack prod, dag): 3 layers in 2 steps',
          '  step  1  api              add-on  apps@1.0.0           api/api                      1.0.0    https://charts.example.com web  (first)',
          '  step  1  cache            add-on  apps@1.0.0           cache/cache                  1.0.0    https://charts.example.com web  (first)',
          '  step  2  web              add-on  apps@1.0.0           web/web                      2.0.0    https://charts.example.com web  (after api, cache)',
          '',
          '  readiness gates (the next layers start when they pass):',
          '  ready    api              workloads ready (helm wait) (300s)',
          '  ready    cache            workloads ready (helm wait) (300s)',
          '  ready    web              workloads ready (helm wait) (300s)',
          '',
        ].join('\n'),
      });
    } finally {
      fs.renameSync(path.join(parent, 'cdktf.out'), outdir);
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });

  it('draws the install graph as Mermaid, with a group per step and the reason of each edge', () => {
    expect(run(outdir, outdir, '--mermaid').stdout).toBe(
      [
        'flowchart TD',
        '  subgraph prod__prod__["cluster prod (dag)"]',
        '    subgraph prod__prod__step_1["step 1"]',
        '      prod__prod__api["api<br/>add-on · apps@1.0.0 · 1.0.0"]',
        '      prod__prod__cache["cache<br/>add-on · apps@1.0.0 · 1.0.0"]',
        '    end',
        '    subgraph prod__prod__step_2["step 2"]',
        '      prod__prod__web["web<br/>add-on · apps@1.0.0 · 2.0.0"]',
        '    end',
        '  end',
        '  prod__prod__api -->|"priority 0 #lt; 10"| prod__prod__web',
        '  prod__prod__cache -->|"priority 0 #lt; 10"| prod__prod__web',
        '',
      ].join('\n'),
    );
  });

  it('draws the install graph as Graphviz DOT', () => {
    expect(run(outdir, outdir, '--dot').stdout).toBe(
      [
        'digraph install_plan {',
        '  rankdir=TB;',
        '  node [shape=box];',
        '  subgraph cluster_0 {',
        '    label="cluster prod (dag)";',
        '    subgraph cluster_0_step_1 {',
        '      label="step 1";',
        '      "prod/prod/api" [label="api\\nadd-on · apps@1.0.0 · 1.0.0"];',
        '      "prod/prod/cache" [label="cache\\nadd-on · apps@1.0.0 · 1.0.0"];',
        '    }',
        '    subgraph cluster_0_step_2 {',
        '      label="step 2";',
        '      "prod/prod/web" [label="web\\nadd-on · apps@1.0.0 · 2.0.0"];',
        '    }',
        '  }',
        '  "prod/prod/api" -> "prod/prod/web" [label="priority 0 < 10"];',
        '  "prod/prod/cache" -> "prod/prod/web" [label="priority 0 < 10"];',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('exits 2 saying what to do when the folder holds no install plan, or on a bad option', () => {
    const empty = tempDir('plan-empty-');
    try {
      expect(run(empty)).toEqual({
        status: 2,
        stdout: '',
        stderr: 'cluster-profiles: no install plan under cdktf.out/stacks/*/clusters/*/\n  fix: run `npx cdktf synth` first, or give the synth output folder\n',
      });
      expect(run(empty, '--mermaid', '--dot').stderr).toBe('cluster-profiles: give --mermaid or --dot, not both\nusage: cluster-profiles plan [cdktf.out] [--mermaid | --dot]\n');
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
