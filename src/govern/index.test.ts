import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as lintEntry from './index.js';

describe('errata/lint entry', () => {
  it('exports exactly its public surface', () => {
    expect(Object.keys(lintEntry).sort()).toEqual([
      'LintConfigError',
      'builtinRules',
      'checkLock',
      'configureRules',
      'countFindings',
      'defineRule',
      'diffCatalogs',
      'entryLines',
      'formatChanges',
      'formatFindings',
      'lint',
      'lockText',
      'toSarif',
    ]);
  });

  it('bundles for any runtime (no Node built-ins) and stays small', async () => {
    const result = await build({
      entryPoints: ['src/govern/index.ts'],
      bundle: true,
      minify: true,
      platform: 'neutral',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    expect(new TextDecoder().decode(code)).not.toMatch(/from\s*"node:/);
    // 22,695 B measured: 19,612 B before the translation rules and diff kinds (translations.ts,
    // the ICU AST walk, the locale fallback, "did you mean", diff/translations.ts). The ICU MessageFormat parser they read
    // translated messages with (7,778 B gzipped alone) is not bundled: lint takes it as the
    // `parseMessage` option, and `errata lint` passes it. Before: 19,595 B measured, 14,259 B before the contract's rules and diff kinds (the server
    // failures' table and casing for server-failure-uncovered and the contract diff, retry
    // stated or not, wire facts, parameter types), 18,210 B before namespaced codes (code-format's
    // separators and segment styles), status-multiple, the status-added/removed diff kinds and
    // the foreign placeholder styles. text-typo's English word list (3 MB) is read at run time in
    // Node and is not in the bundle. The budget leaves room for a rule or two, not for a dependency.
    expect(gzipSync(code).length).toBeLessThan(23_000);
  });
});
