import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createBot } from '../../src/bot/create-bot.js';
import { startBot, stopBot } from '../../src/bot/start-bot.js';
import { ConfigError } from '../../src/config-errors.js';
import { say, startHarness, type Harness } from '../helpers/bot-harness.js';
import { freePort } from '../helpers/free-port.js';

const READER = { id: 6001, first_name: 'Fay', language_code: 'en' };
const harnesses: Harness[] = [];
afterAll(async () => {
  for (const h of harnesses) {
    // The token must not appear in any log line, whatever happened in the scenarios.
    expect(h.logLines.join('\n')).not.toContain(h.emulator.token);
    expect(h.logLines.join('\n')).not.toContain(h.emulator.token.split(':')[1]!);
    await h.close();
  }
});
const open = async (options: Parameters<typeof startHarness>[0] = {}) => {
  const h = await startHarness(options);
  harnesses.push(h);
  return h;
};

describe('faults', () => {
  it('answers an exception in a handler politely, logs it with the update id, and keeps polling', async () => {
    const h = await open({ deps: { digestNow: () => Promise.reject(new Error('digest exploded')) } });
    await say(h, READER, '/subscribe world');
    const updateId = h.emulator.sendText(READER, '/digest');
    const [, sorry] = await h.emulator.waitForMessages(READER.id, 2);
    expect(sorry!.text).toBe('Something went wrong, please try again.');
    const line = h.logLines.map((text) => JSON.parse(text) as Record<string, unknown>).find((entry) => entry.msg === 'bot: handler failed');
    expect(line).toMatchObject({ update_id: updateId, chat_id: READER.id, level: 50 });
    expect(JSON.stringify(line)).toContain('digest exploded');
    expect((await say(h, READER, '/help'))[0]!.text).toContain('What I can do');
  });

  it('apologises in the forum topic the failed command or button came from, not in General', async () => {
    const h = await open({ deps: { digestNow: () => Promise.reject(new Error('digest exploded')) } });
    const forum = { id: -1_002_600_001, type: 'supergroup' as const, title: 'Desk', is_forum: true };
    h.emulator.addChat(forum);
    h.emulator.setMember(forum.id, READER.id, 'administrator');
    await say(h, READER, '/subscribe world', forum);
    h.emulator.sendText(READER, '/digest', forum, { is_topic_message: true, message_thread_id: 41 });
    const [sorry] = await h.emulator.waitForMessages(forum.id, 1, 1);
    expect(sorry).toMatchObject({ text: 'Something went wrong, please try again.', message_thread_id: 41 });
    const [settings] = await say(h, READER, '/settings', forum);
    h.emulator.failNext('editMessageText', { error_code: 400, description: 'Bad Request: something unexpected' });
    const before = h.emulator.messagesTo(forum.id).length;
    h.emulator.pressButton(READER, { ...settings!, message_thread_id: 42 }, 'set:digest', forum);
    const [sorryAgain] = await h.emulator.waitForMessages(forum.id, 1, before);
    expect(sorryAgain).toMatchObject({ text: 'Something went wrong, please try again.', message_thread_id: 42 });
  });

  it('keeps going when Telegram refuses a reply (403, 5xx, 429), and does not apologise to a chat that blocked the bot', async () => {
    const h = await open();
    h.emulator.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    h.emulator.sendText(READER, '/help');
    await h.emulator.waitFor(() => h.logLines.some((line) => line.includes('bot: handler failed')));
    h.emulator.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    h.emulator.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    const [sorry] = await say(h, READER, '/help');
    expect(sorry!.text).toBe('Something went wrong, please try again.');
    expect((await say(h, READER, '/time'))[0]!.text).toContain('07:30');
    // No apology to a chat that blocked the bot: it could not arrive either.
    expect(h.emulator.callsOf('sendMessage').map((call) => call.errorCode ?? 'ok')).toEqual([403, 502, 429, 'ok', 'ok']);
  });

  it('retries a reply Telegram limited for a second, and counts every delivered reply', async () => {
    const counted: number[] = [];
    const h = await open({ deps: { onReplySent: (chatId) => counted.push(chatId) } });
    h.emulator.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    const [help] = await say(h, READER, '/help');
    expect(help!.text).toContain('What I can do');
    expect(h.emulator.callsOf('sendMessage').map((call) => call.errorCode ?? 'ok')).toEqual([429, 'ok']);
    // The emulator records the message before its answer reaches the bot: wait for the bot to see it.
    await h.emulator.waitFor(() => counted.length > 0);
    expect(counted).toEqual([READER.id]);
  });

  it('does not apologise for a reply that failed with a long 429 (the apology would be limited too)', async () => {
    const h = await open();
    h.emulator.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 30', parameters: { retry_after: 30 } });
    h.emulator.sendText(READER, '/help');
    await h.emulator.waitFor(() => h.logLines.some((line) => line.includes('bot: handler failed')));
    expect((await say(h, READER, '/time'))[0]!.text).toContain('07:30');
    expect(h.emulator.messagesTo(READER.id)).toHaveLength(1);
  });

  it('slows a flooding chat down politely: one warning, then silence until it calms down', async () => {
    const h = await open({ flood: { burst: 5, refillPerSecond: 0.5 } });
    for (let i = 0; i < 12; i += 1) h.emulator.sendText(READER, '/time');
    await h.emulator.waitForMessages(READER.id, 6);
    const other = { id: 6002, language_code: 'nl' };
    expect((await say(h, other, '/time'))[0]!.text).toContain('07:30');
    const texts = h.emulator.messagesTo(READER.id).map((message) => message.text);
    expect(texts.filter((text) => text.includes('Please wait a few seconds'))).toHaveLength(1);
    expect(texts).toHaveLength(6);
  });

  it('slows a chat flooding plain text down just like one flooding commands', async () => {
    const h = await open({ flood: { burst: 5, refillPerSecond: 0.5 } });
    const talker = { id: 6004, first_name: 'Tom', language_code: 'en' };
    for (let i = 0; i < 12; i += 1) h.emulator.sendText(talker, `hello ${i}`);
    await h.emulator.waitForMessages(talker.id, 6);
    const other = { id: 6005, language_code: 'en' };
    expect((await say(h, other, '/time'))[0]!.text).toContain('07:30');
    const texts = h.emulator.messagesTo(talker.id).map((message) => message.text);
    expect(texts.filter((text) => text.includes('Please wait a few seconds'))).toHaveLength(1);
    expect(texts.filter((text) => text.includes('I answer commands'))).toHaveLength(5);
    expect(texts).toHaveLength(6);
  });

  it('answers other chats while one chat\'s command is still running, and waits for it when stopping', async () => {
    let release: (value: null) => void = () => undefined;
    let started = false;
    const h = await open({ deps: { digestNow: () => new Promise((resolve) => { started = true; release = resolve; }) } });
    await say(h, READER, '/subscribe world');
    h.emulator.sendText(READER, '/digest');
    await h.emulator.waitFor(() => started);
    const other = { id: 6003, first_name: 'Olga', language_code: 'en' };
    expect((await say(h, other, '/help'))[0]!.text).toContain('What I can do');
    expect(h.emulator.messagesTo(READER.id)).toHaveLength(1);
    const stopping = stopBot(h.running, 'test', 2_000);
    setTimeout(() => release(null), 50);
    await stopping;
    expect(h.emulator.messagesTo(READER.id).map((message) => message.text).at(-1)).toBe('Nothing new for your digest right now.');
  });

  it('keeps its connections to the Bot API alive instead of opening one per call', async () => {
    const h = await open();
    for (let i = 0; i < 10; i += 1) await say(h, READER, '/time');
    expect(h.emulator.connectionCount).toBeLessThanOrEqual(3);
  });

  it('logs when long polling loses Telegram and when it has it back, and answers after', async () => {
    const h = await open({
      prepare: (emulator) => emulator.failNext('getUpdates', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } }, 2),
    });
    expect((await say(h, READER, '/help'))[0]!.text).toContain('What I can do');
    const logged = h.logLines.map((text) => JSON.parse(text) as { msg: string; level: number; reason?: string; down_ms?: number });
    const lost = logged.filter((line) => line.msg.startsWith('bot: long polling cannot reach Telegram'));
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ level: 40, reason: 'the Bot API answered 429: Too Many Requests: retry after 1' });
    const back = logged.filter((line) => line.msg === 'bot: long polling reaches Telegram again');
    expect(back).toHaveLength(1);
    expect(back[0]!.down_ms).toBeGreaterThanOrEqual(1_000);
  });

  it('starts and answers even when setMyCommands fails, and logs the failure', async () => {
    const h = await open({ prepare: (emulator) => emulator.failNext('setMyCommands', { error_code: 500, description: 'Internal Server Error' }, 3) });
    expect(h.logLines.filter((line) => line.includes('setMyCommands failed'))).toHaveLength(3);
    expect((await say(h, READER, '/start'))[0]!.text).toContain('Hello Fay');
  });
});

