import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from '../helpers';

/**
 * bin/cluster-profiles.js in a checkout: dist/ when it was built after the last change to lib/,
 * the TypeScript source through tsx otherwise. Shown on a copy of the layout whose two sides
 * say which one ran.
 */
describe('the cluster-profiles command in a checkout', () => {
  const root = path.join(__dirname, '..', '..');
  let layout: string;
  const cli = (which: string) => `exports.runCli = (args, output) => { output.stdout(${JSON.stringify(which)}); return 0; };\n`;
  const run = () => execFileSync(process.execPath, [path.join(layout, 'bin', 'cluster-profiles.js'), '--help'], { encoding: 'utf8' });
  const age = (file: string, secondsAgo: number) => {
    const at = new Date(Date.now() - secondsAgo * 1000);
    fs.utimesSync(file, at, at);
  };

  beforeEach(() => {
    layout = tempDir('bin-layout-');
    for (const dir of ['bin', 'lib/cli', 'lib/values', 'dist/lib']) fs.mkdirSync(path.join(layout, dir), { recursive: true });
    fs.copyFileSync(path.join(root, 'bin', 'cluster-profiles.js'), path.join(layout, 'bin', 'cluster-profiles.js'));
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(layout, 'node_modules'));
    fs.writeFileSync(path.join(layout, 'lib', 'cli', 'cli.ts'), cli('source'));
    fs.writeFileSync(path.join(layout, 'lib', 'values', 'yaml.ts'), 'export {};\n');
    fs.writeFileSync(path.join(layout, 'dist', 'lib', 'cli.js'), cli('dist'));
  });

  it('runs dist/ when it was built after every source file', () => {
    for (const file of ['lib/cli/cli.ts', 'lib/values/yaml.ts']) age(path.join(layout, file), 60);
    expect(run()).toBe('dist');
  });

  it('runs the source when any file under lib/ changed after the build', () => {
    age(path.join(layout, 'lib', 'cli', 'cli.ts'), 60);
    age(path.join(layout, 'dist', 'lib', 'cli.js'), 30);
    expect(run()).toBe('source');
  });

  it('runs the source when there is no dist/', () => {
    fs.rmSync(path.join(layout, 'dist'), { recursive: true });
    expect(run()).toBe('source');
  });
});
