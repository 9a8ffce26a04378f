import type { BotCommand, CommandContext } from '../src/bot/command.js';
import type { Subscriber } from '../src/core/types.js';
import { escapeHtml } from '../src/telegram/html.js';

/**
 * The channel `name` (`@name` or its id) names, or null once the sender has been told it names
 * none the bot can see, or a group (whose settings are changed in the group itself).
 */
export async function channelNamed(c: CommandContext, name: string): Promise<{ id: number; title: string | null } | null> {
  const chat = await c.api.getChat(name);
  if (chat !== null && chat.type === 'channel') return chat;
  await c.reply(chat === null || chat.type === 'private' ? c.msg.channelUnknown(name) : c.msg.channelIsGroup(name));
  return null;
}

/**
 * The channel `name` (`@name` or its id) as stored, when the sender administers it and it was
 * subscribed with `/subscribe @channel`; otherwise null, once the sender has been told why.
 */
export async function subscribedChannel(c: CommandContext, name: string): Promise<Subscriber | null> {
  const refusal = async (html: string) => {
    await c.reply(html);
    return null;
  };
  const channel = await channelNamed(c, name);
  if (channel === null) return null;
  const sender = c.userId === null ? null : await c.api.getChatMember(channel.id, c.userId);
  if (sender === null || (sender.status !== 'creator' && sender.status !== 'administrator')) return refusal(c.msg.channelNotAdminToView(name));
  const stored = c.deps.subscribers.find(channel.id);
  if (stored === null || stored.topics.length + stored.feeds.length === 0) return refusal(c.msg.channelNotSubscribed(name));
  return stored;
}

/**
 * `/time @channel 06:00`, `/timezone @channel London`, `/language @channel de`: `command` run on
 * a channel one administers instead of on this chat. A channel takes its zone and language from
 * the admin who subscribed it and the default digest time, and nothing else could change them.
 * Answers go to the asker, headed by the channel's name so they are not read as this chat's.
 */
export async function runOnChannel(c: CommandContext, command: BotCommand, name: string): Promise<void> {
  const channel = await subscribedChannel(c, name);
  if (channel === null) return;
  const heading = `<b>${escapeHtml(name)}</b>\n`;
  await command.run({ ...c, chat: channel, args: c.args.slice(1), reply: (html, keyboard) => c.reply(heading + html, keyboard) });
}
