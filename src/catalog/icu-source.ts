// A source message (errata's template: `{name}` and `{name:type}`, any other brace literal) as the
// ICU MessageFormat text that says the same, so that one engine renders every language.

/** The placeholders of a source template, as the runtime reads them (see template.ts). */
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)(?::(?:string|number|integer|boolean))?\}/g;

/** Literal text quoted for ICU: an apostrophe doubled, a brace inside apostrophes. */
export function quoteLiteral(text: string): string {
  return text.replace(/'/g, "''").replace(/[{}]+/g, (braces) => `'${braces}'`);
}

/**
 * The ICU MessageFormat form of a source template: `Only {left:integer} left.` gives
 * `Only {left} left.`; literal braces and apostrophes are quoted, so the text renders unchanged.
 */
export function templateToIcu(template: string): string {
  let out = '';
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    out += `${quoteLiteral(template.slice(last, m.index))}{${m[1]}}`;
    last = (m.index as number) + m[0].length;
  }
  return out + quoteLiteral(template.slice(last));
}
