import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createBot } from '../../src/bot/create-bot.js';
import { startBot, stopBot } from '../../src/bot/start-bot.js';
import { say, startHarness, type Harness } from '../helpers/bot-harness.js';
import { freePort } from '../helpers/free-port.js';

const READER = { id: 6201, first_name: 'Uma', language_code: 'en' };
const harnesses: Harness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});
const open = async (options: Parameters<typeof startHarness>[0] = {}) => {
  const h = await startHarness(options);
  harnesses.push(h);
  return h;
};

describe('the update types it asks Telegram for', () => {
  // Telegram keeps the allowed_updates of the last call that named them: a program that used the
  // token before and asked only for messages would otherwise leave button presses unsent.
  const HANDLED = ['message', 'edited_message', 'callback_query', 'my_chat_member'];
  const onlyMessages = (emulator: Harness['emulator']) => emulator.setAllowedUpdates(['message']);

  it('are every kind it handles when long polling, whatever a program before it asked for', async () => {
    const h = await open({ prepare: onlyMessages });
    const [settings] = await say(h, READER, '/settings');
    expect(HANDLED.filter((type) => !h.emulator.receives(type))).toEqual([]);
    h.emulator.pressButton(READER, settings!, 'set:digest');
    await h.emulator.waitFor(() => h.emulator.callsOf('answerCallbackQuery').length > 0);
  });

  it('are every kind it handles when it sets a webhook, whatever a program before it asked for', async () => {
    const h = await open();
    // The harness's long polling named its types too: stopped, it leaves the token to the program before.
    await stopBot(h.running);
    onlyMessages(h.emulator);
    const bot = createBot(h.deps, { token: h.emulator.token, apiRoot: h.emulator.apiRoot });
    const running = await startBot(bot, { webhook: { url: 'https://bot.example/hook', secret: null, port: await freePort() }, defaultLanguage: 'en', logger: pino({ level: 'silent' }) });
    try {
      expect(HANDLED.filter((type) => !h.emulator.receives(type))).toEqual([]);
    } finally {
      await stopBot(running);
    }
  });
});
