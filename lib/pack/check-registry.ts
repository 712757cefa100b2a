import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { Cluster } from '../cluster/cluster';
import { ClusterConnection } from '../cluster/connection';
import { Diagnostic, ErrorCode, ProfileError } from '../errors';
import { FullProfile } from '../profile/full-profile';
import { PackCatalog } from './catalog';
import { Pack, PackDependency } from './pack';
import { DirectoryRegistry } from './registry';
import { boundsRange, compareVersions, newestSatisfying, normalizeVersion, satisfiesConstraint } from './version';
import { notAPack, packCheckCrash } from '../diagnostics';

/**
 * `cluster-profiles packs check`: loads every pack of a directory registry and synthesizes each
 * on a cluster of its own, with the packs it requires, so a user learns before adopting the
 * library which of their packs work, and why the others do not.
 */

/** How one pack fared. */
export type PackCheckOutcome =
  /** Loaded and synthesized. */
  | 'ok'
  /** Loaded; synthesizes once the user gives what the pack asks for (a value, a variable, another pack). */
  | 'needs-input'
  /** The pack could not be read. */
  | 'load-failed'
  /** Loaded, but did not synthesize. */
  | 'synth-failed'
  /** A folder of the registry that holds no pack. */
  | 'not-a-pack';

/** Whose rule a refusal is: Palette's pack format, a limit of this library, or input the pack needs. */
export type RefusalOrigin = 'palette-format' | 'library-limit' | 'needs-input';

/** One problem found checking a pack. */
export interface PackCheckProblem extends Diagnostic {
  readonly origin: RefusalOrigin;
}

/** The result of checking one folder or archive of a registry. */
export interface PackCheckResult {
  /** The folder or archive, in the registry. */
  readonly folder: string;
  readonly pack?: string;
  /** As pack.json writes it. */
  readonly version?: string;
  /** `pack.json: layer`. */
  readonly layer?: string;
  readonly outcome: PackCheckOutcome;
  /** Other packs of the registry synthesized with this one, because it requires them. */
  readonly with: readonly string[];
  readonly problems: readonly PackCheckProblem[];
  /** What synthesized but deserves a look: values of the pack that reach no release. */
  readonly notes: readonly string[];
}

/** Options of {@link checkPackRegistry}. */
export interface CheckPackRegistryOptions {
  /**
   * The Kubernetes version of the check cluster, when a pack's dependencies do not ask for one.
   * @default "1.34.0"
   */
  readonly kubernetesVersion?: string;
  /**
   * Only the packs whose name contains this text.
   * @default - every pack
   */
  readonly filter?: string;
}

/** The report of {@link checkPackRegistry}. */
export interface PackCheckReport {
  readonly registry: string;
  readonly results: readonly PackCheckResult[];
  /** Results by outcome. */
  readonly counts: Readonly<Record<PackCheckOutcome, number>>;
}

