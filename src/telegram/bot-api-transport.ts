import { createJsonPost, parseAnswerBody, type PostAnswer } from './post-json.js';
import { classifyAnswer, classifyNetworkError, type BotApiAnswer, type SendOutcome } from './send-errors.js';

/** One message as the sender hands it to Telegram; `options` are further sendMessage fields. */
export interface OutgoingMessage {
  readonly chatId: number;
  readonly text: string;
  readonly parseMode?: 'HTML' | 'MarkdownV2';
  readonly options?: Readonly<Record<string, unknown>>;
}

/** The one Bot API call the sender needs; answers are already classified, it never throws. */
export interface Transport {
  sendMessage(message: OutgoingMessage): Promise<SendOutcome>;
}

export interface HttpTransportOptions {
  /** `https://api.telegram.org`, or an emulator / self-hosted Bot API server. */
  readonly apiRoot: string;
  readonly token: string;
  readonly timeoutMs?: number;
}

/**
 * sendMessage over HTTP on a keep-alive connection (telegram/post-json.ts: node:http(s), not the
 * runtime's fetch, whose garbage grew a broadcast's heap by about 100 MB). The URL carries the
 * token, so it never appears in an outcome or error text.
 */
export function createHttpTransport(options: HttpTransportOptions): Transport {
  const post = createJsonPost(new URL(`${options.apiRoot.replace(/\/+$/, '')}/bot${options.token}/sendMessage`), { timeoutMs: options.timeoutMs ?? 15_000 });
  return {
    async sendMessage(message) {
      const body = JSON.stringify({
        ...message.options,
        chat_id: message.chatId,
        text: message.text,
        ...(message.parseMode ? { parse_mode: message.parseMode } : {}),
      });
      let answer: PostAnswer;
      try {
        answer = await post(body);
      } catch (error) {
        return classifyNetworkError(scrubToken(error, options.token));
      }
      return classifyAnswer(answer.status, parseAnswerBody(answer) as BotApiAnswer | null);
    },
  };
}

function scrubToken(error: unknown, token: string): unknown {
  if (!(error instanceof Error) || token === '') return error;
  const copy = new Error(error.message.split(token).join('[redacted]'));
  copy.name = error.name;
  return copy;
}
