// Property (b)'s oracle: the wire codes the client types of a catalog accept,
// asked of the TypeScript checker (in a worker thread, beside the requests)
// on the code `errata types` generates for it.
import { Worker } from 'node:worker_threads';
import { generateTypes } from '../../src/catalog/codegen.js';
import type { CatalogModel } from '../../src/catalog/model.js';

/** The codes `ClientCode<typeof api>` is a union of, or the type's text when it is not a union of literals. */
export type CodeUnion =
  | { readonly codes: readonly string[] }
  | { readonly loose: string }
  | { readonly error: string };

interface Answer {
  readonly id: number;
  readonly unions?: Record<string, CodeUnion>;
  readonly problems?: readonly string[];
  readonly error?: string;
}

/** The generated client types of catalogs, asked in batches of one worker. */
export class ClientTypes {
  readonly #worker = new Worker(new URL('./types-worker.mjs', import.meta.url), {
    workerData: { dir: import.meta.dirname },
  });
  readonly #pending = new Map<number, (a: Answer) => void>();
  readonly #known = new Map<string, Promise<CodeUnion>>();
  #next = 0;

  constructor() {
    this.#worker.on('message', (a: Answer) => {
      this.#pending.get(a.id)?.(a);
      this.#pending.delete(a.id);
      // Idle, the worker does not keep the process alive.
      if (this.#pending.size === 0) this.#worker.unref();
    });
    this.#worker.on('error', (e) => {
      for (const settle of this.#pending.values()) settle({ id: -1, error: String(e) });
      this.#pending.clear();
    });
    this.#worker.unref();
  }

  /** The code unions of catalogs, by key: one program for the whole batch. */
  unions(catalogs: readonly (readonly [key: string, model: CatalogModel])[]): Promise<CodeUnion>[] {
    const fresh = catalogs.filter(([key]) => !this.#known.has(key));
    if (fresh.length > 0) {
      const id = this.#next++;
      const names = new Map(fresh.map(([key], i) => [key, `c${id}_${i}`]));
      const answer = new Promise<Answer>((resolve) => this.#pending.set(id, resolve));
      this.#worker.ref();
      this.#worker.postMessage({
        id,
        catalogs: fresh.map(([key, model]) => ({
          name: names.get(key),
          text: generateTypes(model, { importFrom: './errata.js' }),
        })),
      });
      for (const [key] of fresh)
        this.#known.set(
          key,
          answer.then((a): CodeUnion => {
            if (a.error !== undefined) return { error: a.error };
            const name = names.get(key) as string;
            const own = (a.problems ?? []).filter((p) => p.includes(`/${name}.ts:`));
            if (own.length > 0) return { error: `the generated types do not compile: ${own.join('; ')}` };
            return a.unions?.[name] ?? { error: 'no answer' };
          }),
        );
    }
    return catalogs.map(([key]) => this.#known.get(key) as Promise<CodeUnion>);
  }

  close(): Promise<number> {
    return this.#worker.terminate();
  }
}
