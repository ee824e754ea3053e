import { defineCheck } from '../define-check.js';

/** The body is an error in the dialect it should be in. */
export const bodyParses = defineCheck({
  name: 'body-parses',
  severity: 'error',
  description: "The body is an error in the catalog's dialect, or the one its content type names.",
  *check({ body, parsed, dialect }) {
    if (body.kind === 'absent') return;
    if (body.kind === 'unreadable') yield `the body is not a ${dialect.name} error: it is ${body.reason}`;
    else if (parsed === undefined)
      yield `the body is JSON that no dialect reads as an error (expected ${dialect.name})`;
    else if (parsed.dialect !== dialect.name)
      yield `the body is a ${parsed.dialect} error, not ${dialect.name} (the dialect the response should be in)`;
  },
});
