// A Vary the answer sends (`Accept`, `Accept-Language`) joined to one set before the error
// (CORS's `Vary: Origin`): Express and Fastify would replace the earlier one, and Hono copies it
// over the answer's.
import { joinVary, varyKey } from '../utils/vary.js';

/**
 * Sets the answer's Vary to the union of `before` (what the framework's response holds) and
 * its own, when both say something; the answer's headers are changed in place.
 */
export function keepEarlierVary(headers: Record<string, string>, before: unknown): void {
  const key = varyKey(headers);
  if (key === undefined || joinVary(before) === '') return;
  headers[key] = joinVary(before, headers[key]);
}
