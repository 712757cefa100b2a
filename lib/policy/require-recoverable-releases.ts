import { InstallPlan } from '../cluster/plan';
import { installsRelease } from '../cluster/layer-releases';
import { ClusterPolicy, PolicyViolation } from './cluster-policy';

/** Options of {@link RequireRecoverableReleases}. */
export interface RequireRecoverableReleasesOptions {
  /**
   * The longest `release.timeoutSeconds` a layer may have.
   * @default 600
   */
  readonly maxTimeoutSeconds?: number;
}

/**
 * Every release undoes a failed attempt and gives up in bounded time, so a failed deploy leaves
 * the cluster where a re-run can converge: `atomic` (roll back, or remove a failed first install)
 * or `cleanupOnFail` (delete what a failed upgrade created) is on, and `timeoutSeconds` is at
 * most a maximum. The library's defaults comply.
 */
export class RequireRecoverableReleases extends ClusterPolicy {
  public readonly rule = 'require-recoverable-releases';
  private readonly maxTimeoutSeconds: number;

  constructor(options: RequireRecoverableReleasesOptions = {}) {
    super();
    this.maxTimeoutSeconds = options.maxTimeoutSeconds ?? 600;
  }

  public check(plan: InstallPlan): PolicyViolation[] {
    const violations: PolicyViolation[] = [];
    for (const layer of plan.layers.filter(installsRelease)) {
      const { atomic, cleanupOnFail, timeoutSeconds } = layer.release;
      if (!atomic && !cleanupOnFail) {
        violations.push({
          layer,
          message: 'its release is neither atomic nor cleaned up on failure, so a failed install stays behind in state "failed"',
          fix: 'set release.atomic or release.cleanupOnFail to true (both are the default)',
        });
      }
      if (timeoutSeconds > this.maxTimeoutSeconds) {
        violations.push({
          layer,
          message: `its release timeout is ${timeoutSeconds} s, above the maximum of ${this.maxTimeoutSeconds} s`,
          fix: `set release.timeoutSeconds to at most ${this.maxTimeoutSeconds}`,
        });
      }
    }
    return violations;
  }
}
