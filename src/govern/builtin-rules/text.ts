import { placeholders } from '../../catalog/template.js';
import { defineRule } from '../define-rule.js';
import { englishWords } from './_english-words.js';
import { quote } from './_wording.js';

const TEXT_FIELDS = ['title', 'message', 'description', 'remediation'] as const;

/** `text-empty`: a title, message, description or remediation that is present but blank. */
export const textEmpty = defineRule({
  id: 'text-empty',
  severity: 'error',
  description: 'A title, message, description or remediation that is present but empty: callers get a blank.',
  *check({ entries }) {
    for (const [id, entry] of entries)
      for (const field of TEXT_FIELDS) {
        const value = entry[field];
        if (value !== undefined && value.trim() === '')
          yield { id, field: field, message: `${field} is empty; write one or remove the field` };
      }
  },
});

/** `text-missing`: a text field most entries have and this one lacks (or one the config requires). */
export const textMissing = defineRule<{ require?: readonly string[]; consistency?: number }>({
  id: 'text-missing',
  severity: 'warn',
  description:
    'A title, message, description or remediation that most entries have (share ≥ `consistency`, default 0.5) and this one lacks; `require` lists fields every entry must have.',
  options: { require: [], consistency: 0.5 },
  *check({ entries, options }) {
    const require = new Set(options.require ?? []);
    for (const field of require)
      if (!(TEXT_FIELDS as readonly string[]).includes(field))
        throw new Error(`"require" lists ${quote(field)}, not one of ${TEXT_FIELDS.join(', ')}`);
    const share = options.consistency ?? 0.5;
    for (const field of TEXT_FIELDS) {
      const has = entries.filter(([, entry]) => entry[field] !== undefined).length;
      const required = require.has(field);
      if (!required && (has === 0 || has / entries.length < share)) continue;
      for (const [id, entry] of entries)
        if (entry[field] === undefined)
          yield {
            id,
            field: field,
            message: required
              ? `${field} is missing (required by the configuration)`
              : `${field} is missing, while ${has} of ${entries.length} entries have one`,
          };
    }
  },
});

/** `title-case`: titles starting with a lowercase word. */
export const titleCase = defineRule({
  id: 'title-case',
  severity: 'warn',
  description: 'Titles that start with a lowercase word (a title is shown as a heading: "Not found").',
  *check({ entries }) {
    for (const [id, entry] of entries)
      if (entry.title !== undefined && /^[a-z]+\b/.test(entry.title) && !/^[a-z]+[A-Z]/.test(entry.title))
        yield { id, field: 'title', message: `title ${quote(entry.title)} starts with a lowercase letter` };
  },
});

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** `description-quality`: descriptions that only repeat the name, or start with a status. */
export const descriptionQuality = defineRule({
  id: 'description-quality',
  severity: 'warn',
  description:
    'Descriptions that only repeat the entry’s id or code ("BreaksInstanceInvariantCode") or start with a status ("403 - …").',
  *check({ entries }) {
    for (const [id, entry] of entries) {
      const description = entry.description;
      if (description === undefined || description.trim() === '') continue;
      const squashed = squash(description);
      const names = [id, entry.code].filter(Boolean).map(squash);
      if (names.some((n) => squashed === n || squashed === `${n}code` || squashed === `${n}error`))
        yield {
          id,
          field: 'description',
          message: `description ${quote(description)} only repeats the entry's name; say when this error happens`,
        };
      else if (/^\s*[45]\d\d\s*[-–—:]/.test(description))
        yield {
          id,
          field: 'description',
          message: `description starts with a status (${quote(description.slice(0, 12).trim())}…); the status is a field of its own and the docs show it`,
        };
    }
  },
});

// Placeholder styles errata does not render: they reach the caller verbatim.
const MUSTACHE = /\{\{[^{}]*\}\}/g;
const DOLLAR = /\$\{[^{}]*\}/g;
// MessageFormat 2, Angular and PHP's `{$name}`; Ruby's and i18n-js's `%{name}`; .NET's and Java
// MessageFormat's positional `{0}`.
const DOLLAR_INSIDE = /\{\$[A-Za-z_][\w.-]*\}/g;
const PERCENT_BRACE = /%\{[A-Za-z_][\w.-]*\}/g;
const POSITIONAL = /\{\d+(?:,[^{}]*)?\}/g;
const ANGLE = /<([a-z][A-Za-z0-9_]*)>/g;

