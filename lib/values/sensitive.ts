import { ProfileError } from '../errors';
import { invalidSensitiveVariableName, literalSensitiveValue } from '../diagnostics';

/**
 * A value that must never appear in clear text in synthesized JSON or plan output. Place it
 * anywhere in a layer's values; emission moves it out of the values YAML into the release's
 * `set_sensitive` list, where Terraform masks it.
 *
 * A literal secret written in code would land in cdk.tf.json whatever we did, so a sensitive
 * value always comes from Terraform: a variable supplied at deploy time (`TF_VAR_<name>`), or an
 * expression such as another resource's attribute or a data source.
 */
export class SensitiveValue {
  /**
   * A Terraform variable declared sensitive in each stack that uses it, supplied at deploy time
   * (for example `TF_VAR_grafana_admin_password`).
   * @param variableName the variable's name: letters, digits and underscores, starting with a letter
   */
  static fromVariable(variableName: string): SensitiveValue {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(variableName)) {
      ProfileError.throw(invalidSensitiveVariableName(variableName));
    }
    return new SensitiveValue({ variableName });
  }

  /**
   * A Terraform expression, given as a cdktf token: `someVariable.stringValue`,
   * `secret.attribute`, `Fn.file(...)`.
   * @param token an unresolved cdktf string token; a literal string is refused
   */
  static fromToken(token: string): SensitiveValue {
    if (!isUnresolvedToken(token)) {
      ProfileError.throw(literalSensitiveValue());
    }
    return new SensitiveValue({ token });
  }

  /** Whether `value` is a SensitiveValue. */
  static isSensitive(value: unknown): value is SensitiveValue {
    return value instanceof SensitiveValue;
  }

  /** The variable this value is read from, when made by {@link SensitiveValue.fromVariable}. */
  public readonly variableName?: string;
  /** The expression this value is read from, when made by {@link SensitiveValue.fromToken}. */
  public readonly token?: string;

  private constructor(source: { variableName?: string; token?: string }) {
    this.variableName = source.variableName;
    this.token = source.token;
  }

  /** What plans and documents show instead of the value. */
  toJSON(): string {
    return this.variableName ? `(sensitive: var.${this.variableName})` : '(sensitive)';
  }
}

/**
 * Whether `value` is an unresolved cdktf token, asked through cdktf's public API. Loaded here, on
 * first use, so that planning (which only checks `instanceof SensitiveValue`) loads without cdktf.
 */
function isUnresolvedToken(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const { Token } = require('cdktf') as typeof import('cdktf');
  return Token.isUnresolved(value);
}
