import * as path from 'path';

/**
 * The one style of a diagnostic's `path` (see {@link Diagnostic.path}): `<place>` or
 * `<place>: <field>`. These helpers build every path that is not a plain construct path, so the
 * style lives here.
 */

/**
 * `<place>: <field>`, the field saying where inside the place (`values`, `variable zone`,
 * `line 3, column 5`). A place that already has a field gets this one after a comma, so a path
 * holds one `: ` at most.
 */
export function withField(place: string, field?: string): string {
  if (field === undefined || field === '') return place;
  return place.includes(': ') ? `${place}, ${field}` : `${place}: ${field}`;
}

/** A file as diagnostics name it: relative to the working directory, forward slashes; with an optional field. */
export function fileLocation(file: string, field?: string): string {
  const relative = path.relative(process.cwd(), path.resolve(file)) || '.';
  return withField(relative.split(path.sep).join('/'), field);
}

/** A value made by a static factory before any construct holds it: `ClusterConnection.token`. */
export function factoryLocation(className: string, method: string): string {
  return `${className}.${method}`;
}
