/**
 * An errata server on loopback for the SDK proofs whose dialect reads the
 * request (Supabase's API version, Azure's client request id): every request
 * is answered by a responder (`createResponder`, as the adapters call it, with
 * Node's request as `request`) from the error the test throws next. It
 * records when each request came and its headers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Catalog } from '../../src/catalog/define.js';
import type { ErrataError } from '../../src/error.js';
import { createResponder } from '../../src/server/respond.js';
import type { SeenRequest } from './_server.js';

export interface ErrataServer {
  readonly url: string;
  readonly requests: SeenRequest[];
  /** What the next requests throw. */
  throwing(make: () => ErrataError): void;
  gaps(): number[];
  reset(): void;
  close(): Promise<void>;
}

export async function startErrataServer(catalog: Catalog, dialect: string): Promise<ErrataServer> {
  const responder = createResponder({ catalog, dialect, onError: () => {}, telemetry: false });
  const requests: SeenRequest[] = [];
  let make: (() => ErrataError) | undefined;
  const server: Server = createServer((req, res) => {
    requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      at: performance.now(),
    });
    req.resume();
    req.on('end', () => {
      const wire = responder.respond(make?.() ?? new Error('nothing to throw'), {
        method: req.method,
        path: req.url?.split('?')[0],
        url: req.url,
        accept: req.headers.accept,
        requestId: req.headers['x-request-id'] as string | undefined,
        request: req,
      });
      res.writeHead(wire.status, wire.headers).end(wire.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    throwing(m) {
      make = m;
    },
    gaps: () => requests.slice(1).map((r, i) => r.at - (requests[i] as SeenRequest).at),
    reset() {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
