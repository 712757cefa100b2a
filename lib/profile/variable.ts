import * as semver from '../semver';
import { Diagnostic, ProfileError } from '../errors';
import { SensitiveValue } from '../values/sensitive';
import {
  hiddenRequiredVariableWithoutDefault,
  invalidVariableDefault,
  invalidVariableName,
  invalidVariableRegex,
  readOnlyVariableWithoutDefault,
  sensitiveVariableWithDefault,
  unknownVariableFormat,
} from '../diagnostics';

/** Formats of profile variables, as Palette defines them. */
export const VARIABLE_FORMATS = ['string', 'number', 'boolean', 'version', 'ipv4', 'ipv4cidr', 'ipv6', 'base64'] as const;

/** The format a variable's value must have. */
export type VariableFormat = (typeof VARIABLE_FORMATS)[number];

/** A profile variable, referenced from values as `{{.spectro.var.<name>}}` and supplied per cluster. */
export interface VariableDefinition {
  /** The name: letters, digits and underscores, starting with a letter. */
  readonly name: string;
  /**
   * What the value must look like.
   * @default "string"
   */
  readonly format?: VariableFormat;
  /**
   * The value when a cluster gives none. Must be given for hidden required or read-only variables.
   * @default - none
   */
  readonly default?: string | number | boolean;
  /**
   * Whether every cluster must supply a value (or the default applies).
   * @default false
   */
  readonly required?: boolean;
  /**
   * A regular expression the value's text must match, whole.
   * @default - none
   */
  readonly regex?: string;
  /**
   * Masked: its value must come from Terraform (a `SensitiveValue`), never a literal, and exports
   * mask it.
   * @default false
   */
  readonly sensitive?: boolean;
  /**
   * Hidden from people who fill in values (kept for export fidelity with Palette).
   * @default false
   */
  readonly hidden?: boolean;
  /**
   * Clusters may not change it: the default always applies.
   * @default false
   */
  readonly readOnly?: boolean;
  /**
   * What the variable is for.
   * @default - none
   */
  readonly description?: string;
  /**
   * A human name.
   * @default - the name
   */
  readonly displayName?: string;
}

/** The value a cluster gives a variable: a literal, a Terraform expression (token) or a secret. */
export type VariableValue = string | number | boolean | SensitiveValue;

/** Throws on a definition that cannot be satisfied; `where` is the profile's path. */
export function checkVariableDefinition(v: VariableDefinition, where: string): void {
  const fail = (diagnostic: Diagnostic): never => ProfileError.throw(diagnostic);
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(v.name ?? '')) fail(invalidVariableName(where, v.name));
  const format = v.format ?? 'string';
  if (!(VARIABLE_FORMATS as readonly string[]).includes(format)) fail(unknownVariableFormat(where, v.name, format, VARIABLE_FORMATS));
  if (v.regex !== undefined) {
    try {
      new RegExp(v.regex);
    } catch (e) {
      fail(invalidVariableRegex(where, v.name, v.regex, (e as Error).message));
    }
  }
  if (v.readOnly && v.default === undefined) fail(readOnlyVariableWithoutDefault(where, v.name));
  if (v.hidden && v.required && v.default === undefined) fail(hiddenRequiredVariableWithoutDefault(where, v.name));
  if (v.sensitive && v.default !== undefined) fail(sensitiveVariableWithDefault(where, v.name));
  if (v.default !== undefined) {
    const problem = formatProblem(v, v.default);
    if (problem) fail(invalidVariableDefault(where, v.name, v.default, problem));
  }
}

/**
 * Why a literal value breaks a variable's format or regex, or undefined when it does not.
 * Terraform expressions and secrets are only known at apply, so they are not checked here.
 */
export function formatProblem(v: VariableDefinition, value: VariableValue, isToken: (s: string) => boolean = () => false): string | undefined {
  if (SensitiveValue.isSensitive(value) || (typeof value === 'string' && isToken(value))) return undefined;
  const text = String(value);
  const format = v.format ?? 'string';
  const ok: Record<VariableFormat, () => boolean> = {
    string: () => typeof value === 'string',
    number: () => typeof value === 'number' ? Number.isFinite(value) : /^-?\d+(\.\d+)?$/.test(text),
    boolean: () => typeof value === 'boolean' || text === 'true' || text === 'false',
    version: () => semver.valid(text.replace(/^v/, '')) !== null,
    ipv4: () => IPV4.test(text),
    ipv4cidr: () => /^(.+)\/(\d{1,2})$/.test(text) && IPV4.test(text.split('/')[0]) && Number(text.split('/')[1]) <= 32,
    ipv6: () => /^[0-9a-fA-F:]+$/.test(text) && text.includes(':') && text.split('::').length <= 2,
    base64: () => /^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.length % 4 === 0,
  };
  if (!ok[format]()) return `is not of format ${format}`;
  if (v.regex !== undefined && !new RegExp(`^(?:${v.regex})$`).test(text)) return `does not match the regex ${v.regex}`;
  return undefined;
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;

