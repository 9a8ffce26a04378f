import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { until } from '../helpers/app-process.js';

/** The processes below `pid` (npm -> sh -> tsx -> node, as `npm start` made them), to clean up after a failure. */
function descendants(pid: number): number[] {
  const children = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/**
 * `npm start` as a supervisor or `kill` stops it: the signal reaches npm, which passes SIGTERM and
 * SIGINT to its child only. With a shell and tsx's own process between npm and the bot, the shell
 * died and the bot ran on, orphaned, and was never stopped.
 */
describe('npm start', () => {
  const hasTools = spawnSync('npm', ['--version']).status === 0 && spawnSync('pgrep', ['-V']).status === 0;
  it.skipIf(!hasTools).each(['SIGTERM', 'SIGINT'] as const)('stops the bot cleanly when npm gets %s', async (signal) => {
    const dir = mkdtempSync(join(tmpdir(), 'nb-npm-start-'));
    writeFileSync(join(dir, 'feeds.json'), '[]');
    const npm = spawn('npm', ['start', '--silent'], {
      env: { PATH: process.env.PATH ?? '', HOME: dir, LOG_LEVEL: 'info', FEEDS_FILE: join(dir, 'feeds.json'), DATABASE_PATH: join(dir, 'bot.db') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let exited = false;
    npm.once('exit', () => (exited = true));
    let below: number[] = [];
    try {
      await until(() => output.includes('"msg":"newsbrief started"'), 'the bot to start', 60_000);
      below = descendants(npm.pid!);
      npm.kill(signal);
      await until(() => exited, 'npm to exit', 30_000);
      // npm has waited for its child: the bot got the signal and had shut down by then.
      expect(output).toContain(`"reason":"${signal}","msg":"shutting down"`);
      expect(output).toContain('"msg":"stopped"');
    } finally {
      for (const pid of [npm.pid!, ...below]) spawnSync('kill', ['-KILL', String(pid)]);
    }
  });
});
