import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LimitTracker, type EmulatorLimits } from './emulator-limits.js';
import { ApiError, methodHandlers, type Handler } from './bot-api-methods.js';

export type { EmulatorLimits } from './emulator-limits.js';

/** Update types Telegram sends only to a bot that names them in allowed_updates. */
const NOT_SENT_BY_DEFAULT = ['chat_member', 'message_reaction', 'message_reaction_count'];

/** A Bot API error to answer with: what Telegram puts in `error_code`, `description`, `parameters`. */
export interface InjectedError {
  readonly error_code: number;
  readonly description: string;
  readonly parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/**
 * A call whose answer never arrives: the connection is reset before Telegram acted on it
 * (`reset-before`: nothing happened), or Telegram did it and the answer is lost to a reset
 * (`reset-after`) or never comes (`hang-after`, until the client gives up or answerHung sends
 * it late). The Bot API has no idempotency key, so a client cannot tell the three apart.
 */
export type ConnectionFault = 'reset-before' | 'reset-after' | 'hang-after';

/** One API call as the emulator saw it. */
export interface ApiCall {
  readonly method: string;
  readonly params: Record<string, unknown>;
  readonly at: number;
  readonly ok: boolean;
  readonly errorCode?: number;
}

/** A message the bot sent (or its current state after edits). */
export interface SentMessage {
  readonly message_id: number;
  readonly chat_id: number;
  text: string;
  parse_mode: string | undefined;
  reply_markup: { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
  readonly link_preview_options: { is_disabled?: boolean } | undefined;
  readonly disable_web_page_preview: boolean | undefined;
  /** The forum topic it was sent to, if any. */
  readonly message_thread_id?: number | undefined;
  edits: number;
}

export interface ChatInfo {
  readonly id: number;
  readonly type: 'private' | 'group' | 'supergroup' | 'channel';
  readonly title?: string;
  readonly username?: string;
  /** A supergroup with forum topics. */
  readonly is_forum?: boolean;
}

export interface UserInfo {
  readonly id: number;
  readonly first_name?: string;
  readonly language_code?: string;
  readonly is_bot?: boolean;
}

export interface EmulatorOptions {
  readonly token?: string;
  readonly botUsername?: string;
  readonly limits?: EmulatorLimits;
  /**
   * Milliseconds each answer (except getUpdates) waits before it is written: the network's round
   * trip to Telegram, which loopback does not have. The call is recorded (and rate-limited) when
   * it arrives, as Telegram counts it.
   */
  readonly latencyMs?: number;
}

/**
 * A Telegram Bot API emulator on node:http (127.0.0.1, port 0) for tests and benchmarks. It speaks
 * the real protocol (`/bot<token>/<method>`, JSON or form bodies, `{ ok, result }` answers), holds
 * getUpdates open for real long polling, records every call, validates HTML and lengths as
 * Telegram does, and can inject errors, enforce rate limits and migrate chats.
 */
export class BotApiEmulator {
  readonly token: string;
  readonly botUser: { id: number; is_bot: true; first_name: string; username: string };
  readonly calls: ApiCall[] = [];
  readonly sent: SentMessage[] = [];
  readonly limits: LimitTracker;
  /** Called with every message the bot sends successfully (benchmarks time replies with it). */
  readonly sendListeners = new Set<(message: SentMessage) => void>();
  /** TCP connections accepted so far: a client that keeps connections alive opens only a few. */
  connectionCount = 0;
  private server: Server | null = null;
  private apiRootValue = '';
  private readonly updates: Record<string, unknown>[] = [];
  private nextUpdateId = 1;
  private readonly pollWaiters = new Set<() => void>();
  private readonly callWaiters = new Set<() => void>();
  private readonly failures = new Map<string, InjectedError[]>();
  private readonly faults = new Map<string, ConnectionFault[]>();
  private readonly hung: (() => void)[] = [];
  private readonly migrated = new Map<number, number>();
  private readonly blocked = new Map<number, string>();
  private readonly deletedTopics = new Set<string>();
  private readonly chats = new Map<number | string, ChatInfo>();
  private readonly members = new Map<string, Record<string, unknown>>();
  private readonly nextMessageId = new Map<number, number>();
  private readonly handlers: Record<string, Handler>;
  private userMessageId = 1_000_000;
  private revoked = false;
  /** The webhook URL set on the token (setWebhook), '' when none: getUpdates is refused while one is set. */
  private webhook = '';
  /** The update types asked for by the last getUpdates or setWebhook that named them; [] is Telegram's default. */
  private allowed: readonly string[] = [];
  /** Ends the getUpdates call held open now, if any, with this error. */
  private endPoll: ((error: InjectedError) => void) | null = null;
  private readonly latencyMs: number;

