// XLIFF 2.0, written and read by the `xliff` package (1.2 is read too): one `<file>` per catalog,
// its id the catalog's name; one `<unit>` per string, its id the key (entry id and field), the
// catalog's text as `<source>`, the translation as `<target>`, the context as a `<note>`.
import { js2xliff, type XliffJs, xliff2js, xliff12ToJs } from 'xliff';
import { MessagesError } from './errors.js';
import { type ReadFile, setOwn, type WrittenFile } from './formats.js';
import { contextText, type StringSet } from './strings.js';

/** The strings of one language as an XLIFF 2.0 document. */
export function writeXliff(set: StringSet): WrittenFile {
  const units: Record<string, { source: string; target?: string; note: string }> = {};
  for (const s of set.strings)
    setOwn(units, s.key, {
      source: s.source,
      ...(s.target !== undefined && { target: s.target }),
      note: contextText(s),
    });
  const doc: XliffJs = {
    sourceLanguage: set.sourceLocale,
    targetLanguage: set.locale,
    resources: { [set.catalog]: units },
  };
  let failure: Error | null = null;
  const xml = js2xliff(doc, { indent: '  ', targetXliffVersion: '2.0' }, (e) => {
    failure = e;
  });
  if (failure !== null) throw new MessagesError(`cannot write XLIFF: ${(failure as Error).message}`);
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`, notes: [] };
}

/** Runs one of the package's readers; `undefined` when it finds no XLIFF of its version. */
function parseWith(read: typeof xliff2js, text: string): { doc?: XliffJs; error?: string } {
  let doc: XliffJs | undefined;
  let error: string | undefined;
  try {
    read(text, (e, r) => {
      if (e) error = e.message.split('\n')[0];
      else doc = r;
    });
  } catch (e) {
    error = 'it is not an XLIFF document';
    void e;
  }
  return { ...(doc !== undefined && { doc }), ...(error !== undefined && { error }) };
}

/** An XLIFF 2.0 or 1.2 document's translations; a unit whose target holds markup is refused. */
export function readXliff(text: string, file: string): ReadFile {
  let { doc, error } = parseWith(xliff2js, text);
  if (error === undefined && doc?.resources === undefined) ({ doc, error } = parseWith(xliff12ToJs, text));
  if (error !== undefined || doc?.resources === undefined)
    throw new MessagesError(
      `${file}: not a valid XLIFF 2.0 or 1.2 file: ${error ?? 'it has no <file> of translation units'}`,
    );
  const files = Object.keys(doc.resources);
  if (files.length === 0)
    throw new MessagesError(
      `${file}: not a valid XLIFF 2.0 or 1.2 file: it has no <file> of translation units`,
    );
  if (files.length !== 1)
    throw new MessagesError(
      `${file}: an XLIFF file for errata holds one <file> (the catalog's), this one has ${files.length}`,
    );
  const catalog = files[0] as string;
  const units = doc.resources[catalog] ?? {};
  const out = new Map<string, string>();
  for (const [key, unit] of Object.entries(units)) {
    const target = unit.target;
    if (target === undefined || target === '') continue;
    if (typeof target !== 'string')
      throw new MessagesError(
        `${file}: unit ${key}: its <target> holds XLIFF markup; errata's strings are plain text (ICU MessageFormat for a message)`,
      );
    out.set(key, target);
  }
  return {
    catalog,
    ...(doc.targetLanguage !== undefined && doc.targetLanguage !== '' && { locale: doc.targetLanguage }),
    targets: () => out,
  };
}
