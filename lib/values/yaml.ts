import * as YAML from 'yaml';
import { ProfileError } from '../errors';
import { isPlainObject, Values } from './merge';

/**
 * YAML in and out. Input errors name the line; output is canonical (keys sorted, no line
 * folding, no anchors) so that synthesizing twice gives the same bytes and Terraform sees no
 * perpetual diff from key order.
 */

/** Parses every document of a YAML text; throws INVALID_YAML naming `where` and the line. */
export function parseYamlDocuments(text: string, where: string): unknown[] {
  const documents = YAML.parseAllDocuments(text, { prettyErrors: true, uniqueKeys: true });
  if (!Array.isArray(documents)) return [];
  const values: unknown[] = [];
  for (const document of documents) {
    const error = document.errors[0];
    if (error) throwYamlError(error, where);
    values.push(document.toJS({ maxAliasCount: 1000 }));
  }
  return values;
}

/** Parses a values YAML text that must hold one map (or nothing). */
export function parseValuesYaml(text: string, where: string): Values {
  const documents = parseYamlDocuments(text, where).filter((d) => d !== null && d !== undefined);
  if (documents.length === 0) return {};
  if (documents.length > 1 || !isPlainObject(documents[0])) {
    ProfileError.throw({
      code: 'INVALID_VALUES',
      path: where,
      message: documents.length > 1 ? 'values YAML holds more than one document' : 'values YAML is not a map of keys to values',
      fix: 'give values as one YAML map, e.g. "replicaCount: 2"',
    });
  }
  return documents[0] as Values;
}

function throwYamlError(error: YAML.YAMLError, where: string): never {
  const line = error.linePos?.[0]?.line;
  const column = error.linePos?.[0]?.col;
  const firstLine = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  ProfileError.throw({
    code: 'INVALID_YAML',
    path: line ? `${where}: line ${line}, column ${column}` : where,
    message: `invalid YAML: ${firstLine}`,
    fix: 'correct the YAML at that line (check indentation, quotes and the ": " after each key)',
  });
}

/** Canonical YAML of a values tree: keys sorted at every depth, no folding, no aliases. */
export function canonicalYaml(value: unknown): string {
  return YAML.stringify(sortKeys(value), { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
}

/** A copy of `value` with every map's keys in sorted order. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isPlainObject(value)) {
    const out: Values = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]);
    return out;
  }
  return value;
}
