// ICU MessageFormat to i18next's JSON v4 and back, through the ICU parser's AST: `{x}` is
// `{{x}}`, `{x, number}` is `{{x, number}}`, and one cardinal plural becomes a key per plural
// category (`_one`, `_other`) with `#` as `{{count}}` (i18next selects the form by `count`).
// Anything else ICU can say (select, ordinal, exact `=0`, several plurals, styles, tags) has no
// i18next form: `toI18next` says so and the string is left out of the file.
import {
  type ArgumentElement,
  type LiteralElement,
  type MessageFormatElement,
  type NumberElement,
  type PluralElement,
  type PoundElement,
  parse,
  TYPE,
} from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';

/** The plural categories of CLDR, the suffixes i18next v4 reads. */
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/** A message in i18next's terms: one string, or one string per plural category of `plural`. */
export type I18nextForms =
  | { readonly text: string }
  | { readonly plural: string; readonly forms: { readonly [category: string]: string } };

/** Why a message has no i18next form, or the parser's complaint. */
export class NoI18nextForm extends Error {}

const literal = (el: LiteralElement) => {
  // i18next would read `{{` in text as a placeholder of its own.
  if (el.value.includes('{{')) throw new NoI18nextForm('its text holds "{{"');
  return el.value;
};

/** The i18next text of elements without a plural; `pound` for a `#` inside one. */
function flat(els: readonly MessageFormatElement[], pound?: string): string {
  let out = '';
  for (const el of els) {
    if (el.type === TYPE.literal) out += literal(el);
    else if (el.type === TYPE.argument) out += `{{${el.value}}}`;
    else if (el.type === TYPE.number && (el.style === null || el.style === undefined))
      out += `{{${el.value}, number}}`;
    else if (el.type === TYPE.pound && pound !== undefined) out += pound;
    else throw new NoI18nextForm(`it uses ${TYPE[el.type]}${el.type === TYPE.number ? ' with a style' : ''}`);
  }
  return out;
}

/** A message as i18next writes it; throws {@link NoI18nextForm} when it has no i18next form. */
export function toI18next(icu: string): I18nextForms {
  let ast: MessageFormatElement[];
  try {
    ast = parse(icu, { ignoreTag: true });
  } catch (e) {
    throw new NoI18nextForm(`it is not valid ICU MessageFormat (${(e as Error).message})`);
  }
  const plurals = ast.filter((el): el is PluralElement => el.type === TYPE.plural);
  if (plurals.length === 0) return { text: flat(ast) };
  if (plurals.length > 1) throw new NoI18nextForm('it has several plurals');
  const p = plurals[0] as PluralElement;
  if (p.pluralType === 'ordinal') throw new NoI18nextForm('it uses an ordinal plural');
  if (p.offset !== 0) throw new NoI18nextForm('its plural has an offset');
  const at = ast.indexOf(p);
  const before = flat(ast.slice(0, at));
  const after = flat(ast.slice(at + 1));
  const forms: Record<string, string> = {};
  for (const [category, option] of Object.entries(p.options)) {
    if (!(CATEGORIES as readonly string[]).includes(category))
      throw new NoI18nextForm(`its plural has the case "${category}"`);
    forms[category] = before + flat(option.value, '{{count}}') + after;
  }
  return { plural: p.value, forms };
}

/** `{{name}}` and `{{name, number}}`, as i18next's default interpolation writes them. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:,\s*(number)\s*)?\}\}/g;

/** i18next text as ICU elements; `{{count}}` is `#` inside a plural over another variable. */
function elements(text: string, plural?: string): MessageFormatElement[] {
  const out: MessageFormatElement[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index > last) out.push({ type: TYPE.literal, value: text.slice(last, m.index) } as LiteralElement);
    const name = m[1] as string;
    if (plural !== undefined && name === 'count' && m[2] === undefined)
      out.push({ type: TYPE.pound } as PoundElement);
    else if (m[2] === 'number') out.push({ type: TYPE.number, value: name, style: null } as NumberElement);
    else out.push({ type: TYPE.argument, value: name } as ArgumentElement);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ type: TYPE.literal, value: text.slice(last) } as LiteralElement);
  return out;
}

/** i18next's forms of a message as ICU MessageFormat text. */
export function fromI18next(forms: I18nextForms): string {
  if ('text' in forms) return printAST(elements(forms.text));
  const options: PluralElement['options'] = {};
  for (const category of CATEGORIES) {
    const text = forms.forms[category];
    if (text !== undefined) options[category] = { value: elements(text, forms.plural) };
  }
  const plural: PluralElement = {
    type: TYPE.plural,
    value: forms.plural,
    options,
    offset: 0,
    pluralType: 'cardinal',
  };
  return printAST([plural]);
}

/** Whether two i18next forms say the same. */
export function sameForms(a: I18nextForms, b: I18nextForms): boolean {
  if ('text' in a || 'text' in b) return 'text' in a && 'text' in b && a.text === b.text;
  const ka = Object.keys(a.forms).sort();
  const kb = Object.keys(b.forms).sort();
  return a.plural === b.plural && ka.join() === kb.join() && ka.every((k) => a.forms[k] === b.forms[k]);
}
