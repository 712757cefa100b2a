/** Where the command line writes; tests pass their own. */
export interface CliOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** One subcommand of `cluster-profiles`. */
export interface CliCommand {
  /** One line: `cluster-profiles <name> <arguments>`. */
  readonly usage: string;
  /**
   * What `<name> --help` prints: every option.
   * @default - the usage line
   */
  readonly help?: string;
  /** Runs the command with the arguments after its name; returns the exit code (or its promise). */
  run(args: readonly string[], output: CliOutput): number | Promise<number>;
}

/** Prints `cluster-profiles: <message>` and the usage to stderr; returns exit code 2. */
export function usageError(output: CliOutput, message: string, usage: string): number {
  output.stderr(`cluster-profiles: ${message}\nusage: ${usage}\n`);
  return 2;
}
