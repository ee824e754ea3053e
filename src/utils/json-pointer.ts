// JSON Pointer (RFC 6901): the one way every layer writes and reads the
// location of a field, the client included, so it imports nothing.

/** One reference token as a pointer writes it: `~` as `~0`, `/` as `~1` (in that order). */
export const escapePointerToken = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** One reference token as it was named: `~1` as `/`, `~0` as `~` (in that order). */
export const unescapePointerToken = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** The reference tokens of a JSON Pointer (`/a/0/b` → `a`, `0`, `b`); a `#` fragment is accepted. */
export function pointerTokens(pointer: string): string[] {
  const p = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (p === '') return [];
  return (p.startsWith('/') ? p.slice(1) : p).split('/').map(unescapePointerToken);
}

/**
 * The JSON Pointer of a field path in either style (`a.b[0]`, `a[b][0]`), as
 * envelopes that name a field write it; no path, no pointer. A bracket holds
 * no `[`, so the match is linear in the path's length; a stray `.`, `[` or `]`
 * is skipped.
 */
export const pathPointer: {
  (path: string): string;
  (path: string | undefined): string | undefined;
} = (path: string | undefined) =>
  // A name leaves the second group unmatched, so `token` is whichever group matched.
  path?.replace(/([^.[\]]+)|\[([^[\]]*)\]|./g, (_, name?: string, token = name) =>
    token === undefined ? '' : `/${escapePointerToken(token)}`,
  ) as string;
