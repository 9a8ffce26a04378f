import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Generous: the CLI and end-to-end tests start several processes each, which takes long on a
    // busy 2-core machine. A limit is a guard against a hang, not a measure of speed.
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // Integration tests open real sockets and SQLite files; two workers match the CI machine.
    maxWorkers: 2,
  },
});
