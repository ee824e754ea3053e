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

/**
 * An entry's message, compiled once. An occurrence's parameters are checked when it is made;
 * its text is rendered from them when it is read, so that an answer in another language
 * (`errata/i18n`) never pays for the source text it does not send.
 */
export interface OccurrenceMessage {
  /** What is wrong with an occurrence's parameters (a missing or mistyped one); `undefined` when none is. */
  mistakes(params: Readonly<Record<string, unknown>> | undefined): readonly string[] | undefined;
  /** The text of an occurrence whose parameters have no mistakes. */
  render(params: Readonly<Record<string, unknown>> | undefined): string;
  /** The text of an occurrence whose parameters have mistakes. */
  readonly fallback: string;
}

/** Compiles an entry's message once. */
export function occurrenceMessage(entry: EntryModel, limits: RenderLimits = {}): OccurrenceMessage {
  const fallback = unrenderedText(entry);
  // Without a message the title (else the description) is sent as it is: only `message` is a template.
  if (entry.message === undefined) {
    const text = entry.title ?? entry.description ?? '';
    return { mistakes: () => undefined, render: () => text, fallback };
  }
  const slots = messageSlots(entry);
  const render = compileTemplate(entry.message, limits);
  if (slots.length === 0) {
    const text = render(undefined);
    return { mistakes: () => undefined, render: () => text, fallback };
  }
  return {
    mistakes(params) {
      const found = paramMistakes(slots, params);
      return found.length === 0 ? undefined : found;
    },
    render,
    fallback,
  };
}
