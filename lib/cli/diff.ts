import * as fs from 'fs';
import { Diagnostic, ProfileError } from '../errors';
import { diffProfiles, formatProfileDiff } from '../document/diff-profiles';
import { ProfileDocument } from '../document/profile-document';
import { readProfileDocument } from '../document/read-document';
import { CliCommand, usageError } from './command';

/**
 * `cluster-profiles diff <old.json> <new.json> [--json]`: compares two profile documents and
 * prints the differences as text, or as JSON with `--json`. Exit code 0 when the profiles are
 * equal, 1 when they differ, 2 on bad input (usage, unreadable file, invalid document).
 */
export const diffCommand: CliCommand = {
  usage: 'cluster-profiles diff <old.json> <new.json> [--json]',
  run(args, output) {
    const files = args.filter((a) => a !== '--json');
    const unknownOption = files.find((a) => a.startsWith('-'));
    if (unknownOption) return usageError(output, `unknown option "${unknownOption}"`, this.usage);
    if (files.length !== 2) return usageError(output, `diff takes two files, not ${files.length}`, this.usage);
    try {
      const [before, after] = readDocuments(files);
      const diff = diffProfiles(before, after);
      output.stdout(args.includes('--json') ? `${JSON.stringify(diff, null, 2)}\n` : formatProfileDiff(diff));
      return diff.equal ? 0 : 1;
    } catch (e) {
      if (!(e instanceof ProfileError)) throw e;
      output.stderr(`cluster-profiles: ${e.message}\n`);
      return 2;
    }
  },
};

/** Reads every file, reporting the problems of all of them at once. */
function readDocuments(files: readonly string[]): ProfileDocument[] {
  const diagnostics: Diagnostic[] = [];
  const documents = files.map((file) => {
    try {
      return readProfileDocument(readText(file), file);
    } catch (e) {
      if (!(e instanceof ProfileError)) throw e;
      diagnostics.push(...e.diagnostics);
      return undefined;
    }
  });
  if (diagnostics.length > 0) throw new ProfileError(diagnostics);
  return documents as ProfileDocument[];
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return ProfileError.throw({
      code: 'INVALID_DOCUMENT',
      path: file,
      message: code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory' : `cannot be read: ${(e as Error).message}`,
      fix: 'give the path of a profile document, such as cdktf.out/profiles/<name>-<version>.json',
    });
  }
}