describe('webhook mode', () => {
  it('accepts updates only with Telegram\'s secret-token header', async () => {
    const h = await open();
    const port = await freePort();
    const logger = pino({ level: 'silent' });
    const bot = createBot(h.deps, { token: h.emulator.token, apiRoot: h.emulator.apiRoot });
    const running = await startBot(bot, { webhook: { url: 'https://bot.example/hook/abc', secret: 's3cret-Value', port }, defaultLanguage: 'en', logger });
    try {
      expect(running.mode).toBe('webhook');
      const setWebhook = h.emulator.callsOf('setWebhook').at(-1)!;
      expect(setWebhook.params).toMatchObject({ url: 'https://bot.example/hook/abc', secret_token: 's3cret-Value' });
      const update = (id: number) => JSON.stringify({ update_id: id, message: { message_id: 1, date: 0, chat: { id: 6100, type: 'private' }, from: { id: 6100, is_bot: false, first_name: 'W' }, text: '/help' } });
      const post = (headers: Record<string, string>, id: number) =>
        fetch(`http://127.0.0.1:${port}/hook/abc`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: update(id) });
      expect((await post({}, 900)).status).toBe(403);
      expect((await post({ 'x-telegram-bot-api-secret-token': 'wrong' }, 901)).status).toBe(403);
      expect((await post({ 'x-telegram-bot-api-secret-token': 's3cret-Value' }, 902)).status).toBe(200);
      await h.emulator.waitForMessages(6100, 1);
      expect(h.emulator.messagesTo(6100)).toHaveLength(1);
    } finally {
      await stopBot(running);
    }
  });
});

describe('webhook mode on a port in use', () => {
  it('says which PORT is taken and registers no webhook', async () => {
    const h = await open();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const { port } = blocker.address() as { port: number };
    const bot = createBot(h.deps, { token: h.emulator.token, apiRoot: h.emulator.apiRoot });
    try {
      const starting = startBot(bot, { webhook: { url: 'https://bot.example/hook/abc', secret: null, port }, defaultLanguage: 'en', logger: pino({ level: 'silent' }) });
      await expect(starting).rejects.toThrow(new ConfigError('PORT', [`${port} is already in use by another program; set PORT to a free one`]));
      expect(h.emulator.callsOf('setWebhook')).toEqual([]);
    } finally {
      blocker.close();
    }
  });
});