  constructor(options: EmulatorOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
    this.token = options.token ?? '123456789:TEST-token-for-the-emulator_xyz';
    this.botUser = { id: Number(this.token.split(':')[0]), is_bot: true, first_name: 'newsbrief', username: options.botUsername ?? 'newsbrief_test_bot' };
    this.limits = new LimitTracker(options.limits ?? {});
    this.handlers = methodHandlers(this);
  }

  /** `http://127.0.0.1:<port>`, for telegraf's `telegram.apiRoot`. */
  get apiRoot(): string {
    return this.apiRootValue;
  }

  /** Listens on 127.0.0.1:`port` (0: any free port). */
  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    this.server.on('connection', () => (this.connectionCount += 1));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.apiRootValue = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const wake of this.pollWaiters) wake();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  // ---- simulating people ----

  /** Makes `chat` known to getChat (channels, groups addressed by @username). */
  addChat(chat: ChatInfo): void {
    this.chats.set(chat.id, chat);
    if (chat.username) this.chats.set(`@${chat.username.toLowerCase()}`, chat);
  }

  /** Sets what getChatMember answers for this user in this chat (default: `member`). */
  setMember(chatId: number, userId: number, status: string, extra: Record<string, unknown> = {}): void {
    this.members.set(`${chatId}:${userId}`, { status, ...extra });
  }

  /**
   * An admin takes away (`mayPost` false) or gives back the bot's right to post in `chat`, as
   * Telegram does it: in a group the bot becomes `restricted` without can_send_messages (or a
   * plain member again), in a channel an administrator without (or with) can_post_messages.
   * getChatMember and sendMessage answer by it from now on, and the bot gets the my_chat_member
   * update Telegram sends about the change; returns its update_id.
   */
  setBotMayPost(chat: ChatInfo, mayPost: boolean, by: UserInfo = { id: 1, first_name: 'Admin' }): number {
    const key = `${chat.id}:${this.botUser.id}`;
    const old = this.members.get(key) ?? { status: chat.type === 'channel' ? 'administrator' : 'member' };
    const now = chat.type === 'channel'
      ? { status: 'administrator', can_be_edited: false, can_post_messages: mayPost, can_edit_messages: true, can_delete_messages: true }
      : mayPost ? { status: 'member' } : { status: 'restricted', is_member: true, can_send_messages: false, until_date: 0 };
    this.members.set(key, now);
    return this.pushUpdate({
      my_chat_member: {
        chat, from: { is_bot: false, first_name: 'Admin', ...by }, date: Math.floor(Date.now() / 1000),
        old_chat_member: { user: this.botUser, ...old },
        new_chat_member: { user: this.botUser, ...now },
      },
    });
  }

  /** Queues a raw update for getUpdates, unless the token asked for none of its type; returns its update_id. */
  pushUpdate(update: Record<string, unknown>): number {
    const update_id = this.nextUpdateId++;
    if (!Object.keys(update).every((type) => this.receives(type))) return update_id;
    this.updates.push({ update_id, ...update });
    for (const wake of this.pollWaiters) wake();
    return update_id;
  }

  /** A user sends `text` in `chat` (a private chat with the user when `chat` is omitted). */
  sendText(from: UserInfo, text: string, chat?: ChatInfo, extra: Record<string, unknown> = {}): number {
    const entities = commandEntities(text);
    return this.sendMessage(from, chat, { text, ...(entities ? { entities } : {}), ...extra });
  }

