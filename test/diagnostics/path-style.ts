/**
 * The documented style of `Diagnostic.path` (lib/errors.ts, README "Errors"): `<place>` or
 * `<place>: <field>`, where the place is a construct path, a static factory
 * (`ClusterConnection.token`), a file relative to the working directory with forward slashes, a
 * registry's name, a URL, or the JSONPath of a document given as text.
 */
const URL_PLACE = /^[a-z][a-z0-9+.-]*:\/\/\S+$/;
const JSON_PATH = /^\$/;
const SEGMENTS = /^[A-Za-z0-9_.~@+-]+(?:\/[A-Za-z0-9_.~@+-]+)*$/;

/** Why `path` breaks the style, or undefined when it keeps it. */
export function pathStyleProblem(path: string): string | undefined {
  if (JSON_PATH.test(path)) return undefined;
  const [place, ...fields] = path.split(': ');
  const field = fields.join(': ');
  if (fields.length > 1 && !JSON_PATH.test(field)) return `"${path}" has more than one ": "`;
  if (fields.length > 0 && field.trim() === '') return `"${path}" has an empty field`;
  if (URL_PLACE.test(place) || JSON_PATH.test(place)) return undefined;
  if (place.includes('\\')) return `"${path}" has a backslash`;
  if (!SEGMENTS.test(place)) return `"${path}": "${place}" is neither a construct path, a factory, a file, a registry, a URL nor a JSONPath`;
  return undefined;
}
