// `format(err, table)`: an error the client read, rendered in the table's language from its code
// and the parameters its body carries, with intl-messageformat (the engine the server renders
// translations with). Whatever cannot be rendered falls back to the server's own message.
import { IntlMessageFormat } from 'intl-messageformat';
import { sanitizeParam } from '../catalog/template.js';
import { formatters } from '../utils/intl-formatters.js';
import { isRecord } from '../utils/record.js';
import type { MessageTable, TableMessage } from './table.js';

/**
 * What `format` reads of an error: an `ErrataClientError` or one of its `errors` items fits, as
 * does any object with these fields.
 */
export interface FormattableError {
  readonly code: string | undefined;
  /** The server's own message: what `format` returns when it cannot render one. */
  readonly message: string;
  /** The HTTP status, to tell apart entries that share a code. */
  readonly status?: number;
  /** The body's details: an object's members are the message's parameters. */
  readonly details?: unknown;
}

/** A parameter value as the formatter passes it to the template. */
type Value = string | number | boolean;

/** Compiled messages, per table, by code and entry id (a table is read-only data). */
const compiled = new WeakMap<MessageTable, Map<string, IntlMessageFormat | null>>();

function compile(table: MessageTable, m: TableMessage): IntlMessageFormat | null {
  let cache = compiled.get(table);
  if (cache === undefined) {
    cache = new Map();
    compiled.set(table, cache);
  }
  const key = `${m.id}\u0000${m.message}`;
  let f = cache.get(key);
  if (f === undefined) {
    try {
      // Tags are text: a catalog message is plain text, `a < b` included.
      f = new IntlMessageFormat(m.message as string, m.messageLocale ?? table.locale, undefined, {
        ignoreTag: true,
        formatters: formatters(),
      });
    } catch {
      f = null;
    }
    cache.set(key, f);
  }
  return f;
}

/**
 * The parameters an error's body carries: the own members of its details object with a string,
 * number or boolean value (strings cleaned and bounded as the server renders them). A parameter
 * the table types as a number and that arrives as digits (google.rpc.ErrorInfo's metadata is all
 * strings) is read as the number.
 */
function paramsOf(err: FormattableError, m: TableMessage): Record<string, Value> {
  const out: Record<string, Value> = {};
  const details = err.details;
  if (!isRecord(details)) return out;
  for (const name of Object.keys(details)) {
    const v = details[name];
    let value: Value | undefined;
    if (typeof v === 'number' || typeof v === 'boolean') value = v;
    else if (typeof v === 'string') {
      const type = m.params !== undefined && Object.hasOwn(m.params, name) ? m.params[name] : undefined;
      value =
        (type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(v.trim())
          ? Number(v)
          : sanitizeParam(v);
    }
    if (value !== undefined)
      Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** One entry's text for the error, or `undefined` when it cannot be rendered. */
function render(err: FormattableError, table: MessageTable, m: TableMessage): string | undefined {
  // A table is data from elsewhere: anything but the shape it should have renders nothing.
  if (!isRecord(m)) return undefined;
  if (m.message === undefined) return typeof m.title === 'string' ? m.title : undefined;
  if (typeof m.message !== 'string') return undefined;
  const f = compile(table, m);
  if (f === null) return undefined;
  try {
    const out = f.format(paramsOf(err, m));
    return typeof out === 'string' ? out : undefined;
  } catch {
    // A parameter the body does not carry: intl-messageformat says which; the caller falls back.
    return undefined;
  }
}

/** The table's entries for a code, those answered with the error's status first. */
function candidates(table: MessageTable, err: FormattableError): readonly TableMessage[] {
  const code = err.code;
  if (code === undefined || !isRecord(table.codes) || !Object.hasOwn(table.codes, code)) return [];
  const found = table.codes[code];
  if (found === undefined) return [];
  if (!Array.isArray(found)) return [found as TableMessage];
  const list = found as readonly TableMessage[];
  const status = err.status;
  const matching = list.filter(
    (m) => status !== undefined && isRecord(m) && Array.isArray(m.statuses) && m.statuses.includes(status),
  );
  return [...matching, ...list.filter((m) => !matching.includes(m))];
}

/**
 * An error's message in the table's language: the entry its code names (where entries share a
 * code, the one answered with its status), its message rendered from the parameters the body
 * carries in its details; an entry without a message gives its title. When the table has no entry
 * for the code, or the body lacks a parameter the message needs, the result is `fallback`, else
 * the server's own message (`err.message`): never a half-rendered template.
 */
export function format(err: FormattableError, table: MessageTable, fallback?: string): string {
  for (const m of candidates(table, err)) {
    const text = render(err, table, m);
    if (text !== undefined) return text;
  }
  return fallback ?? err.message;
}
