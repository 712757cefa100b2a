#!/usr/bin/env node
'use strict';
/**
 * Builds the JavaScript of the package: lib/ bundled per entry point into `<outdir>/lib`, CommonJS.
 *
 * Why a bundle: a program that loads the library paid for one file per module, 108 of them, about
 * 50 ms of every cold start (the quickstart's, every readiness gate's waiter) before doing
 * anything; the bundled main entry point loads in about half of that (26 ms against 55 ms after cdktf,
 * `node -e` timing of the require; bench/, `cold_node`).
 *
 * Why split: the entry points (`.`, `/core`, `/document`, `/pack`, `/testing`, the command line)
 * must share their modules, so that a ProfileError thrown by one is an `instanceof` ProfileError
 * of another, and each must load only what it needs: `/core` never loads cdktf, the waiter never
 * loads the synth. esbuild splits code shared by entry points into chunks only for ES modules, so
 * the bundle is made as ES modules and each output file is then turned into CommonJS on its own
 * (an entry file requires its chunks, a chunk the chunks it shares). Dependencies stay outside
 * (`require('cdktf')`, `require('yaml')`), and `require()` calls made lazily inside the library
 * stay lazy.
 *
 * Declarations (`.d.ts`) come from tsc (tsconfig.build.json); this writes only `.js` and copies
 * the JSON files of lib/ that users read (the profile document's JSON schema).
 *
 * Usage: `node scripts/build-lib.js <outdir>` (the package build: `npm run build`, into dist).
 * bench/build.ts calls buildLibrary too, so the benchmarks run what users install.
 */
const fs = require('fs');
const path = require('path');
// esbuild comes with tsx, a devDependency; the package build runs in a checkout (prepack).
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');

/** The package's entry points (package.json `exports`, and bin/cluster-profiles.js). */
const ENTRY_POINTS = ['index', 'core', 'document/index', 'pack/index', 'testing/index', 'testing/jest-setup', 'cli/cli'];

/**
 * Functions the library finds by name at run time (in stack frames), which the bundle must not
 * rename to tell them apart from another module's function of the same name.
 */
const NAMES_KEPT_IN_FRAMES = ['compactStacksBoundary'];

/** Bundles lib/ into `<outdir>/lib`: the entry points at their paths, shared code in lib/chunks. */
async function buildLibrary(outdir) {
  const libOut = path.join(outdir, 'lib');
  const esmOut = fs.mkdtempSync(path.join(require('os').tmpdir(), 'cluster-profiles-esm-'));
  try {
    const result = await esbuild.build({
      entryPoints: ENTRY_POINTS.map((entry) => path.join(ROOT, 'lib', `${entry}.ts`)),
      outdir: esmOut,
      outbase: path.join(ROOT, 'lib'),
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      // Class names appear in messages (construct-id.ts names the kind of a clashing construct).
      keepNames: true,
      chunkNames: 'chunks/[name]-[hash]',
      metafile: true,
      logLevel: 'warning',
    });
    for (const file of Object.keys(result.metafile.outputs)) {
      const relative = path.relative(esmOut, path.resolve(file));
      const { code } = await esbuild.transform(fs.readFileSync(path.resolve(file), 'utf8'), {
        format: 'cjs',
        loader: 'js',
        platform: 'node',
        target: 'node20',
        keepNames: true,
      });
      checkNamesKept(relative, code);
      const target = path.join(libOut, relative);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, code);
    }
  } finally {
    fs.rmSync(esmOut, { recursive: true, force: true });
  }
  for (const json of listFiles(path.join(ROOT, 'lib'), '.json')) {
    const target = path.join(libOut, path.relative(path.join(ROOT, 'lib'), json));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(json, target);
  }
  return libOut;
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