  /** A user sends a photo with `caption`, whose command Telegram marks in `caption_entities`. */
  sendPhoto(from: UserInfo, caption: string, chat?: ChatInfo, extra: Record<string, unknown> = {}): number {
    const entities = commandEntities(caption);
    const photo = [{ file_id: 'AgACAgQAAx0', file_unique_id: 'AQAD', width: 90, height: 60 }];
    return this.sendMessage(from, chat, { photo, caption, ...(entities ? { caption_entities: entities } : {}), ...extra });
  }

  /**
   * A user sends a message of `content` as Telegram reports it: a sticker, a voice message, a
   * service message (`{ pinned_message: ... }`) or anything else without text.
   */
  sendContent(from: UserInfo, content: Record<string, unknown>, chat?: ChatInfo): number {
    return this.sendMessage(from, chat, content);
  }

  private sendMessage(from: UserInfo, chat: ChatInfo | undefined, content: Record<string, unknown>): number {
    return this.pushUpdate({
      message: {
        message_id: this.userMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: chat ?? { id: from.id, type: 'private' as const },
        from: { is_bot: false, first_name: 'Reader', ...from },
        ...content,
      },
    });
  }

  /**
   * A user edits a message they sent to read `text` (by default the last message any user sent),
   * as Telegram reports it: an `edited_message` with the original message's id and an edit_date.
   */
  editText(from: UserInfo, text: string, chat?: ChatInfo, messageId = this.userMessageId - 1): number {
    const inChat = chat ?? { id: from.id, type: 'private' as const };
    const entities = commandEntities(text);
    const now = Math.floor(Date.now() / 1000);
    return this.pushUpdate({
      edited_message: {
        message_id: messageId,
        date: now,
        edit_date: now,
        chat: inChat,
        from: { is_bot: false, first_name: 'Reader', ...from },
        text,
        ...(entities ? { entities } : {}),
      },
    });
  }

  /** A user presses the inline button with `data` under the bot's message. */
  pressButton(from: UserInfo, message: SentMessage, data: string, chat?: ChatInfo): number {
    const inChat = chat ?? this.chats.get(message.chat_id) ?? { id: message.chat_id, type: 'private' as const };
    return this.pushUpdate({
      callback_query: {
        id: String(this.nextUpdateId * 7),
        from: { is_bot: false, first_name: 'Reader', ...from },
        chat_instance: String(message.chat_id),
        data,
        message: {
          message_id: message.message_id, date: Math.floor(Date.now() / 1000), chat: inChat, text: message.text, from: this.botUser,
          ...(message.message_thread_id === undefined ? {} : { message_thread_id: message.message_thread_id, is_topic_message: true }),
        },
      },
    });
  }

  /**
   * The update types the token receives, as the last program that named them (allowed_updates of
   * getUpdates or setWebhook) left them: Telegram keeps that list until a call names another, and
   * creates no update of any other type.
   */
  setAllowedUpdates(types: readonly string[]): void {
    this.allowed = types;
  }

  /** Whether Telegram would create an update of `type` for this token now. */
  receives(type: string): boolean {
    return this.allowed.length === 0 ? !NOT_SENT_BY_DEFAULT.includes(type) : this.allowed.includes(type);
  }

  // ---- faults and limits ----

  /** From now on every call answers 401 Unauthorized, as after /revoke in @BotFather. */
  revokeToken(): void {
    this.revoked = true;
    this.endPoll?.({ error_code: 401, description: 'Unauthorized' });
  }

  /** The webhook set on the token ('' for none), as getWebhookInfo tells it. */
  get webhookUrl(): string {
    return this.webhook;
  }

  /** setWebhook (`url`) or deleteWebhook (''): setting one ends a held long poll, as Telegram does. */
  setWebhookUrl(url: string): void {
    this.webhook = url;
    if (url !== '') this.endPoll?.({ error_code: 409, description: 'Conflict: terminated by setWebhook request' });
  }

  /** The next call of `method` fails with this error (queued: several calls fail in order). */
  failNext(method: string, error: InjectedError, times = 1): void {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(error);
    this.failures.set(method, queue);
  }

