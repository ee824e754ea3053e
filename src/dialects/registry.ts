// The built-in dialects. Adding one: its folder (`<name>/<name>.ts` with the
// dialect and its safe parser, `<name>/parse-bare.ts`, `<name>/<name>.test.ts`),
// then its line in `builtins` below. `dialects`, `findDialect`/`getDialect`,
// `bareParsers`, `parsers` and `parseAny` are derived from that line; the
// public names come from `export *` of its folder's `<name>.ts` in `index.ts`.

import type { BareParser } from './_bare.js';
import { authos } from './authos/authos.js';
import { parseAuthosBare } from './authos/parse-bare.js';
import { azure } from './azure/azure.js';
import { parseAzureBare } from './azure/parse-bare.js';
import { barekey } from './barekey/barekey.js';
import { parseBarekeyBare } from './barekey/parse-bare.js';
import { clerk } from './clerk/clerk.js';
import { parseClerkBare } from './clerk/parse-bare.js';
import { connect } from './connect/connect.js';
import { parseConnectBare } from './connect/parse-bare.js';
import { UnknownDialectError } from './errors.js';
import { google } from './google/google.js';
import { parseGoogleBare } from './google/parse-bare.js';
import { jsonapi } from './jsonapi/jsonapi.js';
import { parseJsonApiBare } from './jsonapi/parse-bare.js';
import { kubernetes } from './kubernetes/kubernetes.js';
import { parseKubernetesBare } from './kubernetes/parse-bare.js';
import { oci } from './oci/oci.js';
import { parseOciBare } from './oci/parse-bare.js';
import { openai } from './openai/openai.js';
import { parseOpenAIBare } from './openai/parse-bare.js';
import { parseProblemBare } from './problem/parse-bare.js';
import { problem } from './problem/problem.js';
import { parseSimpleBare } from './simple/parse-bare.js';
import { simple } from './simple/simple.js';
import { parseStripeBare } from './stripe/parse-bare.js';
import { stripe } from './stripe/stripe.js';
import { parseSupabaseBare } from './supabase/parse-bare.js';
import { supabase } from './supabase/supabase.js';
import type { Dialect } from './types.js';

/** A built-in dialect and its bare parser (see `BareParser`). */
export type Builtin = readonly [dialect: Dialect, parseBare: BareParser];

/**
 * The built-in dialects, one line each, in detection order: `parseAny` tries
 * their bare parsers top to bottom and takes the first that reads a body, so
 * a more specific shape comes before a looser one (a flat `{code, message}`,
 * `simple`, is last).
 */
export const builtins: readonly Builtin[] = [
  [problem, parseProblemBare],
  [google, parseGoogleBare],
  [connect, parseConnectBare],
  [kubernetes, parseKubernetesBare],
  [azure, parseAzureBare],
  [stripe, parseStripeBare],
  [openai, parseOpenAIBare],
  [barekey, parseBarekeyBare],
  [clerk, parseClerkBare],
  [jsonapi, parseJsonApiBare],
  [oci, parseOciBare],
  [supabase, parseSupabaseBare],
  [authos, parseAuthosBare],
  [simple, parseSimpleBare],
];

/**
 * The order `dialects` lists the built-ins in (the names `errata render
 * --help` shows): the order they joined errata, which applications may
 * already print. A dialect missing here comes after them, in detection order.
 */
const LISTED = ['problem', 'barekey', 'clerk', 'simple', 'authos', 'openai', 'stripe', 'google', 'jsonapi'];
const rank = (name: string) => (LISTED.includes(name) ? LISTED.indexOf(name) : LISTED.length);

/** The built-in dialects by name. */
export const dialects: Readonly<Record<string, Dialect>> = /* @__PURE__ */ Object.freeze(
  Object.fromEntries(
    builtins
      .map(([d]) => d)
      .sort((a, b) => rank(a.name) - rank(b.name))
      .map((d) => [d.name, d]),
  ),
);

/**
 * The dialect of a name: one of `extra` first, else a built-in one, else
 * `undefined`. Own names only: `constructor` or `__proto__` names no dialect.
 */
export function findDialect(name: string, extra?: Readonly<Record<string, Dialect>>): Dialect | undefined {
  return (
    (extra !== undefined && Object.hasOwn(extra, name) ? extra[name] : undefined) ??
    (Object.hasOwn(dialects, name) ? dialects[name] : undefined)
  );
}

/** Looks a dialect up by name (as `findDialect`); throws `UnknownDialectError` listing the known names. */
export function getDialect(name: string, extra?: Readonly<Record<string, Dialect>>): Dialect {
  const d = findDialect(name, extra);
  if (d === undefined) {
    const known = [...new Set([...Object.keys(dialects), ...Object.keys(extra ?? {})])].sort().join(', ');
    throw new UnknownDialectError(`unknown dialect "${name}" (known: ${known})`);
  }
  return d;
}
