import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pino } from 'pino';
import { createChatQueue, type ChatTurn } from '../../../src/bot/chat-queue.js';

/** A piece of work that runs until `finish` or `fail` is called, noting when it started. */
function pending(log: string[], name: string) {
  let finish: (value: string) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  let turn: ChatTurn | null = null;
  const work = (given: ChatTurn) => {
    log.push(`start ${name}`);
    turn = given;
    return new Promise<string>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return { work, finish: (value = name) => finish(value), fail: (error: Error) => fail(error), turn: () => turn as ChatTurn | null };
}

// Lets every promise callback queued so far run.
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('the chat queue', () => {
  it('runs a chat\'s work one after another, in order, while each finishes within the hold time; what a finished one held is in no one\'s way', async () => {
    const log: string[] = [];
    const queue = createChatQueue({ holdMs: 1_000 });
    const [a, b, c] = ['a', 'b', 'c'].map((name) => pending(log, name));
    const results = Promise.allSettled([queue.run(1, a!.work), queue.run(1, b!.work), queue.run(1, c!.work)]);
    await settle();
    expect(log).toEqual(['start a']);
    a!.turn()!.hold([1, 2]);
    await vi.advanceTimersByTimeAsync(999);
    a!.finish();
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    expect([...b!.turn()!.sending]).toEqual([]);
    b!.fail(new Error('refused'));
    await settle();
    expect(log).toEqual(['start a', 'start b', 'start c']);
    c!.finish();
    expect(await results).toMatchObject([{ value: 'a' }, { reason: new Error('refused') }, { value: 'c' }]);
  });

  it('starts the chat\'s next work once one has run for the hold time, logs it, and leaves it to finish', async () => {
    const log: string[] = [];
    const lines: string[] = [];
    const queue = createChatQueue({ holdMs: 1_000, logger: pino({}, { write: (line: string) => void lines.push(line) }) });
    const [hung, next, other] = ['hung', 'next', 'other chat'].map((name) => pending(log, name));
    const hungResult = queue.run(1, hung!.work);
    const nextResult = queue.run(1, next!.work);
    void queue.run(2, other!.work);
    await vi.advanceTimersByTimeAsync(999);
    expect(log).toEqual(['start hung', 'start other chat']);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(['start hung', 'start other chat', 'start next']);
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.find((entry) => entry.chat_id === 1)).toMatchObject({ level: 40, after_ms: 1_000, msg: 'bot: chat work overran its hold time; the chat\'s next work no longer waits for it' });
    next!.finish();
    hung!.finish();
    expect([await hungResult, await nextResult]).toEqual(['hung', 'next']);
  });

  it('shows work that overtakes another what that one holds, until it settles, whether it succeeds or fails', async () => {
    const log: string[] = [];
    const queue = createChatQueue({ holdMs: 1_000 });
    const [hung, second, third] = ['hung', 'second', 'third'].map((name) => pending(log, name));
    const hungResult = queue.run(1, hung!.work);
    await settle();
    hung!.turn()!.hold([11, 12]);
    void queue.run(1, second!.work);
    await vi.advanceTimersByTimeAsync(1_000);
    expect([...second!.turn()!.sending]).toEqual([11, 12]);
    // Its own holds are not in its way.
    second!.turn()!.hold([13]);
    expect([...second!.turn()!.sending]).toEqual([11, 12]);
    expect([...hung!.turn()!.sending]).toEqual([13]);
    second!.finish();
    void queue.run(1, third!.work);
    await settle();
    expect([...third!.turn()!.sending]).toEqual([11, 12]);
    hung!.fail(new Error('timed out'));
    await expect(hungResult).rejects.toThrow('timed out');
    expect([...third!.turn()!.sending]).toEqual([]);
  });
});
