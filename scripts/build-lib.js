#!/usr/bin/env node
'use strict';
/**
 * Builds the JavaScript of the package: lib/ bundled per entry point into `<outdir>/lib`, CommonJS.
 *
 * Why a bundle: a program that loads the library paid for one file per module, 108 of them,
 * about 55 ms after cdktf before doing anything (the quickstart's cold start); the bundled main
 * entry point loads in about half of that (`node -e` timing of the require; bench/, `cold_node`).
 *
 * Why split: the entry points (`.`, `/core`, `/document`, `/pack`, `/testing`, the command line)
 * must share their modules, so that a ProfileError thrown by one is an `instanceof` ProfileError
 * of another, and each must load only what it needs: `/core` never loads cdktf, a readiness
 * gate's waiter never loads the synth. esbuild splits code shared by entry points into chunks
 * only for ES modules, so the bundle is made as ES modules and each output file is then turned
 * into CommonJS on its own (an entry point requires its chunks, a chunk the chunks it shares).
 *
 * Why flat, with lazy entries: the library loads some modules only when they are needed, with
 * `require('./module')` inside a function (each command of the command line, the Palette export,
 * the drift and rollout commands). Bundled as such, their imports would be hoisted to the top of
 * the file that requires them and loaded at start. So each module required that way is an entry
 * point of its own, and the `require` is pointed at its output file. All files are written to one
 * folder, so that path is the same from wherever the bundle put the code that requires it.
 * Dependencies stay outside (`require('cdktf')`, `require('yaml')`).
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

/** The package's entry points (package.json `exports`, bin/cluster-profiles.js): output name → source. */
const ENTRY_POINTS = {
  index: 'index.ts',
  core: 'core.ts',
  document: 'document/index.ts',
  pack: 'pack/index.ts',
  testing: 'testing/index.ts',
  'jest-setup': 'testing/jest-setup.ts',
  cli: 'cli/cli.ts',
};

/**
 * Functions the library finds by name at run time (in stack frames), which the bundle must not
 * rename to tell them apart from another module's function of the same name.
 */
const NAMES_KEPT_IN_FRAMES = ['compactStacksBoundary'];

/** Bundles lib/ into `<outdir>/lib`. */
async function buildLibrary(outdir) {
  const libOut = path.join(outdir, 'lib');
  const lazy = lazyModules();
  const entryPoints = { ...ENTRY_POINTS, ...Object.fromEntries([...lazy].map(([file, name]) => [name, path.relative(LIB, file)])) };
  const esmOut = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-profiles-esm-'));
  try {
    const result = await esbuild.build({
      entryPoints: Object.fromEntries(Object.entries(entryPoints).map(([name, source]) => [name, path.join(LIB, source)])),
      outdir: esmOut,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      // Class names appear in messages (construct-id.ts names the kind of a clashing construct).
      keepNames: true,
      chunkNames: 'chunk-[hash]',
      metafile: true,
      logLevel: 'warning',
      plugins: [lazyRequires(lazy)],
    });
    fs.mkdirSync(libOut, { recursive: true });
    for (const file of Object.keys(result.metafile.outputs)) {
      const name = path.basename(file);
      const { code } = await esbuild.transform(fs.readFileSync(path.resolve(file), 'utf8'), {
        format: 'cjs',
        loader: 'js',
        platform: 'node',
        target: 'node20',
        keepNames: true,
      });
      checkNamesKept(name, code);
      fs.writeFileSync(path.join(libOut, name), code);
    }
  } finally {
    fs.rmSync(esmOut, { recursive: true, force: true });
  }
  for (const json of listFiles(LIB, '.json')) {
    const target = path.join(libOut, path.relative(LIB, json));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(json, target);
  }
  return libOut;
}

/**
 * The modules of lib/ that some module requires lazily (`require('./x')` in its code), each with
 * the name of its output file: its path under lib/ with dashes (`cli/plan.ts` → `cli-plan`).
 */
function lazyModules() {
  const lazy = new Map();
  for (const file of listFiles(LIB, '.ts')) {
    if (file.endsWith('.d.ts')) continue;
    for (const match of fs.readFileSync(file, 'utf8').matchAll(/\brequire\('(\.{1,2}\/[^']+)'\)/g)) {
      const target = resolveSource(path.resolve(path.dirname(file), match[1]));
      if (!target) throw new Error(`build-lib: ${path.relative(ROOT, file)} requires ${match[1]}, which is not a module of lib/`);
      lazy.set(target, path.relative(LIB, target).replace(/\.ts$/, '').replace(/\/index$/, '').split(path.sep).join('-'));
    }
  }
  for (const name of lazy.values()) {
    if (name in ENTRY_POINTS) throw new Error(`build-lib: the lazy module ${name} has the name of an entry point`);
  }
  return lazy;
}

function resolveSource(base) {
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate));
}

/** Points every `require()` of a module of lib/ at that module's own output file. */
function lazyRequires(lazy) {
  return {
    name: 'lazy-requires',
    setup(build) {
      build.onResolve({ filter: /^\.{1,2}\// }, (args) => {
        if (args.kind !== 'require-call') return undefined;
        const target = resolveSource(path.resolve(args.resolveDir, args.path));
        const name = target && lazy.get(target);
        if (!name) return { errors: [{ text: `build-lib: require('${args.path}') in ${args.importer} was not found by the scan for lazy modules` }] };
        return { path: `./${name}.js`, external: true };
      });
    },
  };
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

module.exports = { buildLibrary, ENTRY_POINTS };

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
