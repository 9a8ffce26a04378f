import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_COMMANDS } from '../../commands/admin-commands.js';
import { COMMANDS } from '../../commands/index.js';
import type { UiLanguage } from '../../src/core/types.js';
import { messagesFor } from '../../src/i18n/index.js';
import { FIXED_NOW, say, startHarness, type Harness } from '../helpers/bot-harness.js';
import { seedBriefings } from '../helpers/seed-briefings.js';

/**
 * Every command of the one command list, in a private chat and addressed as /cmd@botname in a
 * group (by a group admin), for a Dutch and an English user: each gets an answer of its own,
 * never the error-boundary apology and never the unknown-command hint. The scenario files test
 * what each answer says.
 */
const ARGS: Record<string, string> = {
  subscribe: 'world', unsubscribe: 'world', latest: '2', time: '07:15', timezone: 'Europe/Brussels',
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  seedBriefings(h.db, Array.from({ length: 4 }, (_, i) => ({ feedId: 'bbc-world', headline: `Story ${i}`, createdAt: FIXED_NOW - (10 - i) * 60_000 })));
});
afterAll(async () => h.close());

let nextId = 8_000;
const cases = (['en', 'nl'] as const).flatMap((language) =>
  (['private', 'group'] as const).flatMap((where) => COMMANDS.map((command) => ({ language, where, name: command.name as string }))));

describe('every command answers', () => {
  it.each(cases)('/$name in a $where chat, in $language', async ({ language, where, name }) => {
    const user = { id: nextId++, first_name: 'Kim', language_code: language as UiLanguage };
    const group = { id: -nextId++, type: 'supergroup' as const, title: 'Redactie' };
    if (where === 'group') {
      h.emulator.addChat(group);
      h.emulator.setMember(group.id, user.id, 'administrator');
    }
    const language_arg = name === 'language' ? ` ${language}` : '';
    const text = `/${name}${where === 'group' ? '@newsbrief_test_bot' : ''}${ARGS[name] ? ` ${ARGS[name]}` : language_arg}`;
    const [reply] = await say(h, user, text, where === 'group' ? group : undefined);
    const msg = messagesFor(language);
    expect(reply!.text.length).toBeGreaterThan(0);
    expect(reply!.text).not.toBe(msg.somethingWentWrong);
    expect(reply!.text).not.toBe(msg.unknownCommand());
  });
});

describe('the admin command list behind /help', () => {
  it('is exactly the commands only bot admins may run, so /help hides neither too few nor too many', () => {
    expect([...ADMIN_COMMANDS].sort()).toEqual(COMMANDS.filter((command) => command.scope === 'bot-admin').map((command) => command.name).sort());
  });
});
