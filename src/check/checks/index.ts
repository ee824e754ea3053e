import type { Check } from '../define-check.js';

/** Every built-in check, in the order findings are listed. */
export const builtinChecks: readonly Check[] = [];