/** Placeholders of a message that errata will not fill in, as written. */
export function foreignPlaceholders(message: string): string[] {
  const found: string[] = [];
  let rest = message;
  for (const re of [MUSTACHE, DOLLAR, DOLLAR_INSIDE, PERCENT_BRACE, POSITIONAL]) {
    for (const m of rest.matchAll(re)) found.push(m[0]);
    rest = rest.replace(re, ' ');
  }
  for (const m of rest.matchAll(ANGLE)) found.push(m[0]);
  return [...new Set(found)];
}

/** `placeholder-undeclared`: placeholders that are not declared parameters. */
export const placeholderUndeclared = defineRule({
  id: 'placeholder-undeclared',
  severity: 'error',
  description:
    'Message placeholders that are not declared parameters: `{name}` missing from `params`, or `<name>`, `{{name}}`, `$\u{7b}name}`, `{$name}`, `%{name}`, `{0}` styles errata sends verbatim.',
  *check({ entries }) {
    for (const [id, entry] of entries) {
      if (!entry.message) continue;
      const foreign = foreignPlaceholders(entry.message);
      // `%{name}` holds a `{name}`: it is reported once, as the foreign placeholder it is.
      const own = foreign.reduce((text, f) => text.split(f).join(' '), entry.message);
      const missing = [...new Set(placeholders(own).map((p) => p.name))].filter((n) => !entry.params[n]);
      if (missing.length > 0)
        yield {
          id,
          field: 'message',
          message: `placeholder${missing.length > 1 ? 's' : ''} ${missing.map((n) => `{${n}}`).join(', ')} not declared in params`,
        };
      if (foreign.length > 0)
        yield {
          id,
          field: 'message',
          message:
            foreign.length > 1
              ? `${foreign.join(', ')} look like placeholders but are not parameters: the caller receives them verbatim; write {name} and declare it`
              : `${foreign[0]} looks like a placeholder but is not a parameter: the caller receives it verbatim; write {name} and declare it`,
        };
    }
  },
});

