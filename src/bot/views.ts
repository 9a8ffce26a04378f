import { createHash } from 'node:crypto';
import type { Subscriber } from '../core/types.js';
import type { SettingsView } from '../i18n/index.js';
import { formatTimeOfDay, messagesFor } from '../i18n/index.js';
import type { Keyboard } from './command.js';
import type { FeedSpec } from '../core/types.js';
import { availableTopics, followedFeedIds, labelGone } from '../core/following.js';
import { timezoneLabel } from '../telegram/timezone-label.js';
import { inNameOrder, NO_TOPIC_NAMES, topicLabel, type TopicNames } from '../core/topic-names.js';

/**
 * A chat's settings as /settings, /status and /start display them: topics by their names in the
 * chat's language, feeds by their titles in `feeds` (what the reader saw in /feeds and on the
 * /subscribe buttons). A feed feeds.json no longer has keeps its id, the only name left of it.
 */
export function settingsView(chat: Subscriber, feeds: readonly FeedSpec[], names: TopicNames): SettingsView {
  const titles = new Map(feeds.map((feed) => [feed.id, feed.title]));
  return {
    language: messagesFor(chat.language).languageName,
    timezone: timezoneLabel(chat.timezone),
    digestTime: chat.digestTime === null ? null : formatTimeOfDay(chat.digestTime, chat.language),
    topics: inNameOrder(chat.topics, chat.language, names).map((topic) => topicLabel(topic, chat.language, names)),
    feeds: chat.feeds.map((id) => titles.get(id) ?? id),
  };
}

/** Callback data prefix of the subscribe toggle keyboard. */
export const TOGGLE_PREFIX = 'sub';

/**
 * Buttons per page of the subscribe keyboard. Telegram refuses an inline keyboard of more than
 * 100 buttons or about 10 KB, which a feeds.json of a few dozen feeds with long titles reaches:
 * 24 toggles, the page row and Done stay far below both.
 */
export const TOGGLES_PER_PAGE = 24;

type Toggle = { readonly text: string; readonly data: string; readonly row: 'topic' | 'feed' | 'gone' };

/**
 * The subscribe keyboard: every topic, then every enabled feed, each marked when followed, then
 * what the chat follows that feeds.json no longer offers (so one tap drops it), and a Done
 * button. Pressing one toggles it and the message is redrawn from this same function, on the page
 * that holds the button pressed (see togglePage); with more than TOGGLES_PER_PAGE buttons a row of
 * ‹ n/N › moves between pages.
 */
export function toggleKeyboard(chat: Subscriber, feeds: readonly FeedSpec[], names: TopicNames, page = 0): Keyboard {
  const msg = messagesFor(chat.language);
  const toggles = allToggles(chat, feeds, names);
  const pages = Math.max(1, Math.ceil(toggles.length / TOGGLES_PER_PAGE));
  const shown = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const onPage = toggles.slice(shown * TOGGLES_PER_PAGE, (shown + 1) * TOGGLES_PER_PAGE);
  const rows = (kind: Toggle['row'], size: number) => pairs(onPage.filter((t) => t.row === kind).map(({ text, data }) => ({ text, data })), size);
  const nav = pages === 1 ? [] : [[
    ...(shown > 0 ? [{ text: '‹', data: `${TOGGLE_PREFIX}:p:${shown - 1}` }] : []),
    { text: `${shown + 1}/${pages}`, data: `${TOGGLE_PREFIX}:p:${shown}` },
    ...(shown < pages - 1 ? [{ text: '›', data: `${TOGGLE_PREFIX}:p:${shown + 1}` }] : []),
  ]];
  return [...rows('topic', 3), ...rows('feed', 2), ...rows('gone', 1), ...nav, [{ text: msg.doneButton, data: `${TOGGLE_PREFIX}:done` }]];
}

/** The page of the subscribe keyboard drawn with `names` that holds the button with callback data `data` (0 when none does). */
export function togglePage(chat: Subscriber, feeds: readonly FeedSpec[], data: string, names: TopicNames = NO_TOPIC_NAMES): number {
  // The names order the topic buttons, so they decide on which page a button is.
  const index = allToggles(chat, feeds, names).findIndex((toggle) => toggle.data === data);
  return index < 0 ? 0 : Math.floor(index / TOGGLES_PER_PAGE);
}

function allToggles(chat: Subscriber, feeds: readonly FeedSpec[], names: TopicNames): Toggle[] {
  const msg = messagesFor(chat.language);
  const mark = (on: boolean, label: string) => `${on ? '✅' : '▫️'} ${label}`;
  const topicButtons = inNameOrder(availableTopics(feeds), chat.language, names).map((topic): Toggle => ({ text: mark(chat.topics.includes(topic), topicLabel(topic, chat.language, names)), data: `${TOGGLE_PREFIX}:t:${topic}`, row: 'topic' }));
  const feedButtons = feeds
    .filter((feed) => feed.enabled)
    .map((feed): Toggle => ({ text: mark(chat.feeds.includes(feed.id), feed.title), data: feedButtonData(feed, feeds), row: 'feed' }));
  const { gone } = followedFeedIds(chat, feeds);
  const goneButtons = labelGone(chat, gone, names)
    .map(({ id, label }): Toggle => ({ text: mark(true, msg.goneButton(label)), data: `${TOGGLE_PREFIX}:${chat.topics.includes(id) ? 't' : 'f'}:${id}`, row: 'gone' }))
    .filter((button) => new TextEncoder().encode(button.data).length <= 64);
  return [...topicButtons, ...feedButtons, ...goneButtons];
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
