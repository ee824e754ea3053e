import { entryAnchor, typeUri } from '../catalog/anchor.js';
import { effectiveModel, serverContract } from '../catalog/contract.js';
import { createCatalog } from '../catalog/define.js';
import { catalogLocales, localizedField, sourceLocale } from '../catalog/locales.js';
import type {
  CatalogModel,
  EntryModel,
  JsonSchema,
  ParamType,
  RetryPolicy,
  TranslatedField,
} from '../catalog/model.js';
import { placeholders } from '../catalog/template.js';
import { findDialect, getDialect } from '../dialects/registry.js';
import type { Dialect, WireError } from '../dialects/types.js';
import {
  type BodyPath,
  dropMember,
  findCodePath,
  findValuePath,
  formatPath,
  inferSchema,
  openNode,
  schemaFields,
  setEnum,
} from './_schema.js';
import { buildChangelog, type Changelog, type ChangelogInput } from './changelog.js';
import { type ChromeStrings, chromeFor, fillChrome, textDirection } from './chrome.js';
import { exampleParam, exampleValue, type JsonValue } from './example-value.js';

/** Options every generator accepts. */
export interface DocsOptions {
  /**
   * The wire format the examples and schemas are shown in: a dialect object or
   * the name of a registered one.
   * @default the catalog's own dialect, or `problem` when that one is not registered
   */
  readonly dialect?: Dialect | string;
  /** Extra dialects by name, looked up before the built-in ones. @default {} */
  readonly dialects?: Readonly<Record<string, Dialect>>;
  /** Request id shown in the examples. @default 'req_7f3a9c2e41b8' */
  readonly requestId?: string;
  /** Time shown by dialects that send a timestamp; fixed so the output is reproducible. @default 2025-01-15T10:30:00Z */
  readonly now?: Date;
  /**
   * Document the catalog's effective contract: its entries and the server
   * failures it has no entry for (a 405, a 413 …), in its casing, which its
   * errata server answers with. `false`: the catalog's own entries only.
   * @default true
   */
  readonly contract?: boolean;
  /**
   * The catalog's git history (`readCatalogHistory` of the CLI's govern layer):
   * the pages then end with a Changes section and badge each entry with the
   * releases that added, changed and deprecated it. @default none
   */
  readonly history?: ChangelogInput;
  /**
   * The language of the page: each entry's title, message, description and remediation in
   * that language (per field, `fr-CA`, then `fr`, then the catalog's own text), and the
   * page's fixed words in it when errata has them (English otherwise; see `chromeLocale`).
   * The example responses stay as the server sends them when no language is negotiated.
   * @default the catalog's own language
   */
  readonly locale?: string;
  /**
   * The same reference in the catalog's other languages, for the HTML page's language menu:
   * each language and where its page is (`index.fr.html`). `errata docs --locale all` writes
   * a page per language with these links. @default none (no menu)
   */
  readonly alternates?: readonly LocaleAlternate[];
}

/** A page of the reference in another language, linked from the language menu. */
export interface LocaleAlternate {
  readonly locale: string;
  /** Its address, relative to the page (or absolute). */
  readonly href: string;
}

/** One entry as the generators show it. */
export interface DocEntry {
  readonly id: string;
  /** The HTML anchor (the id), also the fragment of its RFC 9457 `type`. */
  readonly anchor: string;
  readonly entry: EntryModel;
  readonly type: string | undefined;
  /** The example response in the chosen dialect. */
  readonly example: WireError;
  /** The example body, parsed when it is JSON (else the raw text). */
  readonly exampleBody: unknown;
  /** The example body as indented text. */
  readonly exampleText: string;
  /** Parameters of the message, declared or taken from the template. */
  readonly params: readonly { name: string; type: string; description?: string }[];
  /** The parameter values of the example: `<name>` for a string, a value of its type otherwise. */
  readonly exampleParams: Readonly<Record<string, string | number | boolean>>;
  /** The details of the example, built from the entry's schema (it validates against it); `undefined` without one. */
  readonly exampleDetails: JsonValue | undefined;
  /** `undefined` when the catalog does not say whether the error may be retried. */
  readonly retryable: boolean | undefined;
  /** "No — fix the request", "Yes — exponential back-off, 0.5 s to 30 s", "Not stated". */
  readonly retryText: string;
  /**
   * An entry the contract adds: a server failure (a 405, a framework's own
   * 409 …) the catalog has no entry for. The pages list these in one table.
   */
  readonly added: boolean;
}

