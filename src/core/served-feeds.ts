/**
 * The feeds the running bot serves, as it records them in the database, and how feeds.json on disk
 * differs from them. The two part whenever the file is edited without a reload (SIGHUP, /reload),
 * or saved broken (the bot keeps its last good list): a command that judges the bot from outside
 * (`newsbrief health`) must judge what the bot serves, not the file.
 */
import type { FeedSpec } from './types.js';

/** The list the bot loaded last (start, SIGHUP or /reload): the ids it polls, and when. */
export interface ServedFeeds {
  readonly enabledFeedIds: readonly string[];
  readonly loadedAt: number;
}

/** The ids of the enabled feeds of `feeds`, in their order: what a bot serving them polls. */
export function enabledFeedIds(feeds: readonly FeedSpec[]): string[] {
  return feeds.filter((feed) => feed.enabled).map((feed) => feed.id);
}

/** What the bot would record for `feeds`, loaded at `loadedAt`. */
export function servedFeedsOf(feeds: readonly FeedSpec[], loadedAt: number): ServedFeeds {
  return { enabledFeedIds: enabledFeedIds(feeds), loadedAt };
}

/** Enabled feeds the file and the served list disagree on; both empty when they agree. */
export interface ServedDrift {
  /** Enabled in feeds.json, but not polled until the bot reloads it. */
  readonly notServedYet: readonly string[];
  /** Polled by the bot, but no longer enabled (or listed) in feeds.json. */
  readonly notInFile: readonly string[];
}

export function compareServedWithFile(served: ServedFeeds, file: readonly FeedSpec[]): ServedDrift {
  const inFile = enabledFeedIds(file);
  const polled = new Set(served.enabledFeedIds);
  return {
    notServedYet: inFile.filter((id) => !polled.has(id)),
    notInFile: served.enabledFeedIds.filter((id) => !inFile.includes(id)),
  };
}

/** One line for the operator on how the file differs, naming what to do; null when it does not. */
export function describeServedDrift(drift: ServedDrift, loadedAt: string): string | null {
  const parts = [
    ...(drift.notServedYet.length > 0 ? [`enables ${drift.notServedYet.join(', ')}, not served yet`] : []),
    ...(drift.notInFile.length > 0 ? [`no longer enables ${drift.notInFile.join(', ')}, still served`] : []),
  ];
  if (parts.length === 0) return null;
  return `feeds.json ${parts.join(', and ')}: the bot serves the list it loaded at ${loadedAt} until it reloads the file (SIGHUP or /reload)`;
}
