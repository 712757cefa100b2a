import * as fs from 'fs';
import { Diagnostic, ProfileError } from '../errors';
import { runRolloutCli } from '../fleet/rollout-cli';
import { diffProfiles, formatProfileDiff } from './diff-profiles';
import { ProfileDocument } from './profile-document';
import { readProfileDocument } from './read-document';

/** Where the command line writes; tests pass their own. */
export interface CliOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** How to call the command line. */
export const CLI_USAGE = 'usage: cluster-profiles diff <old.json> <new.json> [--json]';

/**
 * Runs `cluster-profiles <args>` (bin/cluster-profiles.js). `diff` compares two profile
 * documents and prints the differences as text, or as JSON with `--json`. Returns the exit code:
 * 0 when the profiles are equal, 1 when they differ, 2 on bad input (usage, unreadable file,
 * invalid document), with the error on stderr.
 */
export function runCli(args: readonly string[], output: CliOutput): number {
  const fail = (message: string): number => {
    output.stderr(`cluster-profiles: ${message}\n`);
    return 2;
  };
  const [command, ...rest] = args;
  if (command === 'rollout') return runRolloutCli(rest, output);
  if (command !== 'diff') return fail(command === undefined ? `no command\n${CLI_USAGE}` : `unknown command "${command}"\n${CLI_USAGE}`);
  const files = rest.filter((a) => a !== '--json');
  const unknownOption = files.find((a) => a.startsWith('-'));
  if (unknownOption) return fail(`unknown option "${unknownOption}"\n${CLI_USAGE}`);
  if (files.length !== 2) return fail(`diff takes two files, not ${files.length}\n${CLI_USAGE}`);
  try {
    const [before, after] = readDocuments(files);
    const diff = diffProfiles(before, after);
    output.stdout(rest.includes('--json') ? `${JSON.stringify(diff, null, 2)}\n` : formatProfileDiff(diff));
    return diff.equal ? 0 : 1;
  } catch (e) {
    return fail(e instanceof ProfileError ? e.message : ((e as Error).stack ?? String(e)));
  }
}

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
