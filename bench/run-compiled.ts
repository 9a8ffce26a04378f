/**
 * `tsx bench/run-compiled.ts <bench> [args]`: runs bench/<bench>.ts compiled, the way the
 * Docker image runs the bot (plain node on JavaScript), so memory figures do not include tsx's
 * module-loader thread (about 35 MB of RSS that the production process does not carry).
 * The bench, its helper processes and the parse worker are bundled with the esbuild that tsx
 * ships into `.bench/`, one folder below the project like bench/, so paths relative to the
 * bench still resolve and packages load from node_modules as usual.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

interface EsbuildApi {
  buildSync(options: Record<string, unknown>): { errors: unknown[] };
}

const [name, ...args] = process.argv.slice(2);
if (name === undefined || !/^[a-z-]+$/.test(name)) {
  console.error('usage: tsx bench/run-compiled.ts <bench name> [args...]');
  process.exit(2);
}
const root = new URL('../', import.meta.url);
const source = (path: string): string => fileURLToPath(new URL(path, root));
const outdir = source('.bench/');
// The entry points each bench may start as a thread or a process of its own.
const entryPoints: Record<string, string> = {
  [name]: source(`bench/${name}.ts`),
  'parse-worker': source('src/feeds/parse-worker.ts'),
  'poll-server': source('bench/poll-server.ts'),
};
const esbuild = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'))('esbuild') as EsbuildApi;
esbuild.buildSync({ entryPoints, outdir, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });

const child = spawn(process.execPath, ['--expose-gc', `${outdir}${name}.js`, ...args], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 128)));
