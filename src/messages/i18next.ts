// i18next's JSON v4: flat keys (`OUT_OF_STOCK.title`, which i18next finds with its default
// `ignoreJSONStructure`), `{{x}}` interpolation, and a key per plural category
// (`OUT_OF_STOCK.message_one`, `…_other`) selected by `count`; errata's `$context` names each
// plural's parameter, so that the forms read back as the ICU plural they came from.
import { MessagesError } from './errors.js';
import { type ReadFile, setOwn, type WrittenFile } from './formats.js';
import { fromI18next, type I18nextForms, NoI18nextForm, sameForms, toI18next } from './i18next-icu.js';
import { CONTEXT_KEY, contextOf, memberText, readJsonFile } from './json-context.js';
import { type SourceString, type StringSet, splitKey } from './strings.js';

/** A message's i18next forms, or `undefined` when it has none (the reason in `notes`). */
function formsOf(s: SourceString, notes: string[]): I18nextForms | undefined {
  if (s.target === undefined) return undefined;
  if (s.field !== 'message') return { text: s.target };
  try {
    return toI18next(s.target);
  } catch (e) {
    if (!(e instanceof NoI18nextForm)) throw e;
    notes.push(
      `${s.key} is left out: i18next cannot say it as written (${e.message}); use xliff, po or icu-json`,
    );
    return undefined;
  }
}

/** The translated strings of one language as i18next JSON v4 (untranslated ones are left out). */
export function writeI18next(set: StringSet): WrittenFile {
  const notes: string[] = [];
  const forms = new Map<string, I18nextForms>();
  for (const s of set.strings) {
    const f = formsOf(s, notes);
    if (f !== undefined) forms.set(s.key, f);
  }
  const out: Record<string, unknown> = {};
  setOwn(
    out,
    CONTEXT_KEY,
    contextOf(set, 'i18next', (s) => {
      const f = forms.get(s.key);
      return f !== undefined && 'plural' in f ? { plural: f.plural } : {};
    }),
  );
  for (const [key, f] of forms) {
    if ('text' in f) setOwn(out, key, f.text);
    else for (const [category, text] of Object.entries(f.forms)) setOwn(out, `${key}_${category}`, text);
  }
  return { text: `${JSON.stringify(out, null, 2)}\n`, notes };
}

const PLURAL_KEY = /^(.+)_(zero|one|two|few|many|other)$/;

/** The parameter a message's plural forms select on: the context's, else the translation's, else the only number. */
function pluralOf(
  key: string,
  context: Record<string, unknown> | undefined,
  s: SourceString | undefined,
  file: string,
): string {
  const strings = context?.strings as Record<string, { plural?: unknown }> | undefined;
  const stated = strings !== undefined && Object.hasOwn(strings, key) ? strings[key]?.plural : undefined;
  if (typeof stated === 'string' && stated !== '') return stated;
  if (s?.target !== undefined) {
    try {
      const f = toI18next(s.target);
      if ('plural' in f) return f.plural;
    } catch {}
  }
  const numbers = Object.entries(s?.params ?? {}).filter(
    ([, p]) => p.type === 'integer' || p.type === 'number',
  );
  if (numbers.length === 1) return (numbers[0] as [string, unknown])[0];
  throw new MessagesError(
    `${file}: ${key} has plural forms but says not which parameter they count: give it as ${CONTEXT_KEY}.strings["${key}"].plural`,
  );
}

/** An i18next JSON v4 file's translations, plural forms read back as ICU plurals. */
export function readI18next(text: string, file: string): ReadFile {
  const doc = readJsonFile(text, file, 'i18next JSON');
  return {
    ...(doc.catalog !== undefined && { catalog: doc.catalog }),
    ...(doc.locale !== undefined && { locale: doc.locale }),
    targets(set: StringSet) {
      const byKey = new Map(set.strings.map((s) => [s.key, s]));
      const plain = new Map<string, string>();
      const plurals = new Map<string, Record<string, string>>();
      for (const [member, value] of Object.entries(doc.members)) {
        const t = memberText(value, member, file);
        const m = PLURAL_KEY.exec(member);
        const base = m?.[1];
        if (m !== null && base !== undefined && splitKey(base)?.field === 'message') {
          const forms = plurals.get(base) ?? {};
          if (t !== '') forms[m[2] as string] = t;
          plurals.set(base, forms);
        } else if (t !== '') plain.set(member, t);
      }
      const out = new Map<string, string>();
      for (const [key, t] of plain) {
        if (plurals.has(key))
          throw new MessagesError(`${file}: ${key} is given both as one string and in plural forms`);
        const s = byKey.get(key);
        out.set(key, s?.field === 'message' ? icuOf({ text: t }, s) : t);
      }
      for (const [key, forms] of plurals) {
        if (Object.keys(forms).length === 0) continue;
        const s = byKey.get(key);
        out.set(key, icuOf({ plural: pluralOf(key, doc.context, s, file), forms }, s));
      }
      // The file's order: by key as the catalog lists its strings, the others after.
      const order = (k: string) => {
        const i = set.strings.findIndex((s) => s.key === k);
        return i === -1 ? Number.MAX_SAFE_INTEGER : i;
      };
      return new Map([...out].sort((a, b) => order(a[0]) - order(b[0])));
    },
  };
}

/** A message's ICU text: the translation as written when its i18next forms are unchanged. */
function icuOf(forms: I18nextForms, s: SourceString | undefined): string {
  if (s?.target !== undefined) {
    try {
      if (sameForms(toI18next(s.target), forms)) return s.target;
    } catch {}
  }
  return fromI18next(forms);
}
