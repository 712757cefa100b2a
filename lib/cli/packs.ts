import { CliCommand } from './command';

/**
 * `cluster-profiles packs check <registry-folder> [--json] [--kubernetes <version>] [--only <text>]`:
 * loads and synthesizes every pack of a directory registry (see lib/pack/check-registry.ts).
 */
export const packsCommand: CliCommand = {
  usage: 'cluster-profiles packs check <registry-folder> [--json] [--kubernetes <version>] [--only <text>]',
  run(args, output) {
    return (require('../pack/check-registry') as typeof import('../pack/check-registry')).runPacksCommand(args, output);
  },
};
