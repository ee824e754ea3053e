// Recorded traffic (a HAR, an NDJSON request log) into entries: each error
// response's code and status, its message, the shape of its details, the
// routes it came from and how often it was seen. The files are read by the
// readers `errata check` uses (`src/check/inputs/`), as streams.
import { readInput } from '../check/inputs/index.js';
import type { Observation } from '../check/types.js';
import { readExample, schemaOf } from './example.js';
import type { ImportedEntry, SourceImport } from './types.js';

/** Example bodies kept per source for the dialect: enough to vote, few enough to stay small. */
const MAX_EXAMPLES = 200;

function header(o: Observation, name: string): string | undefined {
  const value = o.headers[name];
  return typeof value === 'string' ? value : value?.[0];
}

function routeOf(o: Observation): string | undefined {
  const path =
    o.route ??
    (o.url !== undefined
      ? (/^[a-z]+:\/\/[^/]+(\/[^?#]*)?/i.exec(o.url)?.[1] ?? o.url.split('?')[0])
      : undefined);
  if (path === undefined) return undefined;
  return o.method !== undefined ? `${o.method.toUpperCase()} ${path}` : path;
}

export interface TrafficOptions {
  readonly cwd: string;
  readonly format: 'har' | 'ndjson';
  readonly stdin?: AsyncIterable<Uint8Array>;
}

export async function readTraffic(name: string, options: TrafficOptions): Promise<SourceImport> {
  const result: SourceImport = {
    source: name,
    kind: options.format,
    entries: [],
    problems: [],
    examples: [],
  };
  const byKey = new Map<string, ImportedEntry>();
  let errors = 0;
  let unread = 0;
  const input = readInput(name, {
    cwd: options.cwd,
    format: options.format,
    ...(options.stdin ? { stdin: options.stdin } : {}),
    onProblem: (p) => {
      if (result.problems.length < 50)
        result.problems.push({
          place: `${p.file}${p.line !== undefined ? `:${p.line}` : ''}`,
          message: p.message,
        });
    },
  });
  for await (const o of input) {
    if (o.status < 400) continue;
    errors++;
    const place = `${name}:${o.source?.line ?? '?'}`;
    let body: unknown;
    if (o.body !== undefined) {
      try {
        body = JSON.parse(o.body);
      } catch {
        body = undefined;
      }
    }
    const contentType = header(o, 'content-type');
    const read = body !== undefined ? readExample(body, o.status, contentType) : {};
    const code = read.code ?? o.code;
    if (code === undefined) {
      unread++;
      continue;
    }
    if (body !== undefined && result.examples.length < MAX_EXAMPLES)
      result.examples.push({ body, status: o.status, place, ...(contentType ? { contentType } : {}) });
    const key = `${code}\u0000${o.status}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { code, status: o.status, seen: 0, routes: [], provenance: { from: [place], inferred: [] } };
      byKey.set(key, entry);
      result.entries.push(entry);
    }
    entry.seen = (entry.seen ?? 0) + 1;
    if (entry.message === undefined && read.message !== undefined) entry.message = read.message;
    if (entry.title === undefined && read.title !== undefined) entry.title = read.title;
    if (entry.details === undefined && read.details !== undefined) {
      entry.details = schemaOf(read.details);
      entry.provenance.inferred.push('details schema from an observed body');
    }
    const route = routeOf(o);
    if (route !== undefined && !entry.routes?.includes(route) && (entry.routes?.length ?? 0) < 20)
      entry.routes?.push(route);
  }
  if (unread > 0)
    result.problems.push({
      place: name,
      message: `${unread} of ${errors} error responses carried no readable error code: not imported`,
    });
  return result;
}
