import type { CommandContext } from '../src/bot/command.js';
import { resolveSubscriptions, shownItems } from '../src/bot/subscription-feeds.js';
import { channelNamed } from './channel-target.js';

/**
 * `/unsubscribe @channel [topics...]`: the counterpart of `/subscribe @channel`, for one of the
 * channel's admins. With words it stops following those; without, the channel is unsubscribed from
 * everything and gets no more digests (its row stays, so `/subscribe @channel` brings it back).
 */
export async function unsubscribeChannel(c: CommandContext, name: string, words: readonly string[]): Promise<void> {
  const channel = await channelNamed(c, name);
  if (channel === null) return;
  const sender = c.userId === null ? null : await c.api.getChatMember(channel.id, c.userId);
  if (sender === null || (sender.status !== 'creator' && sender.status !== 'administrator')) {
    return c.reply(c.msg.channelNotAdminToUnsubscribe(name));
  }
  const stored = c.deps.subscribers.find(channel.id);
  if (stored === null || stored.topics.length + stored.feeds.length === 0) return c.reply(c.msg.channelNotSubscribed(name));
  if (words.length === 0) {
    c.deps.subscribers.stop(channel.id, c.now);
    return c.reply(c.msg.channelStopped(name));
  }
  const { items, unknown } = resolveSubscriptions(words, c.feeds, c.topicNames);
  const followed = items.filter((item) => (item.kind === 'topic' ? stored.topics : stored.feeds).includes(item.value));
  const lines: string[] = [];
  if (followed.length > 0) {
    c.deps.subscribers.unsubscribe(channel.id, followed, c.now);
    lines.push(c.msg.channelUnsubscribed(name, shownItems(followed, c.chat.language, c.topicNames, c.feeds)));
  } else if (unknown.length === 0) lines.push(c.msg.nothingChanged);
  if (unknown.length > 0) lines.push(c.msg.unknownItems(unknown));
  await c.reply(lines.join('\n'));
}
