#!/usr/bin/env node
'use strict';
/**
 * Builds the JavaScript of the package: lib/ bundled per entry point into `<outdir>/lib`, CommonJS.
 *
 * Why a bundle: a program that loads the library paid for one file per module, 108 of them,
 * about 54 ms after cdktf and the providers before doing anything (the quickstart's cold start);
 * the bundled main entry point loads in about 15 ms (`npm run bench -- --only=cold_load`).
 *
 * Why split: the entry points (`.`, `/core`, `/document`, `/pack`, `/testing`, the command line)
 * must share their modules, so that a ProfileError thrown by one is an `instanceof` ProfileError
 * of another, and each must load only what it needs: `/core` never loads cdktf, a readiness
 * gate's waiter never loads the synth. esbuild splits code shared by entry points into chunks
 * only for ES modules, so the bundle is made as ES modules and each output file is then turned
 * into CommonJS on its own (an entry point requires its chunks, a chunk the chunks it shares).
 *
 * The command line is a bundle of its own, CommonJS from the start: it runs in a process of its
 * own, so it shares no class with an app, and there the library's `require('./module')` inside a
 * function (each command, the drift and rollout commands) stays lazy, so a readiness gate's waiter
 * loads neither cdktf nor the synth. (In the split ES-module build such a module's imports would
 * be hoisted to the top of the file that requires it.) All files are written to one folder.
 *
 * Dependencies stay outside (`require('cdktf')`, `require('yaml')`), but for the ones in
 * {@link BUNDLED_DEPENDENCIES}, whose licences go to `THIRD-PARTY-NOTICES.md` beside the bundle.
 *
 * Declarations (`.d.ts`) come from tsc (tsconfig.build.json); this writes only `.js` and copies
 * the JSON files of lib/ that users read (the profile document's JSON schema).
 *
 * Usage: `node scripts/build-lib.js <outdir>` (the package build: `npm run build`, into dist).
 * bench/build.ts calls buildLibrary too, so the benchmarks run what users install.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
// esbuild comes with tsx, a devDependency; the package build runs in a checkout (prepack).
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
const LIB = path.join(ROOT, 'lib');

/** The package's entry points (package.json `exports`): output name → source under lib/. */
const ENTRY_POINTS = {
  index: 'index.ts',
  core: 'core.ts',
  document: 'document/index.ts',
  pack: 'pack/index.ts',
  testing: 'testing/index.ts',
  'jest-setup': 'testing/jest-setup.ts',
};

/** The command line (bin/cluster-profiles.js), bundled on its own. */
const COMMAND_LINE = { cli: 'cli/cli.ts' };

/**
 * Packages bundled into the package's files instead of required from node_modules: semver. Its
 * modules the library uses (lib/semver.ts) are 24 files; loaded one by one, through the code
 * cache, they took about 9 ms of every process's start, the library's whole load 24 ms against
 * 15 ms bundled (`npm run bench -- --only=cold_load`). They are a devDependency: an upgrade of
 * semver reaches users with a release of this package, as the rest of its code does.
 */
const BUNDLED_DEPENDENCIES = ['semver'];

/**
 * Functions the library finds by name at run time (in stack frames), which the bundle must not
 * rename to tell them apart from another module's function of the same name.
 */
const NAMES_KEPT_IN_FRAMES = ['compactStacksBoundary'];

/** Bundles lib/ into `<outdir>/lib`. */
async function buildLibrary(outdir) {
  const libOut = path.join(outdir, 'lib');
  const common = { platform: 'node', target: 'node20', logLevel: 'warning' };
  const bundling = { ...common, bundle: true, plugins: [dependenciesOutside] };
  const esmOut = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-profiles-esm-'));
  try {
    const result = await esbuild.build({
      ...bundling,
      entryPoints: sources(ENTRY_POINTS),
      outdir: esmOut,
      splitting: true,
      format: 'esm',
      // Class names appear in messages (construct-id.ts names the kind of a clashing construct).
      keepNames: true,
      chunkNames: 'chunk-[hash]',
      metafile: true,
    });
    fs.mkdirSync(libOut, { recursive: true });
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      const { code } = await esbuild.transform(fs.readFileSync(path.resolve(file), 'utf8'), {
        format: 'cjs',
        loader: 'js',
        platform: 'node',
        target: 'node20',
        keepNames: true,
      });
      if (output.entryPoint) writeEntryPoint(libOut, path.basename(file, '.js'), code);
      else writeChecked(path.join(libOut, path.basename(file)), code);
    }
  } finally {
    fs.rmSync(esmOut, { recursive: true, force: true });
  }
  const cli = await esbuild.build({ ...bundling, entryPoints: sources(COMMAND_LINE), outdir: libOut, format: 'cjs', keepNames: true, write: false });
  for (const file of cli.outputFiles) writeEntryPoint(libOut, path.basename(file.path, '.js'), file.text);
  await esbuild.build({ ...common, entryPoints: [path.join(LIB, 'code-cache.ts')], outdir: libOut, format: 'cjs' });
  writeNotices(libOut);
  for (const json of listFiles(LIB, '.json')) {
    const target = path.join(libOut, path.relative(LIB, json));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(json, target);
  }
  return libOut;
}

