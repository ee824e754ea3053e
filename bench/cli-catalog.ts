// The catalog bench/cli.ts lints: what a small API has, in the YAML most catalogs are written in.

/** A catalog of `n` entries, the kind a small API has. */
export function benchCatalog(n: number): string {
  const nouns = [
    'order',
    'invoice',
    'customer',
    'product',
    'shipment',
    'coupon',
    'review',
    'cart',
    'refund',
    'webhook',
  ];
  const lines = [
    'errata: 1',
    'name: shop',
    'title: Shop API errors',
    'docs: https://shop.example.com/errors',
    'errors:',
  ];
  for (let i = 0; i < n; i++) {
    const noun = nouns[i % nouns.length] as string;
    const conflict = i >= nouns.length;
    const id = `${noun.toUpperCase()}_${conflict ? 'CONFLICT' : 'NOT_FOUND'}`;
    lines.push(
      `  ${id}:`,
      `    status: ${conflict ? 409 : 404}`,
      `    title: ${noun[0]?.toUpperCase()}${noun.slice(1)} ${conflict ? 'conflict' : 'not found'}`,
      `    message: "${conflict ? `The ${noun} {id:string} was changed by another request` : `No ${noun} has the id {id:string}`}."`,
      `    description: ${conflict ? `Another request changed the ${noun} first.` : `The ${noun} does not exist, or was deleted.`}`,
      `    remediation: ${conflict ? `Read the ${noun} again, then repeat the change.` : `Check the ${noun} id; list them to find it.`}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
