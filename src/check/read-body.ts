/** A response body as the checks see it. */
export type ReadBody =
  | { readonly kind: 'absent' }
  | { readonly kind: 'json'; readonly value: unknown; readonly text: string }
  | { readonly kind: 'unreadable'; readonly reason: string; readonly text: string };

/** Bodies longer than this are not parsed (an error body is small; a huge one is a finding). */
export const DEFAULT_MAX_BODY_LENGTH = 1024 * 1024;

/** Reads a body's text as JSON; never throws, whatever the text holds. */
export function readBody(text: unknown, maxLength = DEFAULT_MAX_BODY_LENGTH): ReadBody {
  if (text === undefined || text === null) return { kind: 'absent' };
  if (typeof text !== 'string') return { kind: 'unreadable', reason: `a ${typeof text}, not text`, text: '' };
  if (text.length > maxLength)
    return {
      kind: 'unreadable',
      reason: `${text.length} characters long, over the ${maxLength} read`,
      text: text.slice(0, maxLength),
    };
  if (text.trim() === '') return { kind: 'unreadable', reason: 'empty', text };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown, text };
  } catch {
    return { kind: 'unreadable', reason: `not JSON (${preview(text)})`, text };
  }
}

/** The start of a text for a message: control characters shown as `.`, at most 40 characters. */
export function preview(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
  const shown = text.slice(0, 40).replace(/[\u0000-\u001f\u007f-\u009f]/g, '.');
  return JSON.stringify(text.length > 40 ? `${shown}…` : shown);
}
