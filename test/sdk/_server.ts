/**
 * A loopback HTTP server for the SDK proofs: it answers every request with
 * errata's serialization of one error and records when each request came.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WireError } from '../../src/dialects/types.js';

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** `performance.now()` when the request arrived. */
  readonly at: number;
}

export interface WireServer {
  readonly port: number;
  readonly requests: SeenRequest[];
  /** What the next requests are answered with. */
  answer(wire: () => WireError): void;
  /** Milliseconds between consecutive requests. */
  gaps(): number[];
  reset(): void;
  close(): Promise<void>;
}

export async function startWireServer(): Promise<WireServer> {
  const requests: SeenRequest[] = [];
  let make: (() => WireError) | undefined;
  const server: Server = createServer((req, res) => {
    requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      at: performance.now(),
    });
    req.resume();
    req.on('end', () => {
      if (make === undefined) {
        res.writeHead(500).end();
        return;
      }
      const wire = make();
      res.writeHead(wire.status, wire.headers).end(wire.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    answer(wire) {
      make = wire;
    },
    gaps() {
      return requests.slice(1).map((r, i) => r.at - (requests[i] as SeenRequest).at);
    },
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
