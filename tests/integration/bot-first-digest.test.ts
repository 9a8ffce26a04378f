import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttons, press, say, startHarness, type Harness } from '../helpers/bot-harness.js';

// The harness's clock: Monday 5 January 2026, 10:00 in Amsterdam; digests at 07:30 by default,
// caught up for 3 hours. Today's 07:30 came before these chats followed anything.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const NEXT_IS_TOMORROW = /Next digest: [^\n]*6 Jan[^\n]*07:30/;

describe('the reply to a first /subscribe', () => {
  it('names the first digest, tomorrow\'s (no catch-up of a time before the chat followed anything); a later /subscribe does not', async () => {
    const reader = { id: 7101, first_name: 'Rae', language_code: 'en' };
    const [first] = await say(h, reader, '/subscribe world');
    expect(first!.text).toMatch(NEXT_IS_TOMORROW);
    expect(first!.text).not.toContain('on its way');
    const [again] = await say(h, reader, '/subscribe tech');
    expect(again!.text).toBe('Now following: <b>Tech</b>.');
  });

  it('names it under the /start button that follows the default selection', async () => {
    const reader = { id: 7104, first_name: 'Bo', language_code: 'en' };
    const [welcome] = await say(h, reader, '/start');
    await press(h, reader, welcome!, buttons(welcome!)[0]!.callback_data!);
    expect(h.emulator.messagesTo(reader.id)[0]!.text).toMatch(NEXT_IS_TOMORROW);
  });

  it('names it in the reader\'s language', async () => {
    const [reply] = await say(h, { id: 7102, first_name: 'Sanne', language_code: 'nl' }, '/subscribe world');
    expect(reply!.text).toContain('Je volgt nu');
    expect(reply!.text).toMatch(/\n\S.*6 jan/);
  });

  it('names the first digest of a channel subscribed from a private chat', async () => {
    const admin = { id: 7103, first_name: 'Ada', language_code: 'en' };
    const channel = { id: -1007103, type: 'channel' as const, title: 'Dawn', username: 'dawnnews' };
    h.emulator.addChat(channel);
    h.emulator.setMember(channel.id, admin.id, 'administrator');
    h.emulator.setMember(channel.id, h.emulator.botUser.id, 'administrator', { can_post_messages: true });
    const [done] = await say(h, admin, '/subscribe @dawnnews world');
    expect(done!.text).toContain('@dawnnews now follows <b>World</b>');
    expect(done!.text).toMatch(NEXT_IS_TOMORROW);
  });
});
