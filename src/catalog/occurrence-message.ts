// The message of one occurrence: the entry's template rendered with the parameters given, or,
// when one is missing or of the wrong type, a static text that is true of every occurrence.
import { messageSlots } from './message-params.js';
import type { EntryModel } from './model.js';
import { compileTemplate, paramMistakes, type RenderLimits } from './template.js';

/** What an occurrence whose message cannot be rendered says without a title, below 500. */
export const UNRENDERED_CLIENT_TEXT = 'The request could not be completed.';
/** What an occurrence whose message cannot be rendered says without a title, at 500 and above. */
export const UNRENDERED_SERVER_TEXT = 'An internal error occurred.';

/**
 * The text sent in place of a message that cannot be rendered: the entry's title, else the
 * generic sentence of its status class (the same text a masked message is replaced with).
 */
export function unrenderedText(entry: Pick<EntryModel, 'title' | 'status'>): string {
  return entry.title ?? (entry.status >= 500 ? UNRENDERED_SERVER_TEXT : UNRENDERED_CLIENT_TEXT);
}

/** One occurrence's message, and what was wrong with its parameters when it could not be rendered. */
export interface OccurrenceText {
  readonly text: string;
  readonly mistakes?: readonly string[];
}

/** Compiles an entry's message once: each call renders it, or says why it could not. */
export function occurrenceMessage(
  entry: EntryModel,
  limits: RenderLimits = {},
): (params: Readonly<Record<string, unknown>> | undefined) => OccurrenceText {
  // Without a message the title (else the description) is sent as it is: only `message` is a template.
  if (entry.message === undefined) {
    const fixed = { text: entry.title ?? entry.description ?? '' };
    return () => fixed;
  }
  const slots = messageSlots(entry);
  const render = compileTemplate(entry.message, limits);
  if (slots.length === 0) {
    const fixed = { text: render(undefined) };
    return () => fixed;
  }
  const fallback = unrenderedText(entry);
  return (params) => {
    const mistakes = paramMistakes(slots, params);
    return mistakes.length === 0 ? { text: render(params) } : { text: fallback, mistakes };
  };
}
