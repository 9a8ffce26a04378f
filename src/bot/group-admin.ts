import type { ChatApi } from './command.js';

/** Telegram's stand-in user for anonymous group admins ("GroupAnonymousBot"). */
const ANONYMOUS_ADMIN_ID = 1087968824;

/** Who sent an update, as far as the admin check needs it. */
export interface Sender {
  readonly chatType: string;
  readonly chatId: number;
  readonly userId: number | null;
  /** `sender_chat.id` when the message was sent on behalf of a chat (anonymous admin, channel). */
  readonly senderChatId: number | null;
}

/**
 * Whether this sender may change the chat's settings: always in a private chat; in a group or
 * supergroup only its creator and administrators (asked via getChatMember), including an
 * anonymous admin writing as the group itself. A failed look-up answers no.
 */
export async function mayChangeSettings(sender: Sender, api: ChatApi): Promise<boolean> {
  if (sender.chatType === 'private' || sender.chatType === 'channel') return true;
  if (sender.senderChatId === sender.chatId || sender.userId === ANONYMOUS_ADMIN_ID) return true;
  if (sender.userId === null) return false;
  const member = await api.getChatMember(sender.chatId, sender.userId);
  return member !== null && (member.status === 'creator' || member.status === 'administrator');
}
