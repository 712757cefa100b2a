import * as fs from 'fs';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';

/** What one synthesized output holds, to show that both sides emitted the same. */
export interface OutputSummary {
  readonly helmReleases: number;
  /** `type.alias` of every provider block. */
  readonly providers: readonly string[];
  readonly dependsOn: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every stack's cdk.tf.json under a synth outdir, by stack name. */
export function readStacks(outdir: string): Map<string, Json> {
  const stacks = path.join(outdir, 'stacks');
  return new Map(
    fs.readdirSync(stacks).sort().map((name) => [name, JSON.parse(fs.readFileSync(path.join(stacks, name, 'cdk.tf.json'), 'utf8')) as Json]),
  );
}

export function summarize(stacks: ReadonlyMap<string, Json>): OutputSummary {
  let helmReleases = 0;
  let dependsOn = 0;
  const providers: string[] = [];
  for (const json of stacks.values()) {
    const doc = json as { [k: string]: { [k: string]: { [k: string]: Json } | Json[] } | undefined };
    helmReleases += Object.keys((doc.resource as { helm_release?: object } | undefined)?.helm_release ?? {}).length;
    for (const [type, blocks] of Object.entries((doc.provider ?? {}) as { [k: string]: Array<{ alias?: string }> })) {
      for (const block of blocks) providers.push(`${type}.${block.alias ?? '(default)'}`);
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
    countDependsOn(json);
  }
  return { helmReleases, providers: providers.sort(), dependsOn };
}

/**
 * Compares two synth outputs apart from cdktf's `//` metadata (which holds construct paths, and
 * the library's constructs sit one level deeper) and the order of `depends_on` lists.
 * Returns the first difference, or undefined when they are equal.
 */
export function compareStacks(a: ReadonlyMap<string, Json>, b: ReadonlyMap<string, Json>): string | undefined {
  const left = normalize(Object.fromEntries(a));
  const right = normalize(Object.fromEntries(b));
  if (isDeepStrictEqual(left, right)) return undefined;
  return firstDifference(left, right, '');
}

function normalize(node: Json): Json {
  if (Array.isArray(node)) return node.map(normalize);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(node).sort()) {
    if (key === '//') continue;
    const value = normalize(node[key]);
    out[key] = key === 'depends_on' && Array.isArray(value) ? [...value].sort() : value;
  }
  return out;
}

function firstDifference(a: Json, b: Json, where: string): string {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const key of keys) {
      const x = (a as { [k: string]: Json })[key];
      const y = (b as { [k: string]: Json })[key];
      if (!isDeepStrictEqual(x, y)) return firstDifference(x ?? null, y ?? null, `${where}/${key}`);
    }
  }
  return `${where || '/'}: ${JSON.stringify(a)?.slice(0, 200)} <> ${JSON.stringify(b)?.slice(0, 200)}`;
}
