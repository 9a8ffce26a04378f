import type { LatestStory } from '../core/latest-stories.js';
import type { DeliverableBriefing } from '../store/subscriber-repository.js';
import { alsoInNote } from '../telegram/render-also-in.js';
import { renderBriefing } from '../telegram/render-briefing.js';
import { packMessages } from '../telegram/split-message.js';
import type { CommandContext } from './command.js';

/**
 * Sends /latest's header, stories and footer (with the last story, never alone) in as few
 * messages as fit. With `record`, each message's stories (every copy of each) are recorded as
 * received once Telegram accepted that message, so a failed send offers them again and no copy
 * comes back later.
 */
export async function sendLatestStories(
  c: CommandContext,
  header: string,
  stories: readonly LatestStory<DeliverableBriefing>[],
  footer: string | null,
  record: boolean,
): Promise<void> {
  const titles = new Map(c.feeds.map((feed) => [feed.id, feed.title]));
  const items = [header, ...stories.map((story) => {
    const block = renderBriefing(story.briefing, titles.get(story.briefing.feedId) ?? story.briefing.feedId);
    return block + alsoInNote(block, story, titles, c.msg);
  })];
  // The footer travels with the last story, so a split never sends it as a message alone.
  if (footer !== null) items[items.length - 1] += `\n\n${footer}`;
  for (const message of packMessages(items)) {
    await c.reply(message.text);
    if (!record) continue;
    // Item 0 is the header, so item i carries story i - 1.
    const seqs = message.items.flatMap((index) => {
      const story = stories[index - 1];
      return index > 0 && story ? story.sources.map((copy) => copy.articleSeq) : [];
    });
    if (seqs.length > 0) await c.recordDelivered(seqs, 'latest');
  }
}
