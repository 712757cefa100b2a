import { CliCommand } from './command';

/** `cluster-profiles rollout plan`: see lib/fleet/rollout-cli.ts. */
export const rolloutCommand: CliCommand = {
  usage: 'cluster-profiles rollout plan [cdktf.out] [--json | --github-actions | --gitlab] [--fleet <name>] [--app-dir <dir>] [--against <rollout.json>]',
  run(args, output) {
    return (require('../fleet/rollout-cli') as typeof import('../fleet/rollout-cli')).runRolloutCli(args, output);
  },
};
