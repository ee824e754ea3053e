/** `errata render` of the effective contract: a server failure the catalog has no entry for. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/_cli.js';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

describe('errata render, contract ids', () => {
  it('renders METHOD_NOT_ALLOWED for a catalog without a 405 entry, in its casing and with its type', async () => {
    const r = await runCli(
      ['render', 'examples/catalogs/sitescore.json', 'METHOD_NOT_ALLOWED', '--params', '{"method":"PUT"}'],
      REPO,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { status: number; body: Record<string, unknown> };
    expect(out.status).toBe(405);
    expect(out.body.code).toBe('METHOD_NOT_ALLOWED');
    expect(out.body.detail).toBe('The method PUT is not allowed on this route.');
    expect(out.body.type).toBe('https://docs.example.com/sitescore/errors#METHOD_NOT_ALLOWED');
  });

  it('still refuses an id that is in neither the catalog nor its contract', async () => {
    const r = await runCli(['render', 'examples/catalogs/flags.json', 'no_such_error'], REPO);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no entry "no_such_error" in catalog');
  });
});
