import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./broadcast-child.ts', import.meta.url));

/**
 * Runs tests/helpers/broadcast-child.ts (the bot's delivery side alone) with `env` added; resolves
 * with its exit code 0, or null when `killAfterMs` passed first and it was SIGKILLed; rejects on
 * any other exit, with the end of its stderr.
 */
export function runBroadcastChild(env: Record<string, string>, killAfterMs: number | null): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(null);
      else if (code === 0) resolve(0);
      else reject(new Error(`broadcast child exited ${code}: ${stderr.slice(-2000)}`));
    });
  });
}
