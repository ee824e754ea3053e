/**
 * Control characters of catalog text (a code holding a terminal escape) shown
 * as `%1B`, so text output never drives the terminal it is printed on.
 */
export const escapeControls = (s: string): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping control characters is the point
  s.replace(/[\0-\t\v-\x1f\x7f-\x9f]/g, escape);
