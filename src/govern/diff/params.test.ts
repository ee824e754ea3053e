/**
 * `diff` reads a message parameter's type by the one rule the compiler and the runtime check read:
 * the placeholder's `{name:type}`, else the declared type, else `string`, for every parameter a
 * caller passes (a placeholder that `params` leaves out included).
 */
import { describe, expect, it } from 'vitest';
import { normalizeCatalog } from '../../catalog/normalize.js';
import { diffCatalogs } from './catalogs.js';

const entry = (e: Record<string, unknown>) =>
  normalizeCatalog({ errors: { A: { status: 429, ...e } } }).model;
const paramChanges = (before: Record<string, unknown>, after: Record<string, unknown>) =>
  diffCatalogs(entry(before), entry(after))
    .filter((c) => c.kind.startsWith('param-'))
    .map((c) => [c.kind, c.field, c.message, c.breaking]);

describe('diff of message parameters', () => {
  it('sees a placeholder that params leaves out, with its own type', () => {
    expect(
      paramChanges(
        { message: 'Retry {mode} in {seconds:integer} s.', params: { mode: 'string' } },
        { message: 'Retry {mode} in {seconds:number} s.', params: { mode: 'string' } },
      ),
    ).toEqual([
      ['param-type-changed', 'params.seconds', 'message parameter seconds: integer → number', true],
    ]);
    expect(
      paramChanges(
        { message: 'Retry {mode}.', params: { mode: 'string' } },
        { message: 'Retry {mode} in {seconds:integer} s.', params: { mode: 'string' } },
      ),
    ).toEqual([['param-added', 'params.seconds', 'message parameter seconds added', false]]);
  });

  it('says nothing when only where a type is written moves (template or declaration)', () => {
    expect(
      paramChanges(
        { message: 'Retry in {seconds:integer} s.' },
        { message: 'Retry in {seconds} s.', params: { seconds: 'integer' } },
      ),
    ).toEqual([]);
    expect(
      paramChanges(
        { message: 'Retry in {seconds} s.' },
        { message: 'Retry in {seconds} s.', params: { seconds: { description: 'Seconds to wait.' } } },
      ),
    ).toEqual([]);
  });

  it('reports dropping a type as a change to string, as the compiler now types it', () => {
    expect(
      paramChanges({ message: 'Retry in {seconds:integer} s.' }, { message: 'Retry in {seconds} s.' }),
    ).toEqual([
      ['param-type-changed', 'params.seconds', 'message parameter seconds: integer → string', true],
    ]);
  });
});
