import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_NOW, say, startHarness, type Harness } from '../helpers/bot-harness.js';
import { seedBriefings } from '../helpers/seed-briefings.js';
import { visibleText } from '../helpers/telegram-html-check.js';

// A short hold time, so a hung reply stops holding up its chat within the test's patience.
let h: Harness;
let seqs: number[] = [];
beforeAll(async () => {
  // /digest's port: a digest of the two newest stories (whatever the chat received before).
  h = await startHarness({ chatHoldMs: 100, deps: { digestNow: async () => ({ parts: ['<b>Your digest</b>'], articleSeqs: [seqs[11]!, seqs[10]!] }) } });
  seqs = seedBriefings(h.db, Array.from({ length: 12 }, (_, i) => ({ feedId: 'bbc-world', headline: `World story ${i}`, createdAt: FIXED_NOW - (100 - i) * 60_000 })));
});
afterAll(async () => h.close());

const READER = { id: 9101, first_name: 'Hana', language_code: 'en' };
const headlinesIn = (text: unknown) => [...visibleText(String(text)).matchAll(/^(World story \d+)$/gm)].map((m) => m[1]);
const story = (i: number) => `World story ${i}`;

describe('a reply Telegram does not answer', () => {
  it('holds up its chat\'s next /latest only for the hold time, and no briefing is sent twice or lost', async () => {
    await say(h, READER, '/subscribe world');
    h.emulator.interruptNext('sendMessage', 'hang-after');
    h.emulator.sendText(READER, '/latest 4');
    const hung = await h.emulator.waitFor(() => h.emulator.callsOf('sendMessage').find((call) => String(call.params.text).includes('The latest 4')));
    expect(headlinesIn(hung.params.text)).toEqual([story(11), story(10), story(9), story(8)]);

    // The next /latest goes ahead, past what the hung one may still deliver.
    const [second] = await say(h, READER, '/latest 4');
    expect(headlinesIn(second!.text)).toEqual([story(7), story(6), story(5), story(4)]);
    expect(h.logLines.some((line) => line.includes('chat work overran its hold time') && line.includes(`"chat_id":${READER.id}`))).toBe(true);

    // Telegram answers at last: the hung /latest records what it sent, as if it had not been overtaken.
    expect(h.emulator.answerHung()).toBe(1);
    await h.emulator.waitFor(() => h.deps.subscribers.unseenBriefings(READER.id, ['bbc-world'], 100).length === 4);
    const [third] = await say(h, READER, '/latest 20');
    expect(headlinesIn(third!.text)).toEqual([story(3), story(2), story(1), story(0)]);
    const sent = h.emulator.callsOf('sendMessage').filter((call) => Number(call.params.chat_id) === READER.id).flatMap((call) => headlinesIn(call.params.text));
    expect(sent).toHaveLength(12);
    expect(new Set(sent).size).toBe(12);
  });

  it('keeps a /latest that overtakes a hung /digest away from the digest\'s articles', async () => {
    const reader = { ...READER, id: READER.id + 1 };
    await say(h, reader, '/subscribe world');
    h.emulator.interruptNext('sendMessage', 'hang-after');
    h.emulator.sendText(reader, '/digest');
    await h.emulator.waitFor(() => h.emulator.callsOf('sendMessage').some((call) => Number(call.params.chat_id) === reader.id && call.params.text === '<b>Your digest</b>'));
    const [latest] = await say(h, reader, '/latest 2');
    expect(headlinesIn(latest!.text)).toEqual([story(9), story(8)]);
    expect(h.emulator.answerHung()).toBe(1);
    await h.emulator.waitFor(() => h.deps.subscribers.unseenBriefings(reader.id, ['bbc-world'], 100).length === 8);
    expect(headlinesIn((await say(h, reader, '/latest 20'))[0]!.text)).toEqual([7, 6, 5, 4, 3, 2, 1, 0].map(story));
  });
});
