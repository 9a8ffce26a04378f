import type { CommandContext } from '../src/bot/command.js';
import { settingsView } from '../src/bot/views.js';
import { messagesFor } from '../src/i18n/index.js';
import { escapeHtml } from '../src/telegram/html.js';
import { subscribedChannel } from './channel-target.js';
import { statusText } from './status.js';

/**
 * `/status @channel`: what a channel subscribed with `/subscribe @channel` follows and when its
 * next digest comes, for one of its admins. Without it an admin had no way to see a channel's
 * subscriptions, and the chat's own status answered as if it were the channel's.
 */
export async function statusOfChannel(c: CommandContext, name: string): Promise<void> {
  const channel = await subscribedChannel(c, name);
  if (channel !== null) await c.reply(`<b>${escapeHtml(name)}</b>\n${statusText(c, channel)}`);
}

/**
 * `/settings @channel`: the channel's language, zone, digest time and subscriptions, without the
 * buttons (they change the chat they are pressed in); `/time @channel` and the like change them.
 */
export async function settingsOfChannel(c: CommandContext, name: string): Promise<void> {
  const channel = await subscribedChannel(c, name);
  if (channel === null) return;
  // Named and timed in the admin's language, as the reply is; the language shown is the channel's.
  const view = { ...settingsView({ ...channel, language: c.language }, c.feeds, c.topicNames), language: messagesFor(channel.language).languageName };
  await c.reply(`<b>${escapeHtml(name)}</b>\n${c.msg.settings(view)}`);
}
