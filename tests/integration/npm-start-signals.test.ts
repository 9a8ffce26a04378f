import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startApp, until } from '../helpers/app-process.js';
import { BotApiEmulator } from '../helpers/bot-api-emulator.js';

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
  const cases = [
    { signal: 'SIGTERM', to: 'npm' },
    { signal: 'SIGINT', to: 'npm' },
  ] as const;
  it.skipIf(!hasTools).each(cases)('stops the bot cleanly when $to gets $signal', async ({ signal }) => {
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

/**
 * Stopping while a reply to Telegram hangs (accepted, never answered). The process logged
 * `stopped` and then stayed alive until that call's own timeout, minutes later. And Ctrl-C under
 * `npm start` reaches the bot twice, from the terminal and passed on by npm: the second one,
 * without a listener left, killed the bot halfway through its shutdown.
 */
describe('stopping while a reply to Telegram hangs', () => {
  const stop = async (signals: readonly NodeJS.Signals[]) => {
    const emulator = await new BotApiEmulator().start();
    const dir = mkdtempSync(join(tmpdir(), 'nb-stop-hung-'));
    writeFileSync(join(dir, 'feeds.json'), '[]');
    const app = startApp({ BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, FEEDS_FILE: join(dir, 'feeds.json'), DATABASE_PATH: join(dir, 'bot.db') });
    try {
      await until(() => app.output().includes('"msg":"bot: started"'), 'the bot to start');
      emulator.interruptNext('sendMessage', 'hang-after');
      emulator.sendText({ id: 7, first_name: 'Ed' }, '/help');
      await emulator.waitFor(() => emulator.callsOf('sendMessage').length > 0, 10_000);
      for (const signal of signals) {
        app.child.kill(signal);
        await until(() => app.output().includes('"msg":"shutting down"'), 'the shutdown to begin');
      }
      return { code: await app.exited, output: app.output() };
    } finally {
      app.child.kill('SIGKILL');
      await emulator.stop();
    }
  };

  it('exits once stopped, the reply still unanswered', async () => {
    const { code, output } = await stop(['SIGTERM']);
    expect(code).toBe(0);
    expect(output).toContain('"msg":"stopped"');
  });

  it('is not cut short by a second SIGINT', async () => {
    const { code, output } = await stop(['SIGINT', 'SIGINT']);
    expect(code).toBe(0);
    expect(output).toContain('"msg":"stopped"');
  });
});
