// `npx tsx examples/express/server.ts` (PORT to change the port).
import { start } from './app.js';

const { url } = await start(Number(process.env.PORT ?? 3001));
console.log(`orders API (Express) on ${url}: try curl -i ${url}/orders/nope`);
