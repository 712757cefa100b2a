import * as fs from 'fs';
import * as path from 'path';
// esbuild comes with tsx (a devDependency); the project installs nothing else for the benchmarks.
import * as esbuild from 'esbuild';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildLibrary } = require('../scripts/build-lib') as { buildLibrary: (outdir: string) => Promise<string> };

export const ROOT = path.resolve(__dirname, '..');
/**
 * Inside node_modules so that the compiled files resolve cdktf and the providers from the project.
 * BENCH_BUILD_DIR names another folder there, so that a profile can run while a benchmark does.
 */
export const BUILD_DIR = path.join(ROOT, 'node_modules', '.cache', process.env.BENCH_BUILD_DIR ?? 'cdktf-cluster-profiles-bench');

/**
 * Compiles the library, the quickstart and the benchmark code to CommonJS, so both sides of every
 * comparison run as plain JavaScript on plain node: the benchmark code file by file, and the
 * library's entry points as the package ships them (bundled by scripts/build-lib.js, which
 * `npm run build` runs), so `../../lib` in a workload is what users install. The raw workloads'
 * deep imports of single modules (the helm_release element) find them compiled file by file.
 * Copies the other files of lib/ and examples/ beside them.
 */
export async function buildWorkloads(): Promise<string> {
  fs.rmSync(BUILD_DIR, { recursive: true, force: true });
  const sources = [
    ...listTs('lib'),
    ...listTs('bench'),
    'examples/quickstart/app.ts',
  ].map((f) => path.join(ROOT, f));
  await esbuild.build({
    entryPoints: sources,
    outdir: BUILD_DIR,
    outbase: ROOT,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    bundle: false,
    logLevel: 'warning',
  });
  // The main entry point as it was compiled before the package was bundled, beside the modules
  // it requires, for the load benchmark (bench/workloads/load-library.ts).
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'lib', 'index.ts')],
    outfile: path.join(BUILD_DIR, 'lib', 'index-per-file.js'),
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    bundle: false,
    logLevel: 'warning',
  });
  await buildLibrary(BUILD_DIR);
  // Everything else the compiled code reads beside itself: JSON the library requires, and the
  // examples' charts, manifests, packs and lockfile, which the quickstart finds through __dirname.
  for (const directory of ['lib', 'examples']) {
    fs.cpSync(path.join(ROOT, directory), path.join(BUILD_DIR, directory), {
      recursive: true,
      filter: (source) => !/[\\/](cdktf\.out|node_modules)$/.test(source) && !source.endsWith('.ts'),
    });
  }
  return BUILD_DIR;
}

function listTs(directory: string): string[] {
  return (fs.readdirSync(path.join(ROOT, directory), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(directory, f));
}
