/**
 * Resolves on the event loop's next turn, after pending I/O: long jobs await it between batches
 * so the bot answers Telegram meanwhile (a resolved promise would not let I/O in).
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
