// `npx tsx examples/hono/server.ts` (PORT to change the port).
import { start } from './app.js';

const { url } = await start(Number(process.env.PORT ?? 3003));
console.log(`orders API (Hono) on ${url}: try curl -i ${url}/orders/nope`);
