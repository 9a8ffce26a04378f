import { createHash } from 'node:crypto';
import type { Subscriber } from '../core/types.js';
import type { SettingsView } from '../i18n/index.js';
import { messagesFor } from '../i18n/index.js';
import type { Keyboard } from './command.js';
import type { FeedSpec } from '../core/types.js';
import { availableTopics, followedFeedIds } from '../core/following.js';

/** A chat's settings as /settings and /status display them. */
export function settingsView(chat: Subscriber): SettingsView {
  return {
    language: messagesFor(chat.language).languageName,
    timezone: chat.timezone,
    digestTime: chat.digestTime,
    topics: chat.topics,
    feeds: chat.feeds,
  };
}

/** Callback data prefix of the subscribe toggle keyboard. */
export const TOGGLE_PREFIX = 'sub';

/**
 * The subscribe keyboard: every topic, then every enabled feed, each marked when followed, then
 * what the chat follows that feeds.json no longer offers (so one tap drops it), and a Done
 * button. Pressing one toggles it and the message is redrawn from this same function.
 */
export function toggleKeyboard(chat: Subscriber, feeds: readonly FeedSpec[]): Keyboard {
  const msg = messagesFor(chat.language);
  const mark = (on: boolean, label: string) => `${on ? '✅' : '▫️'} ${label}`;
  const topicButtons = availableTopics(feeds).map((topic) => ({ text: mark(chat.topics.includes(topic), topic), data: `${TOGGLE_PREFIX}:t:${topic}` }));
  const feedButtons = feeds
    .filter((feed) => feed.enabled)
    .map((feed) => ({ text: mark(chat.feeds.includes(feed.id), feed.title), data: feedButtonData(feed, feeds) }));
  const { gone } = followedFeedIds(chat, feeds);
  const goneButtons = gone
    .map((value) => ({ text: mark(true, msg.goneButton(value)), data: `${TOGGLE_PREFIX}:${chat.topics.includes(value) ? 't' : 'f'}:${value}` }))
    .filter((button) => new TextEncoder().encode(button.data).length <= 64);
  return [
    ...pairs(topicButtons, 3),
    ...pairs(feedButtons, 2),
    ...pairs(goneButtons, 1),
    [{ text: msg.doneButton, data: `${TOGGLE_PREFIX}:done` }],
  ];
}

function pairs<T>(items: readonly T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let index = 0; index < items.length; index += size) rows.push(items.slice(index, index + size));
  return rows;
}

/**
 * `sub:f:<id>`, or `sub:i:<index>:<tag>` when the id would push the data past Telegram's 64
 * bytes. The tag (see feedIdTag) lets a press on an old keyboard tell that a reload of
 * feeds.json has put another feed at that index since.
 */
function feedButtonData(feed: FeedSpec, feeds: readonly FeedSpec[]): string {
  const data = `${TOGGLE_PREFIX}:f:${feed.id}`;
  return new TextEncoder().encode(data).length <= 64 ? data : `${TOGGLE_PREFIX}:i:${feeds.indexOf(feed)}:${feedIdTag(feed.id)}`;
}

/** Eight characters that tell feed ids apart on a button whose data has no room for the id. */
export function feedIdTag(id: string): string {
  return createHash('sha256').update(id).digest('base64url').slice(0, 8);
}
