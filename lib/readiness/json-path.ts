/**
 * The JSONPath subset readiness gates take, as kubectl's `-o jsonpath` writes it: a path from the
 * object's root made of `.field`, `['field']`, `[index]` and `[?(@.field=="value")]` filters, with
 * or without kubectl's braces (`{.status.phase}`). Parsed at synth, so a malformed path fails
 * there; evaluated by the waiter against the live object.
 */

/** One step of a parsed path. */
export type JsonPathSegment =
  | { readonly type: 'field'; readonly name: string }
  | { readonly type: 'index'; readonly index: number }
  | { readonly type: 'filter'; readonly field: readonly string[]; readonly value: string };

/** A parsed path, or why it is not one. */
export type ParsedJsonPath = { readonly segments: readonly JsonPathSegment[] } | { readonly problem: string };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*/;

/** Parses `path`; every problem names the character where parsing stopped. */
export function parseJsonPath(path: string): ParsedJsonPath {
  let text = path.trim();
  if (text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1).trim();
  if (text.startsWith('$')) text = text.slice(1);
  if (text === '') return { problem: 'is empty' };
  const segments: JsonPathSegment[] = [];
  let at = 0;
  const fail = (what: string) => ({ problem: `${what} at character ${at + 1} of "${path}"` });
  while (at < text.length) {
    const rest = text.slice(at);
    if (rest.startsWith('.')) {
      const name = IDENTIFIER.exec(rest.slice(1));
      if (!name) return fail('expects a field name after "."');
      segments.push({ type: 'field', name: name[0] });
      at += 1 + name[0].length;
      continue;
    }
    const quoted = /^\[\s*(['"])((?:(?!\1).)+)\1\s*\]/.exec(rest);
    if (quoted) {
      segments.push({ type: 'field', name: quoted[2] });
      at += quoted[0].length;
      continue;
    }
    const index = /^\[\s*(\d+)\s*\]/.exec(rest);
    if (index) {
      segments.push({ type: 'index', index: Number(index[1]) });
      at += index[0].length;
      continue;
    }
    const filter = /^\[\?\(\s*@((?:\.[A-Za-z_][A-Za-z0-9_-]*)+)\s*==\s*(['"])((?:(?!\2).)*)\2\s*\)\]/.exec(rest);
    if (filter) {
      segments.push({ type: 'filter', field: filter[1].slice(1).split('.'), value: filter[3] });
      at += filter[0].length;
      continue;
    }
    return fail(rest.startsWith('[') ? 'expects [index], [\'field\'] or [?(@.field=="value")]' : 'expects "." or "["');
  }
  return { segments };
}

/** The values `segments` select in `root` (a filter may select several). */
export function evaluateJsonPath(root: unknown, segments: readonly JsonPathSegment[]): unknown[] {
  let current: unknown[] = [root];
  for (const segment of segments) {
    const next: unknown[] = [];
    for (const value of current) {
      if (segment.type === 'field') {
        if (isRecord(value) && segment.name in value) next.push(value[segment.name]);
      } else if (segment.type === 'index') {
        if (Array.isArray(value) && segment.index < value.length) next.push(value[segment.index]);
      } else if (Array.isArray(value)) {
        for (const item of value) if (text(fieldOf(item, segment.field)) === segment.value) next.push(item);
      }
    }
    current = next;
  }
  return current;
}

/** A selected value as text, as kubectl prints it: strings bare, anything else as JSON. */
export function text(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function fieldOf(value: unknown, field: readonly string[]): unknown {
  return field.reduce<unknown>((v, name) => (isRecord(v) ? v[name] : undefined), value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
