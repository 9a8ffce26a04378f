import type { CommandContext } from '../src/bot/command.js';
import { defaultTopicsFor, offeredNames, resolveSubscriptions, retryWithClosest, shownItems } from '../src/bot/subscription-feeds.js';
import { channelNamed } from './channel-target.js';
import { nextDigestNote } from './status.js';

/**
 * `/subscribe @channel [topics...]`: subscribes a channel on behalf of one of its admins. Checks
 * that the channel exists, that the sender administers it and that the bot may post there.
 */
export async function subscribeChannel(c: CommandContext, name: string, words: readonly string[]): Promise<void> {
  const channel = await channelNamed(c, name);
  if (channel === null) return;
  const sender = c.userId === null ? null : await c.api.getChatMember(channel.id, c.userId);
  if (sender === null || (sender.status !== 'creator' && sender.status !== 'administrator')) return c.reply(c.msg.channelNotAdmin(name));
  const bot = await c.api.getChatMember(channel.id, c.api.botId);
  if (bot === null || !bot.canPost) return c.reply(c.msg.channelCannotPost(name));
  const { items, unknown } = resolveSubscriptions(words, c.feeds, c.topicNames);
  const unknownLine = () => c.msg.unknownItems(unknown, retryWithClosest(`subscribe ${name}`, unknown, offeredNames(c.feeds, c.topicNames)));
  // Only mistyped words: the defaults are for a bare `/subscribe @channel`, not for a typo.
  if (items.length === 0 && unknown.length > 0) return c.reply(unknownLine());
  const chosen = items.length > 0 ? items :
    defaultTopicsFor(c.chat.language, c.feeds, c.deps.defaultTopics).map((value) => ({ kind: 'topic' as const, value }));
  const before = c.deps.subscribers.ensure(
    { chatId: channel.id, chatType: 'channel', title: channel.title, language: c.chat.language, timezone: c.chat.timezone, digestTime: c.deps.defaults.digestTime },
    c.now,
  );
  const after = c.deps.subscribers.subscribe(channel.id, chosen, c.now);
  // Its first digest is the first digest time from now on (never a catch-up posted a minute later): say when.
  const first = before.followingSince === null && after !== null ? nextDigestNote(c, after) : '';
  const lines = [c.msg.channelSubscribed(name, shownItems(chosen, c.chat.language, c.topicNames, c.feeds)) + first];
  if (unknown.length > 0) lines.push(unknownLine());
  await c.reply(lines.join('\n'));
}
