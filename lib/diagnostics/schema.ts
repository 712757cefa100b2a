import { Diagnostic } from '../errors';

function invalidPack(path: string, message: string, fix: string): Diagnostic {
  return { code: 'PACK_INVALID', path, message, fix };
}

function invalidSchemaEntry(path: string, message: string, fix: string): Diagnostic {
  return invalidPack(path, `schema.yaml entry ${message}`, fix);
}

const SCHEMA_FIX = 'write `schema: \'{{ required | format "${string}" }}\'`';

/** A schema.yaml that is not a map of value paths to rules. */
export function schemaNotAMap(path: string): Diagnostic {
  return invalidSchemaEntry(path, 'is not a map of value paths to rules', 'write `path.to.value: { schema: \'{{ required }}\' }`');
}

/** A schema.yaml entry without a `schema:` string. */
export function schemaEntryWithoutSchema(path: string): Diagnostic {
  return invalidSchemaEntry(path, 'has no `schema:` string', SCHEMA_FIX);
}

/** A schema expression not wrapped in `{{ }}`. */
export function schemaNotWrapped(path: string, expression: string): Diagnostic {
  return invalidSchemaEntry(path, `schema "${expression}" is not wrapped in {{ }}`, SCHEMA_FIX);
}

/** A schema rule that does not parse. */
export function schemaRuleUnreadable(path: string, rule: string): Diagnostic {
  return invalidSchemaEntry(path, `has an unreadable rule "${rule}"`, 'use required, readonly, format "${type}" and hints "text", joined by |');
}

/** A schema rule that is not required, readonly, format or hints. */
export function schemaRuleUnknown(path: string, rule: string): Diagnostic {
  return invalidSchemaEntry(path, `has an unknown rule "${rule}"`, 'use required, readonly, format "${type}" and hints "text"');
}

/** A `${string:...}` format whose regular expression does not compile; `reason` says why. */
export function schemaFormatRegexInvalid(path: string, format: string, reason: string): Diagnostic {
  return invalidSchemaEntry(
    path,
    `has a format "${format}" whose regular expression is not valid (${reason})`,
    'write the constraint of ${string:...} as a regular expression without named groups, e.g. "${string:[a-z0-9-]+}"',
  );
}

/** A `${list:[...]}` format without options. */
export function schemaListWithoutOptions(path: string): Diagnostic {
  return invalidSchemaEntry(path, 'has a list format with no options', 'write format "${list:[A,B,C]}"');
}

/** A format of a type the schema does not know. */
export function schemaFormatTypeUnknown(path: string, type: string): Diagnostic {
  return invalidSchemaEntry(path, `has an unknown format type "${type}"`, 'use string, number, boolean, password, list, ipv4, version or input');
}

function schemaViolation(path: string, valuePath: string, message: string, fix: string): Diagnostic {
  return { code: 'SCHEMA_VIOLATION', path, message: `value ${valuePath} ${message}`, fix };
}

/** A value the pack's schema requires, not set. */
export function requiredValueUnset(path: string, valuePath: string): Diagnostic {
  return schemaViolation(path, valuePath, 'is required by the pack\'s schema.yaml but not set', `set ${valuePath} in the layer's or the cluster's values`);
}

/** A value the pack's schema requires, set empty. */
export function requiredValueEmpty(path: string, valuePath: string): Diagnostic {
  return schemaViolation(path, valuePath, 'is required by the pack\'s schema.yaml but empty', `set ${valuePath} to a value`);
}

/** A value the pack's schema makes read-only, overridden; `by` is where the override came from. */
export function readOnlyValueOverridden(path: string, valuePath: string, by: string): Diagnostic {
  return schemaViolation(path, valuePath, `is read-only in the pack's schema.yaml but was overridden (by ${by})`, `remove the override of ${valuePath}`);
}

/** A value that breaks its format in the pack's schema; `hints` are the schema's hints, if any. */
export function valueBreaksFormat(path: string, valuePath: string, value: unknown, format: string, hints: string | undefined): Diagnostic {
  return schemaViolation(
    path,
    valuePath,
    `= ${JSON.stringify(value)} breaks the rule format "${format}" of the pack's schema.yaml`,
    `give ${valuePath} a value of format ${format}${hints ? ` (${hints})` : ''}`,
  );
}
