import { parseConfig, type Config } from '../config.js';
import { loadFeedsDocument } from '../feeds-file.js';
import type { TopicNames } from '../core/topic-names.js';
import type { FeedSpec } from '../core/types.js';

/** What most subcommands need: the validated environment and feeds list. */
export interface CliContext {
  readonly config: Config;
  readonly feeds: readonly FeedSpec[];
  /** What readers call the topics (feeds.json's topicNames). */
  readonly topicNames: TopicNames;
}

/** Reads env and feeds.json once; throws ConfigError (printed by runCli) when either is wrong. */
export function loadCliContext(env: Record<string, string | undefined> = process.env): CliContext {
  const config = parseConfig(env);
  const { feeds, topicNames } = loadFeedsDocument(config.feedsFile);
  return { config, feeds, topicNames };
}
