// Catalogs written as TypeScript or JavaScript modules, loaded with jiti.
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Catalog } from './define.js';
import { normalizeDocument } from './document.js';
import { CatalogError } from './errors.js';
import type { CatalogModel } from './model.js';
import { assertFile } from './read-file.js';
import { short } from './source.js';

function isCatalog(value: unknown): value is Catalog {
  return (
    typeof value === 'object' &&
    value !== null &&
    'model' in value &&
    typeof (value as Catalog).error === 'function' &&
    typeof (value as Catalog).model === 'object'
  );
}

/** Thrown in place of `process.exit` while a catalog module loads. */
class ModuleExitError extends Error {
  constructor(readonly code: unknown) {
    super('process.exit');
  }
}

/**
 * Loads a `.ts`/`.js` catalog module with jiti and takes its catalog: the
 * default export, or a `catalog` or `api` export, from `defineCatalog` or a
 * plain object. Every failure is a `CatalogError` naming `file`.
 */
export async function loadModuleCatalog(path: string, file: string): Promise<CatalogModel> {
  // A missing file or a folder is said plainly, before a module loader words it.
  await assertFile(path, file);
  let mod: Record<string, unknown>;
  const exit = process.exit;
  try {
    const { createJiti } = await import('jiti');
    // tsconfigPaths: the catalog's imports resolve as in the app that owns it (its tsconfig.json `paths`).
    const jiti = createJiti(pathToFileURL(path).href, {
      moduleCache: false,
      fsCache: false,
      tsconfigPaths: true,
    });
    // A catalog module that calls process.exit would end the CLI with nothing said.
    process.exit = ((code?: unknown) => {
      throw new ModuleExitError(code);
    }) as typeof process.exit;
    mod = (await jiti.import(path)) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof CatalogError) throw new CatalogError(e.issues, file);
    throw new CatalogError([{ path: '', message: moduleFailure(e, path) }], file);
  } finally {
    process.exit = exit;
  }
  try {
    return await catalogOfModule(mod, file);
  } catch (e) {
    if (e instanceof CatalogError) throw e.file === file ? e : new CatalogError(e.issues, file);
    throw new CatalogError(
      [{ path: '', message: `cannot read the exported catalog: ${thrownText(e)}` }],
      file,
    );
  }
}

async function catalogOfModule(mod: Record<string, unknown>, file: string): Promise<CatalogModel> {
  // jiti gives a module without a default export a `default` of its own (the namespace): only a real one counts.
  const keys = typeof mod === 'object' && mod !== null ? Object.keys(mod) : [];
  const named = async (key: string): Promise<unknown> => {
    if (!keys.includes(key)) return undefined;
    const v = mod[key];
    // `export default loadErrors()`, an async function's promise of a catalog.
    return typeof (v as PromiseLike<unknown> | undefined)?.then === 'function' ? await v : v;
  };
  const main = [await named('default'), await named('catalog'), await named('api')];
  for (const c of [...main, ...keys.map((k) => mod[k])]) if (isCatalog(c)) return c.model;
  const plain = main.find((c) => typeof c === 'object' && c !== null);
  if (plain !== undefined) return normalizeDocument(plain, file);
  const exported =
    keys.length === 0
      ? 'exports nothing'
      : `exports no catalog (it exports ${keys
          .slice(0, 5)
          .map((k) => `\`${k}\``)
          .join(', ')}${keys.length > 5 ? ', …' : ''})`;
  throw new CatalogError(
    [
      {
        path: '',
        message: `the module ${exported}: export default defineCatalog({...}), or export \`catalog\``,
      },
    ],
    file,
  );
}

/** Why a catalog module failed to load, in one line, with where when it is known. */
function moduleFailure(e: unknown, path: string): string {
  if (e instanceof ModuleExitError)
    return `the module called process.exit(${thrownText(e.code)}) while loading`;
  if (!(e instanceof Error)) return `the module threw ${thrownText(e)}`;
  const err = e as Error;
  const lines = String(err.message).split('\n');
  let text = (lines[0] ?? '').trim();
  if (err.name && err.name !== 'Error' && !text.startsWith(err.name)) text = `${err.name}: ${text}`;
  // Parse errors name the place on a line of their own; thrown errors in the stack.
  const parsedAt = lines
    .slice(1)
    .find((l) => /:\d+:\d+\s*$/.test(l))
    ?.trim();
  // A stack frame's column is one of the transpiled code: only its line is the source's.
  const thrownAt = String(err.stack ?? '')
    .split('\n')
    .find((l) => l.includes(path))
    ?.match(/([^\s(]+):(\d+):\d+\)?\s*$/);
  const place = parsedAt ?? (thrownAt ? `${thrownAt[1]}, line ${thrownAt[2]}` : undefined);
  const where = place ? ` (at ${place.replace(path, basename(path))})` : '';
  return `cannot load module: ${short(text, 300)}${where}`;
}

/** Any thrown value as short text: an Error's message, or the value itself. */
export function thrownText(e: unknown): string {
  if (e instanceof Error) return short(String(e.message), 300);
  if (typeof e === 'string') return JSON.stringify(short(e, 300));
  try {
    return short(String(e), 300);
  } catch {
    return 'a value that cannot be shown';
  }
}
