import { normaliseUrl } from '../core/dedupe.js';
import { withoutTrackingParams } from '../core/tracking-params.js';
import type { StoredBriefing } from '../core/types.js';
import type { Messages } from '../i18n/messages.js';
import { escapeHtml, link, TELEGRAM_MAX_MESSAGE_LENGTH } from './html.js';

/** A story as the digest and /latest show it: the briefing shown and every copy of it, best first. */
interface Story {
  readonly briefing: StoredBriefing;
  readonly sources: readonly StoredBriefing[];
}

/** How many other sources a story's note names; the rest it counts. */
const ALSO_IN_NAMED = 3;

/** What a story may take of a message with its note, leaving room for a "(continued)" heading above it. */
const STORY_ROOM = TELEGRAM_MAX_MESSAGE_LENGTH - 100;

/**
 * The note after a story several feeds carry, with its leading space (nothing for a story one feed
 * carries): the other feeds by title, each linked to its own article (a reader may want another
 * newsroom's take; no link when it is the same article), the first ALSO_IN_NAMED of them and the
 * rest counted. Where that would not fit the story's message (a headline near the limit), the
 * titles go unlinked, else the note gives the count alone.
 */
export function alsoInNote(block: string, story: Story, feedTitles: ReadonlyMap<string, string>, t: Messages): string {
  const others = otherFeedsOf(story);
  if (others.length === 0) return '';
  const named = others.slice(0, ALSO_IN_NAMED);
  const title = (source: StoredBriefing) => feedTitles.get(source.feedId) ?? source.feedId;
  const shown = story.briefing.url === null ? null : normaliseUrl(story.briefing.url);
  const ownLink = (source: StoredBriefing) => (source.url === null || normaliseUrl(source.url) === shown ? null : withoutTrackingParams(source.url));
  const linked = named.map((source) => link(ownLink(source), title(source)));
  for (const sources of [linked, named.map((source) => escapeHtml(title(source)))]) {
    const note = ` ${t.storyAlsoIn(sources, others.length - sources.length)}`;
    if (block.length + note.length <= STORY_ROOM) return note;
  }
  return ` ${t.storyAlsoIn([], others.length)}`;
}

/** The best briefing of each feed that carries the story besides the one shown, best first. */
function otherFeedsOf(story: Story): StoredBriefing[] {
  const others = new Map<string, StoredBriefing>();
  for (const source of story.sources) {
    if (source.feedId !== story.briefing.feedId && !others.has(source.feedId)) others.set(source.feedId, source);
  }
  return [...others.values()];
}
