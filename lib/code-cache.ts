/**
 * A V8 code cache for the package's own bundled files: how an installed package loads its code.
 *
 * Why: every `cdktf synth` runs the app in a fresh node process, and `cdktf deploy` starts one
 * waiter process per gated layer that others wait for, and one for the rest. Each process
 * compiled the library's half a megabyte of JavaScript anew, then compiled again every function
 * a synth runs, the first time it runs. V8 can hand back what it compiled (its code cache) and take it again in the next process, which
 * then skips that work: about 20 ms of the quickstart's cold start (`npm run bench -- --only=cold`
 * compares it with the cache and without).
 *
 * How: each entry point of the package (dist/lib/index.js, core.js, cli.js, ...) is a stub that
 * calls {@link loadBundled} with its implementation file (`index.impl.js`). This compiles that
 * file with the cache of its exact source, if one was written before, and runs it as node's
 * loader would, as a module in node's module cache; a file it requires from the same folder (a
 * chunk), or from the yaml library, is loaded the same way. At the end of a process that compiled
 * a file without a usable cache, the cache is written, with the functions compiled meanwhile.
 *
 * Where: `CLUSTER_PROFILES_CODE_CACHE` names the folder, or switches the cache off (`off`); by
 * default `$XDG_CACHE_HOME/cluster-profiles/code-cache` (`~/.cache/...`). The folder is the
 * user's own (created 0700; a folder owned by another user, or writable by others, is not used,
 * since code read from it runs). It has a subfolder per V8 version and architecture, and a cache
 * file is named by the hash of the source it was made from, so a changed file (an upgrade, a
 * patched package) never meets an old cache; V8 itself refuses a cache made under other flags.
 *
 * When not: under a module system other than node's own (jest's, a bundler's), a stub loads its
 * implementation with plain `require`, and so it does when node caches compiled code itself
 * (`NODE_COMPILE_CACHE`, node 22), when the folder cannot be used, or when the cache is off. A
 * cache that cannot be read or written is skipped silently: it only ever saves time.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
// eslint-disable-next-line @typescript-eslint/no-require-imports
import NodeModule = require('module');

/** What of node's CommonJS loader this uses beyond its typed surface (stable since node 0.x). */
interface NodeLoader {
  new (id: string, parent?: NodeJS.Module): LoadedModule;
  _cache: Record<string, NodeJS.Module | undefined>;
  _nodeModulePaths(directory: string): string[];
  _resolveFilename(request: string, parent: NodeJS.Module, isMain: boolean, options?: { paths?: string[] }): string;
  wrap(source: string): string;
  getCompileCacheDir?(): string | undefined;
}

interface LoadedModule extends NodeJS.Module {
  filename: string;
  paths: string[];
  loaded: boolean;
}

const Loader = NodeModule as unknown as NodeLoader;
/** The process's main module, as `require.main` gives it in every module node loads. */
const mainModule = require.main;

/** The environment variable naming the cache folder, or `off`. */
export const CODE_CACHE_VARIABLE = 'CLUSTER_PROFILES_CODE_CACHE';

/**
 * The dependencies whose files are compiled through the cache too, when the package requires
 * them: the package's `dependencies`, all of them (test/code-cache.test.ts checks). (semver is
 * not one: it is bundled, scripts/build-lib.js says why.)
 */
export const CACHED_DEPENDENCIES: ReadonlySet<string> = new Set(['yaml']);

/** Cache files untouched for longer than this are removed when a new one is written. */
const STALE_AFTER_MS = 30 * 24 * 3600 * 1000;

/** How one file was compiled in this process ({@link codeCacheStatus}). */
export interface CodeCacheUse {
  /** `index.impl.js`, `chunk-X.js`; a dependency's file from its package: `yaml/dist/index.js`. */
  readonly file: string;
  /** `accepted`: compiled from the cache; `absent`: no cache yet; `rejected`: V8 refused it. */
  readonly cache: 'accepted' | 'absent' | 'rejected';
}

interface Pending {
  readonly script: vm.Script;
  readonly cacheFile: string;
}

class CodeCache {
  readonly uses: CodeCacheUse[] = [];
  private readonly pending: Pending[] = [];

  /**
   * @param directory where the cache files are
   * @param packageDirectory the folder of the package's files (dist/lib)
   */
  constructor(
    readonly directory: string,
    private readonly packageDirectory: string,
  ) {}

  /** Loads `filename` (a file of the package or of a dependency) as a module, compiled from the cache. */
  load(filename: string, parent: NodeJS.Module): unknown {
    const known = Loader._cache[filename];
    if (known) return known.exports;
    const source = fs.readFileSync(filename, 'utf8');
    const name = this.nameOf(filename);
    const cacheFile = path.join(this.directory, `${name.replace(/\//g, '+')}-${sourceKey(source)}.v8`);
    const cachedData = readIfPresent(cacheFile);
    const script = new vm.Script(Loader.wrap(source), { filename, cachedData });
    const cache = cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted';
    this.uses.push({ file: name, cache });
    if (cache !== 'accepted') this.writeAtExit({ script, cacheFile });

    const module = new Loader(filename, parent);
    module.filename = filename;
    module.paths = Loader._nodeModulePaths(path.dirname(filename));
    Loader._cache[filename] = module;
    const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
    try {
      wrapper.call(module.exports, module.exports, this.requireOf(module), module, filename, path.dirname(filename));
    } catch (error) {
      delete Loader._cache[filename];
      throw error;
    }
    module.loaded = true;
    return module.exports;
  }

