// One observation read once for every check: headers, body, dialect, code,
// the entry it names and the route it matched.
import { type Dialect, type ParsedError, parseAny } from '../dialects/index.js';
import type { CatalogView } from './catalog-view.js';
import type { CheckContext } from './define-check.js';
import { mediaType, observedHeaders } from './headers.js';
import { readBody } from './read-body.js';
import type { RouteIndex } from './routes.js';
import type { Observation } from './types.js';

/** What a checker reads with: the catalog view, the routes and the extra dialects. */
export interface ReadSetup {
  readonly view: CatalogView;
  readonly routes?: RouteIndex;
  readonly dialects?: Readonly<Record<string, Dialect>>;
  readonly maxBodyLength?: number;
}

/** A check's context without its options. */
export type ReadResponse = Omit<CheckContext, 'options'>;

const tryParse = (d: Dialect, value: unknown, input: Parameters<Dialect['parse']>[1]) => {
  try {
    return d.parse(value, input);
  } catch {
    return undefined;
  }
};

/** Reads an observation; never throws, whatever it holds. */
export function readResponse(setup: ReadSetup, observation: Observation): ReadResponse {
  const { view } = setup;
  const headers = observedHeaders(observation.headers);
  const status = observation.status;
  const body = readBody(observation.body, setup.maxBodyLength);
  const named = mediaType(headers.get('content-type'));
  let dialect = (named !== undefined && view.byMediaType.get(named)) || view.dialect;
  let parsed: ParsedError | undefined;
  if (body.kind === 'json') {
    const input = { status, headers };
    parsed = tryParse(dialect, body.value, input) ?? parseAny(body.value, input);
    for (const d of Object.values(setup.dialects ?? {})) parsed ??= tryParse(d, body.value, input);
    // A server that negotiates may answer in another dialect it offers: check the body as that one's.
    const offered = parsed === undefined ? undefined : view.negotiated.get(parsed.dialect);
    if (offered !== undefined && offered !== dialect) dialect = offered;
  }
  const code = parsed?.code ?? (typeof observation.code === 'string' ? observation.code : undefined);
  const entries = code === undefined ? [] : (view.byCode.get(code) ?? []);
  const entry = entries.find((e) => e.entry.status === status) ?? entries[0];
  const method = typeof observation.method === 'string' ? observation.method : undefined;
  const route = setup.routes?.match(method, str(observation.route), str(observation.url));
  return {
    observation,
    headers,
    catalog: view.model,
    body,
    dialect,
    parsed,
    code,
    entries,
    entry,
    implicit: view.implicit,
    route,
  };
}

const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
