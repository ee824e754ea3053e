// The requests `npm start` prints and the README lists: one list, checked by test/demo-server.test.ts.
import { dialects } from 'errata';

/** One curl command to try against the demo, and what it answers. */
export interface DemoRequest {
  /** What it shows; printed as a comment line above the command. */
  readonly note: string;
  /** The command: every URL, header and body single-quoted, so bash and zsh read it alike. */
  readonly command: string;
  /** The status of each response it prints, in order. */
  readonly statuses: readonly number[];
  /** A code the output names, where there is one. */
  readonly code?: string;
}

/** The default address of `npm start`, as the README shows it. */
export const DEMO_URL = 'http://127.0.0.1:3000';

const AUTH = "-H 'Authorization: Bearer demo-token'";
const JSON_BODY = "-H 'Content-Type: application/json'";

/** Every dialect the demo serves, and each kind of failure, against the demo at `base`. */
export function demoRequests(base = DEMO_URL): DemoRequest[] {
  const missing = `${base}/v1/variables/staging/MISSING`;
  return [
    {
      note: '200: a variable',
      command: `curl -i ${AUTH} '${base}/v1/variables/production/API_URL'`,
      statuses: [200],
    },
    {
      note: '401 with WWW-Authenticate: no token',
      command: `curl -i '${base}/v1/variables/production/API_URL'`,
      statuses: [401],
      code: 'UNAUTHORIZED',
    },
    {
      note: '404 VARIABLE_NOT_FOUND in RFC 9457 (application/problem+json), the default',
      command: `curl -i ${AUTH} '${missing}'`,
      statuses: [404],
      code: 'VARIABLE_NOT_FOUND',
    },
    ...Object.keys(dialects)
      .filter((name) => name !== 'problem')
      .map((name) => ({
        note: `the same error in the ${name} dialect`,
        command: `curl -i ${AUTH} '${missing}?dialect=${name}'`,
        statuses: [404],
        code: 'VARIABLE_NOT_FOUND',
      })),
    {
      note: 'the same error in French, with Content-Language: fr and Vary: Accept-Language; the code does not change',
      command: `curl -i ${AUTH} -H 'Accept-Language: fr' '${missing}'`,
      statuses: [404],
      code: 'VARIABLE_NOT_FOUND',
    },
    {
      note: '400 INVALID_REQUEST: every violation, with its JSON Pointer',
      command: `curl -i ${AUTH} ${JSON_BODY} -d '{"stage":"qa","name":"lower","value":3}' '${base}/v1/variables'`,
      statuses: [400],
      code: 'INVALID_REQUEST',
    },
    {
      note: '400 INVALID_JSON: a body that does not parse',
      command: `curl -i ${AUTH} ${JSON_BODY} -d '{"stage":' '${base}/v1/variables'`,
      statuses: [400],
      code: 'INVALID_JSON',
    },
    {
      note: '415 UNSUPPORTED_MEDIA_TYPE: a body that is not JSON',
      command: `curl -i ${AUTH} -H 'Content-Type: text/plain' -d 'hello' '${base}/v1/variables'`,
      statuses: [415],
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      note: '413 PAYLOAD_TOO_LARGE: a body over 16 KiB',
      command: `yes | head -c 20000 | curl -i ${AUTH} ${JSON_BODY} --data-binary @- '${base}/v1/variables'`,
      statuses: [413],
      code: 'PAYLOAD_TOO_LARGE',
    },
    {
      note: '201: a variable set',
      command: `curl -i ${AUTH} ${JSON_BODY} -d '{"stage":"staging","name":"NEW_VAR","value":"v"}' '${base}/v1/variables'`,
      statuses: [201],
    },
    {
      note: '429 RATE_LIMITED with Retry-After: the fourth call in a minute',
      command: `for i in 1 2 3 4; do curl -si '${base}/v1/usage' | head -n 1; done`,
      statuses: [200, 200, 200, 429],
    },
    {
      note: '500 INTERNAL_ERROR, masked (the message and stack go to the log), with the request id',
      command: `curl -i -H 'X-Request-Id: demo-1' '${base}/v1/crash'`,
      statuses: [500],
      code: 'INTERNAL_ERROR',
    },
    {
      note: '405 METHOD_NOT_ALLOWED with Allow: a method the route does not take',
      command: `curl -i -X DELETE '${base}/v1/crash'`,
      statuses: [405],
      code: 'METHOD_NOT_ALLOWED',
    },
    {
      note: '404 ROUTE_NOT_FOUND: no such route',
      command: `curl -i '${base}/v2/nothing'`,
      statuses: [404],
      code: 'ROUTE_NOT_FOUND',
    },
    {
      note: 'the contract: every route with every error response it can send',
      command: `curl -i '${base}/openapi.json'`,
      statuses: [200],
    },
  ];
}

/** The list as `npm start` prints it and the README shows it: each note a comment line above its command. */
export function demoRequestsText(base = DEMO_URL): string {
  return demoRequests(base)
    .map((r) => `# ${r.note}\n${r.command}\n`)
    .join('');
}
