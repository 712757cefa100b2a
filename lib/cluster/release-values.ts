import { Fn, Token, Tokenization } from 'cdktf';
import { isPlainObject, joinPath, Values } from '../values/merge';
import { SensitiveValue } from '../values/sensitive';
import { canonicalYaml, YamlMemo } from '../values/yaml';

/** A layer's merged values, split by how each part reaches Helm. */
export interface ReleaseValues {
  /** Canonical YAML of every literal value, escaped for Terraform; undefined when empty. */
  readonly yaml?: string;
  /** Terraform expressions (cdktf tokens), by Helm `--set` path. */
  readonly expressions: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  /** Sensitive values, by Helm `--set` path; the value is a Terraform expression. */
  readonly sensitive: ReadonlyArray<{ readonly name: string; readonly value: SensitiveValue }>;
}

/**
 * Splits values three ways. Literals go into one YAML document. A Terraform expression goes into
 * `set` rather than into the YAML, because its resolved text could break the YAML around it.
 * Sensitive values go into `set_sensitive`, so Terraform masks them and the YAML never holds them.
 */
export function splitReleaseValues(values: Values, memo?: YamlMemo): ReleaseValues {
  const expressions: Array<{ name: string; value: string }> = [];
  const sensitive: Array<{ name: string; value: SensitiveValue }> = [];
  const literal = extract(values, '', expressions, sensitive) as Values;
  const yaml = Object.keys(literal).length > 0 ? escapeTemplates(canonicalYaml(literal, memo)) : undefined;
  return { yaml, expressions, sensitive };
}

/**
 * Release values by values tree, for one synth (the synth pass owns one): the plans of clusters
 * running the same profile share the trees of every layer the cluster does not override
 * (PlanMemo), so each tree is split and written as YAML once. Trees are readonly once planned.
 */
export class ReleaseValuesMemo {
  private readonly split = new WeakMap<Values, ReleaseValues>();

  constructor(private readonly yaml?: YamlMemo) {}

  /** {@link splitReleaseValues} of `values`, computed once per tree. */
  public of(values: Values): ReleaseValues {
    let found = this.split.get(values);
    if (!found) this.split.set(values, (found = splitReleaseValues(values, this.yaml)));
    return found;
  }
}

function extract(
  value: unknown,
  path: string,
  expressions: Array<{ name: string; value: string }>,
  sensitive: Array<{ name: string; value: SensitiveValue }>,
): unknown {
  if (SensitiveValue.isSensitive(value)) {
    sensitive.push({ name: escapeTemplates(path), value });
    return REMOVED;
  }
  if ((typeof value === 'string' || typeof value === 'number') && Token.isUnresolved(value)) {
    expressions.push({ name: escapeTemplates(path), value: Token.asString(value) });
    return REMOVED;
  }
  if (Array.isArray(value)) {
    // An element that moves to `set` leaves its slot to Helm's --set, which fills the index.
    return value.map((v, i) => extract(v, `${path}[${i}]`, expressions, sensitive)).map((v) => (v === REMOVED ? null : v));
  }
  if (isPlainObject(value)) {
    const out: Values = {};
    for (const [key, child] of Object.entries(value)) {
      const extracted = extract(child, joinPath(path, key), expressions, sensitive);
      if (extracted !== REMOVED) out[key] = extracted;
    }
    return out;
  }
  return value;
}

const REMOVED = Symbol('removed');

/**
 * Terraform reads `${` and `%{` in JSON strings as templates; doubling the first character makes
 * them literal, so values such as `password: a${b}` reach the cluster unchanged.
 */
export function escapeTemplates(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/**
 * Helm's `--set` parser splits on commas and reads backslashes; an expression's value is only
 * known at apply, so Terraform escapes it. cdktf writes function arguments into HCL string
 * literals as they are, so the arguments here are already HCL-escaped: `"\\\\"` in HCL is one backslash.
 */
export function escapeForSet(expression: string): string {
  return Fn.replace(Fn.replace(hclLiterals(expression), '\\\\', '\\\\\\\\'), ',', '\\\\,');
}

/**
 * The same for the text around an expression's tokens (`say "hi" ${var.x}`), which cdktf writes
 * into the HCL string as it is (it escapes only `${`): a `"` there made synth throw, a `\` became
 * an HCL escape (`\t` a tab) and `%{` a template directive. Escaped, the text reaches Helm as written.
 */
function hclLiterals(expression: string): string {
  // The tokens' own text, as cdktf's public API gives it: the text between them is literal.
  const tokens = [...new Set(Tokenization.reverseString(expression).tokens.map((t) => Token.asString(t)))];
  const literal = (text: string) => text.replace(/[\\"]/g, '\\$&').replace(/%\{/g, '%%{');
  if (tokens.length === 0) return literal(expression);
  const between = new RegExp(`(${tokens.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  return expression
    .split(between)
    .map((part, i) => (i % 2 === 1 ? part : literal(part)))
    .join('');
}
