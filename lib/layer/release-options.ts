/**
 * How Helm installs a layer's release. The defaults make a failed layer fail the deploy with its
 * name, leave the layers below it installed, and let the next deploy converge (DESIGN.md, hard
 * problem 5): an atomic install rolls a failed release back (or removes a failed first install),
 * so a re-run starts clean instead of meeting a release stuck in `failed`.
 */
export interface ReleaseOptions {
  /**
   * Roll back (or remove, on first install) a release that fails, and wait for its resources.
   * Helm's atomic implies waiting, so a layer that sets `wait: false` is not atomic unless it
   * also sets `atomic: true` (and then Helm waits all the same).
   * @default - true, or false when `wait` is false
   */
  readonly atomic?: boolean;
  /**
   * Delete new resources created by a failed upgrade.
   * @default true
   */
  readonly cleanupOnFail?: boolean;
  /**
   * Wait until the release's Deployments, StatefulSets, Services and so on are ready.
   * @default true
   */
  readonly wait?: boolean;
  /**
   * Also wait for the release's Jobs to complete.
   * @default false
   */
  readonly waitForJobs?: boolean;
  /**
   * How long Helm may take for one install or upgrade of this layer.
   * @default 300
   */
  readonly timeoutSeconds?: number;
  /**
   * How many Helm revisions to keep; 0 keeps them all.
   * @default 10
   */
  readonly maxHistory?: number;
  /**
   * Adopt a release of the same name that exists outside Terraform state (`helm upgrade --install`).
   * @default false
   */
  readonly upgradeInstall?: boolean;
}

/** Release options with every default applied. */
export type ResolvedReleaseOptions = Required<ReleaseOptions>;

/** Applies the defaults documented on {@link ReleaseOptions}. */
export function resolveReleaseOptions(options: ReleaseOptions = {}): ResolvedReleaseOptions {
  return {
    atomic: options.atomic ?? options.wait ?? true,
    cleanupOnFail: options.cleanupOnFail ?? true,
    wait: options.wait ?? true,
    waitForJobs: options.waitForJobs ?? false,
    timeoutSeconds: options.timeoutSeconds ?? 300,
    maxHistory: options.maxHistory ?? 10,
    upgradeInstall: options.upgradeInstall ?? false,
  };
}