/** Checks every pack of a directory registry; never throws for a bad pack. */
export function checkPackRegistry(folder: string, options: CheckPackRegistryOptions = {}): PackCheckReport {
  const registry = new DirectoryRegistry(folder);
  const entries = registry.list().filter((e) => !options.filter || (e.name ?? e.folder).includes(options.filter));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-profiles-check-'));
  try {
    const results = entries.map((entry, i) => {
      if (!entry.name || !entry.version) {
        return { folder: entry.folder, outcome: 'not-a-pack' as const, with: [], notes: [], problems: [problem(notAPack(`${registry.name}/${entry.folder}`, entry.problem))] };
      }
      return checkPack(registry, entry.folder, entry.name, entry.version, path.join(scratch, String(i)), options);
    });
    const counts = { ok: 0, 'needs-input': 0, 'load-failed': 0, 'synth-failed': 0, 'not-a-pack': 0 };
    for (const r of results) counts[r.outcome]++;
    return { registry: registry.name, results, counts };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function checkPack(registry: DirectoryRegistry, folder: string, name: string, version: string, scratch: string, options: CheckPackRegistryOptions): PackCheckResult {
  const base = { folder, pack: name, version };
  let pack: Pack;
  try {
    pack = registry.load(name, version);
  } catch (e) {
    return { ...base, outcome: 'load-failed', with: [], notes: [], problems: problemsOf(e, `${registry.name}/${folder}`) };
  }
  const layer = pack.manifest.layer;
  const companions = requiredPacks(registry, pack);
  try {
    const notes = synthesize(registry, pack, companions, scratch, options);
    return { ...base, layer, outcome: 'ok', with: companions.map(describe), problems: [], notes };
  } catch (e) {
    const problems = problemsOf(e, `${registry.name}/${folder}`);
    const outcome = problems.every((p) => p.origin === 'needs-input') ? 'needs-input' : 'synth-failed';
    return { ...base, layer, outcome, with: companions.map(describe), problems, notes: [] };
  }
}

/** The packs of the registry that satisfy the pack's `required` dependencies (not on Kubernetes). */
function requiredPacks(registry: DirectoryRegistry, pack: Pack): Pack[] {
  const found: Pack[] = [];
  for (const dependency of pack.manifest.dependencies) {
    if (dependency.type !== 'required' || dependency.layer === 'k8s') continue;
    const range = boundsRange(dependency.minVersion, dependency.maxVersion) ?? '*';
    const version = newestSatisfying(registry.versions(dependency.packName), range);
    if (version === undefined) continue;
    try {
      const companion = registry.load(dependency.packName, version);
      if (companion.manifest.layer !== pack.manifest.layer || companion.manifest.layer === 'addon') found.push(companion);
    } catch {
      // A broken companion shows up as the missing dependency it then is.
    }
  }
  return found;
}

/** Synthesizes one cluster running `pack` and its companions, on a full profile; returns notes. */
function synthesize(registry: DirectoryRegistry, pack: Pack, companions: readonly Pack[], scratch: string, options: CheckPackRegistryOptions): string[] {
  fs.mkdirSync(scratch, { recursive: true });
  const app = new App({ outdir: path.join(scratch, 'cdktf.out'), skipValidation: true });
  const catalog = new PackCatalog(app, 'packs', { registries: [registry], lockfile: path.join(scratch, 'cluster-profiles.lock.json'), mode: 'auto' });
  const profile = new FullProfile(app, 'check', { version: '1.0.0' });
  const all = [pack, ...companions];
  const byRole = (role: string) => all.find((p) => p.manifest.layer === role);
  profile.addManifestLayer('os', { role: 'os' });
  profile.addKubernetesLayer('kubernetes', { version: kubernetesVersionFor(all, options.kubernetesVersion ?? '1.34.0') });
  for (const role of ['cni', 'csi'] as const) {
    const provider = byRole(role);
    if (provider) addPack(profile, catalog, provider, role);
    else profile.addManifestLayer(role, { role });
  }
  for (const addon of all.filter((p) => p.manifest.layer === 'addon')) addPack(profile, catalog, addon, addon === pack ? 'pack' : `with-${addon.manifest.name}`);
  const stack = new TerraformStack(app, 'stack');
  const cluster = new Cluster(stack, 'check', { connection: ClusterConnection.kubeconfig({ path: '~/.kube/config' }), profiles: [profile] });
  app.synth();
  return cluster
    .plan()
    .layers.flatMap((l) => l.ignoredValues.map((v) => `${l.pack?.name ?? l.name}: ${v} in the pack's values.yaml names none of its charts, so it reaches no release (as in Palette, each chart gets only its own section)`));
}

function addPack(profile: FullProfile, catalog: PackCatalog, pack: Pack, id: string): void {
  profile.addPackLayer(id, { pack: pack.manifest.name, version: pack.manifest.version, catalog, includePrerelease: true });
}

/**
 * An exact Kubernetes version inside every `kubernetes` dependency of the packs: the default when
 * it fits, else the highest maximum bound, else the lowest minimum bound.
 */
function kubernetesVersionFor(packs: readonly Pack[], fallback: string): string {
  const ranges = packs
    .flatMap((p) => p.manifest.dependencies)
    .filter((d: PackDependency) => d.layer === 'k8s' && d.packName === 'kubernetes' && d.type !== 'notSupported')
    .map((d) => boundsRange(d.minVersion, d.maxVersion))
    .filter((r): r is string => r !== undefined);
  const fits = (v: string) => ranges.every((r) => satisfiesConstraint(v, r));
  if (fits(fallback)) return fallback;
  const candidates = packs
    .flatMap((p) => p.manifest.dependencies)
    .flatMap((d) => [d.maxVersion, d.minVersion])
    .filter((v): v is string => v !== undefined)
    .map((v) => normalizeVersion(v)!)
    .filter(fits)
    .sort(compareVersions)
    .reverse();
  return candidates[0] ?? fallback;
}

function describe(pack: Pack): string {
  return `${pack.manifest.name} ${pack.manifest.version}`;
}

function problemsOf(e: unknown, where: string): PackCheckProblem[] {
  if (e instanceof ProfileError) return e.diagnostics.map(problem);
  return [{ ...packCheckCrash(where, e), origin: 'library-limit' }];
}

/** Diagnostics that only mean "give the pack what it asks for". */
const NEEDS_INPUT: ReadonlySet<ErrorCode> = new Set(['UNKNOWN_VARIABLE', 'MISSING_MASKED_VALUE']);
/** Codes of rules Palette's pack format has too (a pack breaking them is broken in Palette as well). */
const PALETTE_RULES: ReadonlySet<ErrorCode> = new Set(['PACK_INVALID', 'PACK_FILE_MISSING', 'PACK_ARCHIVE_INVALID', 'INVALID_YAML', 'UNKNOWN_PRESET', 'PRESET_CONFLICT', 'PACK_CONSTRAINT']);

/** Whose rule a diagnostic is. */
export function originOf(d: Diagnostic): RefusalOrigin {
  if (NEEDS_INPUT.has(d.code)) return 'needs-input';
  if (d.code === 'SCHEMA_VIOLATION' && /is required/.test(d.message)) return 'needs-input';
  if (d.code === 'PACK_CONSTRAINT' && /which no layer on the cluster provides/.test(d.message)) return 'needs-input';
  return PALETTE_RULES.has(d.code) ? 'palette-format' : 'library-limit';
}

function problem(d: Diagnostic): PackCheckProblem {
  return { ...d, origin: originOf(d) };
}

/** The report as a table: pack, version, layer, result, then each problem with its code, place and fix. */
export function formatPackCheckReport(report: PackCheckReport): string {
  const rows = report.results.map((r) => [r.pack ?? `(${r.folder})`, r.version ?? '-', r.layer ?? '-', r.outcome]);
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c].length), ['pack', 'version', 'layer'][c].length));
  const line = (cells: string[]) => cells.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]) : cell)).join('  ').trimEnd();
  const out = [line(['pack', 'version', 'layer', 'result'])];
  report.results.forEach((r, i) => {
    out.push(line(rows[i]));
    for (const note of r.notes) out.push(`    note: ${note}`);
    for (const p of r.problems) {
      out.push(`    ${p.code} at ${p.path}: ${p.message}`);
      out.push(`      fix: ${p.fix}  [${p.origin}]`);
    }
  });
  const c = report.counts;
  const loaded = c.ok + c['needs-input'] + c['synth-failed'];
  out.push('');
  out.push(`${report.results.length} entries: ${loaded} loaded (${c.ok} synthesize, ${c['needs-input']} need input, ${c['synth-failed']} fail), ${c['load-failed']} failed to load, ${c['not-a-pack']} not packs`);
  return `${out.join('\n')}\n`;
}