  /** The next call of `method` loses its answer this way (queued, like failNext; checked before it). */
  interruptNext(method: string, fault: ConnectionFault, times = 1): void {
    const queue = this.faults.get(method) ?? [];
    for (let i = 0; i < times; i += 1) queue.push(fault);
    this.faults.set(method, queue);
  }

  /** Sends the answers `hang-after` held back (to clients still waiting); returns how many there were. */
  answerHung(): number {
    const late = this.hung.splice(0);
    for (const send of late) send();
    return late.length;
  }

  /** From now on, sending to `oldId` answers 400 with parameters.migrate_to_chat_id = newId. */
  migrateChat(oldId: number, newId: number): void {
    this.migrated.set(oldId, newId);
    const old = this.chats.get(oldId);
    this.addChat({ ...(old ?? { title: 'group' }), id: newId, type: 'supergroup' });
  }

  /** From now on, sending to this chat answers 403 (`bot was blocked by the user` by default). */
  blockChat(chatId: number, description = 'Forbidden: bot was blocked by the user'): void {
    this.blocked.set(chatId, description);
  }

  /** From now on, sending to this forum topic answers 400 "message thread not found" (an admin deleted it). */
  deleteTopic(chatId: number, threadId: number): void {
    this.deletedTopics.add(`${chatId}:${threadId}`);
  }

  // ---- looking at what happened ----

