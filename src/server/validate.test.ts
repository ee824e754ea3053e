import { type } from 'arktype';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isErrataError } from '../error.js';
import { toPointer, validate } from './validate.js';

async function violations(schema: Parameters<typeof validate>[0], value: unknown) {
  try {
    await validate(schema, value);
  } catch (e) {
    if (!isErrataError(e)) throw e;
    expect(e.code).toBe('validation_failed');
    return (e.violations ?? []).map((x) => `${x.pointer} ${x.code ?? '?'}`).sort();
  }
  throw new Error('expected a validation error');
}

const input = { user: { name: '', 'a/b~c': 5 }, items: [1, 'x'] };

describe('validate', () => {
  it('lists every violation of a zod schema with pointers and codes', async () => {
    const s = z.object({
      user: z.object({ name: z.string().min(1), 'a/b~c': z.string() }),
      items: z.array(z.number()),
    });
    expect(await violations(s, input)).toEqual([
      '/items/1 invalid_type',
      '/user/a~1b~0c invalid_type',
      '/user/name too_small',
    ]);
    expect(await validate(s, { user: { name: 'n', 'a/b~c': 's' }, items: [] })).toEqual({
      user: { name: 'n', 'a/b~c': 's' },
      items: [],
    });
  });

  it('does the same for valibot (path segments as objects) and arktype', async () => {
    const vs = v.object({
      user: v.object({ name: v.pipe(v.string(), v.minLength(1)), 'a/b~c': v.string() }),
      items: v.array(v.number()),
    });
    expect(await violations(vs, input)).toEqual([
      '/items/1 number',
      '/user/a~1b~0c string',
      '/user/name min_length',
    ]);
    const at = type({ user: { name: 'string > 0', 'a/b~c': 'string' }, items: 'number[]' });
    const got = await violations(at, input);
    expect(got.map((g) => g.split(' ')[0])).toEqual(['/items/1', '/user/a~1b~0c', '/user/name']);
  });

  it('awaits an async schema', async () => {
    const s = z.string().refine(async (x) => x === 'ok', 'not ok');
    expect(await violations(s, 'no')).toEqual([' custom']);
    expect(await validate(s, 'ok')).toBe('ok');
  });

  it('escapes pointers per RFC 6901', () => {
    expect(toPointer(undefined)).toBe('');
    expect(toPointer(['a', 0, { key: 'x/y' }, '~'])).toBe('/a/0/x~1y/~0');
  });
});
