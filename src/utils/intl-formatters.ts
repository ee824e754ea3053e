// The Intl objects an ICU message formats with (intl-messageformat's `formatters` option), made
// once each for the life of one compiled message.
import type { Formatters } from 'intl-messageformat';

/**
 * The Intl objects one translation formats with, made once each: per options object (the
 * message's own styles, the same object at every render), and plural rules per type. The
 * library's default keys its memory by the JSON of its arguments, at every render.
 */
export function formatters(): Formatters {
  const numbers = new WeakMap<object, Intl.NumberFormat>();
  const dates = new WeakMap<object, Intl.DateTimeFormat>();
  const plurals = new Map<string, Intl.PluralRules>();
  let number: Intl.NumberFormat | undefined;
  let date: Intl.DateTimeFormat | undefined;
  return {
    getNumberFormat(locales, options) {
      if (options === undefined) {
        number ??= new Intl.NumberFormat(locales);
        return number;
      }
      let found = numbers.get(options);
      if (found === undefined) {
        found = new Intl.NumberFormat(locales, options);
        numbers.set(options, found);
      }
      return found;
    },
    getDateTimeFormat(locales, options) {
      if (options === undefined) {
        date ??= new Intl.DateTimeFormat(locales);
        return date;
      }
      let found = dates.get(options);
      if (found === undefined) {
        found = new Intl.DateTimeFormat(locales, options);
        dates.set(options, found);
      }
      return found;
    },
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
