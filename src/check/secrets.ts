// Text that must never reach a caller of a masked error: secret-shaped values
// and traces of the server's internals. Each pattern has a name for the
// finding; the matched text itself is never repeated (findings end up in CI
// logs and pull-request comments).

interface SecretShape {
  readonly name: string;
  readonly pattern: RegExp;
}

const SHAPES: readonly SecretShape[] = [
  // scheme://user:password@host (postgres, mysql, mongodb, redis, amqp, https…)
  {
    name: 'a connection string with credentials',
    pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/"'<>]+:[^\s@/"'<>]+@/i,
  },
  { name: 'a bearer token', pattern: /\bBearer\s+[A-Za-z0-9._~+/-]{12,}=*/ },
  { name: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/ },
  {
    name: 'an API key',
    pattern:
      /\b(?:[sr]k_(?:live|test)_[A-Za-z0-9]{8,}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{20,}|xox[abposr]-[A-Za-z0-9-]{10,})/,
  },
  { name: 'a private key', pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { name: 'a password', pattern: /\b(?:password|passwd|pwd)\s*[=:]\s*[^\s"',;&]{3,}/i },
  // `at fn (/srv/app.js:12:7)`, `at /srv/app.js:12:7`, `at async fn (file:///x.mjs:1:2)`
  { name: 'a stack trace', pattern: /\bat\s+(?:async\s+)?(?:\S+\s+\()?(?:file:\/\/)?[^\s()]*:\d+:\d+\)?/ },
  { name: 'a Python traceback', pattern: /Traceback \(most recent call last\)|File "[^"]+", line \d+/ },
  // /srv/app/orders.ts:42, C:\app\orders.cs:line 42, orders.go:42
  {
    name: 'a file path with a line number',
    pattern:
      /(?:[\\/][\w.@-]+)+\.(?:[cm]?[jt]sx?|py|rb|go|java|kt|php|cs|rs|ex|exs|scala|swift)(?::\d+|:line \d+)/,
  },
  { name: "an exception's name and message", pattern: /\b[A-Z][A-Za-z]*(?:Error|Exception): \S/ },
];

/** The names of the secret shapes found in a text (each once, in the order above). */
export function secretShapes(text: string): string[] {
  const found: string[] = [];
  for (const s of SHAPES) if (s.pattern.test(text)) found.push(s.name);
  return found;
}
