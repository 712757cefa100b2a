import * as fs from 'fs';
import { Diagnostic, ProfileError } from '../errors';
import { diffProfiles, formatProfileDiff } from '../document/diff-profiles';
import { ProfileDocument } from '../document/profile-document';
import { readProfileDocument } from '../document/read-document';
import type { PackRegistry } from '../pack/registry';
import { CliCommand, usageError } from './command';
import { documentUnreadable } from '../diagnostics';

/**
 * `cluster-profiles diff <old.json> <new.json> [--json] [--registry <pack-folder>]...`: compares
 * two profile documents and prints the differences as text, or as JSON with `--json`; each
 * `--registry` names a folder of packs (a DirectoryRegistry) against which pack values compare as
 * what installs (see DiffProfilesOptions). Exit code 0 when the profiles are equal, 1 when they
 * differ, 2 on bad input (usage, unreadable file, invalid document).
 */
export const diffCommand: CliCommand = {
  usage: 'cluster-profiles diff <old.json> <new.json> [--json] [--registry <pack-folder>]...',
  run(args, output) {
    const files: string[] = [];
    const registryFolders: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '--json') continue;
      if (args[i] === '--registry') {
        if (args[i + 1] === undefined) return usageError(output, '--registry needs a folder of packs', this.usage);
        registryFolders.push(args[++i]);
      } else files.push(args[i]);
    }
    const unknownOption = files.find((a) => a.startsWith('-'));
    if (unknownOption) return usageError(output, `unknown option "${unknownOption}"`, this.usage);
    if (files.length !== 2) return usageError(output, `diff takes two files, not ${files.length}`, this.usage);
    try {
      const [before, after] = readDocuments(files);
      const diff = diffProfiles(before, after, registryFolders.length > 0 ? { registries: directoryRegistries(registryFolders) } : {});
      output.stdout(args.includes('--json') ? `${JSON.stringify(diff, null, 2)}\n` : formatProfileDiff(diff));
      return diff.equal ? 0 : 1;
    } catch (e) {
      if (!(e instanceof ProfileError)) throw e;
      output.stderr(`cluster-profiles: ${e.message}\n`);
      return 2;
    }
  },
};

/** The registries of `--registry` folders; loaded only then, since reading packs loads more of the library. */
function directoryRegistries(folders: readonly string[]): PackRegistry[] {
  const { DirectoryRegistry } = require('../pack/registry') as typeof import('../pack/registry');
  return folders.map((folder) => new DirectoryRegistry(folder));
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
    return ProfileError.throw(documentUnreadable(file, code, (e as Error).message));
  }
}
