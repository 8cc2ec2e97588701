import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'runtime/**/*.test.ts', 'db/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    // Key derivation is deliberately slow; the native SQLite module prefers processes to threads.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
