import * as fs from 'fs';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';

/**
 * Whether two sides of a benchmark did the same work: their synth outdirs must hold the same
 * Terraform, apart from the differences listed in {@link INTENDED_DIFFERENCES} and nothing else.
 * The runner compares every variant of a benchmark with the first before it measures, and stops
 * without its final line when they differ (a raw workload out of date with the library, or a
 * deliberate `--tamper`).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Every difference the comparison forgives, in one place, each with why it is intended.
 * Anything else that differs fails the run.
 */
export const INTENDED_DIFFERENCES = {
  /**
   * Keys left out wherever they occur. `//` is cdktf's metadata (construct paths, stack trace
   * flags, the cdktf version): the library's elements sit deeper in the construct tree (under a
   * Cluster) than a raw author's, so their paths differ, and Terraform never reads the key.
   */
  ignoredKeys: new Set(['//']),
  /**
   * Lists compared as sets. `depends_on`: the library sorts it by address, a raw author writes it
   * in any order; Terraform reads it as a set. `dependencies` (manifest.json): the stacks a stack
   * waits for, which cdktf and the fleet list in the order they were added.
   */
  unorderedLists: new Set(['depends_on', 'dependencies']),
  /**
   * The only files compared: each stack's cdk.tf.json, and manifest.json (the stacks and their
   * dependencies). The other files of our outdir are the library's own output, which a raw
   * cdktf app has no counterpart for: install-plan.json beside each cluster, the profile
   * documents (profiles/), a fleet's rollout document (fleet/), chart folders of local charts.
   */
  comparedFiles: ['manifest.json', 'stacks/*/cdk.tf.json'],
} as const;

/** What one synthesized output holds, to show that both sides emitted the same. */
export interface OutputSummary {
  readonly stacks: number;
  readonly helmReleases: number;
  /** `type.alias` of every provider block, counted by type. */
  readonly providers: Readonly<Record<string, number>>;
  readonly dependsOn: number;
}

/** Counts what an outdir holds, one stack at a time (a 1,000-stack fleet stays small in memory). */
export function summarizeOutdir(outdir: string): OutputSummary {
  let helmReleases = 0;
  let dependsOn = 0;
  const providers: Record<string, number> = {};
  const stacks = stackNames(outdir);
  for (const name of stacks) {
    const doc = readStack(outdir, name) as { [k: string]: Json };
    helmReleases += Object.keys(((doc.resource as { [k: string]: Json } | undefined)?.helm_release as object | undefined) ?? {}).length;
    for (const [type, blocks] of Object.entries((doc.provider ?? {}) as { [k: string]: Json[] })) {
      providers[type] = (providers[type] ?? 0) + blocks.length;
    }
    const countDependsOn = (node: Json): void => {
      if (Array.isArray(node)) node.forEach(countDependsOn);
      else if (node !== null && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'depends_on' && Array.isArray(value)) dependsOn += value.length;
          else countDependsOn(value);
        }
      }
    };
    countDependsOn(doc);
  }
  return { stacks: stacks.length, helmReleases, providers, dependsOn };
}

/**
 * Compares two synth outdirs: the same stacks, and for each the same cdk.tf.json and manifest
 * entry apart from {@link INTENDED_DIFFERENCES}. Reads one stack at a time. Returns the first
 * difference (`file/json/path: left <> right`), or undefined when they hold the same.
 */
export function compareOutdirs(a: string, b: string): string | undefined {
  const left = stackNames(a);
  const right = stackNames(b);
  if (!isDeepStrictEqual(left, right)) return `stacks: ${JSON.stringify(left).slice(0, 200)} <> ${JSON.stringify(right).slice(0, 200)}`;
  const manifest = compareJson(readJson(path.join(a, 'manifest.json')), readJson(path.join(b, 'manifest.json')));
  if (manifest !== undefined) return `manifest.json${manifest}`;
  for (const name of left) {
    const d = compareJson(readStack(a, name), readStack(b, name));
    if (d !== undefined) return `stacks/${name}/cdk.tf.json${d}`;
  }
  return undefined;
}

/** Compares two JSON documents apart from the intended differences; the first difference or undefined. */
export function compareJson(a: Json, b: Json): string | undefined {
  const left = normalize(a);
  const right = normalize(b);
  if (isDeepStrictEqual(left, right)) return undefined;
  return firstDifference(left, right, '');
}

function stackNames(outdir: string): string[] {
  const stacks = path.join(outdir, 'stacks');
  return fs.existsSync(stacks) ? fs.readdirSync(stacks).sort() : [];
}

function readStack(outdir: string, name: string): Json {
  return readJson(path.join(outdir, 'stacks', name, 'cdk.tf.json'));
}

function readJson(file: string): Json {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
}

function normalize(node: Json): Json {
  if (Array.isArray(node)) return node.map(normalize);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(node).sort()) {
    if (INTENDED_DIFFERENCES.ignoredKeys.has(key)) continue;
    const value = normalize(node[key]);
    out[key] = INTENDED_DIFFERENCES.unorderedLists.has(key) && Array.isArray(value) ? [...value].sort(byJson) : value;
  }
  return out;
}

function byJson(x: Json, y: Json): number {
  const a = JSON.stringify(x);
  const b = JSON.stringify(y);
  return a < b ? -1 : a > b ? 1 : 0;
}

function firstDifference(a: Json | undefined, b: Json | undefined, where: string): string {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const key of keys) {
      const x = (a as { [k: string]: Json })[key];
      const y = (b as { [k: string]: Json })[key];
      if (!isDeepStrictEqual(x, y)) return firstDifference(x, y, `${where}/${key}`);
    }
  }
  const show = (x: Json | undefined) => (x === undefined ? '(absent)' : JSON.stringify(x).slice(0, 200));
  return `${where || '/'}: ${show(a)} <> ${show(b)}`;
}
