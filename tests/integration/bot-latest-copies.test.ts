import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_NOW, buttons, press, say, startHarness, type Harness } from '../helpers/bot-harness.js';
import { seedBriefings } from '../helpers/seed-briefings.js';
import { visibleText } from '../helpers/telegram-html-check.js';

// nos-algemeen and bbc-world both carry the topic `world` (see TEST_FEEDS).
let h: Harness;
let seqs: number[];
beforeAll(async () => {
  h = await startHarness();
  const at = (minutesAgo: number) => FIXED_NOW - minutesAgo * 60_000;
  seqs = seedBriefings(h.db, [
    { feedId: 'bbc-world', headline: 'Harbour reopens after repairs', url: 'https://bbc.example/harbour', createdAt: at(35) },
    { feedId: 'nos-algemeen', headline: 'Kabinet gevallen', url: 'https://nos.example/artikel/1?utm_source=rss', createdAt: at(30), language: 'nl' },
    { feedId: 'nos-algemeen', headline: 'Storm sluit de Afsluitdijk vannacht', url: 'https://nos.example/artikel/2', createdAt: at(20), language: 'nl' },
    { feedId: 'bbc-world', headline: 'Dutch cabinet falls', url: 'https://nos.example/artikel/1', createdAt: at(15) },
    { feedId: 'bbc-world', headline: 'Storm sluit de Afsluitdijk vannacht!', url: 'https://bbc.example/storm', createdAt: at(10) },
  ]);
});
afterAll(async () => h.close());

let nextUser = 7600;
const user = () => ({ id: nextUser++, first_name: 'Sam', language_code: 'en' });
const headlinesIn = (text: string) => [...text.matchAll(/<b>([^<]+)<\/b>\n/g)].map((m) => visibleText(m[1]!)).filter((line) => !line.startsWith('The latest') && !line.startsWith('The most recent'));
const received = (chatId: number) => h.db.prepare('SELECT article_seq FROM chat_deliveries WHERE chat_id = ? ORDER BY article_seq').pluck().all(chatId) as number[];

describe('/latest with a story two feeds carry', () => {
  it('shows each story once, records every copy as received, and never offers a copy again', async () => {
    const reader = user();
    await say(h, reader, '/subscribe world');
    const [first] = await say(h, reader, '/latest');
    expect(first!.text).toContain('<b>The latest 3 briefings</b>');
    expect(headlinesIn(first!.text)).toEqual(['Storm sluit de Afsluitdijk vannacht!', 'Dutch cabinet falls', 'Harbour reopens after repairs']);
    // The other feed is named after each story, linked to its own article unless it is the same one.
    expect(first!.text).toContain('<a href="https://bbc.example/storm">BBC News World</a> <i>(also in <a href="https://nos.example/artikel/2">NOS Nieuws</a>)</i>');
    expect(first!.text).toContain('<a href="https://nos.example/artikel/1">BBC News World</a> <i>(also in NOS Nieuws)</i>');
    expect(first!.text.match(/also in/g)).toHaveLength(2);
    // Receipts are written in a group commit just after the reply; the chat's next command waits for them.
    await h.emulator.waitFor(() => received(reader.id).length > 0);
    expect(received(reader.id)).toEqual(seqs);
    const [again] = await say(h, reader, '/latest');
    expect(again!.text).toBe('Nothing new since you last looked.');

    const before = h.emulator.messagesTo(reader.id).length;
    await press(h, reader, again!, buttons(again!)[0]!.callback_data!);
    const [recent] = await h.emulator.waitForMessages(reader.id, 1, before);
    expect(headlinesIn(recent!.text)).toEqual(['Storm sluit de Afsluitdijk vannacht!', 'Dutch cabinet falls', 'Harbour reopens after repairs']);
  });

  it('counts stories against n, and records the copies of only the stories it showed', async () => {
    const reader = user();
    await say(h, reader, '/subscribe world');
    const [two] = await say(h, reader, '/latest 2');
    expect(headlinesIn(two!.text)).toEqual(['Storm sluit de Afsluitdijk vannacht!', 'Dutch cabinet falls']);
    await h.emulator.waitFor(() => received(reader.id).length > 0);
    expect(received(reader.id)).toEqual(seqs.slice(1));
    const [rest] = await say(h, reader, '/latest');
    expect(headlinesIn(rest!.text)).toEqual(['Harbour reopens after repairs']);
    expect((await say(h, reader, '/latest'))[0]!.text).toBe('Nothing new since you last looked.');
  });

  it('reads one feed alone as before: its own briefings, one each', async () => {
    const reader = user();
    const [nos] = await say(h, reader, '/latest nos-algemeen');
    expect(headlinesIn(nos!.text)).toEqual(['Storm sluit de Afsluitdijk vannacht', 'Kabinet gevallen']);
  });
});
