import * as fs from 'fs';
import * as path from 'path';

/**
 * Every diagnostic is made by a named factory of lib/diagnostics/, so the error surface reads in
 * one place. This scan fails when a diagnostic object literal (`{ code: ..., path, ... }`) is
 * written anywhere else in lib/.
 */
const LIB = path.join(__dirname, '..', '..', 'lib');
const ALLOWED = [path.join(LIB, 'diagnostics') + path.sep, path.join(LIB, 'errors.ts')];

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

/** The text without comments, keeping line numbers. Strings stay: a literal inside one is rare enough to be worth a look. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** `code:` as a property of an object literal or type, or `code` as a shorthand property. */
const DIAGNOSTIC_CODE = /\{\s*code\s*[,}]|\bcode\s*:/;

function literalsIn(file: string): string[] {
  return withoutComments(fs.readFileSync(file, 'utf8'))
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => DIAGNOSTIC_CODE.test(line))
    .map(({ line, n }) => `${path.relative(LIB, file).split(path.sep).join('/')}:${n}: ${line.trim()}`);
}

describe('diagnostic factories', () => {
  it('are the only place in lib/ that writes a diagnostic code', () => {
    const outside = sourceFiles(LIB).filter((f) => !ALLOWED.some((a) => f === a || f.startsWith(a)));
    expect(outside.length).toBeGreaterThan(50);
    expect(outside.flatMap(literalsIn)).toEqual([]);
  });

  it('finds a literal written outside them', () => {
    const scratch = fs.mkdtempSync(path.join(require('os').tmpdir(), 'diagnostic-scan-'));
    const file = path.join(scratch, 'inline.ts');
    fs.writeFileSync(file, "// code: 'IN_A_COMMENT'\nProfileError.throw({ code: 'UNKNOWN_LAYER', path, message, fix });\ndiagnostics.push({ code, path, message, fix });\n");
    try {
      expect(literalsIn(file).map((l) => l.replace(/^.*inline\.ts:/, ''))).toEqual([
        "2: ProfileError.throw({ code: 'UNKNOWN_LAYER', path, message, fix });",
        '3: diagnostics.push({ code, path, message, fix });',
      ]);
    } finally {
      fs.rmSync(scratch, { recursive: true, force: true });
    }
  });
});
