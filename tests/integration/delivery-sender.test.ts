import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutgoingMessage, Transport } from '../../src/telegram/bot-api-transport.js';
import type { SendOutcome } from '../../src/telegram/send-errors.js';
import { createSender } from '../../src/telegram/sender.js';

/** A transport that records when each chat was written to and answers from a script. */
function fakeTransport(answer: (message: OutgoingMessage, n: number) => SendOutcome = () => ({ kind: 'sent', messageId: 1 })) {
  const calls: { chatId: number; text: string; at: number }[] = [];
  const transport: Transport = {
    async sendMessage(message) {
      calls.push({ chatId: message.chatId, text: message.text, at: Date.now() });
      await new Promise((resolve) => setTimeout(resolve, 1));
      return answer(message, calls.length);
    },
  };
  return { transport, calls };
}

const msg = (chatId: number, text = `to ${chatId}`): OutgoingMessage => ({ chatId, text });

/** Runs the fake clock until `promise` settles: every wait of the sender is a timer. */
async function settle<T>(promise: Promise<T>): Promise<T> {
  let settled = false;
  promise.then(() => (settled = true), () => (settled = true));
  for (let step = 0; step < 100_000 && !settled; step++) await vi.advanceTimersByTimeAsync(1);
  return promise;
}

// Fake timers make the timing deterministic: a loaded CI machine cannot change what is "busy" or "quiet".
describe('rate-limited sender', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('spaces messages to one private chat by its per-chat rate', async () => {
    const { transport, calls } = fakeTransport();
    const sender = createSender({ transport, globalPerSecond: 1000, privatePerSecond: 20, clock: Date.now });
    await settle(Promise.all([1, 2, 3, 4].map((i) => sender.send({ message: msg(7, `m${i}`) }))));
    expect(calls.map((call) => call.text)).toEqual(['m1', 'm2', 'm3', 'm4']);
    for (let i = 1; i < calls.length; i++) expect(calls[i]!.at - calls[i - 1]!.at).toBeGreaterThanOrEqual(45);
    sender.close();
  });

  it('lets other chats go while one chat waits for its token', async () => {
    const { transport, calls } = fakeTransport();
    const sender = createSender({ transport, globalPerSecond: 1000, privatePerSecond: 5, clock: Date.now });
    await settle(Promise.all([
      sender.send({ message: msg(1, 'a1') }),
      sender.send({ message: msg(1, 'a2') }),
      sender.send({ message: msg(2, 'b1') }),
      sender.send({ message: msg(3, 'c1') }),
    ]));
    expect(calls.map((call) => call.text)).toEqual(['a1', 'b1', 'c1', 'a2']);
    sender.close();
  });

  it('never exceeds the global rate over any one-second window', async () => {
    const { transport, calls } = fakeTransport();
    const sender = createSender({ transport, globalPerSecond: 200, maxInFlight: 4, clock: Date.now });
    await settle(Promise.all(Array.from({ length: 300 }, (_, i) => sender.send({ message: msg(1000 + i) }))));
    const times = calls.map((call) => call.at);
    let worst = 0;
    for (let i = 0, j = 0; i < times.length; i++) {
      while (times[i]! - times[j]! >= 1000) j++;
      worst = Math.max(worst, i - j + 1);
    }
    expect(worst).toBeLessThanOrEqual(200);
    sender.close();
  });

  it('after a 429 in a busy chat pauses only that chat', async () => {
    const { transport, calls } = fakeTransport((message, n) =>
      message.chatId === 9 && n === 2 ? { kind: 'rate_limited', retryAfterMs: 400, reason: '429' } : { kind: 'sent', messageId: n });
    const sender = createSender({ transport, globalPerSecond: 1000, privatePerSecond: 100, clock: Date.now });
    const first = await settle(sender.send({ message: msg(9, 'x1') }));
    const limited = await settle(sender.send({ message: msg(9, 'x2') }));
    expect([first.kind, limited.kind]).toEqual(['sent', 'rate_limited']);
    const started = Date.now();
    await settle(Promise.all([sender.send({ message: msg(9, 'x3') }), sender.send({ message: msg(10, 'other') })]));
    expect(calls.slice(2).map((call) => call.text)).toEqual(['other', 'x3']);
    expect(calls.at(-1)!.at - started).toBeGreaterThanOrEqual(350);
    expect(sender.rateLimits()).toEqual({ chat: 1, global: 0 });
    sender.close();
  });

  it('after a 429 in a quiet chat pauses everything (the global limit was hit)', async () => {
    const { transport, calls } = fakeTransport((_message, n) =>
      n === 1 ? { kind: 'rate_limited', retryAfterMs: 300, reason: '429' } : { kind: 'sent', messageId: n });
    const sender = createSender({ transport, globalPerSecond: 1000, clock: Date.now });
    const started = Date.now();
    expect((await settle(sender.send({ message: msg(1) }))).kind).toBe('rate_limited');
    await settle(sender.send({ message: msg(2) }));
    expect(calls[1]!.at - started).toBeGreaterThanOrEqual(280);
    expect(sender.rateLimits()).toEqual({ chat: 0, global: 1 });
    sender.close();
  });

  it('judges a 429 right after a command reply to that chat a chat limit, not a global one', async () => {
    const { transport } = fakeTransport(() => ({ kind: 'rate_limited', retryAfterMs: 300, reason: '429' }));
    const sender = createSender({ transport, globalPerSecond: 1000, clock: Date.now });
    sender.noteExternalSend(9);
    expect((await settle(sender.send({ message: msg(9) }))).kind).toBe('rate_limited');
    expect(sender.rateLimits()).toEqual({ chat: 1, global: 0 });
    sender.close();
  });

  it('makes bulk traffic wait for the global tokens that command replies took', async () => {
    const { transport, calls } = fakeTransport();
    const sender = createSender({ transport, globalPerSecond: 10, clock: Date.now });
    const started = Date.now();
    for (let i = 0; i < 20; i++) sender.noteExternalSend(500 + i);
    await settle(sender.send({ message: msg(1) }));
    // 20 tokens of debt at about 9/s: the bulk message waits about two seconds.
    expect(calls[0]!.at - started).toBeGreaterThanOrEqual(1_500);
    sender.close();
  });

  it('pauses everything after a 429 on the first message to a group (its own limit cannot be the cause)', async () => {
    const { transport } = fakeTransport((_message, n) =>
      n === 1 ? { kind: 'rate_limited', retryAfterMs: 300, reason: '429' } : { kind: 'sent', messageId: n });
    const sender = createSender({ transport, globalPerSecond: 1000, clock: Date.now });
    expect((await settle(sender.send({ message: msg(-100123) }))).kind).toBe('rate_limited');
    expect(sender.rateLimits()).toEqual({ chat: 0, global: 1 });
    sender.close();
  });

  it('still judges a 429 in a group written to a moment ago a chat limit', async () => {
    const { transport } = fakeTransport((_message, n) =>
      n === 2 ? { kind: 'rate_limited', retryAfterMs: 300, reason: '429' } : { kind: 'sent', messageId: n });
    const sender = createSender({ transport, globalPerSecond: 1000, clock: Date.now });
    await settle(sender.send({ message: msg(-100123, 'g1') }));
    expect((await settle(sender.send({ message: msg(-100123, 'g2') }))).kind).toBe('rate_limited');
    expect(sender.rateLimits()).toEqual({ chat: 1, global: 0 });
    sender.close();
  });

  it('gives back queued bulk requests on shutdown as "not sent"', async () => {
    const { transport } = fakeTransport();
    const sender = createSender({ transport, globalPerSecond: 10, clock: Date.now });
    const pending = Array.from({ length: 5 }, (_, i) => sender.send({ message: msg(i + 1) }));
    const dropped = sender.dropQueued();
    expect(dropped).toBeGreaterThanOrEqual(3);
    const outcomes = await settle(Promise.all(pending));
    expect(outcomes.filter((outcome) => outcome.kind === 'rate_limited')).toHaveLength(dropped);
    sender.close();
  });
});

