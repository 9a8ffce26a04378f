import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainUpdates } from '../../src/bot/update-runner.js';
import { say, startHarness, type Harness } from '../helpers/bot-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const READER = { id: 8101, first_name: 'Rik', language_code: 'en' };
const ADMIN = { id: 8102, first_name: 'Ada', language_code: 'en' };
const FROM_A_FRIEND = { forward_origin: { type: 'user', date: 1_767_600_000, sender_user: { id: 8199, is_bot: false, first_name: 'Friend' } } };

/**
 * Sends `text` in `chat` with `extra`, then a /help after it; once /help is answered the first
 * update is being handled too (updates run side by side), and draining waits until it is done.
 */
async function sendThenHelp(from: typeof READER, text: string, chat: Parameters<typeof say>[3], extra: Record<string, unknown>) {
  const chatId = chat?.id ?? from.id;
  const before = h.emulator.messagesTo(chatId).length;
  h.emulator.sendText(from, text, chat, extra);
  const help = chat === undefined ? '/help' : '/help@newsbrief_test_bot';
  await say(h, from, help, chat);
  await drainUpdates(h.bot, 5_000);
  return h.emulator.messagesTo(chatId).slice(before).map((message) => message.text);
}

describe('a forwarded message', () => {
  it('is not run as a command: a forwarded /stop leaves what the reader follows alone', async () => {
    await say(h, READER, '/subscribe world');
    const answers = await sendThenHelp(READER, '/stop', undefined, FROM_A_FRIEND);
    expect(h.deps.subscribers.find(READER.id)).toMatchObject({ topics: ['world'], active: true });
    // Answered as text sent to the bot is, so the reader learns to type the command themselves.
    expect(answers[0]).toBe('I answer commands: /latest for the news, /help for everything I can do.');
    expect(answers).toHaveLength(2);
  });

  it('is not run in a group either, not even one addressed to this bot or a photo\'s caption', async () => {
    const group = { id: -1_008_100_001, type: 'supergroup' as const, title: 'Readers' };
    h.emulator.addChat(group);
    h.emulator.setMember(group.id, ADMIN.id, 'administrator');
    await say(h, ADMIN, '/subscribe tech', group);
    h.emulator.sendPhoto(ADMIN, '/time@newsbrief_test_bot 06:00', group, FROM_A_FRIEND);
    const answers = await sendThenHelp(ADMIN, '/stop@newsbrief_test_bot', group, FROM_A_FRIEND);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toContain('What I can do');
    expect(h.deps.subscribers.find(group.id)).toMatchObject({ topics: ['tech'], digestTime: '07:30', active: true });
  });

  it('from the group\'s linked channel (a channel post Telegram copies into its discussion group) is not answered', async () => {
    const group = { id: -1_008_100_002, type: 'supergroup' as const, title: 'Discussion' };
    const channel = { id: -1_008_100_003, type: 'channel' as const, title: 'Newsroom' };
    h.emulator.addChat(group);
    const copied = { sender_chat: channel, is_automatic_forward: true, forward_origin: { type: 'channel', date: 1_767_600_000, chat: channel, message_id: 12 } };
    const answers = await sendThenHelp({ id: 777_000, first_name: 'Telegram', language_code: 'en' }, '/stop', group, copied);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toContain('What I can do');
  });
});
