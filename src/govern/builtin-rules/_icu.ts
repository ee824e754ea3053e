// What the translation rules read from an ICU MessageFormat message: the parse (by the parser lint
// was given, never by hand) and the arguments it names, in plural and select branches too.
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { MessageParser } from '../lint-types.js';

/** How a message uses an argument: written as is, formatted as a number, or chosen on. */
export type ArgumentUse = 'text' | 'number' | 'date' | 'plural' | 'select';

// The element kinds of the parser's AST (its `TYPE` enum), as numbers so that no code of the
// parser is imported here.
const ARGUMENT = 1;
const NUMBER = 2;
const DATE = 3;
const TIME = 4;
const SELECT = 5;
const PLURAL = 6;
const TAG = 8;

const USE: Readonly<Record<number, ArgumentUse>> = {
  [ARGUMENT]: 'text',
  [NUMBER]: 'number',
  [DATE]: 'date',
  [TIME]: 'date',
  [SELECT]: 'select',
  [PLURAL]: 'plural',
};

/** The arguments a parsed message names, each with the ways it is used, in the order first met. */
export function messageArguments(ast: readonly MessageFormatElement[]): Map<string, Set<ArgumentUse>> {
  const out = new Map<string, Set<ArgumentUse>>();
  const walk = (elements: readonly MessageFormatElement[]): void => {
    for (const el of elements) {
      const use = USE[el.type];
      if (use !== undefined && 'value' in el) {
        let uses = out.get(el.value);
        if (uses === undefined) {
          uses = new Set();
          out.set(el.value, uses);
        }
        uses.add(use);
      }
      // `#` stands for the plural's own argument, already counted; branches and tags hold more.
      if (el.type === SELECT || el.type === PLURAL)
        for (const option of Object.values(el.options)) walk(option.value);
      else if (el.type === TAG) walk(el.children);
    }
  };
  walk(ast);
  return out;
}

/** A parse: the elements, or why the message is not ICU MessageFormat. */
export type ParsedMessage =
  | { readonly ok: true; readonly ast: MessageFormatElement[] }
  | { readonly ok: false; readonly reason: string };

// Lint parses each translated message once for all the rules that read it.
const parses = new WeakMap<MessageParser, Map<string, ParsedMessage>>();

/**
 * Parses a translated message as plain-text ICU: `<b>` is literal text (errata's messages are
 * not markup). The reason of a syntax error is the parser's kind of error in words, with the
 * column (`expect argument closing brace at column 10`).
 */
export function parseTranslated(parse: MessageParser, message: string): ParsedMessage {
  let cache = parses.get(parse);
  if (cache === undefined) {
    cache = new Map();
    parses.set(parse, cache);
  }
  let parsed = cache.get(message);
  if (parsed === undefined) {
    try {
      parsed = { ok: true, ast: parse(message, { ignoreTag: true }) };
    } catch (e) {
      const kind = e instanceof Error ? e.message : String(e);
      const column = (e as { location?: { start?: { column?: number } } }).location?.start?.column;
      const words = /^[A-Z_]+$/.test(kind) ? kind.toLowerCase().replace(/_/g, ' ') : kind;
      parsed = { ok: false, reason: column === undefined ? words : `${words} at column ${column}` };
    }
    if (cache.size > 10_000) cache.clear();
    cache.set(message, parsed);
  }
  return parsed;
}