describe('classifyAnswer', () => {
  it('decides once what each Bot API answer means for delivery', async () => {
    const { classifyAnswer, classifyNetworkError } = await import('../../src/telegram/send-errors.js');
    expect(classifyAnswer(200, { ok: true, result: { message_id: 5 } })).toEqual({ kind: 'sent', messageId: 5 });
    expect(classifyAnswer(429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } }))
      .toMatchObject({ kind: 'rate_limited', retryAfterMs: 7000 });
    expect(classifyAnswer(403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' }).kind).toBe('chat_gone');
    expect(classifyAnswer(400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' }).kind).toBe('chat_gone');
    expect(classifyAnswer(400, { ok: false, error_code: 400, description: 'Bad Request: group chat was upgraded', parameters: { migrate_to_chat_id: -100123 } }))
      .toMatchObject({ kind: 'migrated', newChatId: -100123 });
    expect(classifyAnswer(400, { ok: false, error_code: 400, description: "Bad Request: can't parse entities" }).kind).toBe('rejected');
    // The bot muted in a group, or a channel admin without "Post messages": the chat rests, not each message dies.
    for (const [code, description] of [
      [400, 'Bad Request: not enough rights to send text messages to the chat'],
      [400, 'Bad Request: have no rights to send a message'],
      [400, 'Bad Request: need administrator rights in the channel chat'],
      [403, 'Forbidden: CHAT_WRITE_FORBIDDEN'],
    ] as const) {
      expect(classifyAnswer(code, { ok: false, error_code: code, description }), description).toEqual({ kind: 'no_rights', reason: `telegram: ${code} ${description}` });
    }
    expect(classifyAnswer(400, { ok: false, error_code: 400, description: 'Bad Request: message thread not found' }).kind).toBe('thread_gone');
    expect(classifyAnswer(400, { ok: false, error_code: 400, description: 'Bad Request: TOPIC_CLOSED' }).kind).toBe('thread_gone');
    expect(classifyAnswer(502, null).kind).toBe('transient');
    // 401/404 are about the bot (revoked token, wrong API root), not the message: keep it, retry.
    expect(classifyAnswer(401, { ok: false, error_code: 401, description: 'Unauthorized' }))
      .toEqual({ kind: 'transient', reason: 'telegram: 401 Unauthorized' });
    expect(classifyAnswer(404, { ok: false, error_code: 404, description: 'Not Found' }).kind).toBe('transient');
    expect(classifyAnswer(404, { ok: false, description: 'Not Found' }).kind).toBe('transient');
    expect(classifyAnswer(500, { ok: false, error_code: 500, description: 'Internal Server Error' }).kind).toBe('transient');
    expect(classifyNetworkError(new Error('connect ECONNREFUSED')).kind).toBe('transient');
  });
});
