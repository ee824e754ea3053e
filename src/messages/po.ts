// gettext PO, read and written by gettext-parser: one message per string, `msgctxt` its key
// (entry id and field), `msgid` the catalog's text, `msgstr` the translation (a message stays ICU
// MessageFormat text: gettext's own plurals are not used), the context as extracted comments.
import * as gettext from 'gettext-parser';
import { MessagesError } from './errors.js';
import type { ReadFile, WrittenFile } from './formats.js';
import { contextText, type StringSet } from './strings.js';

/** The headers naming the catalog a file is for. */
const CATALOG_HEADER = 'X-Errata-Catalog';
const SOURCE_HEADER = 'X-Errata-Source-Language';

/** The strings of one language as a PO file. */
export function writePo(set: StringSet): WrittenFile {
  const translations: Record<string, Record<string, gettext.GetTextTranslation>> = {
    '': { '': { msgid: '', msgstr: [''] } },
  };
  for (const s of set.strings) {
    // An empty msgid is the header's: a string only the translation has is named by its key.
    const msgid = s.source === '' ? `(${s.key})` : s.source;
    translations[s.key] = {
      [msgid]: {
        msgctxt: s.key,
        msgid,
        msgstr: [s.target ?? ''],
        comments: { extracted: contextText(s) },
      },
    };
  }
  const text = gettext.po
    .compile(
      {
        charset: 'utf-8',
        headers: {
          'Project-Id-Version': set.catalog,
          Language: set.locale,
          'MIME-Version': '1.0',
          'Content-Type': 'text/plain; charset=UTF-8',
          'Content-Transfer-Encoding': '8bit',
          [CATALOG_HEADER]: set.catalog,
          [SOURCE_HEADER]: set.sourceLocale,
        },
        translations,
      },
      { foldLength: 0 },
    )
    .toString('utf8');
  return { text: `${text}\n`, notes: [] };
}

/** A PO file's translations; a fuzzy or obsolete one is not taken (gettext does not use them). */
export function readPo(text: string, file: string): ReadFile {
  let parsed: gettext.GetTextTranslations;
  try {
    parsed = gettext.po.parse(text, { validation: true });
  } catch (e) {
    throw new MessagesError(`${file}: not a valid PO file: ${(e as Error).message}`);
  }
  const headers = parsed.headers ?? {};
  const header = (name: string) => {
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
    const value = key === undefined ? undefined : headers[key]?.trim();
    return value === '' ? undefined : value;
  };
  const out = new Map<string, string>();
  for (const [context, messages] of Object.entries(parsed.translations ?? {})) {
    if (context === '') continue;
    for (const m of Object.values(messages)) {
      if (m.comments?.flag?.split(',').some((f) => f.trim() === 'fuzzy')) continue;
      const target = m.msgstr?.[0];
      if (typeof target === 'string' && target !== '') out.set(context, target);
    }
  }
  const catalog = header(CATALOG_HEADER);
  const locale = header('Language');
  return {
    ...(catalog !== undefined && { catalog }),
    ...(locale !== undefined && { locale }),
    targets: () => out,
  };
}
