// `npx tsx examples/fastify/server.ts` (PORT to change the port).
import { start } from './app.js';

const { url } = await start(Number(process.env.PORT ?? 3002));
console.log(`orders API (Fastify) on ${url}: try curl -i ${url}/orders/nope`);
