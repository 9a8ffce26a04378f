import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PollReport } from '../../src/bot/deps.js';
import { editHtml, sendHtml } from '../../src/bot/telegram-adapter.js';
import { FeedFetchError } from '../../src/feeds/http-errors.js';
import { describePollError } from '../../src/jobs/poll-feed.js';
import type { FeedState, Subscriber } from '../../src/core/types.js';
import { ADMIN_ID, FIXED_NOW, TEST_FEEDS, say, startHarness, type Harness } from '../helpers/bot-harness.js';
import { seedBriefings } from '../helpers/seed-briefings.js';

/** A feed's state after `failures` failed polls in a row; `failing` once past the threshold. */
const state = (feedId: string, failures: number, failing = false): FeedState => ({
  feedId, currentUrl: `https://feeds.example/${feedId}`, etag: null, lastModified: null, lastPolledAt: FIXED_NOW,
  lastSuccessAt: failures > 0 ? null : FIXED_NOW, nextPollAt: FIXED_NOW, consecutiveFailures: failures,
  lastError: failures > 0 ? 'HTTP 500' : null, failing,
});

let h: Harness;
let digestCalls: Subscriber[] = [];
let finishPoll: (report: PollReport) => void = () => undefined;

/**
 * The poll starts once Telegram has taken the "Polling…" answer, a moment after the emulator
 * shows it: until then `finishPoll` is still the previous poll's resolver.
 */
async function pollStarted(earlier: typeof finishPoll): Promise<void> {
  await vi.waitFor(() => expect(finishPoll).not.toBe(earlier));
}
beforeAll(async () => {
  h = await startHarness({
    deps: {
      feedHealth: () => [state('bbc-world', 0), state('bbc-tech', 1), state('evil', 10, true), state('removed-from-feeds-json', 10, true)],
      outboxStats: () => ({ pending: 3, sentToday: 120, failed: 1, dead: 0, inactiveChats: 4 }),
      articleCount: () => 77,
      pollNow: () => new Promise((resolve) => (finishPoll = resolve)),
      digestNow: async (chat) => {
        digestCalls.push(chat);
        if (chat.topics.length === 0) return null;
        return { parts: ['<b>Your digest</b>\npart one', 'part two'], articleSeqs: seqs };
      },
    },
  });
  seqs = seedBriefings(h.db, [{ feedId: 'bbc-world', headline: 'In the digest', createdAt: FIXED_NOW }]);
});
afterAll(async () => h.close());
let seqs: number[] = [];

const ADMIN = { id: ADMIN_ID, first_name: 'Root', language_code: 'en' };
const READER = { id: 4001, first_name: 'Rita', language_code: 'nl' };

