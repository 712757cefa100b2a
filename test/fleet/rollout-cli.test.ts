import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdktf';
import { AddonProfile, Fleet } from '../../lib';
import { runCli } from '../../lib/cli/cli';
import { configMap, tempDir } from '../helpers';
import { member, outdirApp, platform, sixClusters } from './fixtures';

const temporary: string[] = [];

/** A file as diagnostics name it: relative to the working directory, with forward slashes. */
function shown(file: string): string {
  return path.relative(process.cwd(), file).split(path.sep).join('/');
}
afterAll(() => temporary.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** The out directory of a synth of `build`. */
function synthesized(build: (app: App) => unknown): string {
  const { app, outdir } = outdirApp();
  temporary.push(outdir);
  build(app);
  app.synth();
  return outdir;
}

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t) }) as number;
  return { code, stdout, stderr };
}

describe('cluster-profiles rollout plan', () => {
  const outdir = synthesized((app) => sixClusters(app, { soakSeconds: 0 }));

  it('prints the waves and stacks as a table, in deploy order', () => {
    expect(cli('rollout', 'plan', outdir)).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Rollout of fleet "edge": 6 clusters in 3 waves, canary first; a failure stops the rollout',
        '  wave      batch  stack   runs            waits for',
        '  1 canary  1      canary  platform@1.0.0  -',
        '  2 eu      1      eu-1    platform@1.0.0  wave canary',
        '  2 eu      1      eu-2    platform@1.0.0  wave canary',
        '  2 eu      2      eu-3    platform@1.0.0  batch 1',
        '  3 us      1      us-1    platform@1.0.0  wave eu',
        '  3 us      1      us-2    platform@1.0.0  wave eu',
        '  parallelism: canary: all at once; eu: at most 2 at once; us: all at once',
        '',
      ].join('\n'),
    });
  });

  it('says what changes on each cluster against the rollout deployed now', () => {
    const next = synthesized((app) => {
      const profile = platform(app, '1.1.0');
      const extra = new AddonProfile(app, 'extras', { version: '3.0.0' });
      extra.addManifestLayer('tools', { documents: [configMap('tools')] });
      const names: Array<[string, Record<string, string>]> = [['canary', { ring: 'canary' }], ['eu-1', { region: 'eu' }], ['eu-2', { region: 'eu' }], ['eu-3', { region: 'eu' }], ['us-1', { region: 'us' }], ['us-3', { region: 'us' }]];
      const clusters = names.map(([n, l]) => member(n, l, profile));
      new Fleet(app, 'edge', {
        clusters: [{ ...clusters[0], profiles: [profile, extra] }, ...clusters.slice(1)],
        waves: [{ name: 'canary', clusters: ['canary'] }, { name: 'eu', matchLabels: { region: 'eu' }, maxParallel: 2 }, { name: 'us', matchLabels: { region: 'us' } }],
      });
    });
    expect(cli('rollout', 'plan', next, '--against', path.join(outdir, 'fleet', 'edge', 'rollout.json')).stdout).toBe(
      [
        'Rollout of fleet "edge": 6 clusters in 3 waves, canary first; a failure stops the rollout',
        '  wave      batch  stack   runs                          waits for    changes',
        '  1 canary  1      canary  platform@1.1.0, extras@3.0.0  -            platform 1.0.0 -> 1.1.0, +extras@3.0.0',
        '  2 eu      1      eu-1    platform@1.1.0                wave canary  platform 1.0.0 -> 1.1.0',
        '  2 eu      1      eu-2    platform@1.1.0                wave canary  platform 1.0.0 -> 1.1.0',
        '  2 eu      2      eu-3    platform@1.1.0                batch 1      platform 1.0.0 -> 1.1.0',
        '  3 us      1      us-1    platform@1.1.0                wave eu      platform 1.0.0 -> 1.1.0',
        '  3 us      1      us-3    platform@1.1.0                wave eu      new cluster',
        '  parallelism: canary: all at once; eu: at most 2 at once; us: all at once',
        '  left the fleet: us-2',
        '',
      ].join('\n'),
    );
    expect(cli('rollout', 'plan', next, '--against', path.join(outdir, 'nothing.json')).stderr).toBe(
      `cluster-profiles: INVALID_DOCUMENT at ${shown(path.join(outdir, 'nothing.json'))}: cannot be read: ENOENT\n  fix: synthesize the app again with this version of cdktf-cluster-profiles\n`,
    );
  });

  it('prints the rollout document with --json', () => {
    const { code, stdout } = cli('rollout', 'plan', outdir, '--json');
    expect(code).toBe(0);
    expect(stdout).toBe(fs.readFileSync(path.join(outdir, 'fleet', 'edge', 'rollout.json'), 'utf8'));
  });

  it('runs the CI jobs in the folder of the app, or in --app-dir', () => {
    const relative = path.relative(process.cwd(), outdir);
    expect(cli('rollout', 'plan', relative, '--gitlab').stdout).toContain(`CDKTF_APP_DIR: ${path.dirname(relative)}\n`);
    expect(cli('rollout', 'plan', outdir, '--gitlab', '--app-dir', 'infra/fleet').stdout).toContain('CDKTF_APP_DIR: infra/fleet\n');
    expect(cli('rollout', 'plan', outdir, '--github-actions', '--app-dir', 'infra/fleet').stdout).toContain('working-directory: infra/fleet\n');
  });

  it('picks a fleet with --fleet when the app has several, and fails without it', () => {
    const two = synthesized((app) => {
      sixClusters(app);
      new Fleet(app, 'lab', { clusters: [member('lab-1', {}, platform(app, '2.0.0'))], waves: [{ name: 'all', clusters: ['lab-1'] }] });
    });
    expect(cli('rollout', 'plan', two)).toEqual({ code: 2, stdout: '', stderr: `cluster-profiles: ${two} holds 2 fleets (edge, lab); pick one with --fleet <name>\n` });
    expect(cli('rollout', 'plan', two, '--fleet', 'lab').stdout.split('\n')[0]).toBe('Rollout of fleet "lab": 1 cluster in 1 wave, canary first; a failure stops the rollout');
    expect(cli('rollout', 'plan', two, '--fleet', 'lob').stderr).toBe(`cluster-profiles: no fleet "lob" in ${two}; fleets: edge, lab\n`);
  });

  it('fails with exit code 2 and the usage on a wrong command line', () => {
    const usage = 'usage: cluster-profiles rollout plan [cdktf.out] [--json | --github-actions | --gitlab] [--fleet <name>] [--app-dir <dir>] [--against <rollout.json>]';
    expect(cli('rollout').stderr).toBe(`cluster-profiles: rollout needs a subcommand\n${usage}\n`);
    expect(cli('rollout', 'apply').stderr).toBe(`cluster-profiles: unknown rollout subcommand "apply"\n${usage}\n`);
    expect(cli('rollout', 'plan', outdir, '--json', '--gitlab')).toEqual({ code: 2, stdout: '', stderr: `cluster-profiles: give one of --json, --github-actions, --gitlab, not --json and --gitlab\n${usage}\n` });
    expect(cli('rollout', 'plan', outdir, '--fleet').stderr).toBe(`cluster-profiles: --fleet needs a value\n${usage}\n`);
    expect(cli('rollout', 'plan', '--yaml').stderr).toBe(`cluster-profiles: unknown option "--yaml"\n${usage}\n`);
    expect(cli('rollout', 'plan', outdir, '--json', '--against', 'x.json').stderr).toBe(`cluster-profiles: --against adds changes to the table; give it without --json\n${usage}\n`);
  });

  it('fails with exit code 2 on an out directory without a rollout, or with a file that is not one', () => {
    const empty = tempDir();
    temporary.push(empty);
    expect(cli('rollout', 'plan', empty)).toEqual({
      code: 2,
      stdout: '',
      stderr: `cluster-profiles: INVALID_DOCUMENT at ${shown(empty)}/fleet: holds no rollout (fleet/<name>/rollout.json)\n  fix: run \`npx cdktf synth\` in the app of a Fleet first, or give its out directory (${empty} was given)\n`,
    });
    fs.mkdirSync(path.join(empty, 'fleet', 'x'), { recursive: true });
    fs.writeFileSync(path.join(empty, 'fleet', 'x', 'rollout.json'), '{"kind": "InstallPlan"}');
    expect(cli('rollout', 'plan', empty).stderr).toBe(
      `cluster-profiles: INVALID_DOCUMENT at ${shown(empty)}/fleet/x/rollout.json: is not a rollout document of cluster-profiles.dev/v1 (apiVersion undefined, kind "InstallPlan")\n  fix: synthesize the app again with this version of cdktf-cluster-profiles\n`,
    );
  });
});
