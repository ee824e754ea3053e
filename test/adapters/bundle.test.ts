// Size budgets: each adapter bundled (framework external, minified) stays small.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// bytes, gzip; most of it is the dialects negotiation can choose from, then errata's built-in
// entries (one per client-error status a framework's own error may carry: about 0.5 KB), then
// the hardening against careless apps and hostile clients (about 1.9 KB: header checks, the
// violation bound, the brand's shape check, hook promises, client aborts, dialect fallback),
// then the contract (about 1.7 KB: the server failures answered in the catalog's casing with
// its type URIs, about 0.7 KB; each occurrence's parameters checked so no template text is
// ever sent, about 0.9 KB; retry guidance in every dialect and the stated wire facts). The
// largest, errata/fastify, was 16.4 KB. Then about 3.5 KB for the five dialects of the real
// APIs (connect 4.5 KB before gzip with its google.rpc detail encoding, kubernetes 2.2 KB,
// azure 1.7 KB, oci and supabase 1.1 KB each), the request headers a dialect may read, several
// errors in one response and several statuses per entry: errata/fastify is 20.3 KB. Then about
// 0.43 KB for answering in the caller's language (the responder's `localize` option, with
// `Content-Language` and the `Vary` merge; each dialect writing its translated texts, titled
// bodies kept per translated title): errata/fastify is 20.7 KB; the localizer itself (ICU,
// Accept-Language) is errata/i18n's and never bundled here. Then about 0.13 KB so that a Vary set
// before the error (CORS's `Origin`) is kept beside the answer's own in Express, Fastify and
// Hono (test/adapters/vary.test.ts): errata/fastify is 20.9 KB. Then about 0.15 KB so that an
// answer in another language never renders the source message (an error's message rendered from
// its parameters when read, checked without reading it) and a localized body's titled part is
// kept per language: errata/fastify is 21.05 KB. Every registered dialect is bundled because
// negotiation may choose any of them.
const BUDGET = 21_100;

describe('adapter bundle sizes', () => {
  for (const name of ['fetch', 'hono', 'express', 'fastify']) {
    it(`errata/${name} stays under ${BUDGET} bytes gzip, without the catalog validator`, async () => {
      const out = await build({
        entryPoints: [`src/adapters/${name}.ts`],
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'neutral',
        minify: true,
        metafile: true,
        external: ['hono', 'hono/*', 'express', 'fastify'],
      });
      const bytes = out.outputFiles[0]?.contents ?? new Uint8Array();
      expect(gzipSync(bytes).length).toBeLessThanOrEqual(BUDGET);
      const used = Object.values(out.metafile.outputs).flatMap((o) =>
        Object.entries(o.inputs)
          .filter(([, i]) => i.bytesInOutput > 0)
          .map(([file]) => file),
      );
      expect(used).toContain('src/server/respond.ts');
      expect(used).not.toContain('src/catalog/normalize.ts');
    });
  }
});
