import { Diagnostic, withSuggestions } from '../errors';
import { fileLocation } from './place';

/** A drift ignore rule without JSON pointers. */
export function driftRuleWithoutPointers(path: string, index: number): Diagnostic {
  return { code: 'INVALID_DRIFT_RULE', path, message: `drift.ignore[${index}] has no pointers`, fix: 'give pointers: ["/spec/replicas"], say' };
}

/** A drift ignore rule whose pointer is not a JSON pointer; `problem` says why. */
export function invalidDriftPointer(path: string, index: number, pointer: string, problem: string): Diagnostic {
  return {
    code: 'INVALID_DRIFT_RULE',
    path,
    message: `drift.ignore[${index}]: "${pointer}" ${problem}`,
    fix: 'write a JSON pointer such as /spec/replicas, with ~1 for "/" and ~0 for "~" inside a key',
  };
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
