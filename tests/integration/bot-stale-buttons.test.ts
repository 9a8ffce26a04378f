import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttons, say, startHarness, type Harness } from '../helpers/bot-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const READER = { id: 8201, first_name: 'Sem', language_code: 'nl' };

/** Presses `data` under a message the bot can no longer reach, as Telegram reports it: an InaccessibleMessage (date 0). */
function pressUnreachable(from: typeof READER, messageId: number, data: string) {
  return h.emulator.pushUpdate({
    callback_query: {
      id: `stale-${messageId}-${data}`, from: { is_bot: false, ...from }, chat_instance: String(from.id), data,
      message: { chat: { id: from.id, type: 'private' }, message_id: messageId, date: 0 },
    },
  });
}

describe('a button under a message the bot can no longer edit', () => {
  it('answers with a new message saying what the press did, not "something went wrong"', async () => {
    await say(h, READER, '/subscribe world');
    const [settings] = await say(h, READER, '/settings');
    const before = h.emulator.messagesTo(READER.id).length;
    pressUnreachable(READER, settings!.message_id, 'set:digest');
    const [answer] = await h.emulator.waitForMessages(READER.id, 1, before);
    expect(h.deps.subscribers.find(READER.id)?.digestTime).toBeNull();
    expect(answer!.text).toContain('<b>Je instellingen</b>');
    expect(answer!.text).toContain('Dagelijks overzicht: uit');
    expect(buttons(answer!).map((button) => button.callback_data)).toContain('set:digest');
    expect(settings!.edits).toBe(0);
    // Answered too, or the reader's client would spin.
    await h.emulator.waitFor(() => h.emulator.callsOf('answerCallbackQuery').some((call) => call.params.callback_query_id === `stale-${settings!.message_id}-set:digest`));
  });

  it('answers with a new message when Telegram refuses the edit of a message too old or gone', async () => {
    const [settings] = await say(h, READER, '/settings');
    for (const description of ["Bad Request: message can't be edited", 'Bad Request: message to edit not found']) {
      h.emulator.failNext('editMessageText', { error_code: 400, description });
      const before = h.emulator.messagesTo(READER.id).length;
      h.emulator.pressButton(READER, settings!, 'set:lang:de');
      const [answer] = await h.emulator.waitForMessages(READER.id, 1, before);
      expect(answer!.text).toContain('<b>Deine Einstellungen</b>');
      await say(h, READER, '/language nl');
    }
  });
});