/** printf verbs (`%d`, `%v`, `%q`, `%s`, `%[1]d`, `%-5.2f`), not a literal `50%`. */
const PRINTF = /(?<![%\w])%(?:\[\d+\])?[-+#0]*\d*(?:\.\d+)?[sdvqifxXtgeEobcpTU](?![A-Za-z])/g;

/** The printf verbs left in a text. */
export function printfVerbs(text: string): string[] {
  return [...new Set([...text.matchAll(PRINTF)].map((m) => m[0]))];
}

/** `placeholder-printf`: printf-style verbs left in titles and messages. */
export const placeholderPrintf = defineRule({
  id: 'placeholder-printf',
  severity: 'error',
  description: 'printf-style verbs (`%d`, `%v`, `%q`, `%s`) left in a title or message: callers see "%d".',
  *check({ entries }) {
    for (const [id, entry] of entries)
      for (const field of ['title', 'message'] as const) {
        const verbs = printfVerbs(entry[field] ?? '');
        if (verbs.length > 0)
          yield {
            id,
            field: field,
            message: `printf verb${verbs.length > 1 ? 's' : ''} ${verbs.join(', ')} in the ${field}: errata does not format it, the caller sees it as is; use a named {parameter}`,
          };
      }
  },
});

/** `param-unused`: declared parameters the message never uses. */
export const paramUnused = defineRule({
  id: 'param-unused',
  severity: 'warn',
  description: 'Declared parameters that the message never uses.',
  *check({ entries }) {
    for (const [id, entry] of entries) {
      const used = new Set(placeholders(entry.message ?? '').map((p) => p.name));
      const unused = Object.keys(entry.params).filter((n) => !used.has(n));
      if (unused.length > 0)
        yield {
          id,
          field: 'params',
          message: `parameter${unused.length > 1 ? 's' : ''} ${unused.join(', ')} declared but not used in the message`,
        };
    }
  },
});

// "an" before a consonant sound, "a" before a vowel sound. Words whose sound differs from their
// first letter ("an hour", "a user", "a one-time") and acronyms ("an SSO") are left alone.
const AN_WRONG = /\ban\s+(?!h(?:our|onest|onou?r|eir))([b-df-hj-np-tv-z][a-z]+)\b/;
const A_WRONG = /\ba\s+(?!one\b|once\b)([aeio][a-z]+)\b/i;
const DOUBLED = /\b([A-Za-z]+)\s+\1\b/i;

/** Longest run of letters checked for typos: anything longer is not a word (and costs its length squared). */
const MAX_WORD = 40;

/** A word and its one-letter deletions: candidates within one edit share one (symmetric delete). */
function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Whether two words are one insertion, deletion, substitution or adjacent swap apart. */
function oneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  if (a.length !== b.length) {
    const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
    return shorter.slice(i) === longer.slice(i + 1);
  }
  if (a.slice(i + 1) === b.slice(i + 1)) return true;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** `text-typo`: doubled words, "a"/"an" before the wrong sound, and one-off misspellings of the catalog's own words. */
export const textTypo = defineRule({
  id: 'text-typo',
  severity: 'warn',
  description:
    'Typos: a doubled word, "a"/"an" before the wrong sound, and a word used once, not in the English word list, one letter away from a word the catalog uses often ("organizaton").',
  options: { minCount: 3, minLength: 6 },
  *check({ entries, options }) {
    const minCount = Number(options.minCount);
    const minLength = Number(options.minLength);
    // The catalog's own vocabulary is the dictionary: frequent words are spelled as meant.
    const count = new Map<string, number>();
    // Lower-cased words of each entry's fields, at [entry index * 4 + field index].
    const words: (string[] | null | undefined)[] = [];
    for (const [, entry] of entries)
      for (const field of TEXT_FIELDS) {
        const list = entry[field]?.toLowerCase().match(/[a-z]+/g);
        words.push(list);
        if (list) for (const word of list) count.set(word, (count.get(word) ?? 0) + 1);
      }
    const near = new Map<string, string>();
    for (const [word, uses] of count)
      if (uses >= minCount && word.length >= minLength - 1 && word.length <= MAX_WORD)
        for (const deletion of deletions(word)) if (!near.has(deletion)) near.set(deletion, word);
    // A real English word is not a typo of a neighbour ("header" and "reader", "pending" and
    // "sending"). The list (about a second to read) is read only once a word looks like a typo.
    let dictionary: ReadonlySet<string> | null | undefined;
    const isWord = (word: string) => {
      if (dictionary === undefined) dictionary = englishWords();
      return dictionary?.has(word) === true;
    };
    const correction = (word: string): string | undefined => {
      if (word.length < minLength || word.length > MAX_WORD || count.get(word) !== 1) return undefined;
      for (const deletion of deletions(word)) {
        const known = near.get(deletion);
        // Same word but the last letter: an inflection ("includes", "included"), not a typo.
        if (
          known === undefined ||
          !oneEdit(known, word) ||
          known.slice(0, -1) === word.slice(0, -1) ||
          known.startsWith(word) ||
          word.startsWith(known)
        )
          continue;
        return isWord(word) ? undefined : known;
      }
      return undefined;
    };
    let at = -1;
    for (const [id, entry] of entries)
      for (const field of TEXT_FIELDS) {
        const text = entry[field];
        const list = words[++at];
        if (!text) continue;
        const issues: string[] = [];
        const doubled = DOUBLED.exec(text);
        if (doubled) issues.push(`doubled word ${quote(doubled[0])}`);
        const anWrong = AN_WRONG.exec(text);
        if (anWrong) issues.push(`${quote(anWrong[0])} (a ${anWrong[1]})`);
        const aWrong = A_WRONG.exec(text);
        if (aWrong && !/^(?:u|eu|one)/i.test(aWrong[1] as string))
          issues.push(`${quote(aWrong[0])} (an ${aWrong[1]})`);
        for (const word of list ?? []) {
          const fix = word.length >= minLength ? correction(word) : undefined;
          if (fix) issues.push(`${quote(word)} (${fix}?)`);
        }
        if (issues.length > 0) yield { id, field: field, message: `possible typo: ${issues.join(', ')}` };
      }
  },
});
