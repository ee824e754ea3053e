// The compact message table a client formats errors from (`errata messages <catalog> --locale fr`):
// each wire code's title and message in one language, the message as ICU MessageFormat text after
// the catalog's fallback (fr-CA -> fr -> source), so that the catalog itself is never bundled.
import { quoteLiteral, templateToIcu } from '../catalog/icu-source.js';
import { localizedField, sameTag, sourceLocale } from '../catalog/locales.js';
import { effectiveParams } from '../catalog/message-params.js';
import type { CatalogModel, EntryModel, ParamType } from '../catalog/model.js';

/** One entry's text in a {@link MessageTable}. */
export interface TableMessage {
  /** The entry's id in the catalog. */
  readonly id: string;
  /** The short summary, plain text. */
  readonly title?: string;
  /**
   * The per-occurrence message as ICU MessageFormat text (`{sku}`, `{n, plural, …}`); absent for
   * an entry without one and for one whose message never reaches callers (`expose: false`, 5xx).
   */
  readonly message?: string;
  /** The language `message` is written in when fallback took it from another (`fr` in an `fr-CA` table). */
  readonly messageLocale?: string;
  /** The message's parameters that are not strings, with their types (`{ left: 'integer' }`). */
  readonly params?: { readonly [name: string]: Exclude<ParamType, 'string'> };
  /** The statuses the entry is answered with; present only where several entries share its code. */
  readonly statuses?: readonly number[];
}

/**
 * A catalog's messages in one language, keyed by wire code. A code that several entries share
 * maps to all of them, in catalog order, each with its `statuses` (the formatter picks by status).
 */
export interface MessageTable {
  /** Marks the table and its shape. */
  readonly errataMessages: 1;
  /** The catalog's `name`. */
  readonly catalog: string;
  /** The language asked for (BCP 47). */
  readonly locale: string;
  readonly codes: { readonly [code: string]: TableMessage | readonly TableMessage[] };
}

/** What {@link buildMessageTable} may leave out. */
export interface MessageTableOptions {
  /** Leave the titles out (a client that shows only messages). @default false */
  readonly withoutTitles?: boolean;
}

/** The non-string parameters of an entry, by the one rule of message parameters. */
function typedParams(entry: EntryModel): TableMessage['params'] {
  const out: Record<string, Exclude<ParamType, 'string'>> = {};
  for (const [name, p] of Object.entries(effectiveParams(entry))) if (p.type !== 'string') out[name] = p.type;
  return Object.keys(out).length > 0 ? out : undefined;
}

function tableMessage(
  model: CatalogModel,
  id: string,
  entry: EntryModel,
  locale: string,
  options: MessageTableOptions,
): TableMessage {
  const out: { -readonly [K in keyof TableMessage]: TableMessage[K] } = { id };
  const title = options.withoutTitles ? undefined : localizedField(model, id, 'title', locale);
  if (title !== undefined) out.title = title.text;
  const message = entry.expose ? localizedField(model, id, 'message', locale) : undefined;
  if (message !== undefined) {
    // The catalog's own message is errata's template; a translation is ICU already.
    const own = sameTag(message.locale, sourceLocale(model));
    out.message = own ? templateToIcu(message.text) : message.text;
    if (!sameTag(message.locale, locale)) out.messageLocale = message.locale;
    const params = typedParams(entry);
    if (params !== undefined) out.params = params;
  } else if (
    entry.expose &&
    entry.message === undefined &&
    localizedField(model, id, 'title', locale) === undefined
  ) {
    // What the server sends for an entry with neither message nor title: its description, as text.
    const description = localizedField(model, id, 'description', locale);
    if (description !== undefined) {
      out.message = quoteLiteral(description.text);
      if (!sameTag(description.locale, locale)) out.messageLocale = description.locale;
    }
  }
  return out;
}

/**
 * The message table of `model` in `locale`: every entry with a wire code, by code, its title and
 * message after fallback. Pure: the caller checks that each message parses (see `checkIcu`).
 */
export function buildMessageTable(
  model: CatalogModel,
  locale: string,
  options: MessageTableOptions = {},
): MessageTable {
  const byCode = new Map<string, TableMessage[]>();
  for (const [id, entry] of Object.entries(model.errors)) {
    if (entry.code === '') continue;
    const list = byCode.get(entry.code) ?? [];
    list.push(tableMessage(model, id, entry, locale, options));
    byCode.set(entry.code, list);
  }
  const codes: Record<string, TableMessage | TableMessage[]> = {};
  for (const [code, list] of byCode) {
    const value =
      list.length === 1
        ? list[0]
        : list.map((m) => {
            const e = model.errors[m.id] as EntryModel;
            return { ...m, statuses: e.statuses ?? [e.status] };
          });
    // A code like `__proto__` is an own key like any other.
    Object.defineProperty(codes, code, { value, enumerable: true, writable: true, configurable: true });
  }
  return { errataMessages: 1, catalog: model.name, locale, codes };
}
