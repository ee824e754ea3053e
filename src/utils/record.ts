/**
 * Whether a value is an object whose properties can be read by name: not
 * `null`, not an array. The one check every layer uses on untrusted JSON (a
 * parsed body, a catalog document, a schema), the client included, so it
 * imports nothing.
 */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
