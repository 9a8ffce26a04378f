import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { briefCommand } from '../../src/cli/brief.js';
import { chatCommand } from '../../src/cli/chat.js';
import { checkCommand } from '../../src/cli/check.js';
import { feedsCommand } from '../../src/cli/feeds.js';
import { healthCommand } from '../../src/cli/health.js';
import { housekeepCommand } from '../../src/cli/housekeep.js';
import { parseCommand } from '../../src/cli/parse.js';
import { pollCommand } from '../../src/cli/poll.js';
import { loadFeedsFile } from '../../src/feeds-file.js';

const SUBCOMMANDS = [checkCommand, chatCommand, pollCommand, feedsCommand, healthCommand, parseCommand, briefCommand, housekeepCommand].map((create) => create({}));

/** What `newsbrief <command> --help` prints, text added after the options included. */
function helpOf(command: Command): string {
  let out = '';
  command.configureOutput({ writeOut: (text) => (out += text) }).outputHelp();
  return out;
}

describe('newsbrief <command> --help', () => {
  it.each(SUBCOMMANDS.map((command) => [command.name(), command] as const))('%s shows examples to copy and what its exit codes mean', (name, command) => {
    const help = helpOf(command);
    expect(help).toMatch(new RegExp(`\\nExamples:\\n  \\$ (?:\\S+=\\S+ )*newsbrief ${name}\\b`));
    expect(help).toMatch(/\nExit status:\n {2}0 {2}\S.*\n {2}1 {2}\S/);
  });

  it('shows numeric defaults as numbers, not as quoted strings', () => {
    const help = SUBCOMMANDS.map(helpOf).join('\n');
    expect(help).toContain('(default: 10)');
    expect(help).toContain('(default: 1)');
    expect(help).not.toMatch(/\(default: "\d+"\)/);
  });

  it('names in its examples only feeds of the shipped feeds.json, so each example runs as printed', () => {
    const shipped = loadFeedsFile(fileURLToPath(new URL('../../feeds.json', import.meta.url))).map((feed) => feed.id);
    const examples = SUBCOMMANDS.map(helpOf).join('\n').split('\n').filter((line) => line.startsWith('  $ '));
    const named = examples.flatMap((line) => /--feed ([\w, -]+)/.exec(line)?.[1]?.split(/[ ,]+/).filter(Boolean) ?? []);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((id) => !shipped.includes(id))).toEqual([]);
  });
});
