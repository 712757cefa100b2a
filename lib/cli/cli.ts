import { CliOutput } from './command';
import { COMMANDS } from './commands';

export { CliCommand, CliOutput } from './command';

/** The list of commands `cluster-profiles --help` prints. */
export function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return ['usage: cluster-profiles <command> [arguments]', '', 'commands:', ...lines, '', 'cluster-profiles <command> --help prints the arguments of one command.', ''].join('\n');
}

/**
 * Runs `cluster-profiles <args>` (bin/cluster-profiles.js) and returns the exit code. `--help`
 * (or `help`, `-h`) lists the commands and exits 0; `<command> --help` prints its usage. A
 * missing or unknown command exits 2 with the list on stderr. The commands are lib/cli/commands.ts.
 */
export function runCli(args: readonly string[], output: CliOutput): number | Promise<number> {
  const [name, ...rest] = args;
  if (name === '--help' || name === '-h' || name === 'help') {
    output.stdout(helpText());
    return 0;
  }
  const entry = name === undefined ? undefined : Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    output.stderr(`cluster-profiles: ${name === undefined ? 'no command' : `unknown command "${name}"`}\n${helpText()}`);
    return 2;
  }
  const command = entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    output.stdout(command.help ?? `usage: ${command.usage}\n`);
    return 0;
  }
  return command.run(rest, output);
}
