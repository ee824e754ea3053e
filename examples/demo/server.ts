/**
 * `npm start`: the errata demo API (examples/demo/app.ts) on node:http, with
 * its error reference generated from the same catalog and served at /errors,
 * so that every RFC 9457 `type` the API sends resolves to its entry.
 */
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { generateHtml, generateMarkdown, generateOpenApi } from '../../src/docs/index.js';
import { createDemoApp, type DemoOptions, demoCatalog } from './app.js';

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
  const docsUrl = `${base}/errors`;
  app = createDemoApp({ ...options, docs: docsUrl });
  // The same catalog the app serves, so that the reference's anchors are the ids its `type`s name.
  const catalogModel = demoCatalog(docsUrl).model;
  const html = generateHtml(catalogModel, { dialect: 'problem' });
  const markdown = generateMarkdown(catalogModel, { dialect: 'problem' });
  const openapi = JSON.stringify(generateOpenApi(catalogModel, { dialect: 'problem' }), null, 2);
  app.get('/errors', (c) => c.html(html));
  app.get('/errors.md', (c) => c.body(markdown, 200, { 'content-type': 'text/markdown; charset=utf-8' }));
  app.get('/openapi.json', (c) => c.body(openapi, 200, { 'content-type': 'application/json' }));
  return {
    url: base,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const demo = await startDemo(Number(process.env.PORT ?? 3000));
  const u = demo.url;
  const auth = '-H "Authorization: Bearer demo-token"';
  console.log(`errata demo API on ${u} — error reference at ${u}/errors\n`);
  console.log('Try:');
  console.log(`  curl -i ${u}/v1/variables/production/API_URL ${auth}      # 200`);
  console.log(`  curl -i ${u}/v1/variables/production/API_URL                   # 401 with WWW-Authenticate`);
  console.log(
    `  curl -i ${u}/v1/variables/staging/NOPE ${auth}             # 404 VARIABLE_NOT_FOUND (problem+json)`,
  );
  console.log(
    `  curl -i ${u}/v1/variables/staging/NOPE?dialect=clerk ${auth} # the same error, Clerk's envelope`,
  );
  console.log(
    `  curl -i -X POST ${u}/v1/variables ${auth} -H 'content-type: application/json' -d '{"stage":"prod","name":"x"}'  # 400, every field`,
  );
  console.log(
    `  curl -i -X POST ${u}/v1/variables ${auth} -H 'content-type: application/json' -d '{bad'   # 400 INVALID_JSON`,
  );
  console.log(`  for i in 1 2 3 4; do curl -si ${u}/v1/usage | head -1; done  # 429 with Retry-After`);
  console.log(
    `  curl -i ${u}/v1/crash                                           # 500, masked, with a request id`,
  );
  console.log(
    `  open ${u}/errors                                                # the reference; every "type" resolves here`,
  );
  const stop = () => void demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