/** One category of the reference, its entries in catalog order. */
export interface DocCategory {
  readonly name: string;
  readonly entries: readonly DocEntry[];
}

/** Everything the generators need, derived once from the model. */
export interface DocReference {
  /** The catalog documented: its effective contract unless `contract: false`. */
  readonly model: CatalogModel;
  readonly title: string;
  readonly dialect: Dialect;
  /** Set when the catalog's own dialect is not registered and `problem` was used instead. */
  readonly dialectNote: string | undefined;
  readonly categories: readonly DocCategory[];
  readonly entries: readonly DocEntry[];
  /** Where the dialect puts the wire code (`code`, `error.code`, `errors[].code`). */
  readonly codePath: BodyPath | undefined;
  /** The body schema of the dialect, inferred from what it serializes, with the codes as an enum. */
  readonly schema: JsonSchema;
  /** Distinct wire codes in catalog order. */
  readonly codes: readonly string[];
  /** The releases and each entry's badges, when built with a `history`. */
  readonly changelog?: Changelog;
  /** The language of the page (the `locale` option, else the catalog's own). */
  readonly locale: string;
  /** Its direction, for the page's `dir`. */
  readonly dir: 'ltr' | 'rtl';
  /** The page's fixed words (headings, labels, counts), in {@link chromeLocale}. */
  readonly chrome: ChromeStrings;
  /** The language of {@link chrome}; `undefined` when errata has no words in the page's language (English is used). */
  readonly chromeLocale: string | undefined;
  /** The catalog's languages, its own first. */
  readonly locales: readonly string[];
  /** The same reference in other languages (the `alternates` option), for the language menu. */
  readonly alternates: readonly LocaleAlternate[];
}

export { UnknownDialectError } from '../dialects/errors.js';

const DEFAULT_NOW = new Date('2025-01-15T10:30:00Z');

/** Picks the dialect: the option, else the catalog's, else `problem` with a note. */
export function resolveDocsDialect(
  model: CatalogModel,
  options: DocsOptions = {},
): { dialect: Dialect; note: string | undefined } {
  const d = options.dialect;
  if (typeof d === 'object') return { dialect: d, note: undefined };
  if (typeof d === 'string') return { dialect: getDialect(d, options.dialects), note: undefined };
  const own = findDialect(model.dialect, options.dialects);
  if (own) return { dialect: own, note: undefined };
  const problem = findDialect('problem', options.dialects) as Dialect;
  return {
    dialect: problem,
    note: `The catalog's dialect "${model.dialect}" is not available here; examples use RFC 9457 problem details instead.`,
  };
}

