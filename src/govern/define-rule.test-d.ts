import { describe, expectTypeOf, it } from 'vitest';
import type { EntryModel } from '../catalog/model.js';
import { defineRule, lint, type Rule } from './index.js';

describe('defineRule', () => {
  it('types the context: entries as [id, entry] and the options from the defaults', () => {
    const rule = defineRule({
      id: 'max-status',
      severity: 'warn',
      description: 'No status above a maximum.',
      options: { max: 499 },
      *check({ entries, options, model }) {
        expectTypeOf(entries).toEqualTypeOf<readonly (readonly [string, EntryModel])[]>();
        expectTypeOf(options.max).toEqualTypeOf<number>();
        expectTypeOf(model.name).toEqualTypeOf<string>();
        for (const [id, e] of entries)
          if (e.status > options.max) yield { id, field: 'status', message: 'too high' };
      },
    });
    expectTypeOf(rule).toEqualTypeOf<Rule<{ max: number }>>();
    expectTypeOf(lint).parameter(1).toMatchTypeOf<{ rules?: readonly Rule[] } | undefined>();
  });

  it('rejects a report without a field or message, and an unknown severity', () => {
    defineRule({
      id: 'x',
      // @ts-expect-error: severity is 'warn' or 'error'
      severity: 'info',
      description: 'x',
      *check() {},
    });
    defineRule({
      id: 'y',
      severity: 'warn',
      description: 'y',
      // @ts-expect-error: a report needs a field and a message
      *check() {
        yield { id: 'A' };
      },
    });
  });
});
