// The Intl objects an ICU message formats with (intl-messageformat's `formatters` option), made
// once each for the life of one compiled message.

type Locales = string | string[] | undefined;

/** intl-messageformat's `Formatters`, by shape: what its `formatters` option takes. */
export interface Formatters {
  getNumberFormat(locales?: Locales, options?: Intl.NumberFormatOptions): Intl.NumberFormat;
  getDateTimeFormat(locales?: Locales, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat;
  getPluralRules(locales?: Locales, options?: Intl.PluralRulesOptions): Intl.PluralRules;
}

/**
 * The Intl objects one translation formats with, made once each: per options object (the
 * message's own styles, the same object at every render), and plural rules per type. The
 * library's default keys its memory by the JSON of its arguments, at every render.
 */
export function formatters(): Formatters {
  const plurals = new Map<string, Intl.PluralRules>();
  return {
    getNumberFormat: perOptions((locales, options) => new Intl.NumberFormat(locales, options)),
    getDateTimeFormat: perOptions(
      (locales: Locales, options?: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locales, options),
    ),
    getPluralRules(locales, options) {
      // intl-messageformat asks with a new `{ type }` at each render: the type is the key.
      const type = options?.type ?? 'cardinal';
      let found = plurals.get(type);
      if (found === undefined) {
        found = new Intl.PluralRules(locales, { ...options, type });
        plurals.set(type, found);
      }
      return found;
    },
  };
}

/** `make` called once per options object (and once without), for one message's locale. */
function perOptions<O extends object, F>(
  make: (locales: Locales, options?: O) => F,
): (locales?: Locales, options?: O) => F {
  const made = new WeakMap<O, F>();
  let plain: F | undefined;
  return (locales, options) => {
    if (options === undefined) {
      plain ??= make(locales);
      return plain;
    }
    let found = made.get(options);
    if (found === undefined) {
      found = make(locales, options);
      made.set(options, found);
    }
    return found;
  };
}
