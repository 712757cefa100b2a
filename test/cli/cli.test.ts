import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { diffProfiles, formatProfileDiff, serializeProfileDocument } from '../../lib';
import { helpText, runCli } from '../../lib/cli/cli';
import { COMMANDS } from '../../lib/cli/commands';
import { tempDir } from '../helpers';
import { twoVersions } from '../document/fixtures';

const bin = path.join(__dirname, '..', '..', 'bin', 'cluster-profiles.js');

/** Runs the installed command as a user would, from a folder holding the files. */
function run(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cluster-profiles diff', () => {
  let dir: string;
  const { before, after } = twoVersions();
  beforeAll(() => {
    dir = tempDir('cli-');
    fs.writeFileSync(path.join(dir, 'apps-2.0.0.json'), serializeProfileDocument(before));
    fs.writeFileSync(path.join(dir, 'apps-2.1.0.json'), serializeProfileDocument(after));
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"apiVersion": "cluster-profiles.dev/v1", "metadata": {"name": "Apps"}, "spec": {"version": "2"}}');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is the package\'s command', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(manifest.bin).toEqual({ 'cluster-profiles': 'bin/cluster-profiles.js' });
  });

  it('exits 0 and says so when the profiles are equal', () => {
    expect(run(dir, 'diff', 'apps-2.0.0.json', 'apps-2.0.0.json')).toEqual({ status: 0, stdout: 'apps 2.0.0 -> apps 2.0.0: no changes\n', stderr: '' });
  });

  it('exits 1 and prints the changes when they differ', () => {
    const result = run(dir, 'diff', 'apps-2.0.0.json', 'apps-2.1.0.json');
    expect(result).toEqual({ status: 1, stdout: formatProfileDiff(diffProfiles(before, after)), stderr: '' });
    expect(result.stdout.split('\n').slice(0, 2)).toEqual(['apps 2.0.0 -> apps 2.1.0: 19 changes', 'profile']);
  });

  it('prints the changes as JSON with --json', () => {
    const result = run(dir, 'diff', '--json', 'apps-2.0.0.json', 'apps-2.1.0.json');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(`${JSON.stringify(diffProfiles(before, after), null, 2)}\n`);
  });

  it('exits 2 with every problem of both files when the input is bad', () => {
    expect(run(dir, 'diff', 'broken.json', 'missing.json')).toEqual({
      status: 2,
      stdout: '',
      stderr: [
        'cluster-profiles: INVALID_DOCUMENT at broken.json: $.metadata.name: is "Apps", but must be a profile name: lower-case letters, digits and \'-\', starting and ending with a letter or digit',
        '  fix: write a value such as "edge-base"',
        'INVALID_DOCUMENT at broken.json: $.spec.template: is missing',
        '  fix: add "template"',
        'INVALID_DOCUMENT at broken.json: $.spec.version: is "2", but must be a strict semantic version: MAJOR.MINOR.PATCH, with an optional pre-release',
        '  fix: write a value such as "1.0.0" or "1.2.3-rc.1"',
        'INVALID_DOCUMENT at missing.json: does not exist',
        '  fix: give the path of a profile document, such as cdktf.out/profiles/<name>-<version>.json',
        '',
      ].join('\n'),
    });
  });

  it('exits 2 with the usage on a wrong command line', () => {
    expect(run(dir, 'diff', 'apps-2.0.0.json')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'cluster-profiles: diff takes two files, not 1\nusage: cluster-profiles diff <old.json> <new.json> [--json] [--registry <pack-folder>]...\n',
    });
  });

  it('names the unknown option (in process: the command line is the same function)', () => {
    const stderr: string[] = [];
    const output = { stdout: () => undefined, stderr: (text: string) => stderr.push(text) };
    expect(runCli(['diff', '-j', 'a', 'b'], output)).toBe(2);
    expect(stderr).toEqual(['cluster-profiles: unknown option "-j"\nusage: cluster-profiles diff <old.json> <new.json> [--json] [--registry <pack-folder>]...\n']);
  });
});

describe('cluster-profiles --help', () => {
  it('lists every command and exits 0', () => {
    const result = run(__dirname, '--help');
    expect(result).toEqual({ status: 0, stdout: helpText(), stderr: '' });
    expect(result.stdout.split('\n').slice(0, 5)).toEqual([
      'usage: cluster-profiles <command> [arguments]',
      '',
      'commands:',
      '  plan     print the install plan of every synthesized cluster (a table, or --mermaid / --dot)',
      '  diff     compare two profile documents (exit 0 when equal, 1 when different)',
    ]);
    for (const name of Object.keys(COMMANDS)) expect(result.stdout).toContain(`  ${name}  `);
  });

  it('prints the usage of one command with <command> --help, and exits 2 with the list on a missing or unknown command', () => {
    const out: string[] = [];
    const err: string[] = [];
    const output = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) };
    expect([runCli(['plan', '--help'], output), runCli(['compare'], output), runCli([], output)]).toEqual([0, 2, 2]);
    expect(out).toEqual(['usage: cluster-profiles plan [cdktf.out] [--mermaid | --dot]\n']);
    expect(err).toEqual([`cluster-profiles: unknown command "compare"\n${helpText()}`, `cluster-profiles: no command\n${helpText()}`]);
  });
});
