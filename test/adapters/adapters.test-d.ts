import { Hono } from 'hono';
import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import { errata as honoErrata } from '../../src/adapters/hono.js';
import { createResponder } from '../../src/server/respond.js';
import { validate } from '../../src/server/validate.js';
import { api } from './_app.js';

describe('server types', () => {
  test('validate returns the schema output', async () => {
    const out = await validate(z.object({ n: z.coerce.number(), s: z.string().optional() }), {});
    expectTypeOf(out).toEqualTypeOf<{ n: number; s?: string | undefined }>();
  });

  test('the Hono validator types c.req.valid by target', () => {
    const app = new Hono();
    const errors = honoErrata(app, { catalog: api });
    app.post('/x', errors.validator('json', z.object({ n: z.coerce.number() })), (c) => {
      expectTypeOf(c.req.valid('json')).toEqualTypeOf<{ n: number }>();
      // @ts-expect-error only the validated target is known
      c.req.valid('query');
      return c.json({});
    });
  });

  test('options are checked', () => {
    // @ts-expect-error the catalog is required
    createResponder({});
    // @ts-expect-error a dialect function returns a name, a dialect or undefined
    createResponder({ catalog: api, dialect: () => 42 });
    createResponder({ catalog: api, dialect: (ctx) => (ctx.url?.includes('p') ? 'problem' : undefined) });
  });
});
