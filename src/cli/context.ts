import { parseConfig, type Config } from '../config.js';
import { loadFeedsDocument } from '../feeds-file.js';
import type { TopicNames } from '../core/topic-names.js';
import type { FeedSpec } from '../core/types.js';

/**
 * The variables a subcommand reads its configuration from. Only the CLI's entry point (main.ts)
 * takes them from process.env; every subcommand is handed them, so tests pass their own.
 */
export type CliEnv = Readonly<Record<string, string | undefined>>;

/** What most subcommands need: the validated environment and feeds list. */
export interface CliContext {
  readonly config: Config;
  readonly feeds: readonly FeedSpec[];
  /** What readers call the topics (feeds.json's topicNames). */
  readonly topicNames: TopicNames;
}

/** Reads env and feeds.json once; throws ConfigError (printed by runCli) when either is wrong. */
export function loadCliContext(env: CliEnv): CliContext {
  const config = parseConfig(env);
  const { feeds, topicNames } = loadFeedsDocument(config.feedsFile);
  return { config, feeds, topicNames };
}
