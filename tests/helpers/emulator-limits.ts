/** Rate limits the emulator enforces on sendMessage, as Telegram does (roughly). */
export interface EmulatorLimits {
  /** Messages per second into one chat (Telegram: about 1). */
  readonly perChatPerSecond?: number;
  /** Messages per second in total (Telegram: about 30). */
  readonly globalPerSecond?: number;
  /** Messages per minute into one group or supergroup (Telegram: 20). */
  readonly perGroupPerMinute?: number;
}

/** Sliding-window counters; `check` answers the retry_after in seconds when a send is over a limit. */
export class LimitTracker {
  private readonly perChat = new Map<number, number[]>();
  private readonly global: number[] = [];
  n429 = 0;
  n429Global = 0;

  constructor(private readonly limits: EmulatorLimits) {}

  /** Records the send when allowed and returns null; otherwise returns retry_after (whole seconds). */
  check(chatId: number, isGroup: boolean, now: number): { retryAfter: number; global: boolean } | null {
    const { perChatPerSecond, globalPerSecond, perGroupPerMinute } = this.limits;
    const chatTimes = this.perChat.get(chatId) ?? [];
    prune(chatTimes, now - 60_000);
    prune(this.global, now - 1_000);
    if (globalPerSecond !== undefined && this.global.length >= globalPerSecond) {
      this.n429 += 1;
      this.n429Global += 1;
      return { retryAfter: Math.max(1, Math.ceil((this.global[0]! + 1_000 - now) / 1000)), global: true };
    }
    const lastSecond = chatTimes.filter((at) => at > now - 1_000);
    if (perChatPerSecond !== undefined && lastSecond.length >= perChatPerSecond) {
      this.n429 += 1;
      return { retryAfter: Math.max(1, Math.ceil((lastSecond[0]! + 1_000 - now) / 1000)), global: false };
    }
    if (isGroup && perGroupPerMinute !== undefined && chatTimes.length >= perGroupPerMinute) {
      this.n429 += 1;
      return { retryAfter: Math.max(1, Math.ceil((chatTimes[0]! + 60_000 - now) / 1000)), global: false };
    }
    chatTimes.push(now);
    this.perChat.set(chatId, chatTimes);
    this.global.push(now);
    return null;
  }
}

function prune(times: number[], before: number): void {
  let drop = 0;
  while (drop < times.length && times[drop]! <= before) drop += 1;
  if (drop > 0) times.splice(0, drop);
}
