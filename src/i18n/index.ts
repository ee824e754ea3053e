// errata/i18n: answering errors in the caller's language. Imports intl-messageformat (ICU
// messages) and negotiator (Accept-Language); the server core takes what `localize` returns
// through its `localize` option and never imports this layer.
export { type CatalogLocalizer, type LocalizeOptions, localize } from './localize.js';
export { lookupLanguage, lookupTag, MAX_HEADER_LENGTH, MAX_RANGES } from './negotiate.js';
