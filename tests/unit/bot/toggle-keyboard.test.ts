import { describe, expect, it } from 'vitest';
import type { FeedSpec, Subscriber } from '../../../src/core/types.js';
import { TOGGLES_PER_PAGE, toggleKeyboard, togglePage } from '../../../src/bot/views.js';
import { NO_TOPIC_NAMES } from '../../../src/core/topic-names.js';

const feed = (i: number, topic: string): FeedSpec => ({
  id: `feed-${i}`, url: `https://feeds.example/${i}`, title: `A feed with a long and descriptive title, number ${i}, ${'x'.repeat(50)}`,
  language: 'en', topics: [topic], enabled: true, fullText: 'auto', weight: 1,
});
const TOPICS = Array.from({ length: 10 }, (_, i) => `topic-${i}`);
const MANY = Array.from({ length: 150 }, (_, i) => feed(i, TOPICS[i % TOPICS.length]!));
const chat: Subscriber = {
  chatId: 1, chatType: 'private', title: null, language: 'en', timezone: 'UTC', digestTime: '07:30', active: true,
  topics: ['topic-3', 'retired-topic'], feeds: ['feed-120'], createdAt: 0, followingSince: 0, lastDigestDate: null, lastDigestAt: null, threadId: null,
};

/** The keyboard as Telegram receives it. */
const markup = (keyboard: ReturnType<typeof toggleKeyboard>) => ({ inline_keyboard: keyboard.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))) });

/** Every page of the keyboard, reached as a reader would: page 0, then each › button (at most 50). */
function allPages(feeds: readonly FeedSpec[]): ReturnType<typeof toggleKeyboard>[] {
  const pages = [toggleKeyboard(chat, feeds, NO_TOPIC_NAMES)];
  for (let next = pages[0]!.flat().find((b) => b.text === '›'); next && pages.length < 50; next = pages.at(-1)!.flat().find((b) => b.text === '›')) {
    pages.push(toggleKeyboard(chat, feeds, NO_TOPIC_NAMES, Number(next.data.split(':')[2])));
  }
  return pages;
}

describe('the subscribe keyboard of a large feeds.json', () => {
  const pages = Math.ceil((TOPICS.length + MANY.length + 1) / TOGGLES_PER_PAGE);

  it('stays within Telegram\'s limits on every page: 100 buttons, 8 a row, 10 KB, 64-byte data', () => {
    const keyboards = allPages(MANY);
    expect(keyboards).toHaveLength(pages);
    for (const keyboard of keyboards) {
      expect(keyboard.flat().length).toBeLessThanOrEqual(100);
      expect(Math.max(...keyboard.map((row) => row.length))).toBeLessThanOrEqual(8);
      expect(Buffer.byteLength(JSON.stringify(markup(keyboard)))).toBeLessThan(10_000);
      for (const button of keyboard.flat()) expect(Buffer.byteLength(button.data)).toBeLessThanOrEqual(64);
    }
  });

  it('shows every topic, feed and dropped subscription on exactly one page, with ‹ n/N › between them', () => {
    const toggles = allPages(MANY).map((keyboard) => keyboard.flat().map((b) => b.data).filter((d) => /^sub:[tf]:/.test(d)));
    const all = toggles.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining([...TOPICS.map((t) => `sub:t:${t}`), ...MANY.map((f) => `sub:f:${f.id}`), 'sub:t:retired-topic']));
    expect(toggleKeyboard(chat, MANY, NO_TOPIC_NAMES, 0).at(-2)!.map((b) => b.text)).toEqual([`1/${pages}`, '›']);
    expect(toggleKeyboard(chat, MANY, NO_TOPIC_NAMES, 2).at(-2)!.map((b) => [b.text, b.data])).toEqual([['‹', 'sub:p:1'], [`3/${pages}`, 'sub:p:2'], ['›', 'sub:p:3']]);
    expect(toggleKeyboard(chat, MANY, NO_TOPIC_NAMES, 99).at(-2)!.map((b) => b.text)).toEqual(['‹', `${pages}/${pages}`]);
  });

  it('finds the page of a pressed button, so the redrawn keyboard stays where the reader was', () => {
    expect(togglePage(chat, MANY, 'sub:t:topic-3')).toBe(0);
    expect(togglePage(chat, MANY, 'sub:f:feed-120')).toBe(Math.floor((TOPICS.length + 120) / TOGGLES_PER_PAGE));
    expect(togglePage(chat, MANY, 'sub:f:unknown')).toBe(0);
  });

  it('has no page row when everything fits', () => {
    const few = MANY.slice(0, 6);
    expect(toggleKeyboard(chat, few, NO_TOPIC_NAMES).flat().some((b) => b.data.startsWith('sub:p:'))).toBe(false);
  });
});
