import { afterEach, describe, expect, it } from 'vitest';
import { BotApiEmulator } from '../helpers/bot-api-emulator.js';

let emulator: BotApiEmulator;
afterEach(async () => emulator?.stop());

async function call(method: string, params: Record<string, unknown> = {}, form = false) {
  const response = await fetch(`${emulator.apiRoot}/bot${emulator.token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
    body: form ? new URLSearchParams(params as Record<string, string>).toString() : JSON.stringify(params),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; result?: any; error_code?: number; description?: string; parameters?: any } };
}

describe('the Bot API emulator', () => {
  it('holds getUpdates open until an update arrives, and confirms updates by offset', async () => {
    emulator = await new BotApiEmulator().start();
    const pending = call('getUpdates', { timeout: 10, offset: 0 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const id = emulator.sendText({ id: 1 }, '/start');
    const first = await pending;
    expect(first.body.result.map((u: { update_id: number }) => u.update_id)).toEqual([id]);
    expect((await call('getUpdates', { offset: id })).body.result).toHaveLength(1);
    expect((await call('getUpdates', { offset: id + 1 })).body.result).toEqual([]);
    expect((await call('getUpdates', { offset: 0 })).body.result).toEqual([]);
  });

  it('returns an empty list when the long-poll timeout passes', async () => {
    emulator = await new BotApiEmulator().start();
    expect((await call('getUpdates', { timeout: 1 })).body).toEqual({ ok: true, result: [] });
  });

  it('records sendMessage, accepts form bodies, and rejects what Telegram rejects', async () => {
    emulator = await new BotApiEmulator().start();
    const sent = await call('sendMessage', { chat_id: '5', text: 'a &amp; b', parse_mode: 'HTML', disable_web_page_preview: 'true' }, true);
    expect(sent.body.result).toMatchObject({ message_id: 1, text: 'a &amp; b' });
    expect(emulator.messagesTo(5)[0]).toMatchObject({ text: 'a &amp; b', parse_mode: 'HTML', disable_web_page_preview: true });
    expect((await call('sendMessage', { chat_id: 5, text: '<b>open', parse_mode: 'HTML' })).body.description).toContain("can't parse entities");
    expect((await call('sendMessage', { chat_id: 5, text: 'x'.repeat(4097) })).body.description).toBe('Bad Request: message is too long');
    expect((await call('sendMessage', { chat_id: 5, text: 'k', reply_markup: { inline_keyboard: [[{ text: 't', callback_data: 'x'.repeat(65) }]] } })).body.description)
      .toBe('Bad Request: BUTTON_DATA_INVALID');
    const wrong = await fetch(`${emulator.apiRoot}/bot1:wrong/getMe`);
    expect(wrong.status).toBe(401);
    expect(emulator.callsOf('sendMessage').map((c) => c.ok)).toEqual([true, false, false, false]);
  });

  it('injects errors in order: 429 with retry_after, 403 blocked, 5xx', async () => {
    emulator = await new BotApiEmulator().start();
    emulator.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });
    emulator.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    const first = await call('sendMessage', { chat_id: 1, text: 'x' });
    expect(first).toMatchObject({ status: 429, body: { ok: false, error_code: 429, parameters: { retry_after: 3 } } });
    expect((await call('sendMessage', { chat_id: 1, text: 'x' })).status).toBe(502);
    expect((await call('sendMessage', { chat_id: 1, text: 'x' })).status).toBe(200);
    emulator.blockChat(1);
    expect((await call('sendMessage', { chat_id: 1, text: 'x' })).body).toMatchObject({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });
  });

  it('answers a migrated group with migrate_to_chat_id and accepts the new id', async () => {
    emulator = await new BotApiEmulator().start();
    emulator.migrateChat(-10, -10010);
    expect((await call('sendMessage', { chat_id: -10, text: 'x' })).body).toMatchObject({ error_code: 400, parameters: { migrate_to_chat_id: -10010 } });
    expect((await call('sendMessage', { chat_id: -10010, text: 'x' })).body.ok).toBe(true);
  });

  it('enforces per-chat, per-group and global limits with 429 and retry_after, and counts them', async () => {
    emulator = await new BotApiEmulator({ limits: { perChatPerSecond: 1, globalPerSecond: 3, perGroupPerMinute: 2 } }).start();
    expect((await call('sendMessage', { chat_id: 1, text: 'a' })).status).toBe(200);
    expect((await call('sendMessage', { chat_id: 1, text: 'b' })).body).toMatchObject({ error_code: 429, parameters: { retry_after: 1 } });
    expect((await call('sendMessage', { chat_id: 2, text: 'a' })).status).toBe(200);
    expect((await call('sendMessage', { chat_id: 3, text: 'a' })).status).toBe(200);
    expect((await call('sendMessage', { chat_id: 4, text: 'a' })).body).toMatchObject({ error_code: 429 });
    expect(emulator.limits.n429).toBe(2);
    expect(emulator.limits.n429Global).toBe(1);

    const group = await new BotApiEmulator({ limits: { perGroupPerMinute: 2 } }).start();
    const url = `${group.apiRoot}/bot${group.token}/sendMessage`;
    const send = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chat_id: -7, text: 'g' }) });
    expect([(await send()).status, (await send()).status, (await send()).status]).toEqual([200, 200, 429]);
    await group.stop();
  });

  it('edits a message in place and refuses an identical edit like Telegram', async () => {
    emulator = await new BotApiEmulator().start();
    await call('sendMessage', { chat_id: 9, text: 'one' });
    expect((await call('editMessageText', { chat_id: 9, message_id: 1, text: 'two' })).body.ok).toBe(true);
    expect(emulator.messagesTo(9)[0]).toMatchObject({ text: 'two', edits: 1 });
    expect((await call('editMessageText', { chat_id: 9, message_id: 1, text: 'two' })).body.description).toContain('message is not modified');
  });
});
