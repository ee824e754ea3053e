/** `errata render` through `main()`: output, determinism, and every bad input as exit 2. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/_cli.js';
import { dialects } from '../../dialects/index.js';
import { DIALECT_NAMES } from './render.js';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

const run = (argv: string[]) => runCli(['render', ...argv], REPO);

describe('errata render', () => {
  it('prints status, headers and the parsed body in the catalog dialect', async () => {
    const r = await run([
      'examples/catalogs/flags.json',
      'validation_error',
      '--details',
      '{"field":"name"}',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      `${JSON.stringify(
        {
          status: 400,
          // The flags page says nothing of retrying: no x-should-retry, clients keep their defaults.
          headers: { 'content-type': 'application/json' },
          body: { code: 'validation_error', message: 'name is required', details: { field: 'name' } },
        },
        null,
        2,
      )}\n`,
    );
  });

  it('renders any dialect with params, request id and a fixed clock, pinned', async () => {
    const r = await run([
      'examples/catalogs/sitescore.json',
      'SCORING_RATE_LIMITED',
      '--dialect',
      'openai',
      '--request-id',
      'req_42',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      status: 429,
      headers: {
        'content-type': 'application/json',
        'retry-after': '60',
        'x-request-id': 'req_42',
        'x-should-retry': 'true',
        'retry-after-ms': '60000',
      },
      body: {
        error: {
          message: 'More than 5 score calls in the trailing 60-second window.',
          type: 'rate_limit_error',
          param: null,
          code: 'SCORING_RATE_LIMITED',
        },
      },
    });
    const a = await run(['examples/catalogs/authos.json', 'TOKEN_EXPIRED', '--now', '2025-01-15T10:30:00Z']);
    const b = await run(['examples/catalogs/authos.json', 'TOKEN_EXPIRED', '--now', '2025-01-15T10:30:00Z']);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).body.timestamp).toBe('2025-01-15T10:30:00Z');
  });

  it('defaults to no request id and the current time', async () => {
    const r = await run(['examples/catalogs/authos.json', 'TOKEN_EXPIRED']);
    const out = JSON.parse(r.stdout);
    expect(out.headers['x-request-id']).toBeUndefined();
    expect(Math.abs(Date.parse(out.body.timestamp) - Date.now())).toBeLessThan(60_000);
  });

  it('fills message parameters from --params', async () => {
    const dir = `${REPO}examples/catalogs/`;
    const r = await run([
      `${dir}clerk.json`,
      'ActorTokensResourceNotFound',
      '--params',
      '{"identifierID":"x"}',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).body.errors[0].code).toBe('resource_not_found');
  });

  it('refuses bad input with exit 2 and a clear message', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['examples/catalogs/barekey.json', 'VARIABLE_NOT_FOND'],
        /no entry "VARIABLE_NOT_FOND".*Did you mean: VARIABLE_NOT_FOUND\?/,
      ],
      [
        ['examples/catalogs/barekey.json', 'zzzzzzzzzzzzzz'],
        /no entry "zzzzzzzzzzzzzz" in catalog "barekey"\n/,
      ],
      [
        ['examples/catalogs/barekey.json', 'UNAUTHORIZED', '--dialect', 'soap'],
        /unknown dialect "soap". Dialects: problem, barekey, clerk/,
      ],
      [
        ['examples/catalogs/barekey.json', 'UNAUTHORIZED', '--dialect', 'constructor'],
        /unknown dialect "constructor"/,
      ],
      [['examples/catalogs/barekey.json', 'UNAUTHORIZED', '--params', '{x'], /--params is not valid JSON/],
      [
        ['examples/catalogs/barekey.json', 'UNAUTHORIZED', '--params', '[1]'],
        /--params must be a JSON object/,
      ],
      [
        ['examples/catalogs/barekey.json', 'UNAUTHORIZED', '--details', 'nope'],
        /--details is not valid JSON/,
      ],
      [
        ['examples/catalogs/barekey.json', 'UNAUTHORIZED', '--now', 'yesterday'],
        /--now must be an ISO 8601 date-time/,
      ],
      [['examples/catalogs/missing.json', 'X'], /missing\.json/],
      [
        ['examples/catalogs/barekey.json', 'UNAUTHORIZED', '--params', '{"a":1,}'],
        /--params is not valid JSON \(trailing comma before "}" at column 8\)/,
      ],
      [
        ['examples/catalogs/barekey.json', 'UNAUTHORIZED', '--params', '{"a":1,"a":2}'],
        /--params has a duplicate key at column 8: "a"/,
      ],
      [
        [
          'examples/catalogs/barekey.json',
          'UNAUTHORIZED',
          '--details',
          `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
        ],
        /--details is nested too deeply at column 101/,
      ],
      [['examples/catalogs/barekey.json', 'constructor'], /no entry "constructor" in catalog "barekey"\n/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('names every dialect in its help, in the registry order', () => {
    expect(DIALECT_NAMES).toBe(Object.keys(dialects).join(', '));
  });
});
