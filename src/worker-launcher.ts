/**
 * How worker threads are started (the parse pool's, the WAL checkpointer's). Compiled JavaScript
 * runs as it is. From TypeScript sources (tsx, vitest) the worker and the modules it needs are
 * bundled into one script with the esbuild that tsx ships: a worker that registered tsx's loader instead would
 * carry a loader thread of its own (about 20 MB more per worker). When bundling is impossible
 * the worker registers tsx itself (Node 20 does not pass a parent's `--import` hooks on).
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** Starts one worker per call, handing it `workerData`; throws when none can be started. */
export type WorkerLauncher = (workerData?: unknown) => Worker;

interface EsbuildApi {
  buildSync(options: Record<string, unknown>): { outputFiles?: Array<{ text: string }>; errors: unknown[] };
}

/** A launcher for workers running `workerUrl` (a .js module, or a .ts one from sources). */
export function workerLauncher(workerUrl: URL, resourceLimits: ResourceLimits): WorkerLauncher {
  if (!workerUrl.pathname.endsWith('.ts')) return (workerData) => new Worker(workerUrl, { resourceLimits, workerData });
  const bundle = bundleWorker(workerUrl);
  if (bundle !== null) return (workerData) => new Worker(bundle, { eval: true, execArgv: [], resourceLimits, workerData });
  const bootstrap = tsxBootstrap(workerUrl);
  return (workerData) => new Worker(bootstrap, { eval: true, resourceLimits, workerData });
}

/** The worker and everything it imports as one CommonJS script, or null when esbuild is unavailable. */
function bundleWorker(workerUrl: URL): string | null {
  try {
    const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
    const esbuild = fromTsx('esbuild') as EsbuildApi;
    const result = esbuild.buildSync({
      entryPoints: [fileURLToPath(workerUrl)],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    return result.errors.length === 0 ? result.outputFiles?.[0]?.text ?? null : null;
  } catch {
    return null;
  }
}

/** A script that registers tsx's loader, then imports the TypeScript worker. */
function tsxBootstrap(workerUrl: URL): string {
  const require = createRequire(import.meta.url);
  const tsxPackage = require('tsx/package.json') as { exports: Record<string, { import?: { default?: string } } | string> };
  const api = tsxPackage.exports['./esm/api'];
  const apiPath = typeof api === 'object' ? api.import?.default : undefined;
  if (apiPath === undefined) throw new Error('worker-launcher: cannot find tsx/esm/api to load the TypeScript worker');
  const apiUrl = new URL(apiPath, pathToFileURL(require.resolve('tsx/package.json'))).href;
  return `import(${JSON.stringify(apiUrl)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); });`;
}