  messagesTo(chatId: number): SentMessage[] {
    return this.sent.filter((message) => message.chat_id === chatId);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves once `predicate` holds (checked after every API call), or rejects after `timeoutMs`. */
  async waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = 5_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`emulator: condition not met within ${timeoutMs} ms; last calls: ${this.calls.slice(-5).map((c) => c.method).join(', ')}`);
      await new Promise<void>((resolve) => {
        const wake = () => { clearTimeout(timer); this.callWaiters.delete(wake); resolve(); };
        const timer = setTimeout(wake, Math.min(left, 50));
        this.callWaiters.add(wake);
      });
    }
  }

  /** Waits until `count` more messages reached `chatId` than it had when called with `since`. */
  async waitForMessages(chatId: number, count: number, since = 0, timeoutMs = 5_000): Promise<SentMessage[]> {
    return this.waitFor(() => {
      const messages = this.messagesTo(chatId).slice(since);
      return messages.length >= count ? messages : null;
    }, timeoutMs);
  }

  // ---- internals used by the method handlers ----

  /** @internal */ noteAllowedUpdates(value: unknown): void {
    const types = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
    if (Array.isArray(types)) this.allowed = types.map(String);
  }

  /** @internal */ takeFailure(method: string): InjectedError | undefined {
    return this.failures.get(method)?.shift();
  }
  /** @internal */ chatFor(key: number | string): ChatInfo | undefined {
    return this.chats.get(typeof key === 'string' && key.startsWith('@') ? key.toLowerCase() : Number.isNaN(Number(key)) ? key : Number(key));
  }
  /** @internal */ memberOf(chatId: number, userId: number): Record<string, unknown> | undefined {
    return this.members.get(`${chatId}:${userId}`);
  }
  /** @internal */ migratedTo(chatId: number): number | undefined {
    return this.migrated.get(chatId);
  }
  /** @internal */ blockedReason(chatId: number): string | undefined {
    return this.blocked.get(chatId);
  }
  /** @internal */ topicDeleted(chatId: number, threadId: number): boolean {
    return this.deletedTopics.has(`${chatId}:${threadId}`);
  }
  /** @internal */ newMessageId(chatId: number): number {
    const id = (this.nextMessageId.get(chatId) ?? 0) + 1;
    this.nextMessageId.set(chatId, id);
    return id;
  }
  /** @internal */ async takeUpdates(offset: number, limit: number, timeoutSeconds: number, signal: AbortSignal): Promise<unknown[]> {
    const confirmed = this.updates.findIndex((update) => (update.update_id as number) >= offset);
    this.updates.splice(0, confirmed === -1 ? this.updates.length : confirmed);
    if (this.updates.length === 0 && timeoutSeconds > 0 && !signal.aborted) {
      await new Promise<void>((resolve) => {
        const wake = () => { clearTimeout(timer); this.pollWaiters.delete(wake); signal.removeEventListener('abort', wake); resolve(); };
        const timer = setTimeout(wake, timeoutSeconds * 1000);
        this.pollWaiters.add(wake);
        signal.addEventListener('abort', wake);
      });
    }
    return this.updates.slice(0, limit);
  }

  /**
   * getUpdates as Telegram answers it: refused while a webhook is set, and one call at a time per
   * token, a newer call ending the one held open with 409 (a second instance of the bot).
   */
  private async longPoll(params: Record<string, unknown>, closed: AbortSignal): Promise<unknown[]> {
    if (this.webhook !== '') throw new ApiError({ error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" });
    this.endPoll?.({ error_code: 409, description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running' });
    const ended = new AbortController();
    let endedWith: InjectedError | null = null;
    const end = (error: InjectedError) => {
      endedWith = error;
      ended.abort();
    };
    this.endPoll = end;
    this.noteAllowedUpdates(params.allowed_updates);
    closed.addEventListener('abort', () => ended.abort(), { once: true });
    try {
      const updates = await this.takeUpdates(Number(params.offset ?? 0), Number(params.limit ?? 100), Number(params.timeout ?? 0), ended.signal);
      if (endedWith !== null) throw new ApiError(endedWith);
      return updates;
    } finally {
      if (this.endPoll === end) this.endPoll = null;
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    const write = (status: number, body: unknown) => {
      if (res.writableEnded || res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    const answer = (status: number, body: unknown) => {
      if (this.latencyMs > 0 && match?.[2] !== 'getUpdates') setTimeout(() => write(status, body), this.latencyMs);
      else write(status, body);
    };
    if (!match || match[1] !== this.token || this.revoked) return answer(match ? 401 : 404, { ok: false, error_code: match ? 401 : 404, description: match ? 'Unauthorized' : 'Not Found' });
    const method = match[2] as string;
    const body = await readBody(req);
    const params = url.search === '' ? body : { ...Object.fromEntries(url.searchParams), ...body };
    const record = (ok: boolean, errorCode?: number) => {
      this.calls.push({ method, params, at: Date.now(), ok, ...(errorCode === undefined ? {} : { errorCode }) });
      for (const wake of this.callWaiters) wake();
    };
    const fail = (error: InjectedError) => {
      record(false, error.error_code);
      answer(error.error_code, { ok: false, ...error });
    };
    const fault = this.faults.get(method)?.shift();
    if (fault === 'reset-before') return void req.socket.destroy();
    const injected = this.takeFailure(method);
    if (injected) return fail(injected);
    const handler = this.handlers[method];
    if (!handler) return fail({ error_code: 404, description: 'Not Found: method not found' });
    try {
      const result = method === 'getUpdates' ? await this.longPoll(params, closedSignal(res)) : handler(params);
      record(true);
      if (fault === 'reset-after') return void req.socket.destroy();
      if (fault === 'hang-after') return void this.hung.push(() => answer(200, { ok: true, result }));
      answer(200, { ok: true, result });
    } catch (error) {
      if (error instanceof ApiError) return fail(error.body);
      throw error;
    }
  }
}

/** The bot_command entity Telegram marks at the start of a text or caption that begins with `/`. */
function commandEntities(text: string): { type: 'bot_command'; offset: number; length: number }[] | undefined {
  return text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0]!.length }] : undefined;
}

/** Aborts when the client goes away: a long poll held open for a closed connection ends at once. */
function closedSignal(res: ServerResponse): AbortSignal {
  const abort = new AbortController();
  if (res.destroyed) abort.abort();
  else res.on('close', () => abort.abort());
  return abort.signal;
}

// Plain 'data'/'end' listeners: cheaper per request than an async iterator, which benchmarks feel.
function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('error', reject);
    req.on('end', () => {
      const type = req.headers['content-type'] ?? '';
      try {
        if (text === '') resolve({});
        else if (type.includes('application/json')) resolve(JSON.parse(text) as Record<string, unknown>);
        else if (type.includes('application/x-www-form-urlencoded')) resolve(Object.fromEntries(new URLSearchParams(text)));
        else resolve({});
      } catch (error) {
        reject(error);
      }
    });
  });
}
