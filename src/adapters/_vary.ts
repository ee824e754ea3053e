// A Vary the answer sends (`Accept`, `Accept-Language`) joined to one set before the error
// (CORS's `Vary: Origin`): a cache must still tell apart every response the request's headers
// choose, so one list of field names, each once, `*` standing for all (RFC 9110 section 12.5.5).

/** The key of `headers` that names Vary, in whatever case it was written. */
function varyKey(headers: Readonly<Record<string, string>>): string | undefined {
  for (const k in headers) if (k.length === 4 && k.toLowerCase() === 'vary') return k;
  return undefined;
}

function fieldNames(value: unknown): string[] {
  const text = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '';
  const out: string[] = [];
  for (const part of text.split(',')) {
    const name = part.trim();
    if (name !== '' && !out.some((n) => n.toLowerCase() === name.toLowerCase())) out.push(name);
  }
  return out;
}

/**
 * Sets the answer's Vary to the union of `before` (what the framework's response holds) and
 * its own, when both say something; the answer's headers are changed in place.
 */
export function keepEarlierVary(headers: Record<string, string>, before: unknown): void {
  const key = varyKey(headers);
  if (key === undefined) return;
  const earlier = fieldNames(before);
  if (earlier.length === 0) return;
  const names = fieldNames([...earlier, headers[key]]);
  headers[key] = names.includes('*') ? '*' : names.join(', ');
}