describe('admin commands', () => {
  it('/stats shows subscribers, feeds, articles, failing feeds and the outbox to admins only', async () => {
    expect((await say(h, READER, '/stats'))[0]!.text).toBe('Dit commando is voor de beheerders van deze bot.');
    const [stats] = await say(h, ADMIN, '/stats');
    expect(stats!.text).toContain('Subscribers: 2 (2 active)');
    expect(stats!.text).toContain('Feeds: 4, failing now: <b>bbc-tech</b>, <b>evil</b>\nPolled rarely after failing many times in a row: <b>evil</b>\n');
    expect(stats!.text).toContain('Articles: 77');
    expect(stats!.text).toContain('Outbox: 3 pending, 120 sent today (Europe/Amsterdam), 1 failed, 0 dead, 4 inactive chats');
  });

  it('/stats still answers when every one of many feeds fails, naming 30 and counting the rest', async () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ ...TEST_FEEDS[1]!, id: `a-wire-service-with-a-rather-long-feed-identifier-${i}` }));
    const own = await startHarness({ deps: { feeds: () => many, feedHealth: () => many.map((feed) => state(feed.id, 12, true)) } });
    try {
      const [stats] = await say(own, ADMIN, '/stats');
      expect(stats!.text.length).toBeLessThanOrEqual(4096);
      expect(stats!.text).toMatch(/failing now: .*identifier-29<\/b> and 120 more\nPolled rarely after failing many times in a row: .* and 120 more/);
    } finally {
      await own.close();
    }
  });

  it('sends an answer longer than Telegram takes as several messages split between lines, buttons under the last', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => `<b>line ${i}</b> ${'x'.repeat(40)}`);
    const before = h.emulator.messagesTo(ADMIN_ID).length;
    await sendHtml(h.bot.telegram, ADMIN_ID, lines.join('\n'), [[{ text: 'OK', data: 'x:ok' }]]);
    const sent = await h.emulator.waitForMessages(ADMIN_ID, 3, before);
    expect(sent.every((message) => message.text.length <= 4096)).toBe(true);
    expect(sent.map((message) => message.text).join('\n')).toBe(lines.join('\n'));
    expect(sent.map((message) => message.reply_markup === undefined)).toEqual([true, true, false]);
  });

  it('cuts an edit to Telegram\'s 4,096 characters, since an edited message cannot be split', async () => {
    const before = h.emulator.messagesTo(ADMIN_ID).length;
    await sendHtml(h.bot.telegram, ADMIN_ID, 'short');
    const [message] = await h.emulator.waitForMessages(ADMIN_ID, 1, before);
    await editHtml(h.bot.telegram, ADMIN_ID, message!.message_id, `<b>${'y'.repeat(5000)}</b>`);
    expect(message!.edits).toBe(1);
    expect(message!.text.length).toBeLessThanOrEqual(4096);
    expect(message!.text).toMatch(/^<b>y+…<\/b>$/);
  });

  it('/poll reports when the poll is done, without blocking other chats meanwhile', async () => {
    expect((await say(h, READER, '/poll'))[0]!.text).toContain('beheerders');
    const earlier = finishPoll;
    const [started] = await say(h, ADMIN, '/poll');
    expect(started!.text).toBe('Polling all feeds now…');
    await pollStarted(earlier);
    expect((await say(h, READER, '/help'))[0]!.text).toContain('Wat ik kan');
    const before = h.emulator.messagesTo(ADMIN.id).length;
    finishPoll({ done: 19, failed: [{ feedId: 'evil', error: 'jobs/poll-feeds: feed evil: aborted by shutdown' }] });
    const [done] = await h.emulator.waitForMessages(ADMIN.id, 1, before);
    expect(done!.text).toBe('Poll finished: 19 feeds ok, 1 failed:\n<b>evil</b>: aborted by shutdown');
  });

  it('/poll names each failed feed with what went wrong in plain words, without the log\'s module prefixes and URLs', async () => {
    const earlier = finishPoll;
    await say(h, ADMIN, '/poll');
    await pollStarted(earlier);
    const url = 'https://tweakers.example/feeds/mixed.xml';
    const error = describePollError({ feedId: 'tweakers', currentUrl: url }, new FeedFetchError({ url, reason: 'http', status: 404 }));
    expect(error).toBe(`jobs/poll-feeds: feed tweakers: feeds/fetch: HTTP 404 for ${url}`);
    const before = h.emulator.messagesTo(ADMIN.id).length;
    finishPoll({ done: 2, failed: [{ feedId: 'tweakers', error }] });
    const [done] = await h.emulator.waitForMessages(ADMIN.id, 1, before);
    expect(done!.text).toBe('Poll finished: 2 feeds ok, 1 failed:\n<b>tweakers</b>: HTTP 404 Not Found');
  });

  it('/poll reports in the language the chat switched to while the poll ran', async () => {
    const earlier = finishPoll;
    await say(h, ADMIN, '/poll');
    await pollStarted(earlier);
    await say(h, ADMIN, '/language nl');
    try {
      const before = h.emulator.messagesTo(ADMIN.id).length;
      finishPoll({ done: 3, failed: [] });
      const [done] = await h.emulator.waitForMessages(ADMIN.id, 1, before);
      expect(done!.text).toBe('Ophalen klaar: 3 feeds goed, 0 mislukt.');
    } finally {
      await say(h, ADMIN, '/language en');
    }
  });

  it('/help shows admins the admin commands', async () => {
    expect((await say(h, ADMIN, '/help'))[0]!.text).toContain('/stats — Admin: figures');
  });

  it('/feeds shows each feed\'s health', async () => {
    const [feeds] = await say(h, READER, '/feeds');
    expect(feeds!.text).toContain('🟢 BBC News World');
    expect(feeds!.text).toContain('🔴 Evil &lt;Feed&gt;');
    expect(feeds!.text).toContain('werkt nu niet');
    expect(feeds!.text).toContain('⚪ NOS Nieuws (<code>nos-algemeen</code>, nl) — nog niet opgehaald');
  });
});

describe('/digest', () => {
  it('sends the digest built by the delivery port and records its articles as received', async () => {
    expect((await say(h, READER, '/digest'))[0]!.text).toContain('Je volgt nog niets');
    expect(digestCalls).toEqual([]);
    await say(h, READER, '/subscribe world');
    const parts = await say(h, READER, '/digest', undefined, 2);
    expect(parts.map((part) => part.text)).toEqual(['<b>Your digest</b>\npart one', 'part two']);
    expect(digestCalls.at(-1)).toMatchObject({ chatId: READER.id, topics: ['world'] });
    expect((await say(h, READER, '/latest'))[0]!.text).toBe('Niets nieuws sinds je laatst keek.');
    expect((await say(h, READER, '/status'))[0]!.text).toContain('Laatste bezorging: maandag 5 januari, 10:00');
  });

  it('records nothing when Telegram refuses a part, so /latest still offers those briefings', async () => {
    const reader = { id: 4002, first_name: 'Rob', language_code: 'en' };
    await say(h, reader, '/subscribe world');
    h.emulator.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    expect((await say(h, reader, '/digest'))[0]!.text).toBe('Something went wrong, please try again.');
    expect((await say(h, reader, '/latest'))[0]!.text).toContain('In the digest');
  });
});

describe('without the optional ports', () => {
  it('says /digest and /poll are unavailable instead of failing', async () => {
    const bare = await startHarness();
    try {
      expect((await say(bare, ADMIN, '/digest'))[0]!.text).toContain('not available');
      expect((await say(bare, ADMIN, '/poll'))[0]!.text).toBe('Polling is not available in this process.');
      expect((await say(bare, ADMIN, '/stats'))[0]!.text).not.toContain('Outbox');
    } finally {
      await bare.close();
    }
  });
});
