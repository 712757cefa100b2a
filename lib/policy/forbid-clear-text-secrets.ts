import { TerraformStack, Token } from 'cdktf';
import { InstallPlan } from '../cluster/plan';
import { isPlainObject, joinPath } from '../values/merge';
import { ClusterPolicy, PolicyViolation } from './cluster-policy';

/** Options of {@link ForbidClearTextSecrets}. */
export interface ForbidClearTextSecretsOptions {
  /**
   * Keys whose values are secrets. The default matches keys ending in password, passwd, token,
   * secret, apiKey, privateKey or secretKey (any case, with or without `-` or `_`), except keys
   * starting with `existing`, which name a Kubernetes Secret rather than hold one.
   * @default SECRET_KEY_PATTERN
   */
  readonly keyPattern?: RegExp;
  /**
   * Also check the values a pack's own values.yaml or presets set. They are published with the
   * pack, not typed into the app, and published packs hold placeholders (`dev-token`) and Secret
   * names under secret-like keys (`nodeStageSecret: csi-rbd-secret`): checked by default, 25 of
   * the 220 packs of Palette's public registry would be refused. Override such a value in the
   * layer, profile or cluster and the rule checks it.
   * @default false
   */
  readonly includePackDefaults?: boolean;
}

/** The keys {@link ForbidClearTextSecrets} treats as secrets unless told otherwise. */
export const SECRET_KEY_PATTERN = /^(?!existing).*(password|passwd|token|secret|api[-_]?key|private[-_]?key|secret[-_]?(access[-_]?)?key)$/i;

/**
 * No secret in a layer's merged values is a plain string. A literal lands in clear text in
 * `cdk.tf.json`, the values YAML and the install plan; a Terraform expression outside a
 * `SensitiveValue` is shown unmasked in `terraform plan`. Either way the fix is a
 * `SensitiveValue`, which goes through `set_sensitive`. Empty strings (a chart's "not set")
 * pass.
 */
export class ForbidClearTextSecrets extends ClusterPolicy {
  /**
   * Turns the default rule off for the clusters of `stack`: their values may hold secrets in
   * clear text, which then land in cdk.tf.json. Say why, for the reviewer.
   * @param stack the stack whose clusters are exempt
   * @param reason why clear text is acceptable there (a throwaway test cluster, say)
   */
  static allowIn(stack: TerraformStack, reason: string): void {
    Object.defineProperty(stack, ALLOWED, { value: reason, configurable: true });
  }

  public readonly rule = 'forbid-clear-text-secrets';
  private readonly keyPattern: RegExp;
  private readonly includePackDefaults: boolean;
  private readonly found = new WeakMap<object, ReadonlyArray<{ path: string; expression: boolean }>>();

  constructor(options: ForbidClearTextSecretsOptions = {}) {
    super();
    this.keyPattern = options.keyPattern ?? SECRET_KEY_PATTERN;
    this.includePackDefaults = options.includePackDefaults ?? false;
  }

  public check(plan: InstallPlan): PolicyViolation[] {
    return plan.layers.flatMap((layer) =>
      this.secretsIn(layer.values)
        .filter((found) => this.includePackDefaults || !['pack', 'preset'].includes(layer.provenance[found.path]))
        .map((found) => ({
        layer,
        message: `value ${found.path} holds a secret as ${found.expression ? 'a Terraform expression that is not marked sensitive' : 'a plain string'}`,
        fix: found.expression
          ? 'wrap the expression in SensitiveValue.fromToken(...)'
          : `set ${found.path} to SensitiveValue.fromVariable("<variable name>") and supply the secret at deploy time`,
      })),
    );
  }

  /**
   * The secrets of one values tree, found once: clusters running the same profile share the
   * trees of every layer they do not override (planning's PlanMemo), and plans are readonly.
   */
  private secretsIn(values: object): ReadonlyArray<{ path: string; expression: boolean }> {
    let found = this.found.get(values);
    if (!found) this.found.set(values, (found = this.clearTextSecrets(values, '')));
    return found;
  }

  private clearTextSecrets(value: unknown, path: string): Array<{ path: string; expression: boolean }> {
    if (Array.isArray(value)) return value.flatMap((child, i) => this.clearTextSecrets(child, `${path}[${i}]`));
    if (!isPlainObject(value)) return [];
    return Object.entries(value).flatMap(([key, child]) => {
      const childPath = joinPath(path, key);
      if (typeof child === 'string' && child !== '' && this.keyPattern.test(key)) {
        return [{ path: childPath, expression: Token.isUnresolved(child) }];
      }
      return this.clearTextSecrets(child, childPath);
    });
  }
}

const ALLOWED = Symbol.for('cdktf-cluster-profiles.ClearTextSecretsAllowed');

/** Whether `stack` opted out of the default secrets rule with {@link ForbidClearTextSecrets.allowIn}. */
export function clearTextSecretsAllowed(stack: TerraformStack): boolean {
  return (stack as { [ALLOWED]?: string })[ALLOWED] !== undefined;
}
