/**
 * Bad input through the real CLI: a clear message naming the place, exit 2
 * when nothing usable was found, partial results kept where something was,
 * and never a stack trace.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../_cli.js';

let dir: string;
const write = (name: string, text: string) => writeFileSync(join(dir, name), text);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'errata-import-hostile-'));
  mkdirSync(join(dir, 'spec'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const r = await runCli(['import', ...argv], dir);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return r;
}

describe('pages', () => {
  it('a page with no error table: exit 2, and why', async () => {
    write('prose.md', '# About us\n\nWe make software. It is good.\n');
    const r = await run('prose.md');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('prose.md: no errors found: no table with a code column');
    expect(r.stderr).toContain('nothing usable found');
  });

  it('a table with merged cells and missing columns: the rows read, each short row named by its line', async () => {
    write(
      'merged.md',
      [
        '| Code | Status | Description |',
        '| --- | --- | --- |',
        '| NOT_FOUND | 404 | No such thing. |',
        '| GONE | 410 |',
        '| BROKEN_ROW |',
        '| Teapot | 418 | A row whose code cell is not a code. |',
        '| BAD_STATUS | four hundred | A status no one can read. |',
      ].join('\n'),
    );
    const r = await run('merged.md', '--format', 'json');
    expect(r.code).toBe(0);
    const draft = JSON.parse(r.stdout) as { errors: Record<string, { status: number }> };
    expect(Object.keys(draft.errors)).toEqual(['NOT_FOUND', 'GONE', 'BROKEN_ROW', 'Teapot', 'BAD_STATUS']);
    expect(draft.errors.GONE?.status).toBe(410);
    expect(r.stderr).toContain(
      'merged.md:4: the row has 2 cells where the header has 3: read as far as it goes',
    );
    expect(r.stderr).toContain('merged.md:7: "four hundred" is not an HTTP status: the entry has none');
    expect(r.stderr).toMatch(/status not given/);
  });

  it('a table without a code column: exit 2, the table named', async () => {
    write('nocode.md', '| Status | Meaning |\n| --- | --- |\n| 404 | Not there |\n');
    const r = await run('nocode.md');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nocode.md:3: no error code in the row');
  });

  it('a page too large to read whole: exit 2 with its size', async () => {
    write('huge.md', `| Code | HTTP |\n| --- | --- |\n${'| A_CODE | 400 |\n'.repeat(1_400_000)}`);
    const r = await run('huge.md');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/huge\.md is 2\d\.\d MB: pages and specs above 20 MB are not read/);
  });

  it('a missing file among good ones: the others still imported', async () => {
    write('good.md', '| Code | HTTP |\n| --- | --- |\n| NOT_FOUND | 404 |\n');
    const r = await run('good.md', 'nope.md', '--format', 'json');
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout).errors)).toEqual(['NOT_FOUND']);
    expect(r.stderr).toContain('nope.md: cannot read nope.md: no such file');
  });
});

describe('OpenAPI', () => {
  it('a broken $ref and a cyclic one: each named by its place, the rest imported', async () => {
    write(
      'spec/api.yaml',
      [
        'openapi: 3.1.0',
        'info: { title: Broken, version: "1" }',
        'paths:',
        '  /a:',
        '    get:',
        '      responses:',
        "        '404':",
        '          description: Missing.',
        '          content:',
        '            application/json:',
        '              example: { code: a_missing, message: no a }',
        "        '400':",
        "          $ref: './nowhere.yaml#/Bad'",
        "        '409':",
        '          description: Cycle.',
        '          content:',
        '            application/json:',
        "              schema: { $ref: '#/components/schemas/Node' }",
        'components:',
        '  schemas:',
        '    Node:',
        '      type: object',
        '      properties:',
        "        child: { $ref: '#/components/schemas/Node' }",
      ].join('\n'),
    );
    const r = await run('spec/api.yaml', '--format', 'json');
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout).errors)).toEqual(['a_missing']);
    expect(r.stderr).toMatch(/spec\/api\.yaml#\/paths\/~1a\/get\/responses\/400: a broken \$ref/);
    expect(r.stderr).toMatch(/spec\/api\.yaml#\/components\/schemas\/Node.*: a cyclic \$ref/);
    expect(r.stderr).toContain('GET /a 409: the response names no error code');
  });

  it('a $ref to the network is not followed', async () => {
    write(
      'net.json',
      JSON.stringify({
        openapi: '3.0.3',
        info: { title: 'Net', version: '1' },
        paths: {
          '/b': { get: { responses: { '404': { $ref: 'https://example.com/responses.json#/NotFound' } } } },
        },
      }),
    );
    const r = await run('net.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /net\.json#\/paths\/~1b\/get\/responses\/404: a \$ref to the network is not followed/,
    );
  });

  it('invalid YAML: the line and column', async () => {
    write('bad.yaml', 'openapi: 3.0.0\ninfo: [unclosed\n');
    const r = await run('bad.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+: not valid YAML/);
  });
});

describe('traffic', () => {
  it('a large HAR is streamed: a truncated one keeps what it read and says where it stopped', async () => {
    const entry = (n: number) =>
      JSON.stringify({
        request: { method: 'GET', url: `http://127.0.0.1/items/${n}` },
        response: {
          status: 404,
          headers: [{ name: 'content-type', value: 'application/json' }],
          content: {
            text: JSON.stringify({
              code: 'ITEM_NOT_FOUND',
              message: `no item ${n}`,
              padding: 'x'.repeat(2000),
            }),
          },
        },
      });
    const entries = Array.from({ length: 6000 }, (_, n) => entry(n)).join(',');
    write('big.har', `{"log":{"version":"1.2","entries":[${entries}`);
    const r = await run('big.har', '--format', 'json');
    expect(r.code).toBe(0);
    const draft = JSON.parse(r.stdout) as {
      errors: Record<string, { status: number; 'x-import': { seen: number } }>;
    };
    expect(draft.errors.ITEM_NOT_FOUND?.status).toBe(404);
    expect(draft.errors.ITEM_NOT_FOUND?.['x-import'].seen).toBeGreaterThan(5000);
    expect(r.stderr).toMatch(/big\.har.*(truncated|end of|unexpected)/i);
  });
});
