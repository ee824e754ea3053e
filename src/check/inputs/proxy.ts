// A recording reverse proxy for development: every response passes through
// unchanged, and each error response (status 400 and above) is also handed
// over as an observation, its body decoded and capped.
import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { Observation } from '../types.js';
import { readRecordedBody } from './_body.js';
import { readHeaders } from './_headers.js';
import { DEFAULT_MAX_BODY_BYTES, type InputProblem } from './types.js';

export interface ProxyOptions {
  /** The API behind the proxy (`http://127.0.0.1:3000`). */
  readonly target: string;
  /** @default 0 (a free port) */
  readonly port?: number;
  /** The address to listen on. @default '127.0.0.1' (this machine only) */
  readonly host?: string;
  /** @default 1 MiB */
  readonly maxBodyBytes?: number;
  /** Each response once it has passed through; an error response (400 and above) with its body. */
  readonly onObservation: (observation: Observation) => void;
  readonly onProblem: (problem: InputProblem) => void;
}

export interface RecordingProxy {
  /** Where the proxy listens (`http://127.0.0.1:8080`). */
  readonly url: string;
  /** Responses that passed through so far. */
  readonly count: () => number;
  close(): Promise<void>;
}

/** Headers of one hop only (RFC 9110 section 7.6.1): not forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'proxy-authorization',
  'proxy-authenticate',
]);

function forwardable(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2)
    if (!HOP_BY_HOP.has((raw[i] as string).toLowerCase())) out.push(raw[i] as string, raw[i + 1] as string);
  return out;
}

/** A body as sent, decompressed for reading (the client still gets the bytes as sent). */
function decode(bytes: Buffer, encoding: string | undefined): Buffer {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(bytes);
    case 'br':
      return brotliDecompressSync(bytes);
    case 'deflate':
      return inflateSync(bytes);
    default:
      return bytes;
  }
}

/** Starts the proxy; it listens on loopback unless `host` says otherwise. */
export async function startRecordingProxy(options: ProxyOptions): Promise<RecordingProxy> {
  const target = new URL(options.target);
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    throw new TypeError(`the target must be an http:// or https:// URL (got "${options.target}")`);
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  let count = 0;

  const record = (req: IncomingMessage, up: IncomingMessage, url: URL, chunks: Buffer[], size: number) => {
    const status = up.statusCode ?? 0;
    const { headers } = readHeaders(
      forwardable(up.rawHeaders).reduce<[string, string][]>((pairs, v, i, all) => {
        if (i % 2 === 0) pairs.push([v, all[i + 1] as string]);
        return pairs;
      }, []),
    );
    const where = `${req.method ?? 'GET'} ${url.pathname}${url.search}`;
    let body: string | undefined;
    // A success is counted, not read (size -1).
    if (size < 0) body = undefined;
    else if (size > maxBody)
      options.onProblem({
        file: 'proxy',
        message: `${where}: the body (${size} B) is over the ${maxBody} B kept: its checks are skipped`,
        fatal: false,
      });
    else {
      try {
        const encoding = up.headers['content-encoding'];
        const read = readRecordedBody(
          decode(Buffer.concat(chunks), encoding).toString('base64'),
          'base64',
          maxBody,
        );
        if (read.problem !== undefined)
          options.onProblem({ file: 'proxy', message: `${where}: ${read.problem}`, fatal: false });
        if (read.kind === 'text') body = read.text;
      } catch (e) {
        options.onProblem({
          file: 'proxy',
          message: `${where}: cannot decompress the body (${(e as Error).message})`,
          fatal: false,
        });
      }
    }
    options.onObservation({
      status,
      headers,
      ...(body !== undefined && { body }),
      method: req.method ?? 'GET',
      url: url.href,
    });
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', target);
    const headers = forwardable(req.rawHeaders).map((v, i, all) =>
      i % 2 === 1 && (all[i - 1] as string).toLowerCase() === 'host' ? target.host : v,
    );
    const upstream = send(url, { method: req.method, headers }, (up) => {
      count++;
      const status = up.statusCode ?? 502;
      res.writeHead(status, up.statusMessage, forwardable(up.rawHeaders));
      if (status < 400) {
        up.pipe(res);
        up.on('end', () => record(req, up, url, [], -1));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      up.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // Keep a copy up to the cap, plus one byte to know it was over.
        if (size <= maxBody + 1) chunks.push(chunk);
        res.write(chunk);
      });
      up.on('end', () => {
        res.end();
        record(req, up, url, chunks, size);
      });
      up.on('error', () => res.destroy());
    });
    upstream.on('error', (e) => {
      options.onProblem({
        file: 'proxy',
        message: `${req.method} ${url.pathname}: cannot reach ${target.origin} (${(e as NodeJS.ErrnoException).code ?? e.message})`,
        fatal: false,
      });
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('errata check --proxy: the target did not answer\n');
    });
    req.pipe(upstream);
  });
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    count: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
