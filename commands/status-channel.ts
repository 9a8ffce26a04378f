import type { CommandContext } from '../src/bot/command.js';
import { escapeHtml } from '../src/telegram/html.js';
import { subscribedChannel } from './channel-target.js';
import { statusText } from './status.js';

/**
 * `/status @channel` (and `/settings @channel`): what a channel subscribed with `/subscribe
 * @channel` follows and when its next digest comes, for one of its admins. Without it an admin
 * had no way to see a channel's subscriptions, and the chat's own status answered as if it were
 * the channel's.
 */
export async function statusOfChannel(c: CommandContext, name: string): Promise<void> {
  const channel = await subscribedChannel(c, name);
  if (channel !== null) await c.reply(`<b>${escapeHtml(name)}</b>\n${statusText(c, channel)}`);
}
