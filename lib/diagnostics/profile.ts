import { Diagnostic, withSuggestions } from '../errors';
import { withField } from './place';

function invalidVariableDefinition(profilePath: string, variable: string, message: string, fix: string): Diagnostic {
  return { code: 'INVALID_VARIABLE', path: withField(profilePath, `variable ${variable}`), message, fix };
}

/** A variable name Terraform and Palette would refuse. */
export function invalidVariableName(profilePath: string, name: string): Diagnostic {
  return invalidVariableDefinition(profilePath, name, `variable name "${name}" is not valid`, 'use letters, digits and underscores, starting with a letter');
}

/** A variable format that is not one of `formats`. */
export function unknownVariableFormat(profilePath: string, name: string, format: string, formats: readonly string[]): Diagnostic {
  return invalidVariableDefinition(profilePath, name, `format "${format}" is not one of ${formats.join(', ')}`, 'choose one of those formats');
}

/** A variable regex that does not compile. */
export function invalidVariableRegex(profilePath: string, name: string, regex: string, problem: string): Diagnostic {
  return invalidVariableDefinition(profilePath, name, `regex "${regex}" is not a valid regular expression: ${problem}`, 'correct the regular expression');
}

/** A read-only variable without a default. */
export function readOnlyVariableWithoutDefault(profilePath: string, name: string): Diagnostic {
  return invalidVariableDefinition(profilePath, name, 'a read-only variable has no default', 'give it a default, which every cluster will use');
}

/** A hidden required variable without a default: no cluster could give it. */
export function hiddenRequiredVariableWithoutDefault(profilePath: string, name: string): Diagnostic {
  return invalidVariableDefinition(profilePath, name, 'a hidden required variable has no default', 'give it a default, or make it visible');
}

/** A sensitive variable with a default, which would be written in clear text. */
export function sensitiveVariableWithDefault(profilePath: string, name: string): Diagnostic {
  return invalidVariableDefinition(profilePath, name, 'a sensitive variable has a default, which would be written in clear text', 'remove the default; each cluster supplies a SensitiveValue');
}

/** A default that breaks the variable's own format or regex; `problem` says how. */
export function invalidVariableDefault(profilePath: string, name: string, value: unknown, problem: string): Diagnostic {
  return invalidVariableDefinition(profilePath, name, `default ${JSON.stringify(value)} ${problem}`, 'give a default that satisfies the format and regex');
}

/** A variable declared twice in one profile. */
export function duplicateVariable(path: string, name: string): Diagnostic {
  return { code: 'INVALID_VARIABLE', path, message: `variable "${name}" is declared twice`, fix: 'give each variable of a profile a distinct name' };
}

function invalidVariableValue(clusterPath: string, variable: string, profile: string, message: string, fix: string): Diagnostic {
  return { code: 'INVALID_VARIABLE', path: withField(clusterPath, `variable ${variable} of profile ${profile}`), message, fix };
}

/** A required variable without a default that a cluster gives no value. */
export function requiredVariableUnset(clusterPath: string, variable: string, profile: string, cluster: string): Diagnostic {
  return invalidVariableValue(clusterPath, variable, profile, `variable ${variable} is required but cluster "${cluster}" gives no value`, `give it with cluster.setVariables({ ${variable}: ... })`);
}

/** A value a cluster gives a read-only variable. */
export function readOnlyVariableSet(clusterPath: string, variable: string, profile: string, cluster: string): Diagnostic {
  return invalidVariableValue(clusterPath, variable, profile, `variable ${variable} is read-only, but cluster "${cluster}" gives a value`, 'remove the value; the default applies to every cluster');
}

/** A sensitive variable a cluster gives as plain text. */
export function sensitiveVariableInPlainText(clusterPath: string, variable: string, profile: string, cluster: string): Diagnostic {
  return invalidVariableValue(
    clusterPath,
    variable,
    profile,
    `variable ${variable} is sensitive, but cluster "${cluster}" gives it as plain text`,
    `give SensitiveValue.fromVariable("${variable}") or SensitiveValue.fromToken(...)`,
  );
}

/** A variable value that breaks the variable's format or regex; `problem` says how. */
export function variableValueMismatch(clusterPath: string, variable: string, profile: string, value: unknown, problem: string, format: string, regex: string | undefined): Diagnostic {
  return invalidVariableValue(
    clusterPath,
    variable,
    profile,
    `variable ${variable} = ${JSON.stringify(value)} ${problem}`,
    `give a value of format ${format}${regex ? ` matching ${regex}` : ''}`,
  );
}

/** A value a cluster gives for a variable no attached profile declares. */
export function unknownVariable(path: string, name: string, declared: readonly string[]): Diagnostic {
  return {
    code: 'UNKNOWN_VARIABLE',
    path,
    message: `a value is given for variable ${name}, which no attached profile declares`,
    fix: withSuggestions('give values only for variables of the attached profiles', name, declared),
  };
}

/** A group readiness priority that is not an integer. */
export function invalidGroupPriority(path: string, priority: unknown): Diagnostic {
  return { code: 'INVALID_PRIORITY', path, message: `priority ${priority} is not an integer`, fix: 'use a whole number, as the layers of the group have' };
}
