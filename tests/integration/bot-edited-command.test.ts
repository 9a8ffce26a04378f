import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { say, startHarness, type Harness } from '../helpers/bot-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

let nextUser = 8101;
const reader = (language_code = 'en') => ({ id: nextUser++, first_name: 'Iris', language_code });

/** The user edits their last message to read `text`; resolves with the bot's next `expected` messages to the chat. */
async function edit(from: { id: number; language_code?: string }, text: string, chat?: { id: number; type: 'private' | 'supergroup' }, expected = 1) {
  const chatId = chat?.id ?? from.id;
  const before = h.emulator.messagesTo(chatId).length;
  h.emulator.editText(from, text, chat);
  return h.emulator.waitForMessages(chatId, expected, before);
}

describe('an edited command', () => {
  it('is not run, and the reader is told to send it again, with the text to copy', async () => {
    const user = reader();
    expect((await say(h, user, '/time 25:00'))[0]!.text).toContain('Please give a time as HH:MM');
    const [answer] = await edit(user, '/time 18:45');
    expect(answer!.text).toBe('I do not read edited messages, so your edit changed nothing. Please send it again as a new message: <code>/time 18:45</code>');
    expect(h.deps.subscribers.find(user.id)?.digestTime).toBe('07:30');
    // Edited once more, or a command that did something: still nothing is done again.
    await say(h, user, '/subscribe world');
    const [again] = await edit(user, '/subscribe tech');
    expect(again!.text).toContain('<code>/subscribe tech</code>');
    expect(h.deps.subscribers.find(user.id)?.topics).toEqual(['world']);
    expect((await say(h, user, '/time 18:45'))[0]!.text).toContain('<b>18:45</b>');
  });

  it.each([
    ['nl', 'Aangepaste berichten lees ik niet, dus je aanpassing heeft niets veranderd. Stuur het opnieuw als nieuw bericht: <code>/time 7u30</code>'],
    ['de', 'Bearbeitete Nachrichten lese ich nicht, deine Änderung hat also nichts bewirkt. Schick den Befehl bitte noch einmal als neue Nachricht: <code>/time 7u30</code>'],
    ['fr', 'Je ne lis pas les messages modifiés : votre modification n’a donc rien changé. Renvoyez la commande dans un nouveau message : <code>/time 7u30</code>'],
  ])('%s: is answered in the reader\'s language', async (language, says) => {
    const user = reader(language);
    expect((await edit(user, '/time 7u30'))[0]!.text).toBe(says);
  });

  it('of a command the bot does not have gets the command meant, as a new message would, not "send it again"', async () => {
    const user = reader('nl');
    const [answer] = await edit(user, '/tijd 7u30');
    expect(answer!.text).toBe('Dat commando ken ik niet. Bedoel je <code>/time 7u30</code>? /help laat zien wat ik kan.');
    expect((await say(h, user, '/tijd 7u30'))[0]!.text).toBe(answer!.text);
  });

  it('of a command typed in full-width letters is known as that command', async () => {
    const [answer] = await edit(reader(), '/ＴＩＭＥ 18:45');
    expect(answer!.text).toContain('Please send it again as a new message: <code>/ＴＩＭＥ 18:45</code>');
  });

  it('does not echo arguments too long or garbled to read', async () => {
    const [answer] = await edit(reader(), `/subscribe ${'world '.repeat(700)}`);
    expect(answer!.text).toBe('I do not read edited messages, so your edit changed nothing. Please send the command again as a new message.');
  });

  it('is the only edit answered: an edit of plain text gets nothing', async () => {
    const user = reader();
    h.emulator.editText(user, 'hello there');
    const [reply] = await say(h, user, '/help');
    expect(reply!.text).toContain('What I can do');
    expect(h.emulator.messagesTo(user.id)).toHaveLength(1);
  });
});

describe('an edited command in a group', () => {
  const ADMIN = { id: 8001, first_name: 'Ada', language_code: 'en' };
  const MEMBER = { id: 8002, first_name: 'Max', language_code: 'en' };
  const group = { id: -1_000_800, type: 'supergroup' as const, title: 'Desk' };

  it('is answered when it is for this bot, as a new one would be, and changes nothing', async () => {
    h.emulator.addChat(group);
    h.emulator.setMember(group.id, ADMIN.id, 'administrator');
    await say(h, ADMIN, '/time 08:00', group);
    // For another bot, or an unknown command without this bot's @mention: group chatter, no answer.
    h.emulator.editText(MEMBER, '/time@some_other_bot 09:00', group);
    h.emulator.editText(MEMBER, '/frobnicate', group);
    const [notice] = await edit(MEMBER, '/time 09:00', group);
    expect(notice!.text).toContain('<code>/time 09:00</code>');
    expect(h.emulator.messagesTo(group.id)).toHaveLength(2);
    const [admin] = await edit(ADMIN, '/time@newsbrief_test_bot 10:00', group);
    expect(admin!.text).toContain('<code>/time@newsbrief_test_bot 10:00</code>');
    expect(h.deps.subscribers.find(group.id)?.digestTime).toBe('08:00');
  });
});
