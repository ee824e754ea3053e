// The English word list (`an-array-of-english-words`, ~275,000 words) that text-typo consults
// before calling a word a typo. It is read on first use, in Node only, through the runtime's own
// `require`: a static import would put 3 MB into every bundle of errata/govern. Elsewhere (a
// browser, a worker) there is no list, and text-typo falls back to the catalog's own vocabulary.

interface NodeModuleApi {
  createRequire(from: string): (id: string) => unknown;
}
interface ProcessWithBuiltins {
  getBuiltinModule?: (id: string) => unknown;
}

let words: ReadonlySet<string> | null | undefined;

/** The English words, lower-case; `null` where the list cannot be loaded (not Node). */
export function englishWords(): ReadonlySet<string> | null {
  if (words !== undefined) return words;
  words = null;
  try {
    const proc = (globalThis as { process?: ProcessWithBuiltins }).process;
    const api = proc?.getBuiltinModule?.('module') as NodeModuleApi | undefined;
    if (api) {
      const list = api.createRequire(import.meta.url)('an-array-of-english-words');
      if (Array.isArray(list)) words = new Set(list as string[]);
    }
  } catch {
    words = null;
  }
  return words;
}
