import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/poll-harness.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

function run(bin: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

let dir: { dir: string; cleanup: () => void };
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.cleanup());

describe('bin/newsbrief.js', () => {
  it('runs the TypeScript sources when src/ exists, even beside a built dist/, and dist/ when it does not', async () => {
    const root = join(dir.dir, 'layout');
    mkdirSync(join(root, 'bin'), { recursive: true });
    mkdirSync(join(root, 'src/cli'), { recursive: true });
    mkdirSync(join(root, 'dist/src/cli'), { recursive: true });
    copyFileSync(join(REPO, 'bin/newsbrief.js'), join(root, 'bin/newsbrief.js'));
    writeFileSync(join(root, 'package.json'), '{ "type": "module" }');
    symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
    writeFileSync(join(root, 'src/cli/main.ts'), "const from: string = 'src';\nprocess.stdout.write(from);\n");
    writeFileSync(join(root, 'dist/src/cli/main.js'), "process.stdout.write('dist');\n");
    expect((await run(join(root, 'bin/newsbrief.js'), [])).stdout).toBe('src');
    rmSync(join(root, 'src'), { recursive: true });
    expect((await run(join(root, 'bin/newsbrief.js'), [])).stdout).toBe('dist');
  });

  it('check says what npm start still does without a bot token', async () => {
    const feeds = join(dir.dir, 'feeds.json');
    writeFileSync(feeds, JSON.stringify({ feeds: [{ id: 'a', url: 'https://a.example/rss', language: 'en', topics: ['news'] }] }));
    const result = await run(join(REPO, 'bin/newsbrief.js'), ['check'], { FEEDS_FILE: feeds, DATABASE_PATH: join(dir.dir, 'check.db') });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('bot token: not set: npm start will only poll and condense the feeds; see README to get one');
  });
});
