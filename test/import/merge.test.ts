/**
 * Several sources at once, and `--merge` into a catalog a person wrote:
 * fields are added where missing, never changed, and a status two sides
 * disagree on is reported (exit 1), not resolved.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../_cli.js';

let dir: string;
const write = (name: string, text: string) => writeFileSync(join(dir, name), text);

const PAGE = [
  '# Orders API errors',
  '',
  '| Code | Status | Description |',
  '| --- | --- | --- |',
  '| ORDER_NOT_FOUND | 404 | No order has this id. |',
  '| OUT_OF_STOCK | 409 | The warehouse holds fewer items. |',
  '| ORDER_LOCKED | 423 | Another change is in progress. |',
].join('\n');

const SPEC = JSON.stringify({
  openapi: '3.1.0',
  info: { title: 'Orders', version: '1' },
  paths: {
    '/orders/{id}': {
      get: {
        responses: {
          '404': {
            description: 'Missing.',
            content: { 'application/json': { example: { code: 'ORDER_NOT_FOUND', message: 'No order 7.' } } },
          },
          '409': {
            description: 'Locked.',
            content: { 'application/json': { example: { code: 'ORDER_LOCKED', message: 'Locked.' } } },
          },
          '429': {
            description: 'Slow down.',
            content: { 'application/json': { example: { code: 'RATE_LIMITED', message: 'Too many.' } } },
          },
        },
      },
    },
  },
});

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'errata-import-merge-'));
  write('errors.md', PAGE);
  write('openapi.json', SPEC);
  write(
    'errors.yaml',
    [
      'errata: 1',
      'name: orders',
      'title: Orders API errors',
      'categories: [Orders]',
      'errors:',
      '  ORDER_NOT_FOUND:',
      '    status: 404',
      '    category: Orders',
      '    description: Written by a person.',
      '  ORDER_LOCKED:',
      '    status: 423',
      '    category: Orders',
      '',
    ].join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('errata import with several sources', () => {
  it('merges them: the page gives descriptions, the spec messages and routes; a status conflict is reported', async () => {
    const r = await runCli(['import', 'errors.md', 'openapi.json', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    const draft = JSON.parse(r.stdout) as { errors: Record<string, Record<string, unknown>> };
    expect(Object.keys(draft.errors)).toEqual([
      'ORDER_NOT_FOUND',
      'OUT_OF_STOCK',
      'ORDER_LOCKED',
      'RATE_LIMITED',
    ]);
    expect(draft.errors.ORDER_NOT_FOUND).toMatchObject({
      status: 404,
      description: 'No order has this id.',
      message: 'No order 7.',
    });
    expect(draft.errors.ORDER_NOT_FOUND?.['x-import']).toMatchObject({
      from: ['errors.md:5', 'openapi.json#/paths/~1orders~1{id}/get/responses/404'],
      routes: ['GET /orders/{id}'],
    });
    expect(draft.errors.ORDER_LOCKED?.status).toBe(423);
    expect(r.stderr).toContain(
      'code ORDER_LOCKED: status 423 (errors.md:7) and 409 (openapi.json#/paths/~1orders~1{id}/get/responses/409); kept 423',
    );
  });
});

describe('errata import --merge', () => {
  it('adds what the catalog lacks and changes nothing a person wrote', async () => {
    const before = readFileSync(join(dir, 'errors.yaml'), 'utf8');
    const r = await runCli(['import', 'openapi.json', '--merge', 'errors.yaml', '-o', 'merged.yaml'], dir);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'errors.yaml'), 'utf8')).toBe(before);
    const merged = parse(readFileSync(join(dir, 'merged.yaml'), 'utf8')) as {
      categories: string[];
      errors: Record<string, Record<string, unknown>>;
    };
    expect(merged.errors.ORDER_NOT_FOUND).toMatchObject({
      status: 404,
      category: 'Orders',
      description: 'Written by a person.',
      message: 'No order 7.',
      'x-import': { added: ['message'] },
    });
    expect(merged.errors.ORDER_LOCKED).toEqual({ status: 423, category: 'Orders' });
    expect(merged.errors.RATE_LIMITED).toMatchObject({ status: 429, message: 'Too many.' });
    expect(merged.categories).toEqual(['Orders', 'Errors']);
    expect(r.stderr).toContain('merged into errors.yaml: 1 added, 1 given missing fields, nothing changed');
    expect(r.stderr).toContain('code ORDER_LOCKED: status 423 (errors.yaml errors.ORDER_LOCKED) and 409');
    const exported = await runCli(['export', 'merged.yaml'], dir);
    expect(exported.code, exported.stderr).toBe(0);
  });

  it('refuses a TypeScript catalog, saying how to get one it can read', async () => {
    write('errors.ts', 'export default {};\n');
    const r = await runCli(['import', 'errors.md', '--merge', 'errors.ts'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--merge reads a .json or .yaml catalog');
  });
});
