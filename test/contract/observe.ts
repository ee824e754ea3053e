// One request to a catalog's app, through errata's client: the raw response
// (status, headers, body) and what the client made of it, including whether
// it would retry and after how long.
import http from 'node:http';
import { serverContract } from '../../src/catalog/contract.js';
import type { CatalogModel } from '../../src/catalog/model.js';
import { serverEntryOfStatus } from '../../src/catalog/server-failures.js';
import { createClient, isErrataClientError, type RetryInfo } from '../../src/client/index.js';
import { BODY_LIMIT } from './servers.js';

/** A request the contract is checked on, and the id of the entry (of the effective contract) that must answer it. */
export interface Probe {
  readonly label: string;
  readonly method: string;
  readonly path: string;
  readonly contentType?: string;
  readonly body?: string;
  readonly entryId: string;
  /** An occurrence the application throws (else a failure the runtime answers itself). */
  readonly thrown: boolean;
}

/** The framework's own client errors served through `/http/:status`. */
export const FRAMEWORK_STATUSES = [401, 409, 429] as const;

/**
 * The requests for one catalog: an occurrence of each entry, then each failure
 * the runtime answers itself, with the entry the catalog's contract names for it.
 */
export function probesOf(model: CatalogModel, occurrenceIds: readonly string[]): Probe[] {
  const answers = serverContract(model).answers;
  const answer = (builtinId: string) => {
    const id = answers.get(builtinId);
    if (id === undefined) throw new Error(`the contract names no entry for ${builtinId}`);
    return id;
  };
  const post = (label: string, builtinId: string, contentType: string, body: string): Probe => ({
    label,
    method: 'POST',
    path: '/body',
    contentType,
    body,
    entryId: answer(builtinId),
    thrown: false,
  });
  return [
    ...occurrenceIds.map((entryId, n) => ({
      label: `entry ${entryId}`,
      method: 'GET',
      path: `/e/${n}`,
      entryId,
      thrown: true,
    })),
    {
      label: 'unknown route (404)',
      method: 'GET',
      path: '/nowhere',
      entryId: answer('not_found'),
      thrown: false,
    },
    {
      label: 'method not allowed (405)',
      method: 'DELETE',
      path: '/e/0',
      entryId: answer('method_not_allowed'),
      thrown: false,
    },
    post(
      'body too large (413)',
      'payload_too_large',
      'application/json',
      `{"name":"${'x'.repeat(BODY_LIMIT)}"}`,
    ),
    post('body of another media type (415)', 'unsupported_media_type', 'application/xml', '<name/>'),
    post('malformed JSON', 'malformed_body', 'application/json', '{"name":'),
    post('validation failure', 'validation_failed', 'application/json', '{"name":1}'),
    {
      label: 'unexpected exception (500)',
      method: 'GET',
      path: '/crash',
      entryId: answer('internal_error'),
      thrown: false,
    },
    ...FRAMEWORK_STATUSES.map((status) => ({
      label: `framework's own ${status}`,
      method: 'GET',
      path: `/http/${status}`,
      entryId: answer(serverEntryOfStatus(status)),
      thrown: false,
    })),
  ];
}

/** What one request gave. */
export interface Observation {
  readonly probe: Probe;
  readonly status: number;
  readonly contentType: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The client's error: undefined when the request did not fail as an error. */
  readonly client?: {
    readonly code: string | undefined;
    readonly status: number;
    readonly retryable: boolean;
    readonly retryAfterMs: number | undefined;
  };
  /** Whether `client.fetch` (one retry allowed) went on to retry, and the wait it chose first. */
  readonly retried: boolean;
  readonly firstDelayMs: number | undefined;
  /** What went wrong reaching the server, if anything. */
  readonly failure?: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

/**
 * `fetch` on node:http with kept-alive sockets, for `createClient({ fetch })`:
 * the same request and a real `Response`, at a fraction of undici's cost
 * (thousands of requests are sent). Calls `seen` with what was received.
 */
function nodeFetch(seen: (status: number, headers: Headers, body: string) => void): typeof fetch {
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const headers: Record<string, string> = {};
      new Headers(init?.headers).forEach((v, k) => {
        headers[k] = v;
      });
      const req = http.request(
        String(input),
        { method: init?.method ?? 'GET', headers, agent, signal: init?.signal ?? undefined },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const out = new Headers();
            for (const [k, v] of Object.entries(res.headers))
              if (v !== undefined) out.set(k, Array.isArray(v) ? v.join(', ') : v);
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            seen(status, out, text);
            resolve(new Response(status === 204 || status === 304 ? null : text, { status, headers: out }));
          });
        },
      );
      req.on('error', reject);
      req.end(typeof init?.body === 'string' ? init.body : undefined);
    });
}

/** The jitter's random draw: the back-off window's top, so the first delay shows the window. */
export const RANDOM_TOP = 1 - 2 ** -40;

const STOP = Symbol('stop after the first wait is chosen');

/**
 * Sends a probe through `client.fetch` with one retry allowed: the client
 * reads the error, decides whether to retry and how long to wait, and the
 * wait is stopped at once (the abort of `onRetry`), so no delay is slept.
 */
export async function observe(
  base: string,
  key: string,
  dialect: string,
  probe: Probe,
): Promise<Observation> {
  let raw: { status: number; headers: Headers; body: string } | undefined;
  let retry: RetryInfo | undefined;
  const ctl = new AbortController();
  const client = createClient({
    fetch: nodeFetch((status, headers, body) => {
      raw ??= { status, headers, body };
    }),
  });
  let error: unknown;
  try {
    await client.fetch(
      `${base}${probe.path}?dialect=${dialect}`,
      {
        method: probe.method,
        headers: {
          'x-catalog': key,
          ...(probe.contentType !== undefined && { 'content-type': probe.contentType }),
        },
        ...(probe.body !== undefined && { body: probe.body }),
        signal: ctl.signal,
      },
      {
        retries: 1,
        random: () => RANDOM_TOP,
        maxRetryAfterMs: Number.POSITIVE_INFINITY,
        timeoutMs: 1e12,
        onRetry: (info) => {
          retry = info;
          ctl.abort(STOP);
        },
      },
    );
  } catch (e) {
    error = e === STOP ? retry?.error : e;
  }
  const response = raw;
  const headers: Record<string, string> = {};
  response?.headers.forEach((v, k) => {
    headers[k] = v;
  });
  const seen = {
    probe,
    status: response?.status ?? 0,
    contentType: (headers['content-type'] ?? '').split(';')[0]?.trim() ?? '',
    headers,
    body: response?.body ?? '',
    retried: retry !== undefined,
    firstDelayMs: retry?.delayMs,
  };
  if (!isErrataClientError(error))
    return { ...seen, failure: error === undefined ? 'the request did not fail' : String(error) };
  if (error.status === 0) return { ...seen, failure: `${error.code}: ${String(error.cause)}` };
  return {
    ...seen,
    client: {
      code: error.code,
      status: error.status,
      retryable: error.retryable,
      retryAfterMs: error.retryAfterMs,
    },
  };
}
