/** Runs work for one chat at a time, in arrival order; other chats are not held up. */
export interface ChatQueue {
  /** Starts `work` once every earlier piece of work queued for `chatId` has settled (fulfilled or not). */
  run<T>(chatId: number, work: () => Promise<T>): Promise<T>;
}

/**
 * A queue per chat. The commands that hand out briefings (/latest, /digest) read what the chat has
 * not received, send it and only then record it as received; queueing them per chat keeps two such
 * commands of the same chat from picking the same briefings while the first is still being sent.
 * Memory stays bounded: a chat's entry is dropped once its last piece of work settles.
 */
export function createChatQueue(): ChatQueue {
  const tails = new Map<number, Promise<unknown>>();
  return {
    run<T>(chatId: number, work: () => Promise<T>): Promise<T> {
      const previous = tails.get(chatId) ?? Promise.resolve();
      const result = previous.then(work, work);
      const tail = result.catch(() => undefined);
      tails.set(chatId, tail);
      void tail.then(() => {
        if (tails.get(chatId) === tail) tails.delete(chatId);
      });
      return result;
    },
  };
}
