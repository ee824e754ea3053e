/**
 * `npm start`: the errata demo API (examples/demo/app.ts) on node:http, with
 * its error reference served at /errors, so that every RFC 9457 `type` the
 * API sends resolves to its entry, and its contract at /openapi.json.
 */
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { createDemoApp, type DemoOptions } from './app.js';
import { demoRequestsText } from './requests.js';

export interface Demo {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the demo on 127.0.0.1 (port 0 picks a free one). */
export async function startDemo(port = 3000, options: Omit<DemoOptions, 'docs'> = {}): Promise<Demo> {
  // The docs URL needs the port, which is known once the server listens: the app is built lazily.
  let app: ReturnType<typeof createDemoApp> | undefined;
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      {
        fetch: (req, env) => {
          if (app === undefined) throw new Error('demo app not ready');
          return app.fetch(req, env);
        },
        port,
        hostname: '127.0.0.1',
      },
      () => resolve(s),
    );
    s.once('error', reject);
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app = createDemoApp({ ...options, docs: `${base}/errors` });
  return {
    url: base,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const demo = await startDemo(Number(process.env.PORT ?? 3000));
  const u = demo.url;
  console.log(`errata demo API on ${u}: error reference at ${u}/errors, contract at ${u}/openapi.json\n`);
  console.log('Try these (every command quoted for bash and zsh alike):\n');
  console.log(demoRequestsText(u));
  const stop = () => void demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
