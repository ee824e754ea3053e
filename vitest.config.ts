import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The examples import errata by its package name ('errata/express'): tsconfig.json maps it to src/.
  resolve: { tsconfigPaths: true },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    typecheck: { include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
