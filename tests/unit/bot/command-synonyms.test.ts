import { describe, expect, it } from 'vitest';
import { ADMIN_COMMANDS } from '../../../commands/admin-commands.js';
import { parseCommand } from '../../../src/bot/parse-command.js';
import { COMMAND_SYNONYMS, foldCommandWord, guessCommand } from '../../../src/i18n/command-synonyms.js';
import { COMMAND_NAMES } from '../../../src/i18n/index.js';

const EVERYONE = COMMAND_NAMES.filter((name) => !ADMIN_COMMANDS.includes(name));

describe('command synonyms', () => {
  it('give every command a reader may use a few words in Dutch, German and French', () => {
    for (const [language, table] of Object.entries(COMMAND_SYNONYMS)) {
      for (const name of EVERYONE) expect(table[name]?.length ?? 0, `${language} ${name}`).toBeGreaterThan(0);
      for (const name of ADMIN_COMMANDS) expect(table[name], `${language} ${name}`).toBeUndefined();
    }
  });

  it('never let one word stand for two commands, nor be the name of another command', () => {
    const meaning = new Map<string, string>();
    for (const table of Object.values(COMMAND_SYNONYMS)) {
      for (const [command, words] of Object.entries(table)) {
        for (const word of words) {
          expect(meaning.get(word) ?? command, word).toBe(command);
          meaning.set(word, command);
          expect(COMMAND_NAMES.filter((name) => name !== command), word).not.toContain(word);
        }
      }
    }
  });

  it('are written folded, as a word typed after a slash is looked up', () => {
    for (const table of Object.values(COMMAND_SYNONYMS)) {
      for (const word of Object.values(table).flat()) expect(foldCommandWord(word), word).toBe(word);
    }
  });

  it('lead a word in any of the languages to its command, case, accents and slash aside', () => {
    expect(guessCommand('zeit', EVERYONE)).toBe('time');
    expect(guessCommand('tijd', EVERYONE)).toBe('time');
    expect(guessCommand('heure', EVERYONE)).toBe('time');
    expect(guessCommand('Hilfe', EVERYONE)).toBe('help');
    expect(guessCommand('/aide', EVERYONE)).toBe('help');
    expect(guessCommand('hulp', EVERYONE)).toBe('help');
    expect(guessCommand('abonnieren', EVERYONE)).toBe('subscribe');
    expect(guessCommand('abonneren', EVERYONE)).toBe('subscribe');
    expect(guessCommand('dernières', EVERYONE)).toBe('latest');
    expect(guessCommand('Übersicht', EVERYONE)).toBe('digest');
    expect(guessCommand('paramètres', EVERYONE)).toBe('settings');
    expect(guessCommand('aufhören', EVERYONE)).toBe('stop');
    expect(guessCommand('kündigen', EVERYONE)).toBe('stop');
  });

  it('still guess a misspelt English name first, then a misspelt synonym, and nothing far-fetched', () => {
    expect(guessCommand('lates', EVERYONE)).toBe('latest');
    expect(guessCommand('subscirbe', EVERYONE)).toBe('subscribe');
    expect(guessCommand('abonieren', EVERYONE)).toBe('subscribe');
    expect(guessCommand('einstelungen', EVERYONE)).toBe('settings');
    expect(guessCommand('frobnicate', EVERYONE)).toBeNull();
    // Admin commands are not offered to those who may not run them.
    expect(guessCommand('stat', EVERYONE)).not.toBe('stats');
    expect(guessCommand('reload', EVERYONE)).toBeNull();
  });

  it('are read after a slash with accents, as readers type them', () => {
    expect(parseCommand('/dernières 5')).toMatchObject({ name: 'dernières', args: ['5'] });
    expect(parseCommand('/Übersicht@NewsBot')).toMatchObject({ name: 'übersicht', mention: 'newsbot' });
  });
});
