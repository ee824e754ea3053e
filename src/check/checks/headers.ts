import type { CheckContext } from '../define-check.js';
import { defineCheck } from '../define-check.js';
import { mediaType } from '../headers.js';

/** Whether the observation recorded headers at all (a span's summary has none to judge). */
export const recorded = ({ headers }: Pick<CheckContext, 'headers'>): boolean => headers.names().length > 0;

/** The content type is the dialect's. */
export const contentType = defineCheck({
  name: 'content-type',
  severity: 'error',
  description: "The Content-Type is the dialect's media type.",
  *check(ctx) {
    const { headers, dialect, body } = ctx;
    if (!recorded(ctx) || body.kind === 'absent') return;
    const sent = headers.get('content-type');
    const expected = mediaType(dialect.contentType);
    if (sent === null) yield `no Content-Type; ${dialect.name} errors are ${expected}`;
    else if (mediaType(sent) !== expected)
      yield `the Content-Type is ${JSON.stringify(sent)}; ${dialect.name} errors are ${expected}`;
  },
});

/** A 401 says how to authenticate (RFC 9110 section 15.5.2). */
export const wwwAuthenticate = defineCheck({
  name: 'www-authenticate',
  severity: 'error',
  description: 'A 401 carries WWW-Authenticate (RFC 9110 section 15.5.2).',
  *check(ctx) {
    if (
      recorded(ctx) &&
      ctx.observation.status === 401 &&
      (ctx.headers.get('www-authenticate') ?? '').trim() === ''
    )
      yield 'a 401 without WWW-Authenticate (RFC 9110 section 15.5.2 requires one)';
  },
});

/** A 405 lists the methods the route takes (RFC 9110 section 15.5.6). */
export const allow = defineCheck({
  name: 'allow',
  severity: 'error',
  description: 'A 405 carries Allow (RFC 9110 section 15.5.6).',
  *check(ctx) {
    if (!recorded(ctx) || ctx.observation.status !== 405) return;
    const value = ctx.headers.get('allow');
    if (value === null) {
      yield 'a 405 without Allow (RFC 9110 section 15.5.6 requires one)';
      return;
    }
    const method = ctx.observation.method?.toUpperCase();
    const listed = value.split(',').map((m) => m.trim().toUpperCase());
    if (method !== undefined && listed.includes(method))
      yield `a 405 for ${method} whose Allow lists ${method}`;
  },
});

/** The response carries a request id: the header, or the dialect's own member. */
export const requestId = defineCheck({
  name: 'request-id',
  severity: 'warn',
  description:
    "The response carries a request id (the header, or the dialect's own: Stripe's Request-Id, a body member).",
  options: { header: 'x-request-id' },
  *check(ctx) {
    if (!recorded(ctx)) return;
    const { headers, parsed, options } = ctx;
    const found = headers.get(options.header) ?? headers.get('request-id') ?? parsed?.requestId ?? undefined;
    if (found === undefined || found.trim() === '')
      yield `no request id (no ${options.header} header, none in the body)`;
  },
});
