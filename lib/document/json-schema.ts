import { withSuggestions } from '../errors';

/**
 * A small JSON Schema validator, enough for profile-document.schema.json and no more: `type`,
 * `properties`, `required`, `additionalProperties`, `items`, `enum`, `const`, `pattern`,
 * `minLength`, `maxLength`, `allOf`, `if`/`then` and local `$ref`s into `$defs`. A schema that
 * uses any other keyword is refused when it is loaded, so the schema file cannot silently ask for
 * checks this code does not make. Every violation names the JSONPath of the value
 * (`$.spec.template.packs[2].layer`) and a fix; all are reported, not only the first.
 */

/** A JSON Schema, as parsed JSON. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** One way a value breaks a schema. */
export interface SchemaViolation {
  /** JSONPath of the offending value, e.g. `$.spec.template.packs[2].layer`. */
  readonly path: string;
  /** What is wrong, without the path. */
  readonly message: string;
  /** How to fix it, in one sentence. */
  readonly fix: string;
}

const CHECKED = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'pattern', 'minLength', 'maxLength', 'allOf', 'if', 'then', '$ref', '$defs']);
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'examples']);

/** Validates `value` against `schema`; returns every violation, in document order. */
export function validateJson(schema: JsonSchema, value: unknown): SchemaViolation[] {
  checkKeywords(schema);
  const violations: SchemaViolation[] = [];
  visit(schema, schema, value, '$', violations);
  return violations;
}

/** Appends a property name to a JSONPath: `.name`, or `['x-name']` when it is not an identifier. */
export function jsonPathChild(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}['${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

const checkedSchemas = new WeakSet<object>();

function checkKeywords(root: JsonSchema): void {
  if (checkedSchemas.has(root)) return;
  const unsupported: string[] = [];
  const walk = (node: unknown, where: string): void => {
    if (!isObject(node)) return;
    for (const [keyword, child] of Object.entries(node)) {
      const at = `${where}/${keyword}`;
      if (!CHECKED.has(keyword) && !ANNOTATIONS.has(keyword)) unsupported.push(at);
      if (keyword === 'properties' || keyword === '$defs') for (const [name, sub] of Object.entries(child as object)) walk(sub, `${at}/${name}`);
      else if (keyword === 'allOf') (child as unknown[]).forEach((sub, i) => walk(sub, `${at}/${i}`));
      else if (['items', 'additionalProperties', 'if', 'then'].includes(keyword)) walk(child, at);
    }
  };
  walk(root, '#');
  if (unsupported.length > 0) throw new Error(`the schema uses keywords this validator does not check: ${unsupported.join(', ')}`);
  checkedSchemas.add(root);
}

function visit(root: JsonSchema, schema: JsonSchema, value: unknown, path: string, out: SchemaViolation[]): void {
  if (typeof schema.$ref === 'string') return visit(root, resolveRef(root, schema.$ref), value, path, out);
  const fail = (message: string, fix: string): void => {
    out.push({ path, message, fix });
  };
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  if (schema.type !== undefined) {
    const types = ([] as string[]).concat(schema.type as string | string[]);
    if (!types.some((t) => hasType(value, t))) return fail(`is ${describe(value)}, but must be ${types.map(typeName).join(' or ')}`, `give ${types.map(typeName).join(' or ')}`);
  }
  if (schema.const !== undefined && value !== schema.const) {
    return fail(`is ${describe(value)}, but must be ${JSON.stringify(schema.const)}`, `write ${JSON.stringify(schema.const)}${description ? ` (${description})` : ''}`);
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) {
    const allowed = schema.enum.map((e) => JSON.stringify(e)).join(', ');
    return fail(`is ${describe(value)}, but must be one of ${allowed}`, withSuggestions('use one of those', typeof value === 'string' ? value : describe(value), schema.enum.map(String)));
  }
  if (typeof value === 'string') checkString(schema, value, description, fail);
  if (Array.isArray(value) && isObject(schema.items)) value.forEach((item, i) => visit(root, schema.items as JsonSchema, item, jsonPathChild(path, i), out));
  if (isObject(value)) checkObject(root, schema, value, path, out);
  for (const sub of (schema.allOf as JsonSchema[] | undefined) ?? []) visit(root, sub, value, path, out);
  if (isObject(schema.if) && isObject(schema.then)) {
    const probe: SchemaViolation[] = [];
    visit(root, schema.if, value, path, probe);
    if (probe.length === 0) visit(root, schema.then, value, path, out);
  }
}

function checkString(schema: JsonSchema, value: string, description: string | undefined, fail: (message: string, fix: string) => void): void {
  if (typeof schema.minLength === 'number' && value.length < schema.minLength) {
    fail(value.length === 0 ? 'is empty' : `is shorter than ${schema.minLength} characters`, `give at least ${schema.minLength} ${schema.minLength === 1 ? 'character' : 'characters'}`);
  } else if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) {
    fail(`is ${value.length} characters long, more than ${schema.maxLength}`, `shorten it to ${schema.maxLength} characters`);
  } else if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
    const examples = Array.isArray(schema.examples) ? ` such as ${schema.examples.map((e) => JSON.stringify(e)).join(' or ')}` : '';
    fail(`is ${describe(value)}, but must be ${description ?? `text that matches ${schema.pattern}`}`, `write a value${examples || ` that matches ${schema.pattern}`}`);
  }
}

function checkObject(root: JsonSchema, schema: JsonSchema, value: Record<string, unknown>, path: string, out: SchemaViolation[]): void {
  const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
  for (const key of (schema.required as string[] | undefined) ?? []) {
    if (value[key] === undefined) {
      const about = properties[key] && typeof properties[key].description === 'string' ? `: ${properties[key].description}` : '';
      out.push({ path: jsonPathChild(path, key), message: 'is missing', fix: `add "${key}"${about}` });
    }
  }
  for (const [key, child] of Object.entries(value)) {
    const childPath = jsonPathChild(path, key);
    if (properties[key]) visit(root, properties[key], child, childPath, out);
    else if (schema.additionalProperties === false) {
      const known = Object.keys(properties);
      out.push({ path: childPath, message: 'is not a known field', fix: withSuggestions(`remove it; the known fields are ${known.join(', ')}`, key, known) });
    } else if (isObject(schema.additionalProperties)) visit(root, schema.additionalProperties, child, childPath, out);
  }
}

function resolveRef(root: JsonSchema, ref: string): JsonSchema {
  const match = /^#\/\$defs\/([^/]+)$/.exec(ref);
  const target = match ? (root.$defs as Record<string, JsonSchema> | undefined)?.[match[1]] : undefined;
  if (!target) throw new Error(`the schema refers to ${ref}, which it does not define`);
  return target;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

function typeName(type: string): string {
  const names: Record<string, string> = { string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false', object: 'an object', array: 'a list', null: 'null' };
  return names[type] ?? type;
}

/** A short description of a found value for messages: the value itself when it is short. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  // A document given as an object may hold what JSON cannot: undefined, a function, a bigint.
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return value === undefined ? 'undefined' : `a ${typeof value}`;
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}..."` : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