/** Builds the shared view of a catalog that every generator renders. Pure: same model and options, same result. */
export function buildReference(own: CatalogModel, options: DocsOptions = {}): DocReference {
  const model = options.contract === false ? own : effectiveModel(own);
  const added = new Set(options.contract === false ? [] : serverContract(own).added.values());
  const { dialect, note } = resolveDocsDialect(model, options);
  const locale = options.locale ?? sourceLocale(own);
  const chrome = chromeFor(locale);
  const localized = localizedEntries(own, model, locale);
  // Examples show each parameter as <name>, whatever its type.
  const catalog = createCatalog(exampleModel(model));
  const now = options.now ?? DEFAULT_NOW;
  const context = { requestId: options.requestId ?? 'req_7f3a9c2e41b8', now: () => now };
  const entries: DocEntry[] = [];
  const byCategory = new Map<string, DocEntry[]>();
  for (const c of model.categories) byCategory.set(c, []);
  for (const [id, entry] of Object.entries(model.errors)) {
    const params = paramsOf(entry);
    const values: Record<string, string | number | boolean> = {};
    for (const p of params) values[p.name] = exampleParam(p.name, p.type as ParamType);
    const details = entry.details === undefined ? undefined : exampleValue(entry.details);
    const error = catalog.error(id, values, { details, stack: false });
    const example = dialect.serialize(error, context);
    let exampleBody: unknown = example.body;
    let exampleText = example.body;
    try {
      exampleBody = JSON.parse(example.body);
      exampleText = JSON.stringify(exampleBody, null, 2);
    } catch {
      // A dialect may send a body that is not JSON; it is shown as sent.
    }
    const doc: DocEntry = {
      id,
      anchor: entryAnchor(id),
      entry: localized.get(id) ?? entry,
      type: typeUri(model, id),
      example,
      exampleBody,
      exampleText,
      params,
      exampleParams: values,
      exampleDetails: details,
      retryable: entry.retry?.retryable,
      retryText: retryText(entry.retry, chrome.strings, locale),
      added: added.has(id),
    };
    entries.push(doc);
    let list = byCategory.get(entry.category);
    if (!list) {
      list = [];
      byCategory.set(entry.category, list);
    }
    list.push(doc);
  }
  const categories = [...byCategory]
    .filter(([, list]) => list.length > 0)
    .map(([name, list]) => ({ name, entries: list }));
  const codes = [...new Set(entries.map((e) => e.entry.code))];

  // The schema is inferred from every example plus one occurrence carrying
  // everything optional (request id, instance, details, violations), so the
  // optional members appear in it without being required, and one with
  // details but no violations, so that a dialect putting the violations
  // inside the details (`details.errors`) does not have them required there,
  // and one with violations but no details (a validation failure), so that a
  // dialect writing one member per violation (JSON:API) does not require details.
  const samples: unknown[] = entries.map((e) => e.exampleBody);
  const first = entries[0];
  if (first !== undefined) {
    const violations = [
      { pointer: '/name', message: 'is required', code: 'required' },
      { pointer: '/age', message: 'must be a number' },
    ];
    for (const extra of [{ violations }, {}, { violations, details: undefined }]) {
      const occurrence = catalog.error(first.id, {}, { stack: false, details: {}, ...extra });
      try {
        samples.push(
          JSON.parse(dialect.serialize(occurrence, { ...context, instance: '/v1/resource' }).body),
        );
      } catch {
        // Not JSON: nothing to infer.
      }
    }
  }
  const codePath = findCodePath(entries.map((e) => ({ body: e.exampleBody, code: e.entry.code })));
  // Details that may be any value (`details: true`) or anything but an object: one more
  // sample carries a string as its details, and the member where the dialect sends them
  // as they are is any value, not the shapes the samples happened to have.
  const open = entries.some((e) => e.entry.details !== undefined && e.entry.details.type !== 'object');
  let detailsPath: BodyPath | undefined;
  // An entry whose details are sent (`expose`), so the probe shows where they go.
  const shown = entries.find((e) => e.entry.expose) ?? first;
  if (open && shown !== undefined) {
    const probe = 'errata:details-probe';
    try {
      const occurrence = catalog.error(shown.id, {}, { stack: false, details: probe });
      const body: unknown = JSON.parse(dialect.serialize(occurrence, context).body);
      samples.push(body);
      detailsPath = findValuePath(body, probe);
    } catch {
      // Not JSON: nothing to infer.
    }
  }
  // Details with a member no entry declares: where a dialect turns details into members of its
  // own (google's metadata), no entry's member is then required of every other's details.
  let memberPath: BodyPath | undefined;
  if (shown !== undefined && entries.some((e) => e.entry.details !== undefined)) {
    const probe = 'errata:details-member';
    try {
      const occurrence = catalog.error(shown.id, {}, { stack: false, details: { [probe]: probe } });
      const body: unknown = JSON.parse(dialect.serialize(occurrence, context).body);
      samples.push(body);
      memberPath = findValuePath(body, probe);
    } catch {
      // Not JSON: nothing to infer.
    }
  }
  const schema = inferSchema(samples);
  if (codePath !== undefined) setEnum(schema, codePath, codes);
  if (memberPath !== undefined) dropMember(schema, memberPath);
  if (detailsPath !== undefined) openNode(schema, detailsPath);

  return {
    model,
    title: model.title ?? `${model.name} errors`,
    dialect,
    dialectNote: note,
    categories,
    entries,
    codePath,
    schema,
    codes,
    ...(options.history !== undefined && { changelog: buildChangelog(options.history, own) }),
    locale,
    dir: textDirection(locale),
    chrome: chrome.strings,
    chromeLocale: chrome.locale,
    locales: catalogLocales(own),
    alternates: options.alternates ?? [],
  };
}

