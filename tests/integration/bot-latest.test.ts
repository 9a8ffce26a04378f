import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_NOW, buttons, press, say, startHarness, type Harness } from '../helpers/bot-harness.js';
import { seedBriefings } from '../helpers/seed-briefings.js';
import { checkTelegramHtml, visibleText } from '../helpers/telegram-html-check.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const minute = 60_000;
  seedBriefings(h.db, [
    ...Array.from({ length: 12 }, (_, i) => ({ feedId: 'bbc-world', headline: `World story ${i}`, createdAt: FIXED_NOW - (100 - i) * minute })),
    ...Array.from({ length: 3 }, (_, i) => ({ feedId: 'nos-algemeen', headline: `Binnenland ${i}`, createdAt: FIXED_NOW - (50 - i) * minute, language: 'nl' })),
  ]);
});
afterAll(async () => h.close());

let nextUser = 7000;
const user = (language_code = 'en') => ({ id: nextUser++, first_name: 'Lee', language_code });
const headlinesIn = (text: string) => [...visibleText(text).matchAll(/^(World story \d+|Binnenland \d+)$/gm)].map((m) => m[1]);

describe('/latest', () => {
  it('gives the newest unseen briefings, newest first, and never repeats them', async () => {
    const reader = user();
    await say(h, reader, '/subscribe world');
    const first = (await say(h, reader, '/latest'))[0]!;
    expect(first.text).toContain('<b>The latest 5 briefings</b>');
    expect(headlinesIn(first.text)).toEqual(['Binnenland 2', 'Binnenland 1', 'Binnenland 0', 'World story 11', 'World story 10']);
    expect(first.text).toContain('— <a href="https://news.example/');
    expect(first.text).toContain('>BBC News World</a>');
    const second = (await say(h, reader, '/latest 6'))[0]!;
    expect(headlinesIn(second.text)).toEqual(['World story 9', 'World story 8', 'World story 7', 'World story 6', 'World story 5', 'World story 4']);
    const third = (await say(h, reader, '/latest 20'))[0]!;
    expect(headlinesIn(third.text)).toEqual(['World story 3', 'World story 2', 'World story 1', 'World story 0']);
    const all = [first, second, third].flatMap((message) => headlinesIn(message.text));
    expect(new Set(all).size).toBe(15);
  });

  it('says when nothing is new and offers the most recent ones on a button', async () => {
    const reader = user('nl');
    await say(h, reader, '/subscribe nos-algemeen');
    await say(h, reader, '/latest');
    const [nothing] = await say(h, reader, '/latest 2');
    expect(nothing!.text).toBe('Niets nieuws sinds je laatst keek.');
    expect(buttons(nothing!)[0]).toMatchObject({ text: 'Toon de 2 meest recente opnieuw', callback_data: 'latest:recent:2' });
    const before = h.emulator.messagesTo(reader.id).length;
    await press(h, reader, nothing!, 'latest:recent:2');
    const [recent] = await h.emulator.waitForMessages(reader.id, 1, before);
    expect(recent!.text).toContain('De meest recente briefings');
    expect(headlinesIn(recent!.text)).toEqual(['Binnenland 2', 'Binnenland 1']);
    expect(buttons(nothing!)).toEqual([]);
  });

  it('offers on that button only as many as there are, not the count asked for', async () => {
    const reader = user('nl');
    await say(h, reader, '/subscribe nos-algemeen');
    await say(h, reader, '/latest');
    const [nothing] = await say(h, reader, '/latest');
    expect(buttons(nothing!)[0]).toMatchObject({ text: 'Toon de 3 meest recente opnieuw', callback_data: 'latest:recent:3' });
  });

  it('answers a "most recent again" button whose feeds hold nothing (any more) in a sentence, not a bare header', async () => {
    const reader = user();
    await say(h, reader, '/latest nos-algemeen');
    const [nothing] = await say(h, reader, '/latest nos-algemeen');
    const before = h.emulator.messagesTo(reader.id).length;
    // The feed it named has no briefings: as after it left feeds.json, or housekeeping removed its articles.
    await press(h, reader, nothing!, 'latest:recent:2:evil');
    const [answer] = await h.emulator.waitForMessages(reader.id, 1, before);
    expect(answer!.text).toBe('There are no briefings yet. The feeds are polled regularly; try again later.');
  });

  it('reads only the topics or feeds named after it, followed or not', async () => {
    const reader = user();
    await say(h, reader, '/subscribe world');
    const [dutch] = await say(h, reader, '/latest nos-algemeen');
    expect(headlinesIn(dutch!.text)).toEqual(['Binnenland 2', 'Binnenland 1', 'Binnenland 0']);
    const [two] = await say(h, reader, '/latest world 2');
    expect(headlinesIn(two!.text)).toEqual(['World story 11', 'World story 10']);
    const [nothing] = await say(h, reader, '/latest nos-algemeen');
    expect(buttons(nothing!)[0]).toMatchObject({ callback_data: 'latest:recent:3:nos-algemeen' });
    const before = h.emulator.messagesTo(reader.id).length;
    await press(h, reader, nothing!, 'latest:recent:3:nos-algemeen');
    const [recent] = await h.emulator.waitForMessages(reader.id, 1, before);
    expect(headlinesIn(recent!.text)).toEqual(['Binnenland 2', 'Binnenland 1', 'Binnenland 0']);
    const [typo] = await say(h, reader, '/latest wrold');
    expect(typo!.text).toBe('I do not know <b>wrold</b>. Did you mean <code>/latest world</code>? /feeds lists the topics and feeds.');
  });

  it('counts digest deliveries as received', async () => {
    const reader = user();
    await say(h, reader, '/subscribe nos-algemeen');
    const seqs = h.db.prepare("SELECT seq FROM articles WHERE feed_id = 'nos-algemeen' ORDER BY seq").pluck().all() as number[];
    h.deps.subscribers.recordDeliveries(reader.id, seqs.slice(1), 'digest', FIXED_NOW);
    const [reply] = await say(h, reader, '/latest');
    expect(headlinesIn(reply!.text)).toEqual(['Binnenland 0']);
  });

  it('never hands the same briefing to two /latest commands sent at once', async () => {
    const reader = user();
    await say(h, reader, '/subscribe world');
    const before = h.emulator.messagesTo(reader.id).length;
    h.emulator.sendText(reader, '/latest 10');
    h.emulator.sendText(reader, '/latest 10');
    const replies = await h.emulator.waitForMessages(reader.id, 2, before);
    const all = replies.flatMap((message) => headlinesIn(message.text));
    expect(all).toHaveLength(15);
    expect(new Set(all).size).toBe(15);
  });

  it('records nothing when Telegram refuses the reply, so the next /latest offers the same briefings', async () => {
    const reader = user();
    await say(h, reader, '/subscribe world');
    h.emulator.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    const [sorry] = await say(h, reader, '/latest 3');
    expect(sorry!.text).toBe('Something went wrong, please try again.');
    const refused = h.emulator.callsOf('sendMessage').find((call) => call.errorCode === 502 && Number(call.params.chat_id) === reader.id)!;
    expect(headlinesIn(String(refused.params.text))).toEqual(['Binnenland 2', 'Binnenland 1', 'Binnenland 0']);
    const [retry] = await say(h, reader, '/latest 3');
    expect(headlinesIn(retry!.text)).toEqual(['Binnenland 2', 'Binnenland 1', 'Binnenland 0']);
    expect(headlinesIn((await say(h, reader, '/latest 1'))[0]!.text)).toEqual(['World story 11']);
  });

  it('uses every feed, with a hint, for a chat that follows nothing', async () => {
    const [reply] = await say(h, user(), '/latest 1');
    expect(reply!.text).toContain('You follow nothing yet');
  });

  it('says so when there are no briefings at all, and refuses a bad count with an example', async () => {
    const reader = user();
    await say(h, reader, '/subscribe bbc-tech');
    expect((await say(h, reader, '/latest'))[0]!.text).toContain('There are no briefings yet');
    expect((await say(h, reader, '/latest 0'))[0]!.text).toContain('<code>/latest 10</code>');
    expect((await say(h, reader, '/latest 1.5'))[0]!.text).toContain('from 1 to 20');
    expect((await say(h, reader, '/latest 2 3'))[0]!.text).toContain('from 1 to 20');
    expect((await say(h, reader, '/latest -3'))[0]!.text).toContain('from 1 to 20');
  });

  it('reads a count in full-width or Arabic-Indic digits', async () => {
    const reader = user();
    await say(h, reader, '/subscribe world');
    expect((await say(h, reader, '/latest ２'))[0]!.text).toContain('<b>The latest 2 briefings</b>');
    expect((await say(h, reader, '/latest ٣ world'))[0]!.text).toContain('<b>The latest 3 briefings</b>');
  });

  it('escapes hostile feed text so Telegram accepts it and shows it literally', async () => {
    seedBriefings(h.db, [{
      feedId: 'evil',
      headline: '<script>alert("x")</script> & friends',
      sentences: ['Unbalanced </b><i>tags & &amp; entities', 'A <a href="javascript:evil()">link</a>.'],
      url: 'https://evil.example/a?x="1"&y=<2>',
      createdAt: FIXED_NOW,
    }]);
    const reader = user();
    await say(h, reader, '/subscribe evil');
    const [reply] = await say(h, reader, '/latest');
    expect(checkTelegramHtml(reply!.text)).toBeNull();
    expect(reply!.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; friends');
    expect(reply!.text).toContain('Unbalanced &lt;/b&gt;&lt;i&gt;tags &amp; &amp;amp; entities');
    expect(reply!.text).toContain('<a href="https://evil.example/a?x=%221%22&amp;y=%3C2%3E">Evil &lt;Feed&gt; &amp; &quot;Co&quot;</a>');
    expect(visibleText(reply!.text)).toContain('<script>alert("x")</script> & friends');
  });
});

describe('a very long /latest', () => {
  it('is split into messages within 4096 UTF-16 units, only between briefings', async () => {
    const long = 'Een heel lange zin met ümlauts, emoji 📰 en & tekens die blijft doorgaan. '.repeat(6);
    seedBriefings(h.db, Array.from({ length: 20 }, (_, i) => ({
      feedId: 'bbc-tech', headline: `Long story ${i} 📰`, sentences: [long, long], createdAt: FIXED_NOW + i,
    })));
    const reader = user();
    await say(h, reader, '/subscribe bbc-tech');
    const before = h.emulator.messagesTo(reader.id).length;
    h.emulator.sendText(reader, '/latest 20');
    // The oldest briefing comes last: once it is there, every part has been sent.
    await h.emulator.waitFor(() => h.emulator.messagesTo(reader.id).slice(before).some((m) => m.text.includes('<b>Long story 0 📰</b>')));
    const parts = h.emulator.messagesTo(reader.id).slice(before);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    for (const part of parts) {
      expect(part.text.length).toBeLessThanOrEqual(4096);
      expect(checkTelegramHtml(part.text)).toBeNull();
      const stories = [...part.text.matchAll(/<b>Long story (\d+) 📰<\/b>\n/g)].map((m) => m[1]!);
      const bodies = part.text.split('Long story').length - 1;
      expect(stories.length).toBe(bodies);
      seen.push(...stories);
    }
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => String(19 - i)));
  });

  it('records the briefings of the parts Telegram accepted and offers the rest again when a later part fails', async () => {
    const reader = user();
    await say(h, reader, '/subscribe bbc-tech');
    const failSecond = (message: { chat_id: number }) => {
      if (message.chat_id !== reader.id) return;
      h.emulator.failNext('sendMessage', { error_code: 500, description: 'Internal Server Error' });
      h.emulator.sendListeners.delete(failSecond);
    };
    h.emulator.sendListeners.add(failSecond);
    const [first, sorry] = await say(h, reader, '/latest 20', undefined, 2);
    expect(sorry!.text).toBe('Something went wrong, please try again.');
    const accepted = [...first!.text.matchAll(/<b>Long story (\d+) 📰<\/b>/g)].map((m) => Number(m[1]));
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.length).toBeLessThan(20);
    const before = h.emulator.messagesTo(reader.id).length;
    h.emulator.sendText(reader, '/latest 20');
    await h.emulator.waitFor(() => h.emulator.messagesTo(reader.id).slice(before).some((m) => m.text.includes('Long story 0 📰')));
    const again = h.emulator.messagesTo(reader.id).slice(before).flatMap((m) => [...m.text.matchAll(/<b>Long story (\d+) 📰<\/b>/g)].map((x) => Number(x[1])));
    expect(again).toEqual(Array.from({ length: 20 }, (_, i) => 19 - i).filter((n) => !accepted.includes(n)));
  });

  it('gives 20 for a larger count, and says that 20 is the most at a time', async () => {
    seedBriefings(h.db, Array.from({ length: 10 }, (_, i) => ({ feedId: 'bbc-world', headline: `World story ${100 + i}`, createdAt: FIXED_NOW - (300 - i) * 60_000 })));
    const reader = user();
    await say(h, reader, '/subscribe world');
    const replies = await say(h, reader, '/latest 30');
    expect(replies[0]!.text).toContain('<b>The latest 20 briefings</b> (20 at a time at most)');
    expect(replies.flatMap((message) => headlinesIn(message.text))).toHaveLength(20);
    const rest = (await say(h, reader, '/latest 30'))[0]!;
    expect(rest.text).toContain('<b>The latest 5 briefings</b> (20 at a time at most)');
    expect(headlinesIn(rest.text)).toEqual(['World story 104', 'World story 103', 'World story 102', 'World story 101', 'World story 100']);
  });
});
