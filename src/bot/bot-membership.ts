import type { Chat, ChatMember } from 'telegraf/types';
import { NO_RIGHTS } from '../telegram/send-errors.js';

/**
 * What a my_chat_member update means for the chat's digests: the bot may post there again
 * (`reachable`), may not (`inactive`, with the reason to store: `kicked`, `left`, `no_rights`), or
 * nothing changes (`unchanged`). Telegram sends this update for every change of the bot's own status or rights, so
 * it is how a chat that muted the bot, or a channel that took its right to post, comes back.
 */
export function reachabilityAfter(member: ChatMember, chatType: Chat['type']): 'reachable' | 'unchanged' | { readonly inactive: string } {
  switch (member.status) {
    case 'kicked':
    case 'left':
      return { inactive: member.status };
    case 'restricted':
      // Restricted while outside the chat (a restriction set on a bot that left): it left.
      if (!member.is_member) return { inactive: 'left' };
      return member.can_send_messages ? 'reachable' : { inactive: NO_RIGHTS };
    case 'administrator':
      // In a channel only an admin with "Post messages" may post; in a group an admin always may.
      return chatType === 'channel' && member.can_post_messages === false ? { inactive: NO_RIGHTS } : 'reachable';
    case 'creator':
      return 'reachable';
    case 'member':
      // A member of a channel cannot post: only as its admin.
      return chatType === 'channel' ? 'unchanged' : 'reachable';
  }
}
