import * as fs from 'fs';
import * as path from 'path';

/**
 * What every process that loads the library pays before it does anything (bench/, cold start):
 * semver's package root and the yaml library are loaded only where lib/semver.ts and
 * lib/values/yaml.ts say.
 */
const LIB = path.join(__dirname, '..', 'lib');
const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
const importing = (pattern: RegExp) => sources(LIB).filter((f) => pattern.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(LIB, f));

describe('what loading the library loads', () => {
  it('takes semver functions from their own modules, through lib/semver.ts', () => {
    expect(importing(/from 'semver'|require\('semver'\)/)).toEqual([]);
  });

  it('loads the yaml library only on first use, through yamlLibrary()', () => {
    expect(importing(/^import (?!type ).*from 'yaml'/m)).toEqual([]);
    expect(importing(/require\('yaml'\)/)).toEqual(['values/yaml.ts']);
  });
});
