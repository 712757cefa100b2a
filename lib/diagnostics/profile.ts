import { Diagnostic, withSuggestions } from '../errors';

/** A variable definition that cannot be satisfied: `message` says why. */
export function invalidVariableDefinition(path: string, message: string, fix: string): Diagnostic {
  return { code: 'INVALID_VARIABLE', path, message, fix };
}

/** A variable declared twice in one profile. */
export function duplicateVariable(path: string, name: string): Diagnostic {
  return invalidVariableDefinition(path, `variable "${name}" is declared twice`, 'give each variable of a profile a distinct name');
}

/** A value a cluster gives a variable that the definition refuses: `message` says why. */
export function invalidVariableValue(path: string, message: string, fix: string): Diagnostic {
  return { code: 'INVALID_VARIABLE', path, message, fix };
}

/** A problem with one variable's value, its message led by the variable's name. */
export function variableProblem(path: string, variable: string, message: string, fix: string): Diagnostic {
  return invalidVariableValue(path, `variable ${variable} ${message}`, fix);
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
