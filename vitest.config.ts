import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The examples import errata by its package name ('errata/express'): tsconfig.json maps it to src/.
  resolve: { tsconfigPaths: true },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The docs test writes each page's code blocks there (an `orders.test.ts` block too): not ours to run.
    exclude: ['**/node_modules/**', 'test/.docs-blocks/**'],
    typecheck: {
      include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'],
      exclude: ['**/node_modules/**', 'test/.docs-blocks/**'],
      tsconfig: './tsconfig.json',
    },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
