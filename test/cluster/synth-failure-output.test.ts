import { spawnSync } from 'child_process';
import * as path from 'path';
import { tempDir } from '../helpers';

/** An app whose synth fails with two problems, run as `cdktf synth` runs it: a plain process. */
const APP = `
const { App, TerraformStack } = require('cdktf');
const { AddonProfile, ChartSource, Cluster, ClusterConnection } = require('./lib');
const app = new App({ outdir: process.argv[1] });
const apps = new AddonProfile(app, 'apps', { version: '1.0.0' });
const chart = ChartSource.repository('https://charts.example.com', 'web');
apps.addHelmLayer('web', { chart, version: '1.0.0', namespace: 'web', dependsOn: ['missing'] });
const other = new AddonProfile(app, 'other', { version: '1.0.0' });
other.addHelmLayer('api', { chart, version: '1.0.0', namespace: 'api', values: { adminPassword: 'hunter2' } });
const connection = ClusterConnection.kubeconfig({ path: '~/.kube/config' });
new Cluster(new TerraformStack(app, 'one'), 'one', { connection, profiles: [apps] });
new Cluster(new TerraformStack(app, 'two'), 'two', { connection, profiles: [other] });
app.synth();
`;

describe('a failed synth, as the process shows it', () => {
  it('prints each diagnostic once, with no stack trace, and exits non-zero', () => {
    const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', APP, tempDir()], { cwd: path.join(__dirname, '..', '..'), encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(1);
    const count = (needle: string) => result.stderr.split(needle).length - 1;
    expect([count('UNKNOWN_DEPENDENCY at apps/web'), count('POLICY_VIOLATION at other/api'), count('fix: ')]).toEqual([1, 1, 2]);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toContain('hunter2');
  });
});
