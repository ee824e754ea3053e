// A translated message (ICU MessageFormat over the source message's parameters) compiled once
// with intl-messageformat, then rendered with the parameters sanitized as the source's are.
import { IntlMessageFormat } from 'intl-messageformat';
import { sanitizeParam } from '../catalog/template.js';

/** Renders a compiled translation; throws when it cannot (a parameter it needs is missing). */
export type TranslationRenderer = (params: Readonly<Record<string, unknown>>) => string;

/** A compiled translation, or why it does not compile. */
export type Compiled = { readonly render: TranslationRenderer } | { readonly error: string };

// The element types of intl-messageformat's AST (its parser's `TYPE`) that the plain path renders.
const LITERAL = 0;
const ARGUMENT = 1;

/**
 * Compiles the ICU text of a translation in `locale`. A message of text and `{name}` arguments
 * only (most are) renders as a concatenation, as the source templates do; one with plural,
 * select or formatted arguments renders through intl-messageformat. Tags (`<b>`) are text.
 */
export function compileTranslation(text: string, locale: string, maxParamLength: number): Compiled {
  let format: IntlMessageFormat;
  try {
    format = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
  } catch (e) {
    return { error: `does not compile as ICU MessageFormat (${describe(e)})` };
  }
  const ast = format.getAst();
  if (ast.every((el) => el.type === LITERAL || el.type === ARGUMENT)) {
    const parts = ast.map((el) => el.value);
    // 0: text; 1: a parameter; 2: a parameter whose name Object.prototype also has (read only as own).
    const kinds = ast.map((el) => (el.type !== ARGUMENT ? 0 : el.value in Object.prototype ? 2 : 1));
    return { render: (params) => plain(parts, kinds, params, maxParamLength) };
  }
  return {
    render: (params) => {
      const out = format.format(values(params, maxParamLength));
      if (typeof out !== 'string') throw new TypeError('rendered to something that is not text');
      return out;
    },
  };
}

function plain(
  parts: readonly string[],
  kinds: readonly number[],
  params: Readonly<Record<string, unknown>>,
  max: number,
): string {
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const kind = kinds[i];
    if (kind === 0) {
      out += part;
      continue;
    }
    const value = kind === 2 && !Object.hasOwn(params, part) ? undefined : params[part];
    if (value === undefined || value === null) throw new TypeError(`parameter ${part} is missing`);
    out += sanitizeParam(value, max);
  }
  return out;
}

/** The parameters as intl-messageformat reads them: numbers stay numbers (plurals), the rest is sanitized text. */
function values(params: Readonly<Record<string, unknown>>, max: number): Record<string, string | number> {
  const out: Record<string, string | number> = Object.create(null);
  for (const name of Object.keys(params)) {
    const value = params[name];
    if (value === undefined || value === null) continue;
    out[name] = typeof value === 'number' ? value : sanitizeParam(value, max);
  }
  return out;
}

/** A thrown value as one line of a report. */
export function describe(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
