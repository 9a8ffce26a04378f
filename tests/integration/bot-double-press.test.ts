import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttons, say, startHarness, type Harness } from '../helpers/bot-harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

/** Presses `data` under `message` twice in a row, as a quick double tap reaches the bot; resolves once both are answered. */
async function doubleTap(from: { id: number }, message: Parameters<typeof h.emulator.pressButton>[1], data: string, chat?: Parameters<typeof h.emulator.pressButton>[3]) {
  const answered = h.emulator.callsOf('answerCallbackQuery').length;
  h.emulator.pressButton(from, message, data, chat);
  h.emulator.pressButton(from, message, data, chat);
  await h.emulator.waitFor(() => h.emulator.callsOf('answerCallbackQuery').length >= answered + 2);
}

describe('a toggle button tapped twice in quick succession', () => {
  it('toggles twice: a topic followed by the first tap is unfollowed by the second', async () => {
    const reader = { id: 8301, first_name: 'Tom', language_code: 'en' };
    const [keyboard] = await say(h, reader, '/subscribe');
    await doubleTap(reader, keyboard!, 'sub:t:tech');
    expect(h.deps.subscribers.find(reader.id)?.topics).toEqual([]);
    expect(buttons(keyboard!).find((button) => button.callback_data === 'sub:t:tech')!.text).not.toContain('✅');
  });

  it('toggles the digest twice in a group, where each tap waits for the admin check', async () => {
    const admin = { id: 8302, first_name: 'Ada', language_code: 'en' };
    const group = { id: -1_008_300_001, type: 'supergroup' as const, title: 'Desk' };
    h.emulator.addChat(group);
    h.emulator.setMember(group.id, admin.id, 'administrator');
    const [settings] = await say(h, admin, '/settings', group);
    await doubleTap(admin, settings!, 'set:digest', group);
    expect(h.deps.subscribers.find(group.id)?.digestTime).toBe('07:30');
    expect(settings!.text).toContain('Daily digest: 07:30');
  });
});
