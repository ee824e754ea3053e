import type { Check } from '../define-check.js';
import { bodyParses } from './body.js';
import { codeKnown, statusMatches } from './code.js';
import { detailsSchema } from './details.js';
import { allow, contentType, requestId, wwwAuthenticate } from './headers.js';
import { maskedLeak, messageRendered } from './message.js';
import { retryAfter, shouldRetry } from './retry.js';
import { routeDeclared } from './route.js';
import { typeMatches } from './type.js';

/** Every built-in check, in the order findings are listed. */
export const builtinChecks: readonly Check[] = [
  bodyParses,
  codeKnown,
  statusMatches,
  detailsSchema,
  messageRendered,
  maskedLeak,
  contentType,
  retryAfter,
  shouldRetry,
  wwwAuthenticate,
  allow,
  requestId,
  typeMatches,
  routeDeclared,
] as readonly Check[];
