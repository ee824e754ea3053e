// Node only: the files `errata lint` reads besides the catalog.
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { CatalogError } from '../catalog/errors.js';
import { parseCatalogText, readSourceFile } from '../catalog/load.js';
import { isRecord } from '../utils/record.js';
import { LintConfigError } from './lint.js';
import type { LintConfig } from './lint-types.js';

/** Reads a lint configuration file (JSON or YAML). Throws {@link LintConfigError} with the reason. */
export async function readLintConfig(file: string, cwd: string): Promise<LintConfig> {
  let doc: unknown;
  try {
    const text = await readSourceFile(resolve(cwd, file), file).catch((e: unknown) => {
      const code = (e as { cause?: NodeJS.ErrnoException }).cause?.code;
      const reason = e instanceof CatalogError ? e.issues[0]?.message : undefined;
      throw new LintConfigError(
        `${file}: ${code !== undefined ? `cannot read the lint config (${code})` : (reason ?? 'cannot read the lint config')}`,
      );
    });
    doc = parseCatalogText(text, extname(file).toLowerCase() === '.json' ? 'json' : 'yaml', file);
  } catch (e) {
    if (e instanceof LintConfigError) throw e;
    const first = e instanceof CatalogError ? e.issues[0]?.message : (e as Error).message;
    throw new LintConfigError(`${file}: ${first ?? 'cannot parse the lint config'}`);
  }
  if (!isRecord(doc))
    throw new LintConfigError(
      `${file}: a lint config is an object: { "rules": { "rule-id": "off" | "warn" | "error" } }`,
    );
  const unknown = Object.keys(doc).filter((k) => k !== 'rules' && k !== '$schema');
  if (unknown.length > 0) throw new LintConfigError(`${file}: unknown field "${unknown[0]}" (only "rules")`);
  return doc as LintConfig;
}

/** Reads a catalog's source text, or `undefined` when it cannot be read. */
export async function readSource(file: string, cwd: string): Promise<string | undefined> {
  try {
    return await readFile(resolve(cwd, file), 'utf8');
  } catch {
    return undefined;
  }
}
