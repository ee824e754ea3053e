// The errors of a response that reports several (`ClientErrorFields.errors`):
// an `errors[]` list envelope (JSON:API, Clerk, OCI, errata's `also`) read
// item by item, an item joining the one before when both name a field under
// the same code (one error's field violations), else starting the next error.
// Read only when `errors` is first read, from the parsed body the error keeps.

import type { Violation } from '../error.js';
import { pathPointer } from '../utils/json-pointer.js';
import { isRecord } from '../utils/record.js';

/** One of the errors a response reports. */
export interface ClientErrorItem {
  /** Its wire code; `undefined` when the body names none. */
  readonly code: string | undefined;
  readonly message: string;
  /** Its own status where the envelope states one (JSON:API), else the response's. */
  readonly status: number;
  readonly title: string | undefined;
  readonly details: unknown;
  /** Its field violations; empty when it names none. */
  readonly violations: readonly Violation[];
}

type Fields = ClientErrorItem & { readonly dialect?: string; readonly data?: unknown };

const own = (o: unknown, k: string): unknown => (isRecord(o) && Object.hasOwn(o, k) ? o[k] : undefined);
const str = (o: unknown, k: string) => {
  const v = own(o, k);
  return typeof v === 'string' ? v : undefined;
};

/** Every error a client error's response reports, it first (for a one-error body, its own fields: not the error itself, which `util.inspect` would print as a cycle); `[]` when its body was not recognised. */
export function readErrors(error: object): readonly ClientErrorItem[] {
  const e = error as Fields;
  const body = e.data;
  const list = own(body, 'errors');
  // A top-level message or title makes the list one error's (GitHub's, a problem's `errors`).
  if (!Array.isArray(list) || !isRecord(list[0]) || str(body, 'message') || str(body, 'title'))
    return e.dialect || e.code
      ? [
          {
            code: e.code,
            message: e.message,
            status: e.status,
            title: e.title,
            details: e.details,
            violations: e.violations,
          },
        ]
      : [];
  const out: { -readonly [K in keyof ClientErrorItem]: ClientErrorItem[K] }[] = [];
  for (const item of list) {
    const meta = own(item, 'meta');
    const code = str(item, 'code');
    // Clerk's items (and OCI's) have a `message`, JSON:API's a `title` and `detail`.
    const title = str(item, 'message') ?? str(item, 'title');
    const text = str(item, 'long_message') ?? str(item, 'detail') ?? title ?? '';
    const pointer = str(own(item, 'source'), 'pointer') ?? pathPointer(str(meta, 'param_name'));
    const reason = str(meta, 'reason');
    const v =
      pointer === undefined
        ? undefined
        : reason
          ? { pointer, message: text, code: reason }
          : { pointer, message: text };
    const last = out[out.length - 1];
    if (v && last?.code === code && last?.violations.length) (last.violations as Violation[]).push(v);
    else {
      const status = Number(str(item, 'status'));
      out.push({
        code,
        message: v && !own(item, 'detail') ? (title ?? text) : text,
        status: status > 399 ? status : e.status,
        title,
        details: own(meta, 'details') ?? (v ? undefined : (meta ?? own(item, 'detail'))),
        violations: v ? [v] : [],
      });
    }
  }
  return out;
}
