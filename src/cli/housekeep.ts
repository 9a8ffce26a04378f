import { existsSync, statSync } from 'node:fs';
import { Command } from 'commander';
import { housekeep } from '../jobs/housekeeping.js';
import { createSilentLogger } from '../log.js';
import { openDatabase } from '../store/database.js';
import { createSqliteArticleRepository } from '../store/sqlite/article-repository.js';
import { createSqliteOutboxRepository } from '../store/sqlite/outbox-repository.js';
import { createSqlitePageRepository } from '../store/sqlite/page-repository.js';
import { createSqliteSubscriberRepository } from '../store/sqlite/subscriber-repository.js';
import { loadCliContext, type CliEnv } from './context.js';
import { UsageError } from './run-cli.js';
import { EXIT_ON_MISTAKE, helpFooter } from './help-footer.js';

/**
 * `newsbrief housekeep [--vacuum]`: the nightly clean-up, now. SQLite reuses what housekeeping
 * frees but never hands it back to the disk; `--vacuum` rewrites the file so it shrinks.
 */
export function housekeepCommand(env: CliEnv): Command {
  return new Command('housekeep')
    .description('Clear now what the nightly housekeeping clears: article text, finished messages and delivery receipts older than RETENTION_DAYS (default 30), and article pages fetched over a day ago')
    .option('--vacuum', 'then rewrite the database file so the freed space goes back to the disk (it needs the database to itself: best with the bot stopped)')
    .addHelpText('after', helpFooter([
        'newsbrief housekeep',
        'RETENTION_DAYS=7 newsbrief housekeep --vacuum',
      ], ['0  cleared (and vacuumed)', '1  no database at DATABASE_PATH', EXIT_ON_MISTAKE]))
    .action(async (options: { vacuum?: boolean }) => {
      const { config } = loadCliContext(env);
      // A missing file is most likely a mistyped DATABASE_PATH: creating an empty database there would hide that.
      if (config.databasePath !== ':memory:' && !existsSync(config.databasePath)) {
        throw new UsageError(`housekeep: no database at ${config.databasePath}, so nothing to clear (has newsbrief started? DATABASE_PATH or DATA_DIR names the file)`);
      }
      const db = openDatabase(config.databasePath);
      try {
        const deps = {
          articles: createSqliteArticleRepository(db),
          outbox: createSqliteOutboxRepository(db),
          subscribers: createSqliteSubscriberRepository(db),
          pages: createSqlitePageRepository(db),
          logger: createSilentLogger(),
        };
        const report = await housekeep(deps, Date.now(), config.retentionDays);
        process.stdout.write(
          `Older than ${config.retentionDays} days: cleared the text of ${report.articleTexts} articles; deleted ${report.messages} finished messages, ` +
            `${report.digestRuns} digest records and ${report.deliveries} delivery receipts.\n` +
            `Older than a day: deleted ${report.pages} fetched article pages (full text is fetched again after that).\n`,
        );
        if (options.vacuum !== true) return;
        process.stdout.write(`Vacuuming ${config.databasePath} (${megabytes(config.databasePath)} MB)...\n`);
        db.exec('VACUUM');
        // In WAL mode the rewritten pages sit in the log until a checkpoint copies them back and truncates.
        db.pragma('wal_checkpoint(TRUNCATE)');
        process.stdout.write(`Done: ${megabytes(config.databasePath)} MB.\n`);
      } finally {
        db.close();
      }
    });
}

function megabytes(path: string): string {
  return (statSync(path).size / 1024 / 1024).toFixed(1);
}