  /**
   * `require` inside a loaded file: a file of the package (a chunk), of a dependency listed in
   * {@link CACHED_DEPENDENCIES}, or relative to such a file, through the cache; anything else
   * (node's modules, cdktf, JSON) through node.
   */
  private requireOf(module: LoadedModule): NodeJS.Require {
    const directory = path.dirname(module.filename);
    const throughCache = (id: string): string | undefined => {
      if (isSibling(id)) return path.join(directory, id);
      if (!id.startsWith('./') && !id.startsWith('../') && !CACHED_DEPENDENCIES.has(id.split('/')[0])) return undefined;
      const file = Loader._resolveFilename(id, module, false);
      return file.endsWith('.js') ? file : undefined;
    };
    const require = ((id: string) => {
      const file = throughCache(id);
      return file === undefined ? module.require(id) : this.load(file, module);
    }) as NodeJS.Require;
    require.resolve = ((request: string, options?: { paths?: string[] }) => Loader._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
    require.cache = Loader._cache as NodeJS.Dict<NodeJS.Module>;
    require.main = mainModule;
    return require;
  }

  /** `chunk-X.js` for a file of the package, `yaml/dist/index.js` for a dependency's. */
  private nameOf(filename: string): string {
    if (path.dirname(filename) === this.packageDirectory) return path.basename(filename);
    const modules = `node_modules${path.sep}`;
    const at = filename.lastIndexOf(modules);
    return at < 0 ? path.basename(filename) : filename.slice(at + modules.length).split(path.sep).join('/');
  }

  private writeAtExit(pending: Pending): void {
    if (this.pending.length === 0) process.once('exit', () => this.writePending());
    this.pending.push(pending);
  }

  /** Writes the caches of the files compiled without one; any failure only leaves it unwritten. */
  private writePending(): void {
    try {
      // The folder may have been made meanwhile by someone else: it is checked again.
      if (!prepareDirectory(this.directory, true)) return;
      removeStale(this.directory);
      for (const { script, cacheFile } of this.pending) {
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(temporary, cacheFile);
      }
    } catch {
      // a cache is only ever a saving
    }
  }
}

let active: CodeCache | null | undefined;

/**
 * Loads an implementation file of the package for its entry-point stub: from the code cache
 * when node's own loader loaded the stub, with `fallback` (a plain `require` of the same file)
 * otherwise.
 * @param stub the stub's `module`
 * @param file the implementation file, in the stub's folder
 * @param fallback requires that file the ordinary way
 */
export function loadBundled(stub: NodeJS.Module, file: string, fallback: () => unknown): unknown {
  const cache = Loader._cache[stub.filename] === stub ? codeCache(path.dirname(stub.filename)) : undefined;
  return cache ? cache.load(path.join(path.dirname(stub.filename), file), stub) : fallback();
}

/** How the package's files were compiled in this process, and where the cache is; for tests. */
export function codeCacheStatus(): { readonly directory?: string; readonly uses: ReadonlyArray<CodeCacheUse> } {
  return { directory: active?.directory, uses: active?.uses ?? [] };
}

function codeCache(packageDirectory: string): CodeCache | undefined {
  if (active === undefined) {
    const directory = cacheDirectory();
    active = directory !== undefined && prepareDirectory(directory, false) ? new CodeCache(directory, packageDirectory) : null;
  }
  return active ?? undefined;
}

/** The folder of this node and architecture, or undefined when the cache is off. */
function cacheDirectory(): string | undefined {
  const setting = process.env[CODE_CACHE_VARIABLE];
  if (setting === 'off' || setting === '0' || setting === 'false') return undefined;
  // Node 22's compile cache already caches every module, these included.
  if (Loader.getCompileCacheDir?.()) return undefined;
  const root = setting ? path.resolve(setting) : path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'cluster-profiles', 'code-cache');
  return path.join(root, `v8-${process.versions.v8}-${process.arch}`);
}

/**
 * Whether the folder may hold code this process runs: it is the user's own and nobody else can
 * write to it. With `create`, makes it (0700) first.
 */
function prepareDirectory(directory: string, create: boolean): boolean {
  try {
    if (create) fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
    const stat = fs.statSync(directory);
    if (!stat.isDirectory()) return false;
    if (process.platform === 'win32') return true;
    return stat.uid === process.getuid?.() && (stat.mode & 0o022) === 0;
  } catch (error) {
    // Not made yet: the first process that compiles makes it.
    return !create && (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

function removeStale(directory: string): void {
  const now = Date.now();
  for (const name of fs.readdirSync(directory)) {
    const file = path.join(directory, name);
    try {
      if (now - fs.statSync(file).mtimeMs > STALE_AFTER_MS) fs.rmSync(file, { force: true });
    } catch {
      // another process removed it
    }
  }
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** The source's hash: the folder already is one V8 version's and architecture's (cacheDirectory). */
function sourceKey(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 24);
}

/** `./name.js`: a file of the package's own folder, as the bundle requires its chunks. */
function isSibling(id: string): boolean {
  return id.startsWith('./') && id.endsWith('.js') && !id.includes('/', 2);
}
