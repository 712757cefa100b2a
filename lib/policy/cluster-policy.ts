import { IAspect } from 'cdktf';
import { IConstruct } from 'constructs';
import { InstallPlan, PlannedLayer } from '../cluster/plan';
import { Diagnostic } from '../errors';
import { policyViolation } from '../diagnostics';

/** One layer that breaks a policy's rule. */
export interface PolicyViolation {
  /** The layer that breaks the rule. */
  readonly layer: PlannedLayer;
  /** What is wrong, in one sentence, without the layer's name (the diagnostic adds it). */
  readonly message: string;
  /** How to fix it, in one sentence. */
  readonly fix: string;
}

/**
 * A rule every cluster in its scope must follow, checked on the install plan at synth. Users opt
 * in per stack: `Aspects.of(stack).add(new RequirePinnedVersions())`.
 *
 * A violation fails synth with a `POLICY_VIOLATION` {@link ProfileError} that names the layer's
 * construct path and the rule. Policies read the plan, never the emitted Terraform: the app's
 * one synth pass (lib/cluster/synth-pass.ts) runs every policy on every cluster below the
 * construct it was added to, with every planning check of every stack, and throws all problems
 * at once before any stack is written. A policy may be added to a stack, to one cluster, or to
 * any construct above clusters (the App included).
 *
 * Write a new policy by extending this class: give it a {@link rule} name and a pure
 * {@link check} over one cluster's plan.
 */
export abstract class ClusterPolicy implements IAspect {
  /** Whether `x` is a cluster policy. */
  static isClusterPolicy(x: unknown): x is ClusterPolicy {
    return typeof x === 'object' && x !== null && (x as { [POLICY_SYMBOL]?: true })[POLICY_SYMBOL] === true;
  }

  /** The rule's name as violations print it, e.g. `require-pinned-versions`. */
  public abstract readonly rule: string;

  constructor() {
    Object.defineProperty(this, POLICY_SYMBOL, { value: true });
  }

  /** The layers of one cluster's plan that break the rule. A pure function of the plan. */
  public abstract check(plan: InstallPlan): PolicyViolation[];

  /** The violations of one cluster's plan as diagnostics. */
  public diagnose(plan: InstallPlan): Diagnostic[] {
    return this.check(plan).map((v) => policyViolation(v.layer.path, v.layer.name, plan.cluster, this.rule, v.message, v.fix));
  }

  /** Called by cdktf for every construct in the policy's scope. The synth pass does the work. */
  public visit(_node: IConstruct): void {}
}

const POLICY_SYMBOL = Symbol.for('cdktf-cluster-profiles.ClusterPolicy');
