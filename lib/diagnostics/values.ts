import { Diagnostic, withSuggestions } from '../errors';
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

/** A `{{.spectro.var.x}}` reference (`reference`) to a variable that has no value: `problem` and `fix` say why and how. */
export function unknownVariableReference(path: string, reference: string, problem: string, fix: string): Diagnostic {
  return { code: 'UNKNOWN_VARIABLE', path, message: `"${reference}": ${problem}`, fix };
}

/** A `{{.spectro.system.x}}` macro that does not exist; `macros` are those that do. */
export function unknownSystemMacro(path: string, reference: string, macro: string, macros: readonly string[]): Diagnostic {
  return {
    code: 'UNKNOWN_MACRO',
    path,
    message: `"${reference}": there is no system macro ${macro}`,
    fix: withSuggestions(`use one of ${[...macros].sort().join(', ')}`, macro, macros),
  };
}

/** A `{{.spectro.macro.x}}` macro the cluster does not set; `macros` are those it sets. */
export function macroNotSet(path: string, reference: string, macro: string, macros: readonly string[]): Diagnostic {
  return { code: 'UNKNOWN_MACRO', path, message: `"${reference}": macro ${macro} is not set on this cluster`, fix: withSuggestions('set it with cluster.setMacros({ ... })', macro, macros) };
}

/** A pipe of a reference (`| default`, `| upper`, …) that cannot apply: `problem` and `fix` say why and how. */
export function invalidPipe(path: string, reference: string, problem: string, fix: string): Diagnostic {
  return { code: 'UNKNOWN_MACRO', path, message: `"${reference}": ${problem}`, fix };
}

/** A `{{.spectro.pack.x...}}` reference to a layer the cluster does not have. */
export function referencedLayerUnknown(path: string, reference: string, layer: string, layers: readonly string[]): Diagnostic {
  return {
    code: 'UNKNOWN_PACK_REFERENCE',
    path,
    message: `"${reference}" names layer "${layer}", which is not on this cluster`,
    fix: withSuggestions('reference a layer or pack attached to the same cluster', layer, layers),
  };
}

/** Pack references that refer to each other in a loop; `chain` is the loop, first and last the same. */
export function packReferenceLoop(path: string, chain: readonly string[]): Diagnostic {
  return { code: 'UNKNOWN_PACK_REFERENCE', path, message: `pack references form a loop: ${chain.join(' -> ')}`, fix: 'make one of these values a literal' };
}

/** A pack reference to a value path the referenced layer does not set. */
export function referencedValueMissing(path: string, reference: string, layer: string, valuePath: string): Diagnostic {
  return {
    code: 'UNKNOWN_PACK_REFERENCE',
    path,
    message: `"${reference}": layer "${layer}" has no value at ${valuePath}`,
    fix: `set ${valuePath} on layer "${layer}", or add | default "value" to the reference`,
  };
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
