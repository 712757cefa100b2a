import { CliCommand } from './command';

/** `cluster-profiles drift`: see lib/drift/drift-cli.ts, which holds its help and its logic. */
export const driftCommand: CliCommand = {
  usage: 'cluster-profiles drift [stack...] [--json] [--repair] [--out DIR] [--no-terraform] [--fleet NAME [--wave NAME]]',
  get help() {
    return (require('../drift/drift-cli') as typeof import('../drift/drift-cli')).DRIFT_HELP;
  },
  run(args, output) {
    return (require('../drift/drift-cli') as typeof import('../drift/drift-cli')).runDriftCli(args, output);
  },
};
