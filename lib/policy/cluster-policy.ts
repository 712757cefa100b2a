import { Aspects, IAspect, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { Cluster } from '../cluster/cluster';
import { InstallPlan, PlannedLayer } from '../cluster/plan';
import { Diagnostic, ProfileError } from '../errors';

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
 * construct path and the rule. Policies read the plan (`cluster.tryPlan()`), never the emitted
 * Terraform, and they run before any cluster emits or any stack is written:
 *
 * - a policy added to a stack visits that stack before the stack's children, so before the
 *   clusters' own emit Aspect;
 * - whichever policy runs first checks every policy of the app against every cluster in its
 *   scope and throws all violations at once. cdktf writes each stack as soon as it is
 *   synthesized, so checking only the current stack could leave earlier stacks written when a
 *   later one breaks a rule.
 *
 * cdktf 0.21 invokes Aspects from each stack down (`Testing.synth(stack)` and `app.synth()`
 * alike), so a policy added only to the `App` never runs: add it to every stack it governs. A
 * policy may also be added to one cluster; it then runs after that cluster's emit Aspect (a
 * construct's own Aspects run in the order they were added), which still writes nothing.
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
    return this.check(plan).map((v) => ({
      code: 'POLICY_VIOLATION',
      path: v.layer.path,
      message: `layer "${v.layer.name}" on cluster "${plan.cluster}" breaks ${this.rule}: ${v.message}`,
      fix: v.fix,
    }));
  }

  /** Called by cdktf for every construct in the policy's scope; checks at stacks and clusters. */
  public visit(node: IConstruct): void {
    // Stacks come first in a stack's traversal; clusters cover a policy added to one cluster.
    if (TerraformStack.isStack(node) || Cluster.isCluster(node)) enforcePolicies(node.node.root);
  }
}

const POLICY_SYMBOL = Symbol.for('cdktf-cluster-profiles.ClusterPolicy');

/**
 * Checks every policy of the app against the clusters in its scope (the construct it was added
 * to and everything below) and throws all problems at once. A cluster that cannot be planned
 * contributes its planning diagnostics instead, so one synth reports everything.
 */
function enforcePolicies(root: IConstruct): void {
  const constructs = root.node.findAll();
  const registrations = constructs.flatMap((scope) =>
    Aspects.of(scope).all.filter(ClusterPolicy.isClusterPolicy).map((policy) => ({ scope, policy })),
  );
  const diagnostics: Diagnostic[] = [];
  for (const cluster of constructs.filter(Cluster.isCluster)) {
    const policies = new Set(registrations.filter((r) => cluster.node.scopes.includes(r.scope)).map((r) => r.policy));
    if (policies.size === 0) continue;
    const result = cluster.tryPlan();
    if (!result.plan) {
      diagnostics.push(...result.diagnostics);
      continue;
    }
    for (const policy of policies) diagnostics.push(...policy.diagnose(result.plan));
  }
  const unique = new Map(diagnostics.map((d) => [`${d.code}|${d.path}|${d.message}`, d]));
  if (unique.size > 0) throw new ProfileError([...unique.values()]);
}

/**
 * Whether emission makes at least one `helm_release` for the layer. Only a manifest or Kubernetes
 * layer without a chart and without objects installs nothing (a bare Kubernetes layer only
 * checks the server version).
 */
export function installsRelease(layer: PlannedLayer): boolean {
  const bare = (layer.kind === 'manifest' || layer.kind === 'kubernetes') && layer.chart === undefined;
  return !bare || (layer.documents?.length ?? 0) > 0;
}
