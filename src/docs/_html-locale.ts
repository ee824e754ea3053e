// The HTML reference in the catalog's languages: a page per language (`errata docs --locale
// all` writes `index.html`, `index.fr.html`…), each with a language menu linking to the others
// and `<link rel="alternate" hreflang>` in its head. A switch keeps the filters and the entry
// in view (the query and the fragment) but not the search words, which belong to a language.
// Each page is a plain page in its language, so its search finds what it shows; nothing of
// the other languages is carried. Also the page words the page script writes (copy buttons,
// counts, theme), in the page's language. All text is escaped.

import { type ChromeStrings, fillChrome, languageName, pluralChrome } from './chrome.js';
import { escapeHtml as h } from './escape.js';
import type { DocReference, LocaleAlternate } from './reference.js';

/** A chrome string in HTML: its own words escaped, the values (already HTML) filled in. */
export const chromeHtml = (template: string, values: Readonly<Record<string, string | number>> = {}) =>
  fillChrome(template, values, h);

/** `12 errors`, `12 erreurs`, `12 件のエラー`: a count of errors in the page's language. */
export function errorsHtml(ref: DocReference, n: number): string {
  return chromeHtml(pluralChrome(ref.locale, n, ref.chrome.errorsOne, ref.chrome.errorsOther), { n });
}

/** `3 of 12 errors` in the page's language, as the page script writes it. */
export function shownHtml(ref: DocReference, shown: number, n: number): string {
  return chromeHtml(pluralChrome(ref.locale, n, ref.chrome.shownOne, ref.chrome.shownOther), { shown, n });
}

/** The alternates other than the page itself, or none when the page has no sibling. */
function siblings(ref: DocReference): readonly LocaleAlternate[] {
  return ref.alternates.length > 1 || ref.alternates.some((a) => a.locale !== ref.locale)
    ? ref.alternates
    : [];
}

/** `<link rel="alternate">` for each language's page, for the head. */
export function localeHeadHtml(ref: DocReference): string {
  return siblings(ref)
    .map((a) => `<link rel="alternate" hreflang="${h(a.locale)}" href="${h(a.href)}">`)
    .join('');
}

/** The language menu: each language's page by its own name, the page's own marked current. */
export function localeMenuHtml(ref: DocReference): string {
  const list = siblings(ref);
  if (list.length === 0) return '';
  const items = list.map((a) => {
    const current = a.locale.toLowerCase() === ref.locale.toLowerCase();
    return `<li><a href="${h(a.href)}" hreflang="${h(a.locale)}" lang="${h(a.locale)}" data-locale-link${
      current ? ' aria-current="page"' : ''
    }>${h(languageName(a.locale))}</a></li>`;
  });
  return `<nav class="langs" aria-label="${h(ref.chrome.language)}"><ul>${items.join('')}</ul></nav>`;
}

/** The menu's style, in the page's palette. */
const LOCALE_STYLE = `
.langs ul{display:flex;flex-wrap:wrap;gap:.25rem .75rem;list-style:none;margin:0 0 .5rem;padding:0;font-size:.875rem}
.langs a{color:var(--accent)}
.langs a[aria-current=page]{color:inherit;font-weight:600;text-decoration:none}
`;

/** The style to add to the page: none without a menu. */
export function localeStyle(ref: DocReference): string {
  return siblings(ref).length > 0 ? LOCALE_STYLE : '';
}

/** The page words the page script writes, for its data block. */
export function scriptChrome(ref: DocReference): Record<string, string> {
  const c: ChromeStrings = ref.chrome;
  return {
    locale: ref.locale,
    copy: c.copy,
    copied: c.copied,
    copyFailed: c.copyFailed,
    copyExample: c.copyExample,
    exampleResponseIn: c.exampleResponseIn,
    type: `${c.type}${c.colon} `,
    shownOne: c.shownOne,
    shownOther: c.shownOther,
    theme: c.theme,
    auto: c.themeAuto,
    light: c.themeLight,
    dark: c.themeDark,
  };
}

/**
 * The script's part for the menu, run inside PAGE_SCRIPT: a language link, when followed,
 * carries the filters (the query but `q`) and the fragment to the other language's page.
 */
export const LOCALE_SCRIPT = `
  document.addEventListener('click', function (event) {
    var link = event.target && event.target.closest ? event.target.closest('a[data-locale-link]') : null;
    if (!link) return;
    var params = new URLSearchParams(location.search);
    params.delete('q');
    var query = params.toString(), url = new URL(link.getAttribute('href'), location.href);
    url.search = query ? '?' + query : '';
    url.hash = location.hash;
    link.href = url.href;
  });
`;

/** A chrome string with its `{name}`s filled, for the page script (a copy of `fillChrome` as script text). */
export const CHROME_FILL_SCRIPT = `
  function chromeText(template, values) {
    return String(template).replace(/\\{(\\w+)\\}/g, function (m, name) { return name in values ? String(values[name]) : m; });
  }
  function chromeCount(shown, total) {
    var form = 'other';
    try { form = new Intl.PluralRules(t.locale).select(total); } catch (e) { form = total === 1 ? 'one' : 'other'; }
    return chromeText(form === 'one' ? t.shownOne : t.shownOther, { shown: shown, n: total });
  }
`;
