import { describe, expect, it } from 'vitest';
import { readStartArguments } from '../../src/start-arguments.js';

describe('the arguments of npm start', () => {
  it('starts the bot without arguments', () => {
    expect(readStartArguments([])).toEqual({ kind: 'start' });
  });

  it('prints the usage for --help and -h, pointing to the command line', () => {
    for (const flag of ['--help', '-h']) {
      const start = readStartArguments([flag]);
      expect(start.kind).toBe('usage');
      expect(start.kind === 'usage' && start.text).toContain('npx newsbrief --help');
    }
  });

  it('refuses a command meant for the command line and says how to run it there', () => {
    const start = readStartArguments(['brief', 'article.txt']);
    expect(start.kind).toBe('refuse');
    expect(start.kind === 'refuse' && start.message).toContain('takes no arguments (got "brief article.txt")');
    expect(start.kind === 'refuse' && start.message).toContain('npx newsbrief brief article.txt');
  });
});
