import { Diagnostic, withSuggestions } from '../errors';
import { fileLocation } from './place';

/** A drift ignore rule declared wrong: `message` says what. */
export function invalidDriftRule(path: string, message: string, fix: string): Diagnostic {
  return { code: 'INVALID_DRIFT_RULE', path, message, fix };
}

/** A fleet the out directory holds no rollout of. */
export function driftFleetUnknown(file: string, fleet: string, fleets: readonly string[]): Diagnostic {
  return {
    code: 'DRIFT_INPUT',
    path: fileLocation(file),
    message: `no rollout of fleet "${fleet}"`,
    fix: withSuggestions(fleets.length > 0 ? `name one of: ${fleets.join(', ')}` : 'synthesize the app with its Fleet first', fleet, fleets),
  };
}

/** A wave a fleet's rollout does not have. */
export function driftWaveUnknown(file: string, fleet: string, wave: string, waves: readonly string[]): Diagnostic {
  return { code: 'DRIFT_INPUT', path: fileLocation(file), message: `fleet "${fleet}" has no wave "${wave}"`, fix: withSuggestions(`name one of: ${waves.join(', ')}`, wave, waves) };
}

/** An out directory without a synthesized stack. */
export function driftNoStacks(file: string): Diagnostic {
  return { code: 'DRIFT_INPUT', path: fileLocation(file), message: 'holds no synthesized stack', fix: 'run npx cdktf synth (or deploy) first, or give --out the folder it wrote' };
}

/** Stacks asked for that the out directory does not hold. */
export function driftStacksUnknown(file: string, unknown: readonly string[], present: readonly string[]): Diagnostic {
  return {
    code: 'DRIFT_INPUT',
    path: fileLocation(file),
    message: `has no stack ${unknown.map((s) => `"${s}"`).join(', ')}`,
    fix: withSuggestions(`name one of: ${present.join(', ')}`, unknown[0], present),
  };
}

/** A Secret that is not a Helm release record; `why` says what is wrong. */
export function notAReleaseRecord(path: string, why: string): Diagnostic {
  return {
    code: 'RELEASE_RECORD',
    path,
    message: `is not a Helm release record: ${why}`,
    fix: 'check the Secret is one Helm 3 wrote (type helm.sh/release.v1); reinstall the release if it was edited',
  };
}

/** A release record whose manifest is not YAML. */
export function releaseManifestNotYaml(path: string, problem: string): Diagnostic {
  return { code: 'RELEASE_RECORD', path, message: `its manifest is not YAML: ${problem}`, fix: 'reinstall the release (cluster-profiles drift --repair)' };
}
