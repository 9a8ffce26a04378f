import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { say, startHarness, type Harness } from '../helpers/bot-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

let nextUser = 7100;
const reader = (language_code: string) => ({ id: nextUser++, first_name: 'Noor', language_code });
const STICKER = { sticker: { file_id: 'CAACAgIAAxk', file_unique_id: 'AgAD', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false, emoji: '👍' } };
const VOICE = { voice: { file_id: 'AwACAgIAAxk', file_unique_id: 'AgAE', duration: 3 } };
const DOCUMENT = { document: { file_id: 'BQACAgIAAxk', file_unique_id: 'AgAF', file_name: 'news.pdf' } };
const PHOTO = { photo: [{ file_id: 'AgACAgQAAx0', file_unique_id: 'AQAD', width: 90, height: 60 }] };

/** What the bot answers to `content` sent by `from` in a private chat. */
async function answerTo(from: { id: number; language_code: string }, content: Record<string, unknown>) {
  const before = h.emulator.messagesTo(from.id).length;
  h.emulator.sendContent(from, content);
  return (await h.emulator.waitForMessages(from.id, 1, before))[0]!.text;
}

describe('a message without text', () => {
  it('gets, in a private chat, the hint plain text gets, in the chat\'s language', async () => {
    const english = reader('en');
    expect(await answerTo(english, STICKER)).toBe('I only read typed commands: /latest for the news, /help for everything I can do.');
    expect(await answerTo(english, PHOTO)).toContain('/help');
    expect(await answerTo(english, VOICE)).toContain('/help');
    expect(await answerTo(reader('nl'), DOCUMENT)).toBe('Ik lees alleen getypte commando’s: /latest voor het nieuws, /help voor alles wat ik kan.');
    expect(await answerTo(reader('de'), STICKER)).toContain('/latest');
    expect(await answerTo(reader('fr'), STICKER)).toContain('/latest');
  });

  it('is passed over in silence in a group, as group chatter is', async () => {
    const group = { id: -1_007_100, type: 'supergroup' as const, title: 'Photos' };
    const member = reader('en');
    for (const content of [STICKER, PHOTO, VOICE, DOCUMENT]) h.emulator.sendContent(member, content, group);
    const [reply] = await say(h, member, '/help@newsbrief_test_bot', group);
    expect(reply!.text).toContain('What I can do');
    expect(h.emulator.messagesTo(group.id)).toHaveLength(1);
  });

  it('gets no answer when it is a service message, or an edit of a picture', async () => {
    const english = reader('en');
    const pinned = { message_id: 1, date: 1, chat: { id: english.id, type: 'private' }, text: 'pinned' };
    h.emulator.sendContent(english, { pinned_message: pinned });
    h.emulator.sendContent(english, { message_auto_delete_timer_changed: { message_auto_delete_time: 86_400 } });
    h.emulator.pushUpdate({
      edited_message: { message_id: 9, date: 1, edit_date: 2, chat: { id: english.id, type: 'private' }, from: { is_bot: false, ...english }, ...PHOTO },
    });
    const [reply] = await say(h, english, '/help');
    expect(reply!.text).toContain('What I can do');
    expect(h.emulator.messagesTo(english.id)).toHaveLength(1);
  });
});
