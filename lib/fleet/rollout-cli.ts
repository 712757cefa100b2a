import * as path from 'path';
import { ProfileError } from '../errors';
import { formatRollout } from './format-rollout';
import { githubWorkflow } from './github-workflow';
import { gitlabPipeline } from './gitlab-pipeline';
import { readRollout, readRollouts } from './read-rollout';
import { serializeRolloutDocument } from './rollout-document';

/** Where the command writes; the same shape as the CLI's output. */
export interface RolloutCliOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** How to call `rollout`. */
export const ROLLOUT_USAGE =
  'usage: cluster-profiles rollout plan [cdktf.out] [--json | --github-actions | --gitlab] [--fleet <name>] [--app-dir <dir>] [--against <rollout.json>]';

const FORMATS = ['--json', '--github-actions', '--gitlab'] as const;

/**
 * Runs `cluster-profiles rollout <args>`. `plan` reads the rollouts synth wrote to
 * `<cdktf.out>/fleet/<name>/rollout.json` (default out directory: `cdktf.out`) and prints the
 * waves as a table, the rollout document (`--json`), a GitHub Actions workflow
 * (`--github-actions`) or a GitLab CI pipeline (`--gitlab`). With several fleets, `--fleet`
 * picks one. The CI jobs run in `--app-dir` (default: the folder holding the out directory,
 * relative to the current directory). `--against` another rollout document (what is deployed
 * now) adds to the table what changes on each cluster. Returns 0, or 2 on bad input with the
 * error on stderr.
 */
export function runRolloutCli(args: readonly string[], output: RolloutCliOutput): number {
  const fail = (message: string): number => {
    output.stderr(`cluster-profiles: ${message}\n`);
    return 2;
  };
  const [subcommand, ...rest] = args;
  if (subcommand !== 'plan') return fail(`${subcommand === undefined ? 'rollout needs a subcommand' : `unknown rollout subcommand "${subcommand}"`}\n${ROLLOUT_USAGE}`);
  const parsed = parseArguments(rest);
  if (typeof parsed === 'string') return fail(`${parsed}\n${ROLLOUT_USAGE}`);
  try {
    const all = readRollouts(parsed.outdir);
    const chosen = parsed.fleet === undefined ? all : all.filter((r) => r.document.fleet === parsed.fleet);
    if (chosen.length === 0) return fail(`no fleet "${parsed.fleet}" in ${parsed.outdir}; fleets: ${all.map((r) => r.document.fleet).join(', ')}`);
    if (chosen.length > 1) return fail(`${parsed.outdir} holds ${chosen.length} fleets (${chosen.map((r) => r.document.fleet).join(', ')}); pick one with --fleet <name>`);
    const [{ file, document }] = chosen;
    const ci = { appDirectory: parsed.appDirectory ?? appDirectoryOf(parsed.outdir), source: path.relative(parsed.outdir, file).split(path.sep).join('/') };
    if (parsed.format === '--json') output.stdout(serializeRolloutDocument(document));
    else if (parsed.format === '--github-actions') output.stdout(githubWorkflow(document, ci));
    else if (parsed.format === '--gitlab') output.stdout(gitlabPipeline(document, ci));
    else output.stdout(formatRollout(document, parsed.against === undefined ? undefined : readRollout(parsed.against)));
    return 0;
  } catch (e) {
    return fail(e instanceof ProfileError ? e.message : ((e as Error).stack ?? String(e)));
  }
}

interface Arguments {
  readonly outdir: string;
  readonly format?: (typeof FORMATS)[number];
  readonly fleet?: string;
  readonly appDirectory?: string;
  readonly against?: string;
}

function parseArguments(args: readonly string[]): Arguments | string {
  const positional: string[] = [];
  const formats: Array<(typeof FORMATS)[number]> = [];
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if ((FORMATS as readonly string[]).includes(arg)) formats.push(arg as (typeof FORMATS)[number]);
    else if (arg === '--fleet' || arg === '--app-dir' || arg === '--against') {
      if (args[i + 1] === undefined || args[i + 1].startsWith('-')) return `${arg} needs a value`;
      values[arg] = args[++i];
    } else if (arg.startsWith('-')) return `unknown option "${arg}"`;
    else positional.push(arg);
  }
  if (formats.length > 1) return `give one of ${FORMATS.join(', ')}, not ${formats.join(' and ')}`;
  if (positional.length > 1) return `rollout plan takes one out directory, not ${positional.length}`;
  if (values['--against'] !== undefined && formats.length > 0) return `--against adds changes to the table; give it without ${formats[0]}`;
  return { outdir: positional[0] ?? 'cdktf.out', format: formats[0], fleet: values['--fleet'], appDirectory: values['--app-dir'], against: values['--against'] };
}

/** The folder of the app whose out directory is `outdir`, relative to the current directory, with `/`. */
function appDirectoryOf(outdir: string): string {
  const relative = path.relative(process.cwd(), path.dirname(path.resolve(outdir)));
  return relative === '' ? '.' : relative.split(path.sep).join('/');
}
