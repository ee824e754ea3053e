import { describe, expect, it } from 'vitest';
import { api, dialectContract } from '../../../test/dialects/_contract.js';
import { authos } from './authos.js';

describe('authos dialect', () => {
  dialectContract(authos, {
    notFound:
      '{"error":"No variable API_URL.","error_code":"VARIABLE_NOT_FOUND","timestamp":"2025-01-15T10:30:00Z","details":{"stage":"prod"}}',
    invalid:
      '{"error":"The request is invalid.","error_code":"INVALID_REQUEST","timestamp":"2025-01-15T10:30:00Z","details":{"errors":[{"pointer":"/age","message":"must be positive","code":"too_small"},{"pointer":"/profile/color","message":"bad color"}]}}',
    rateHeaders: { 'content-type': 'application/json', 'retry-after': '2', 'x-should-retry': 'true' },
  });

  it('formats its timestamp to the second, and an invalid clock as the epoch', () => {
    const at = (iso: string) =>
      JSON.parse(authos.serialize(api.error('INVALID_REQUEST'), { now: () => new Date(iso) }).body).timestamp;
    expect(at('2025-01-15T10:30:00.999Z')).toBe('2025-01-15T10:30:00Z');
    expect(at('2025-01-15T10:30:01.000Z')).toBe('2025-01-15T10:30:01Z');
    expect(at('not a date')).toBe('1970-01-01T00:00:00Z');
  });
});
