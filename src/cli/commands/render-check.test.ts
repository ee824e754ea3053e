/**
 * `errata render` checks the occurrence it prints as development would: parameters by the message
 * (never printing `{available:integer}`), `--details` by the entry's details schema; bad input exits 2.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/_cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'errata-render-'));
  await writeFile(
    join(dir, 'errors.yaml'),
    [
      'name: shop',
      'errors:',
      '  INSUFFICIENT_STOCK:',
      '    status: 409',
      '    title: Insufficient stock',
      '    message: Only {available:integer} of {sku} left.',
      '    details:',
      '      type: object',
      '      required: [sku, available]',
      '      properties:',
      '        sku: { type: string }',
      '        available: { type: integer, minimum: 0 }',
      '      additionalProperties: false',
      '  PLAIN:',
      '    status: 400',
      '    title: Plain',
      '',
    ].join('\n'),
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const render = (...argv: string[]) => runCli(['render', 'errors.yaml', ...argv], dir);

describe('errata render checks the occurrence', () => {
  it('refuses missing or mistyped parameters, naming what the message takes', async () => {
    const missing = await render('INSUFFICIENT_STOCK');
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).not.toContain('{available:integer}');
    expect(missing.stderr).toContain(
      'INSUFFICIENT_STOCK: parameter available is missing; parameter sku is missing (--params takes available (integer), sku (string))',
    );
    const mistyped = await render('INSUFFICIENT_STOCK', '--params', '{"available":"3","sku":"TEA"}');
    expect(mistyped.code).toBe(2);
    expect(mistyped.stderr).toContain('parameter available must be an integer, got a string');
  });

  it('refuses details the schema does not accept, at their pointer', async () => {
    const params = ['--params', '{"available":3,"sku":"TEA"}'];
    const cases: [string, string][] = [
      ['{"sku":"TEA","available":-1}', '--details at /available must be >= 0'],
      ['{"sku":"TEA"}', "--details must have required property 'available'"],
      ['{"sku":"TEA","available":3,"extra":1}', '--details must NOT have additional properties: "extra"'],
      ['"TEA"', '--details must be object'],
    ];
    for (const [details, message] of cases) {
      const r = await render('INSUFFICIENT_STOCK', ...params, '--details', details);
      expect(r.code, details).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr, details).toContain(`INSUFFICIENT_STOCK: ${message}`);
    }
    const none = await render('PLAIN', '--details', '{"a":1}');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('PLAIN: --details given, but the entry declares no details');
  });

  it('prints an occurrence that passes both checks', async () => {
    const r = await render(
      'INSUFFICIENT_STOCK',
      '--params',
      '{"available":3,"sku":"TEA"}',
      '--details',
      '{"sku":"TEA","available":3}',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const body = JSON.parse(r.stdout).body;
    expect(body.detail).toBe('Only 3 of TEA left.');
    expect(body.details).toEqual({ sku: 'TEA', available: 3 });
  });
});
