import { Command } from 'commander';
import { vi } from 'vitest';

/** Runs one CLI subcommand in a program of its own; what it wrote to stdout and stderr. */
export async function runSubcommand(command: Command, args: string[]): Promise<{ stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const capture = (key: 'stdout' | 'stderr') => (chunk: string | Uint8Array): boolean => ((out[key] += String(chunk)), true);
  vi.spyOn(process.stdout, 'write').mockImplementation(capture('stdout'));
  vi.spyOn(process.stderr, 'write').mockImplementation(capture('stderr'));
  try {
    await new Command('newsbrief').exitOverride().addCommand(command).parseAsync(args, { from: 'user' });
  } finally {
    vi.restoreAllMocks();
  }
  return out;
}
