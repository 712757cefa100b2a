import * as fs from 'fs';
import * as path from 'path';
import { ProfileError } from '../errors';
import { ROLLOUT_API_VERSION, RolloutDocument } from './rollout-document';
import { noRollout, notARollout, rolloutNotJson, rolloutUnreadable } from '../diagnostics';

/** A rollout document read from a synth's output, with the file it came from. */
export interface ReadRollout {
  /** The file, as given (the out directory joined with `fleet/<name>/rollout.json`). */
  readonly file: string;
  readonly document: RolloutDocument;
}

/**
 * Reads every `fleet/<name>/rollout.json` under a synth's out directory, in fleet name order.
 * Throws INVALID_DOCUMENT when the folder holds none, or a file is not a rollout document.
 */
export function readRollouts(outdir: string): ReadRollout[] {
  const folder = path.join(outdir, 'fleet');
  const names = fs.existsSync(folder) ? fs.readdirSync(folder).filter((n) => fs.existsSync(path.join(folder, n, 'rollout.json'))).sort() : [];
  if (names.length === 0) {
    ProfileError.throw(noRollout(folder, outdir));
  }
  return names.map((name) => {
    const file = path.join(folder, name, 'rollout.json');
    return { file, document: parseRollout(fs.readFileSync(file, 'utf8'), file) };
  });
}

/** Reads one rollout document; INVALID_DOCUMENT when the file is missing or not one. */
export function readRollout(file: string): RolloutDocument {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return ProfileError.throw(rolloutUnreadable(file, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
  return parseRollout(text, file);
}

function parseRollout(text: string, file: string): RolloutDocument {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (e) {
    return ProfileError.throw(rolloutNotJson(file, (e as Error).message));
  }
  const d = document as Partial<RolloutDocument>;
  if (d?.apiVersion !== ROLLOUT_API_VERSION || d.kind !== 'Rollout' || !Array.isArray(d.waves)) {
    return ProfileError.throw(notARollout(file, ROLLOUT_API_VERSION, d?.apiVersion, d?.kind));
  }
  return d as RolloutDocument;
}
