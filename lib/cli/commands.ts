import type { CliCommand } from './command';

/**
 * Every subcommand of `cluster-profiles`, by name, in the order `--help` lists them. Each is
 * loaded when run, so one command's dependencies never slow another. To add a command, add a
 * module exporting a {@link CliCommand} and one row here.
 */
export const COMMANDS: Readonly<Record<string, { readonly summary: string; readonly load: () => CliCommand }>> = {
  plan: {
    summary: 'print the install plan of every synthesized cluster (a table, or --mermaid / --dot)',
    load: () => (require('./plan') as typeof import('./plan')).planCommand,
  },
  diff: {
    summary: 'compare two profile documents (exit 0 when equal, 1 when different)',
    load: () => (require('./diff') as typeof import('./diff')).diffCommand,
  },
  rollout: {
    summary: 'print the waves of a fleet rollout, or a GitHub Actions / GitLab CI definition that runs them',
    load: () => (require('./rollout') as typeof import('./rollout')).rolloutCommand,
  },
  drift: {
    summary: 'compare deployed clusters with their profiles, and repair them with --repair (exit 1 on drift)',
    load: () => (require('./drift') as typeof import('./drift')).driftCommand,
  },
  wait: {
    summary: 'wait for the readiness gates of a gate file (run by cdktf deploy; exit 1 when one times out)',
    load: () => (require('./wait') as typeof import('./wait')).waitCommand,
  },
  packs: {
    summary: 'check every pack of a registry folder: load and synthesize each (exit 1 when one fails)',
    load: () => (require('./packs') as typeof import('./packs')).packsCommand,
  },
};
