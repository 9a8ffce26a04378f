/**
 * What a Bot API answer means for delivery, decided in one place: sent, retry later (429, 5xx,
 * network), the chat is gone for good (403, "chat not found"), the bot may no longer post there, the
 * group moved, its forum topic is gone, or the message itself was refused. Callers switch on `kind`, never on status codes or
 * description texts.
 */

/** The outcome of one sendMessage call, as the outbox worker acts on it. */
export type SendOutcome =
  | { readonly kind: 'sent'; readonly messageId: number }
  /** 429: nothing was delivered; try again after `retryAfterMs`. */
  | { readonly kind: 'rate_limited'; readonly retryAfterMs: number; readonly reason: string }
  /**
   * 5xx, timeout or network failure: worth retrying with back-off. Also 401 and 404, which speak
   * about the bot (revoked token, wrong API root), not about the chat or the message: the outbox
   * keeps the message and gives up as `failed` after its bounded attempts, never `dead`.
   */
  | { readonly kind: 'transient'; readonly reason: string }
  /** 403 (blocked, kicked, deactivated) or 400 "chat not found": stop writing to this chat. */
  | { readonly kind: 'chat_gone'; readonly reason: string }
  /**
   * The bot is still in the chat but may not post: muted in a group, or a channel admin without
   * "Post messages" (400 or 403). Every message would be refused until an admin gives the right
   * back, which Telegram tells the bot in a my_chat_member update.
   */
  | { readonly kind: 'no_rights'; readonly reason: string }
  /** 400 with migrate_to_chat_id: the group became a supergroup with a new id. */
  | { readonly kind: 'migrated'; readonly newChatId: number; readonly reason: string }
  /** 400 "message thread not found" or a closed topic: the forum topic it was sent to is gone; the chat is not. */
  | { readonly kind: 'thread_gone'; readonly reason: string }
  /** Any other 4xx: the message will never be accepted as it is. */
  | { readonly kind: 'rejected'; readonly reason: string };

/** The JSON body of a Bot API answer, as far as delivery cares. */
export interface BotApiAnswer {
  readonly ok: boolean;
  readonly result?: unknown;
  readonly error_code?: number;
  readonly description?: string;
  readonly parameters?: { readonly retry_after?: number; readonly migrate_to_chat_id?: number };
}

/** blocked_reason of a chat the bot may not post in: kept apart from a kick so logs and the operator tell them apart. */
export const NO_RIGHTS = 'no_rights';

/**
 * Bot API texts for "you may not post here": a bot muted in a group (`not enough rights to send
 * text messages to the chat`, older servers `have no rights to send a message`), a channel admin
 * without the right to post (`need administrator rights in the channel chat`), or the raw MTProto
 * CHAT_WRITE_FORBIDDEN.
 */
const NO_RIGHTS_TEXT = /not enough rights to send|have no rights to send|need administrator rights in the channel|CHAT_WRITE_FORBIDDEN/i;

/** Used when a 429 carries no retry_after: Telegram's own advice is "a few seconds". */
const DEFAULT_RETRY_AFTER_MS = 3_000;

/** Maps an HTTP status and the (possibly unparsable) body to an outcome. Pure and total. */
export function classifyAnswer(status: number, body: BotApiAnswer | null): SendOutcome {
  const code = body?.error_code ?? status;
  const reason = `telegram: ${code} ${body?.description ?? 'no description'}`;
  if (body?.ok === true) {
    const id = (body.result as { message_id?: unknown } | undefined)?.message_id;
    return typeof id === 'number' ? { kind: 'sent', messageId: id } : { kind: 'transient', reason: 'telegram: ok answer without message_id' };
  }
  if (code === 429) {
    const seconds = body?.parameters?.retry_after;
    const retryAfterMs = typeof seconds === 'number' && seconds >= 0 ? Math.ceil(seconds * 1000) : DEFAULT_RETRY_AFTER_MS;
    return { kind: 'rate_limited', retryAfterMs, reason };
  }
  const migrateTo = body?.parameters?.migrate_to_chat_id;
  if (typeof migrateTo === 'number') return { kind: 'migrated', newChatId: migrateTo, reason };
  if (code >= 500 || code === 0 || body === null) return { kind: 'transient', reason };
  // Bot-level: every message would fail the same way until the operator fixes the token or the URL.
  if (code === 401 || code === 404) return { kind: 'transient', reason };
  if ((code === 400 || code === 403) && NO_RIGHTS_TEXT.test(body.description ?? '')) return { kind: 'no_rights', reason };
  if (code === 403) return { kind: 'chat_gone', reason };
  if (code === 400 && /message thread not found|TOPIC_CLOSED|TOPIC_DELETED/i.test(body.description ?? '')) return { kind: 'thread_gone', reason };
  if (code === 400 && /chat not found|peer_id_invalid|user is deactivated/i.test(body.description ?? '')) {
    return { kind: 'chat_gone', reason };
  }
  if (code === 409 || code === 420) return { kind: 'transient', reason };
  return { kind: 'rejected', reason };
}

/** A failure before any answer arrived (connection refused, reset, timeout): always retryable. */
export function classifyNetworkError(error: unknown): SendOutcome {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return { kind: 'transient', reason: `telegram/network: ${message}${cause}` };
}
