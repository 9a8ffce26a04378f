import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { TelegramError } from 'telegraf';
import { afterEach, describe, expect, it } from 'vitest';
import { createRepliesTelegram } from '../../src/bot/replies-telegram.js';
import { BotApiEmulator } from '../helpers/bot-api-emulator.js';

let emulator: BotApiEmulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

async function started(): Promise<BotApiEmulator> {
  emulator = await new BotApiEmulator().start();
  return emulator;
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => expect.fail('expected the call to fail'), (error: unknown) => error);
}

describe('the replies client (sendMessage straight over node:http)', () => {
  it('sends the same JSON telegraf would and answers with the sent message, on kept-alive connections', async () => {
    const api = await started();
    const telegram = createRepliesTelegram(api.token, api.apiRoot);
    const sent = await telegram.sendMessage(7, '<b>hi</b> &amp; bye', { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    expect(sent).toMatchObject({ message_id: 1, chat: { id: 7 }, text: '<b>hi</b> &amp; bye' });
    for (let i = 0; i < 5; i += 1) await telegram.sendMessage(7, `message ${i}`);
    expect(api.messagesTo(7)).toHaveLength(6);
    expect(api.messagesTo(7)[0]).toMatchObject({ parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    expect(api.connectionCount).toBe(1);
  });

  it('leaves null parameters out, as telegraf does', async () => {
    const api = await started();
    await createRepliesTelegram(api.token, api.apiRoot).callApi('sendMessage', { chat_id: 7, text: 'x', message_thread_id: null } as never);
    expect(api.callsOf('sendMessage')[0]?.params).toEqual({ chat_id: 7, text: 'x' });
  });

  it('turns a refusal into the TelegramError telegraf would throw, with code, description and parameters', async () => {
    const api = await started();
    const telegram = createRepliesTelegram(api.token, api.apiRoot);
    api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 30', parameters: { retry_after: 30 } });
    const limited = await refusal(telegram.sendMessage(7, 'x'));
    expect(limited).toBeInstanceOf(TelegramError);
    expect(limited).toMatchObject({ code: 429, parameters: { retry_after: 30 }, on: { method: 'sendMessage' } });
    api.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    expect(await refusal(telegram.sendMessage(7, 'x'))).toMatchObject({ code: 403, description: 'Forbidden: bot was blocked by the user' });
    api.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    expect(await refusal(telegram.sendMessage(7, 'x'))).toMatchObject({ code: 502 });
  });

  it('waits out a short 429 once, delivers the reply and reports it as sent', async () => {
    const api = await started();
    const sentTo: number[] = [];
    const telegram = createRepliesTelegram(api.token, api.apiRoot, { onSent: (chatId) => sentTo.push(chatId) });
    api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    expect(await telegram.sendMessage(7, 'after the wait')).toMatchObject({ chat: { id: 7 }, text: 'after the wait' });
    expect(api.callsOf('sendMessage').map((call) => call.errorCode ?? 'ok')).toEqual([429, 'ok']);
    expect(sentTo).toEqual([7]);
    api.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 0', parameters: { retry_after: 0 } }, 2);
    expect(await refusal(telegram.sendMessage(7, 'twice limited'))).toMatchObject({ code: 429 });
    expect(sentTo).toEqual([7]);
  });

  it('treats an edit by a button as a reply: a short 429 waited out once, the edit counted as sent', async () => {
    const api = await started();
    const sentTo: number[] = [];
    const telegram = createRepliesTelegram(api.token, api.apiRoot, { onSent: (chatId) => sentTo.push(chatId) });
    const sent = await telegram.sendMessage(7, 'settings');
    api.failNext('editMessageText', { error_code: 429, description: 'Too Many Requests: retry after 0', parameters: { retry_after: 0 } });
    await telegram.editMessageText(7, sent.message_id, undefined, 'settings, changed');
    expect(api.callsOf('editMessageText').map((call) => call.errorCode ?? 'ok')).toEqual([429, 'ok']);
    expect(sentTo).toEqual([7, 7]);
    api.failNext('editMessageText', { error_code: 429, description: 'Too Many Requests: retry after 30', parameters: { retry_after: 30 } });
    expect(await refusal(telegram.editMessageText(7, sent.message_id, undefined, 'too soon'))).toMatchObject({ code: 429 });
    expect(sentTo).toEqual([7, 7]);
  });

  it('leaves every other method to telegraf', async () => {
    const api = await started();
    const telegram = createRepliesTelegram(api.token, api.apiRoot);
    expect(await telegram.getMe()).toMatchObject({ username: api.botUser.username });
    await telegram.editMessageText(7, 1, undefined, 'edited').catch(() => undefined);
    expect(api.callsOf('editMessageText')).toHaveLength(1);
  });

  it('names itself and never the token when the connection fails', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const token = '42:secret-token-never-logged';
    const error = await refusal(createRepliesTelegram(token, `http://127.0.0.1:${port}`).sendMessage(7, 'x'));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^bot\/replies-telegram: sendMessage failed: /);
    expect(`${(error as Error).message} ${(error as Error).stack}`).not.toContain('secret-token');
  });
});
