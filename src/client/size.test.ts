import { gzipSync } from 'node:zlib';
import { type BuildOptions, build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The `errata/client` entry as a browser app would ship it: bundled, minified,
// tree-shaken, platform neutral.
const options: BuildOptions = {
  entryPoints: ['src/client/index.ts'],
  bundle: true,
  minify: true,
  treeShaking: true,
  platform: 'neutral',
  format: 'esm',
  write: false,
  metafile: true,
  logLevel: 'silent',
};

/** Replaces the universal reader with a stub, to weigh the client's own code. */
const withoutReader: Plugin = {
  name: 'without-reader',
  setup(b) {
    b.onResolve({ filter: /_read-body\.js$/ }, () => ({ path: 'reader', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: 'export const read = () => undefined;',
      loader: 'js',
    }));
  },
};

async function bundle(plugins: Plugin[] = [], entry?: string) {
  const result = await build({
    ...options,
    ...(entry !== undefined && {
      entryPoints: [],
      stdin: { contents: entry, resolveDir: 'src/client', loader: 'ts' },
    }),
    plugins,
  });
  const code = result.outputFiles?.[0]?.contents ?? new Uint8Array();
  const inputs = Object.values(result.metafile?.outputs ?? {}).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([, i]) => i.bytesInOutput > 0)
      .map(([file]) => file),
  );
  return { text: new TextDecoder().decode(code), gzip: gzipSync(code).length, inputs };
}

/**
 * The client's own code, the reader aside: 2260 B, 189 B of which are
 * branded errors (`BRANDING_COST` below, and the `error` option). About 100 B of it are the
 * retry guidance: Retry-After read as RFC 9110 allows it and nothing else
 * (digits, or the three HTTP-date forms with asctime's read as GMT, so that
 * `1e309`, `0x10` and ISO dates are refused), whole milliseconds for
 * `onRetry`, and the back-off a body states (`baseMs`, `maxMs`,
 * `maxAttempts`) over the client's defaults; about 125 B are `baseUrl` and
 * default `headers` (a scheme check, one slash join, a merge of two header
 * sets that leaves `undefined` out). The minifier's names shift with
 * type-only edits, and the order of imports moves the modules in the bundle:
 * either moves the size by 1-2 B. 10 B hand the reader a body that is not
 * JSON (AWS's and Azure Storage's XML) with the status and headers.
 */
// + 442 B: `errors`, every error a list envelope reports (`_read-errors.ts`: the items grouped
// into errors, each with its code, message, status, title, details and violations), read when first asked.
// + 8 B: gzip does not add up; the branded errors and `errors` together measure 8 B over their sums.
// + 25 B: a one-error body's `errors` item is a copy of its fields, not the error itself (a list
// holding the error made `util.inspect` print every client error as a cycle, `<ref *1> [BarekeyError: …]`).
const CLIENT_BUDGET = 2270 + 442 + 8 + 25;
/**
 * The whole entry: client and universal reader, which reads every built-in
 * wire format and the foreign shapes of `corpus.test.ts`. 3524 B (170 B of
 * them branded errors): the client's own code (above) and the reader, about 75 B of which read the
 * problem body's `retry` member; the reader takes `pathPointer` from
 * `src/utils/json-pointer.ts`, the one every layer uses. The dialects' strict
 * parsers are bundled only when passed as `dialect`. 500 B read the real
 * APIs of the corpus (test/fixtures/corpus/, 50 APIs): a numeric code that is
 * the status passed over for the code the body names (`error_code`,
 * `errorCode`, `reason`, a code-shaped message, Google's `errors[].reason`,
 * PayPal's `name`, Heroku's `id`), the messages of `msg`, `Message`,
 * `errorSummary`, `description`, CouchDB's `reason`, `errorMessages`; request ids in six body
 * members and six vendors' headers; the code in `x-amzn-errortype`,
 * `x-ms-error-code`, `x-sb-error-code`; an XML error's code, message and
 * request id; Kubernetes' causes and delay, Discord's `retry_after`.
 */
// + 284 B: `errors` (see CLIENT_BUDGET; less here, as the reader shares its helpers' code).
// + 200 B: the connect, kubernetes, azure and oci dialects read by shape as their parsers read them
// (Connect's google.rpc details in their `debug` form, through the loop that reads Google's; the
// code in a Kubernetes cause without a field, its details in `data`; Microsoft's `details[]` targets
// as violations and `innererror` as details; OCI's `detail` with violations), Anthropic's envelope
// named as OpenAI's.
// + 10 B: the same overlap as CLIENT_BUDGET's 8 B, measured on the whole entry.
// + 23 B: the `errors` item copy of CLIENT_BUDGET's 25 B.
const ENTRY_LIMIT = 4024 + 284 + 200 + 10 + 23;
/**
 * What `defineClientError` adds to an app that imports it, the reader aside:
 * 155 B (a class per name, named by a computed key so that `util.inspect`
 * prints it, its `name` on the prototype, a static `is`, the subclass table
 * and the lookup of a prototype by status or code). An app that does not
 * import it pays 38 B in `createClient` (the `error` option: one property
 * read, the prototype passed to each error made). Both are inside
 * `CLIENT_BUDGET` and `ENTRY_LIMIT`, which the entry measures whole.
 */
const BRANDING_COST = 160;

describe('errata/client bundle', () => {
  it(`keeps the client's own code within ${CLIENT_BUDGET} B gzip`, async () => {
    const own = await bundle([withoutReader]);
    console.log(`errata/client own code: ${own.gzip} B gzip`);
    expect(own.gzip).toBeLessThanOrEqual(CLIENT_BUDGET);
  });

  it(`keeps the whole entry, reader included, within ${ENTRY_LIMIT} B gzip`, async () => {
    const full = await bundle();
    console.log(`errata/client entry: ${full.gzip} B gzip`);
    expect(full.gzip).toBeLessThanOrEqual(ENTRY_LIMIT);
  });

  it(`adds at most ${BRANDING_COST} B gzip for defineClientError, only to an app that imports it`, async () => {
    const plain = await bundle([withoutReader], "export { createClient } from './index.js';");
    const branded = await bundle(
      [withoutReader],
      "export { createClient, defineClientError } from './index.js';",
    );
    console.log(`defineClientError: ${branded.gzip - plain.gzip} B gzip`);
    // Only a branded class sets a prototype's name by `.prototype.name=`: none is left in a plain app.
    expect(plain.text).not.toContain('.prototype.name=');
    expect(branded.text).toContain('.prototype.name=');
    expect(branded.gzip - plain.gzip).toBeLessThanOrEqual(BRANDING_COST);
  });

  it('bundles no catalog runtime, no serializer and no node: module', async () => {
    const full = await bundle();
    expect(full.inputs.filter((f) => f.startsWith('src/catalog/'))).toEqual([]);
    // The universal reader replaces the dialects' parsers: none is bundled by default.
    // Besides its own folder the client takes only `src/utils/`, the tools that import nothing.
    const outside = full.inputs.filter((f) => !f.startsWith('src/client/') && !f.startsWith('src/utils/'));
    expect(outside).toEqual([]);
    expect(full.text).not.toMatch(/from\s*"node:|require\(/);
    expect(full.text).not.toContain('serialize');
    expect(full.text).not.toContain('An internal error occurred');
  });
});
