/** Stories /latest shows when no count is given. */
const LATEST_DEFAULT_COUNT = 5;
/** The most stories one /latest shows: a larger count gets this many, and the header says so. */
export const LATEST_MAX_COUNT = 20;

/** What `/latest [n] [topic|feed ...]` asks for. */
export interface LatestRequest {
  /** Stories to show: the count asked for, at most LATEST_MAX_COUNT. */
  readonly count: number;
  /** LATEST_MAX_COUNT when a larger count was asked for (the header says so), else undefined. */
  readonly cappedAt: number | undefined;
  /** The topics and feeds to read (names or ids as typed); none means the chat's own feeds. */
  readonly words: readonly string[];
}

/**
 * Reads /latest's arguments in any order: the one number-like word is the count, the others name
 * topics or feeds. Null when the count is not a whole number from 1 up, or when two are given, so
 * the reader is told rather than shown a count they did not mean.
 */
export function readLatestRequest(args: readonly string[]): LatestRequest | null {
  const numbers = args.filter(isNumberLike);
  const asked = numbers.length === 0 ? LATEST_DEFAULT_COUNT : Number(numbers[0]);
  if (numbers.length > 1 || !Number.isInteger(asked) || asked < 1) return null;
  return {
    count: Math.min(asked, LATEST_MAX_COUNT),
    cappedAt: asked > LATEST_MAX_COUNT ? LATEST_MAX_COUNT : undefined,
    words: args.filter((arg) => !isNumberLike(arg)),
  };
}

/** "10", "-3", "1.5": meant as a count (and refused if it is not a whole number from 1 up). */
function isNumberLike(arg: string): boolean {
  return /^[-+]?\d+(?:[.,]\d*)?$/.test(arg);
}
