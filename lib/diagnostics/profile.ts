import { Diagnostic, withSuggestions } from '../errors';
import { withField } from './place';

/** A variable definition of a profile that cannot be satisfied: `message` says why. */
export function invalidVariableDefinition(profilePath: string, variable: string, message: string, fix: string): Diagnostic {
  return { code: 'INVALID_VARIABLE', path: withField(profilePath, `variable ${variable}`), message, fix };
}

/** A variable declared twice in one profile. */
export function duplicateVariable(path: string, name: string): Diagnostic {
  return { code: 'INVALID_VARIABLE', path, message: `variable "${name}" is declared twice`, fix: 'give each variable of a profile a distinct name' };
}

/** A value a cluster gives a variable of an attached profile that the definition refuses: `message` says why. */
export function invalidVariableValue(clusterPath: string, variable: string, profile: string, message: string, fix: string): Diagnostic {
  return { code: 'INVALID_VARIABLE', path: withField(clusterPath, `variable ${variable} of profile ${profile}`), message, fix };
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