const TRANSLATED: readonly TranslatedField[] = ['title', 'message', 'description', 'remediation'];

/**
 * Each entry with its translated fields in `locale` (per field, along the fallback chain);
 * only the entries whose text differs. The examples and parameters keep the catalog's own.
 */
function localizedEntries(own: CatalogModel, model: CatalogModel, locale: string): Map<string, EntryModel> {
  const out = new Map<string, EntryModel>();
  if (own.translations === undefined) return out;
  for (const [id, entry] of Object.entries(model.errors)) {
    let copy: Record<string, unknown> | undefined;
    for (const field of TRANSLATED) {
      const text = localizedField(own, id, field, locale)?.text;
      if (text === undefined || text === entry[field]) continue;
      copy ??= { ...entry };
      copy[field] = text;
    }
    if (copy !== undefined) out.set(id, copy as unknown as EntryModel);
  }
  return out;
}

/**
 * The model the examples are rendered from: each parameter of the template declared
 * with its type, so a string shows as `<name>` and a number as a number.
 */
function exampleModel(model: CatalogModel): CatalogModel {
  const errors: Record<string, EntryModel> = {};
  for (const [id, e] of Object.entries(model.errors))
    errors[id] = {
      ...e,
      params: Object.fromEntries(paramsOf(e).map((p) => [p.name, { type: p.type as ParamType }])),
    };
  return { ...model, errors };
}

function paramsOf(entry: EntryModel): { name: string; type: string; description?: string }[] {
  const out = new Map<string, { name: string; type: string; description?: string }>();
  for (const [name, p] of Object.entries(entry.params))
    out.set(name, { name, type: p.type, ...(p.description !== undefined && { description: p.description }) });
  for (const p of placeholders(entry.message ?? ''))
    if (!out.has(p.name)) out.set(p.name, { name: p.name, type: p.type ?? 'string' });
  return [...out.values()];
}

/** A duration for people: `800 ms`, `1.5 s`, `60 s`, `5 min`, `2 h` (`1,5 s` in French with `locale`). */
export function formatDuration(ms: number, locale?: string): string {
  const n = (x: number) => (locale === undefined ? String(x) : formatNumber(x, locale));
  if (ms < 1000) return `${n(ms)} ms`;
  const s = ms / 1000;
  if (s < 120 || s % 60 !== 0) return `${n(Number(s.toFixed(1)))} s`;
  const min = s / 60;
  if (min < 120 || min % 60 !== 0) return `${n(min)} min`;
  return `${n(min / 60)} h`;
}

function formatNumber(x: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 3, useGrouping: false }).format(x);
  } catch {
    return String(x);
  }
}

/**
 * The retry guidance of a policy in one line, as the seed pages write it; `Not stated`
 * without one. In the words of `chrome` (a page's fixed words) with numbers as `locale` writes them.
 */
export function retryText(
  retry: RetryPolicy | undefined,
  chrome: ChromeStrings = chromeFor('en').strings,
  locale?: string,
): string {
  if (retry === undefined) return chrome.notStated;
  const d = (ms: number) => formatDuration(ms, locale);
  const tail = (parts: string[]) => {
    const all = [...parts];
    if (retry.retryable && retry.maxAttempts !== undefined)
      all.push(fillChrome(chrome.retryAttempts, { n: retry.maxAttempts }));
    if (retry.note) all.push(retry.note);
    return all.length > 0 ? ` — ${all.join('; ')}` : '';
  };
  if (!retry.retryable) return `${chrome.no}${tail([])}`;
  switch (retry.strategy) {
    case 'exponential':
      return `${chrome.yes}${tail([fillChrome(chrome.retryBackoff, { base: d(retry.baseMs), max: d(retry.maxMs) })])}`;
    case 'fixed':
      return `${chrome.yes}${tail([fillChrome(chrome.retryAfterDelay, { delay: d(retry.delayMs) })])}`;
    case 'after':
      return `${chrome.yes}${tail([fillChrome(chrome.retryAfterHeader, { delay: d(retry.afterMs) })])}`;
  }
}

/** The envelope's fields for a table: path, type, required. */
export function envelopeFields(ref: DocReference) {
  return schemaFields(ref.schema);
}

export { formatPath };
