/**
 * The end of a subcommand's `--help`: lines to copy, and what the exit code means, so an operator
 * (or a script) need not compose a call from the option list or guess what 1 stands for.
 */
export function helpFooter(examples: readonly string[], exitStatus: readonly string[]): string {
  return ['', 'Examples:', ...examples.map((line) => `  $ ${line}`), '', 'Exit status:', ...exitStatus.map((line) => `  ${line}`)].join('\n');
}

/** The exit status every subcommand shares: one line on stderr names what is wrong. */
export const EXIT_ON_MISTAKE = '1  a mistake in the environment, feeds.json, the database file or the arguments (named on stderr)';
