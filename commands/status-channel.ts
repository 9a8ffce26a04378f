import type { CommandContext } from '../src/bot/command.js';
import { escapeHtml } from '../src/telegram/html.js';
import { statusText } from './status.js';

/**
 * `/status @channel` (and `/settings @channel`): what a channel subscribed with `/subscribe
 * @channel` follows and when its next digest comes, for one of its admins. Without it an admin
 * had no way to see a channel's subscriptions, and the chat's own status answered as if it were
 * the channel's.
 */
export async function statusOfChannel(c: CommandContext, name: string): Promise<void> {
  const channel = await c.api.getChat(name);
  if (channel === null || channel.type !== 'channel') return c.reply(c.msg.channelUnknown(name));
  const sender = c.userId === null ? null : await c.api.getChatMember(channel.id, c.userId);
  if (sender === null || (sender.status !== 'creator' && sender.status !== 'administrator')) return c.reply(c.msg.channelNotAdminToView(name));
  const stored = c.deps.subscribers.find(channel.id);
  if (stored === null || stored.topics.length + stored.feeds.length === 0) return c.reply(c.msg.channelNotSubscribed(name));
  await c.reply(`<b>${escapeHtml(name)}</b>\n${statusText(c, stored)}`);
}
