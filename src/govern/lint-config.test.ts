import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinRules } from './builtin-rules/index.js';
import { configureRules, LintConfigError } from './lint.js';
import { readLintConfig } from './lint-files.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'errata-lint-config-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a lint configuration that is not an object', () => {
  it('refuses a config file holding an array or a scalar, saying what a config looks like', async () => {
    const files = { 'array.json': '[]', 'scalar.yaml': 'off\n' };
    for (const [name, text] of Object.entries(files)) {
      await writeFile(join(dir, name), text);
      await expect(readLintConfig(name, dir)).rejects.toThrow(
        `${name}: a lint config is an object: { "rules": { "rule-id": "off" | "warn" | "error" } }`,
      );
    }
  });

  it('refuses "rules" and rule options given as arrays', () => {
    expect(() => configureRules(builtinRules, { rules: [] as never })).toThrow(
      new LintConfigError(
        '"rules" must be an object of rule id to "off", "warn", "error" or [level, options]',
      ),
    );
    expect(() => configureRules(builtinRules, { rules: { 'code-casing': ['warn', []] as never } })).toThrow(
      new LintConfigError('rule "code-casing": options must be an object'),
    );
  });
});
