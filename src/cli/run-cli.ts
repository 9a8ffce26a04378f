import type { Command } from 'commander';
import { ConfigError } from '../config-errors.js';

/**
 * Runs a commander program with one net: a user error (bad config, bad argument) prints one
 * clear message and exits 1 without a stack trace; anything else is a bug and shows its stack.
 */
export async function runCli(program: Command, argv: readonly string[]): Promise<void> {
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError) {
      process.stderr.write(`newsbrief: ${error.message}\n`);
    } else {
      process.stderr.write(`newsbrief: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
    }
    process.exitCode = 1;
  }
}

/** A mistake in how a command was called: reported in one line, never with a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
