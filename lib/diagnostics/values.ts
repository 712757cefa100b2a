import { Diagnostic } from '../errors';
import { factoryLocation, withField } from './place';

/** YAML that does not parse, at a line and column when known. */
export function invalidYaml(where: string, position: { readonly line: number; readonly column: number } | undefined, problem: string): Diagnostic {
  const path = withField(where, position && `line ${position.line}, column ${position.column}`);
  return { code: 'INVALID_YAML', path, message: `invalid YAML: ${problem}`, fix: 'correct the YAML at that line (check indentation, quotes and the ": " after each key)' };
}

/** YAML whose aliases cannot be expanded. */
export function yamlAliasProblem(path: string, problem: string): Diagnostic {
  return {
    code: 'INVALID_YAML',
    path,
    message: `invalid YAML: ${problem}`,
    fix: 'define each anchor (&name) before the aliases (*name) that use it, and keep aliases few; or write the values out in full',
  };
}

/** Values YAML that is not one map. */
export function valuesYamlNotAMap(path: string, documents: number): Diagnostic {
  return {
    code: 'INVALID_VALUES',
    path,
    message: documents > 1 ? 'values YAML holds more than one document' : 'values YAML is not a map of keys to values',
    fix: 'give values as one YAML map, e.g. "replicaCount: 2"',
  };
}

/** A Terraform variable name for a sensitive value that Terraform would refuse. */
export function invalidSensitiveVariableName(name: string): Diagnostic {
  return {
    code: 'INVALID_NAME',
    path: factoryLocation('SensitiveValue', 'fromVariable'),
    message: `"${name}" is not a valid Terraform variable name`,
    fix: 'use letters, digits and underscores, starting with a letter, e.g. "grafana_admin_password"',
  };
}

/** A sensitive value given to `SensitiveValue.fromToken` as a literal string. */
export function literalSensitiveValue(): Diagnostic {
  return {
    code: 'SENSITIVE_LITERAL',
    path: factoryLocation('SensitiveValue', 'fromToken'),
    message: 'a sensitive value was given as a literal string, which would be written in clear text to cdk.tf.json',
    fix: 'pass a Terraform expression (a TerraformVariable with sensitive: true, a resource attribute) or use SensitiveValue.fromVariable("name")',
  };
}

/** A `{{.spectro.var.x}}` reference to a variable that has no value: `message` says why. */
export function unknownVariableReference(path: string, message: string, fix: string): Diagnostic {
  return { code: 'UNKNOWN_VARIABLE', path, message, fix };
}

/** A macro (system, cluster or pipe) that is not defined: `message` says which. */
export function unknownMacro(path: string, message: string, fix: string): Diagnostic {
  return { code: 'UNKNOWN_MACRO', path, message, fix };
}

/** A `{{.spectro.pack.x...}}` reference that cannot be resolved: `message` says why. */
export function unknownPackReference(path: string, message: string, fix: string): Diagnostic {
  return { code: 'UNKNOWN_PACK_REFERENCE', path, message, fix };
}

/** A sensitive variable spliced into a longer text, which would reveal it. */
export function sensitiveVariableSpliced(path: string, reference: string, text: string): Diagnostic {
  return {
    code: 'INVALID_VARIABLE',
    path,
    message: `"${reference}" is sensitive and cannot be spliced into the text "${text}"`,
    fix: 'use the sensitive variable as a whole value, e.g. password: \'{{.spectro.var.name}}\'',
  };
}
