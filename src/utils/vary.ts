// Vary (RFC 9110 section 12.5.5): a list of request field names, each once whatever its case,
// `*` standing for all. Joining two keeps every name either lists, so that a cache still tells
// apart every response the request's headers choose.

/** The key of `headers` that names Vary, in whatever case it was written; `undefined` when none. */
export function varyKey(headers: Readonly<Record<string, unknown>>): string | undefined {
  for (const k in headers) if (k.length === 4 && k.toLowerCase() === 'vary') return k;
  return undefined;
}

/** The field names of each Vary value given (a string, or a list of them as Node keeps a repeated header), in one list. */
export function joinVary(...values: unknown[]): string {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    const text = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '';
    for (const part of text.split(',')) {
      const name = part.trim();
      if (name === '') continue;
      if (name === '*') return '*';
      const key = name.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        names.push(name);
      }
    }
  }
  return names.join(', ');
}
