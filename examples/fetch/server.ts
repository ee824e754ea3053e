// `npx tsx examples/fetch/server.ts` (PORT to change the port).
import { start } from './app.js';

const { url } = await start(Number(process.env.PORT ?? 3004));
console.log(`orders API (fetch handler) on ${url}: try curl -i ${url}/orders/nope`);
