import { builtinModules } from 'module';
import * as fs from 'fs';
import * as path from 'path';

/**
 * The package's JavaScript as scripts/build-lib.js builds it: what its files may require from
 * outside, and what it bundles (semver) with that package's licence beside it. A consumer's
 * install (`npm run test:package`) has only the package's dependencies and peer dependencies.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildLibrary, packageName } = require('../scripts/build-lib') as { buildLibrary: (outdir: string) => Promise<string>; packageName: (specifier: string) => string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifest = require('../package.json') as { dependencies: Record<string, string>; peerDependencies: Record<string, string>; devDependencies: Record<string, string> };

const ROOT = path.join(__dirname, '..');
let build: string;
let lib: string;
/** Every module a built file requires by a bare name (`cdktf`, `yaml`, `fs`), with the files that do. */
let bareRequires: Map<string, string[]>;

beforeAll(async () => {
  fs.mkdirSync(path.join(ROOT, 'node_modules', '.cache'), { recursive: true });
  build = fs.mkdtempSync(path.join(ROOT, 'node_modules', '.cache', 'build-lib-test-'));
  lib = await buildLibrary(build);
  bareRequires = requiresOf(lib);
}, 60_000);

afterAll(() => {
  if (build) fs.rmSync(build, { recursive: true, force: true });
});

function requiresOf(folder: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of fs.readdirSync(folder).filter((f) => f.endsWith('.js'))) {
    const code = fs.readFileSync(path.join(folder, file), 'utf8');
    for (const [, specifier] of code.matchAll(/\brequire\("([^".][^"]*)"\)/g)) {
      found.set(specifier, [...(found.get(specifier) ?? []), file]);
    }
  }
  return found;
}

describe('the built package', () => {
  it('requires only node modules, its dependencies and its peer dependencies', () => {
    const allowed = new Set([...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)]);
    const outside = [...bareRequires].filter(([specifier]) => !builtinModules.includes(specifier.replace(/^node:/, '')) && !allowed.has(packageName(specifier)));
    expect(outside).toEqual([]);
    // What it does require: the real list, so that the check above cannot pass on a bundle it failed to read.
    expect([...bareRequires.keys()].map(packageName)).toEqual(expect.arrayContaining(['cdktf', 'constructs', '@cdktf/provider-helm', 'yaml', 'fs']));
  });

  it('bundles semver (a devDependency) and ships its licence in THIRD-PARTY-NOTICES.md', () => {
    expect(manifest.dependencies.semver).toBeUndefined();
    expect(manifest.devDependencies.semver).toBeDefined();
    expect([...bareRequires.keys()].filter((s) => packageName(s) === 'semver')).toEqual([]);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { version } = require('semver/package.json') as { version: string };
    const notices = fs.readFileSync(path.join(lib, 'THIRD-PARTY-NOTICES.md'), 'utf8');
    expect(notices).toContain(`## semver ${version} (ISC)`);
    expect(notices).toContain(fs.readFileSync(require.resolve('semver/LICENSE'), 'utf8').trim());
  });
});