/** `cluster-profiles packs check <registry-folder> [--json] [--kubernetes <version>] [--only <text>]`. */
export const PACKS_USAGE = 'usage: cluster-profiles packs check <registry-folder> [--json] [--kubernetes <version>] [--only <text>]';

/**
 * Runs `packs check`: prints the report (a table, or JSON with `--json`) and returns the exit
 * code: 0 when every pack loads and synthesizes or only needs input, 1 when one fails, 2 on bad usage.
 */
export function runPacksCommand(args: readonly string[], output: { stdout: (t: string) => void; stderr: (t: string) => void }): number {
  const fail = (message: string): number => {
    output.stderr(`cluster-profiles: ${message}\n${PACKS_USAGE}\n`);
    return 2;
  };
  const [sub, ...rest] = args;
  if (sub === '--help' || sub === '-h') {
    output.stdout(`${PACKS_USAGE}\n\nLoads every pack of a directory registry and synthesizes each on a cluster of its own, with\nthe packs it requires. Prints pack, version, layer and result, and for each failure its code,\nplace, fix and origin: palette-format (Palette refuses it too), library-limit (a limit of\ncdktf-cluster-profiles) or needs-input (give the value, variable or pack it asks for).\n\n  --json                 the report as JSON\n  --kubernetes <version> the check cluster's Kubernetes version when a pack asks for none (default 1.34.0)\n  --only <text>          only packs whose name contains <text>\n\nExit: 0 all load and synthesize (or need input), 1 a pack fails, 2 bad usage.\n`);
    return 0;
  }
  if (sub !== 'check') return fail(sub === undefined ? 'packs: no subcommand' : `packs: unknown subcommand "${sub}"`);
  const folders: string[] = [];
  let json = false;
  const options: { kubernetesVersion?: string; filter?: string } = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--json') json = true;
    else if (arg === '--kubernetes' || arg === '--only') {
      const value = rest[++i];
      if (value === undefined) return fail(`${arg} needs a value`);
      if (arg === '--kubernetes') options.kubernetesVersion = value;
      else options.filter = value;
    } else if (arg.startsWith('-')) return fail(`unknown option "${arg}"`);
    else folders.push(arg);
  }
  if (folders.length !== 1) return fail(`packs check takes one registry folder, not ${folders.length}`);
  try {
    const report = checkPackRegistry(folders[0], options);
    output.stdout(json ? `${JSON.stringify(report, null, 2)}\n` : formatPackCheckReport(report));
    return report.counts['synth-failed'] + report.counts['load-failed'] > 0 ? 1 : 0;
  } catch (e) {
    return fail(e instanceof ProfileError ? e.message : String(e));
  }
}