/** Leaves every package but the {@link BUNDLED_DEPENDENCIES} (and node's modules) to `require`. */
const dependenciesOutside = {
  name: 'dependencies-outside',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      path.isAbsolute(args.path) || BUNDLED_DEPENDENCIES.includes(packageName(args.path)) ? undefined : { path: args.path, external: true },
    );
  },
};

/** `@scope/name` or `name` of a bare module specifier (`semver/functions/valid` → `semver`). */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** THIRD-PARTY-NOTICES.md: the name, version and licence text of each bundled package. */
function writeNotices(libOut) {
  const sections = BUNDLED_DEPENDENCIES.map((name) => {
    const folder = path.dirname(require.resolve(`${name}/package.json`, { paths: [ROOT] }));
    const { version, license } = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
    const text = fs.readFileSync(path.join(folder, 'LICENSE'), 'utf8').trim();
    return `## ${name} ${version} (${license})\n\n${text}\n`;
  });
  const header = '# Third-party notices\n\nThe files of this folder include the following packages, bundled by scripts/build-lib.js.\n';
  fs.writeFileSync(path.join(libOut, 'THIRD-PARTY-NOTICES.md'), [header, ...sections].join('\n'));
}

function sources(entries) {
  return Object.fromEntries(Object.entries(entries).map(([name, source]) => [name, path.join(LIB, source)]));
}

/**
 * Writes an entry point as its implementation (`<name>.impl.js`) and a stub (`<name>.js`) that
 * loads it through the code cache (lib/code-cache.ts says why). The stub repeats the export names
 * esbuild annotates, which node reads to give an ES module `import { name }` of a CommonJS file.
 */
function writeEntryPoint(libOut, name, code) {
  const implementation = `${name}.impl.js`;
  writeChecked(path.join(libOut, implementation), code);
  const names = code.match(/^0 && \(module\.exports = \{[^}]*\}\);$/m);
  const stub = [
    '"use strict";',
    `// Loads ${implementation} through the package's code cache (code-cache.js says why).`,
    `module.exports = require("./code-cache.js").loadBundled(module, ${JSON.stringify(implementation)}, () => require(${JSON.stringify(`./${implementation}`)}));`,
    ...(names ? ['// The export names, for node\'s ES module import of this file:', names[0]] : []),
    '',
  ].join('\n');
  fs.writeFileSync(path.join(libOut, `${name}.js`), stub);
}

function writeChecked(file, code) {
  checkNamesKept(path.basename(file), code);
  fs.writeFileSync(file, code);
}

function checkNamesKept(file, code) {
  for (const name of NAMES_KEPT_IN_FRAMES) {
    if (new RegExp(`\\b${name}\\d+\\b`).test(code)) {
      throw new Error(`build-lib: the bundle renamed ${name} (in ${file}); rename the other function of that name in lib/`);
    }
  }
}

function listFiles(directory, extension) {
  return fs
    .readdirSync(directory, { recursive: true })
    .filter((file) => file.endsWith(extension))
    .map((file) => path.join(directory, file));
}

module.exports = { buildLibrary, packageName };

if (require.main === module) {
  const outdir = process.argv[2];
  if (!outdir) {
    process.stderr.write('usage: node scripts/build-lib.js <outdir>\n');
    process.exit(2);
  }
  buildLibrary(path.resolve(outdir)).catch((error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
}
