import * as fc from 'fast-check';

/**
 * Generators shared by the fuzz suites. Random text rarely hits the inputs that break parsers, so
 * each generator mixes plain random data with a dictionary of known troublemakers: YAML scalars
 * that change type, keys that live on Object.prototype, Terraform and Go template markers,
 * unicode outside the BMP, lone surrogates, control characters and very long runs.
 */

/** Keys that objects inherit, or that mean something to YAML, Helm paths or Terraform. */
export const trickyKeys = [
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '', ' ', 'a.b', 'a\\.b', '[0]', 'a[1]', '<<', '=',
  'on', 'yes', 'null', '~', '0o12', '1e3', '-', '? x', '#', '${x}', '%{x}', '{{ .Values.x }}', 'ключ', '🔑', 'k\u0000',
] as const;

/** Strings that YAML, Helm, Terraform or JSON read as something else, and unicode edge cases. */
export const trickyStrings = [
  '', ' ', 'on', 'off', 'yes', 'no', 'y', 'n', 'true', 'False', 'null', 'Null', '~', '0o12', '0x1F', '0b101', '012', '1e3', '1_000', '.inf', '-.Inf',
  '.nan', '+1', '1:20', '2001-12-14', '2001-12-14T21:59:43.10-05:00', '<<', '=', '- a', 'a: b', '? x', '! x', '& a', '* a', '| x', '> x',
  '# c', '@x', '`x', '%x', '"q"', "'q'", '[a', '{a', 'a\nb', 'a\r\nb', '\n', '\t', ' x ', '\u2028', '\u0085', '\ufeffx', '\ud800', '\udfff',
  '\u0000', '\u001b', '😀', 'é', 'e\u0301', '${var.x}', '%{ if x }', '$${x}', '{{ .Values.x }}', '{{', '}}', '(sensitive)', '(expression)',
  '---', '...', '%YAML 1.1', '\\', '\\u0041',
] as const;

/** Huge strings: a short piece repeated up to 20 000 times, after a random prefix. */
export const longRun: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', 'a: ', 'a: "', '- ', '{{ .spectro.var.x ', '{{ .spectro.pack.a.b |', '{{ .spectro.macro.m | default '),
    fc.constantFrom(' ', 'a', '\n', '- ', '{{', '|', '| a ', ': ', 'é', '😀', '[', '{', '"', '\\', '&a ', '*a ', '\t', '\ud800'),
    fc.integer({ min: 100, max: 20_000 }),
  )
  .map(([prefix, piece, count]) => prefix + piece.repeat(count));

/** Any text: random (including whole unicode and lone surrogates) or tricky. Long runs are {@link longRun}'s. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string(), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary' }), weight: 2 },
  { arbitrary: fc.constantFrom(...trickyStrings), weight: 4 },
);

/** A map key: random or tricky. */
export const anyKey: fc.Arbitrary<string> = fc.oneof({ arbitrary: fc.string({ maxLength: 12 }), weight: 3 }, { arbitrary: fc.constantFrom(...trickyKeys), weight: 2 });

/** A JSON scalar, biased to values that change type in YAML. */
export const jsonScalar: fc.Arbitrary<unknown> = fc.oneof(
  anyText,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e21, 5e-324, Number.MAX_SAFE_INTEGER + 2, 0.1 + 0.2),
  fc.boolean(),
  fc.constant(null),
);

/** A JSON-like tree (what values are): plain objects, arrays and scalars. */
export const jsonTree: fc.Arbitrary<unknown> = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    jsonScalar,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(anyKey, tie('tree'), { maxKeys: 5, noNullPrototype: true }),
  ),
})).tree;

/** A values map: a JSON-like tree with a map at the root. */
export const valuesMap: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(anyKey, jsonTree, { maxKeys: 6, noNullPrototype: true });

/** YAML-looking text: lines assembled from YAML fragments, so that parsers get past the first token. */
export const yamlText: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.constantFrom('', '  ', '    ', '\t', '- ', '  - ', '? ', ': '),
      fc.oneof(anyKey, fc.constantFrom('a', 'b', 'pack', 'charts', 'presets', 'schema', 'name', 'group', 'add', 'remove')),
      fc.constantFrom(': ', ':', ' ', ': |', ': >', ': &a', ': *a', ': !!binary', ': !!set', ': !!omap', ': !!str', ': !foo', ': [', ': {', ': <<', ''),
      fc.oneof(fc.constantFrom(...trickyStrings), fc.string({ maxLength: 8 }), fc.constantFrom('*a', '&a x', '[1, 2]', '{a: 1}', '"x', "'x", '|', '>-', '[*a, *a]')),
    ),
    { maxLength: 10 },
  )
  .map((lines) => lines.map((parts) => parts.join('')).join('\n'));
