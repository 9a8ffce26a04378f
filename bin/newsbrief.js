#!/usr/bin/env node
// Runs the TypeScript sources through tsx in a checkout (src/ present, so edits take effect without
// a build and a stale dist/ is never used), else the compiled CLI (the Docker image has no src/).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const source = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(source).href);
} else {
  await import(new URL('../dist/src/cli/main.js', import.meta.url).href);
}
