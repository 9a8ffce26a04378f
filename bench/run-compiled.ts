/**
 * `tsx bench/run-compiled.ts <bench> [args]`: runs bench/<bench>.ts compiled, the way the
 * Docker image runs the bot (plain node on JavaScript), so memory figures do not include tsx's
 * module-loader thread (about 35 MB of RSS that the production process does not carry).
 * The bench, its helper processes and the parse worker are bundled with the esbuild that tsx
 * ships into `.bench/`, one folder below the project like bench/, so paths relative to the
 * bench still resolve and packages load from node_modules as usual; code they share and code
 * they import dynamically go to chunks of their own.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { summariseRuns, type Figures } from './run-summary.js';

interface EsbuildApi {
  buildSync(options: Record<string, unknown>): { errors: unknown[] };
}

const [name, ...rest] = process.argv.slice(2);
if (name === undefined || !/^[a-z-]+$/.test(name)) {
  console.error('usage: tsx bench/run-compiled.ts <bench name> [--runs N] [args...]');
  process.exit(2);
}
const runsAt = rest.indexOf('--runs');
const runs = runsAt >= 0 ? Number(rest[runsAt + 1]) : 1;
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`bench/run-compiled: --runs needs a whole number of at least 1, not ${rest[runsAt + 1] ?? 'nothing'}`);
  process.exit(2);
}
const args = runsAt >= 0 ? [...rest.slice(0, runsAt), ...rest.slice(runsAt + 2)] : rest;
const root = new URL('../', import.meta.url);
const source = (path: string): string => fileURLToPath(new URL(path, root));
const outdir = source('.bench/');
// The entry points each bench may start as a thread or a process of its own.
const entryPoints: Record<string, string> = {
  [name]: source(`bench/${name}.ts`),
  'parse-worker': source('src/feeds/parse-worker.ts'),
  'checkpoint-worker': source('src/store/checkpoint-worker.ts'),
  'poll-server': source('bench/poll-server.ts'),
};
const esbuild = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'))('esbuild') as EsbuildApi;
// Splitting keeps each dynamic import a module of its own, loaded when first imported, as in the
// tsc-compiled image: bundled inline, its packages' imports would be hoisted and load at start.
esbuild.buildSync({ entryPoints, outdir, bundle: true, splitting: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });

const command = [process.execPath, '--expose-gc', `${outdir}${name}.js`, ...args] as const;
if (runs === 1) {
  const child = spawn(command[0], command.slice(1), { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 128)));
} else {
  // One process per run, one after another; each run's own last line, then the summary.
  const figures: Figures[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const result = spawnSync(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
    const last = result.stdout.trim().split('\n').at(-1) ?? '';
    if (result.status !== 0 || !last.startsWith('{')) {
      console.error(`bench/run-compiled: run ${run} of ${name} failed (exit ${result.status ?? result.signal})`);
      process.exit(1);
    }
    console.log(`run ${run}/${runs}: ${last}`);
    figures.push(JSON.parse(last) as Figures);
  }
  console.log(JSON.stringify({ bench: name, ...summariseRuns(figures) }));
}
