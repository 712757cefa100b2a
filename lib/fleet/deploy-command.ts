/**
 * The command a CI job runs to deploy one stack of a rollout. cdktf refuses to deploy a stack
 * alone when the stacks it depends on are not in the same run ("The following dependencies are
 * not included in the stacks to run"); in CI the previous wave ran in an earlier job, so the job
 * says `--ignore-missing-stack-dependencies`. The provider lock is skipped, since every job
 * would otherwise rewrite `.terraform.lock.hcl` on its own runner.
 */
export function deployCommand(stack: string): string {
  return `npx cdktf deploy ${stack} --skip-provider-lock --auto-approve --ignore-missing-stack-dependencies`;
}

/** What a CI definition is generated with. */
export interface CiOptions {
  /** The folder of the cdktf app (where cdktf.json is), relative to the repository root. */
  readonly appDirectory: string;
  /** The rollout document it was made from, for the header comment. */
  readonly source: string;
}
