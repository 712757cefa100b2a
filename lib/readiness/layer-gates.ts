import { ProfileError } from '../errors';
import type { ResolvedReleaseOptions } from '../layer/release-options';
import { Readiness, ReadinessGate, resolveReadiness } from './readiness';
import { helmWaitDisabled } from '../diagnostics';

/**
 * A layer's declared gates and its release options, as its spec carries them: `workloads` and
 * `jobsComplete` are Helm's wait, so they set the release's `wait`, `wait_for_jobs` and timeout;
 * the other gates are kept for planning and emission.
 */
export function withHelmGates(
  release: ResolvedReleaseOptions,
  declared: ReadonlyArray<Readiness> | undefined,
  where: string,
): { readonly release: ResolvedReleaseOptions; readonly readiness: readonly ReadinessGate[] } {
  const readiness = resolveReadiness(declared, release.timeoutSeconds, where);
  const helm = readiness.filter((g) => g.kind === 'workloads' || g.kind === 'jobsComplete');
  if (helm.length === 0) return { release, readiness };
  if (!release.wait) {
    ProfileError.throw(helmWaitDisabled(where, helm.map((g) => g.kind)));
  }
  return {
    release: {
      ...release,
      waitForJobs: release.waitForJobs || helm.some((g) => g.kind === 'jobsComplete'),
      timeoutSeconds: Math.max(...helm.map((g) => g.timeoutSeconds)),
    },
    readiness,
  };
}
