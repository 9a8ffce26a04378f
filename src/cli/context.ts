import { parseConfig, type Config } from '../config.js';
import { loadFeedsFile } from '../feeds-file.js';
import type { FeedSpec } from '../core/types.js';

/** What most subcommands need: the validated environment and feeds list. */
export interface CliContext {
  readonly config: Config;
  readonly feeds: readonly FeedSpec[];
}

/** Reads env and feeds.json once; throws ConfigError (printed by runCli) when either is wrong. */
export function loadCliContext(env: Record<string, string | undefined> = process.env): CliContext {
  const config = parseConfig(env);
  return { config, feeds: loadFeedsFile(config.feedsFile) };
}
