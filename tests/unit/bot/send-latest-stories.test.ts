import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../../src/bot/command.js';
import { sendLatestStories } from '../../../src/bot/send-latest-stories.js';
import type { LatestStory } from '../../../src/core/latest-stories.js';
import type { DeliverableBriefing } from '../../../src/store/subscriber-repository.js';

const story = (seq: number, sentence: string): LatestStory<DeliverableBriefing> => {
  const briefing: DeliverableBriefing = {
    articleSeq: seq, articleId: `id-${seq}`, feedId: 'a', url: `https://a.example/${seq}`, headline: `Story ${seq}`, sentences: [sentence],
    language: 'en', words: 70, chars: sentence.length, method: 'lead', publishedAt: 0, createdAt: 0, title: `Story ${seq}`,
  };
  return { briefing, sources: [briefing] };
};

/** The parts of CommandContext sendLatestStories uses: what it replied and what it recorded. */
function fakeChat() {
  const sent: string[] = [];
  const recorded: number[] = [];
  const c = {
    feeds: [{ id: 'a', url: 'https://a.example/rss', title: 'Alpha', language: 'en', topics: ['world'], enabled: true, fullText: 'never', weight: 1 }],
    reply: async (html: string) => void sent.push(html),
    recordDelivered: async (seqs: readonly number[]) => void recorded.push(...seqs),
  };
  return { c: c as unknown as CommandContext, sent, recorded };
}

describe('sendLatestStories', () => {
  it('never sends the closing hint as a message of its own, and records every story it sent', async () => {
    const hint = 'You follow nothing yet, so this is from all feeds. /subscribe to choose.';
    // Whatever the stories' length, the hint goes with the last of them.
    for (let pad = 200; pad < 400; pad += 1) {
      const { c, sent, recorded } = fakeChat();
      const stories = Array.from({ length: 9 }, (_, i) => story(i + 1, `${'word '.repeat(70)}${'x'.repeat(i === 0 ? pad : 0)}.`));
      await sendLatestStories(c, '<b>The latest 9 briefings</b>', stories, hint, true);
      expect(sent.at(-1)!.endsWith(`\n\n${hint}`)).toBe(true);
      expect(sent.every((text) => text.length <= 4096)).toBe(true);
      expect(recorded.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
  });
});
