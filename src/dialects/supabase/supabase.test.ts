import { describe, expect, it } from 'vitest';
import { api, dialectContract, input, notFound } from '../../../test/dialects/_contract.js';
import { parseAny, parsers } from '../parsers.js';
import { supabase } from './supabase.js';

const versioned = { requestHeaders: new Headers({ 'x-supabase-api-version': '2024-01-01' }) };

describe('supabase dialect', () => {
  // Without a request (or one naming no API version): GoTrue's older envelope.
  dialectContract(supabase, {
    notFound:
      '{"code":404,"error_code":"VARIABLE_NOT_FOUND","msg":"No variable API_URL.","error_id":"req_1","details":{"stage":"prod"}}',
    invalid:
      '{"code":400,"error_code":"INVALID_REQUEST","msg":"The request is invalid.","details":{"errors":[{"pointer":"/age","message":"must be positive","code":"too_small"},{"pointer":"/profile/color","message":"bad color"}]}}',
    rateHeaders: {
      'content-type': 'application/json',
      'retry-after': '2',
      'x-should-retry': 'true',
      'x-sb-error-code': 'RATE_LIMITED',
    },
  });

  it('answers {code, message} with X-Supabase-Api-Version to a request naming 2024-01-01 or later', () => {
    for (const version of ['2024-01-01', '2025-06-30']) {
      const wire = supabase.serialize(notFound(), {
        requestHeaders: new Headers({ 'X-Supabase-Api-Version': version }),
      });
      expect(wire.body).toBe(
        '{"code":"VARIABLE_NOT_FOUND","message":"No variable API_URL.","details":{"stage":"prod"}}',
      );
      expect(wire.headers).toMatchObject({
        'x-supabase-api-version': '2024-01-01',
        'x-sb-error-code': 'VARIABLE_NOT_FOUND',
        'x-request-id': 'req_1',
      });
      // With its headers it is Supabase's (tried before `simple`), and read back whole.
      expect(parseAny(JSON.parse(wire.body), input(404, wire.headers))).toMatchObject({
        dialect: 'supabase',
        code: 'VARIABLE_NOT_FOUND',
        message: 'No variable API_URL.',
        requestId: 'req_1',
        details: { stage: 'prod' },
      });
      const accepted = parsers.filter(([, p]) => p(JSON.parse(wire.body), input(404, wire.headers)));
      // The same body is also a flat `{code, message}`: simple's parser reads it too.
      expect(accepted.map(([n]) => n)).toEqual(['supabase', 'simple']);
    }
    // An older or malformed version gets the older envelope.
    for (const version of ['2023-12-31', 'latest', ''])
      expect(
        JSON.parse(
          supabase.serialize(notFound(), {
            requestHeaders: new Headers({ 'x-supabase-api-version': version }),
          }).body,
        ).code,
      ).toBe(404);
  });

  it('reads GoTrue’s OAuth {error, error_description} beside x-sb-error-code', () => {
    const body = { error: 'invalid_grant', error_description: 'Invalid Refresh Token: Already Used' };
    expect(parseAny(body, input(400, { 'x-sb-error-code': 'refresh_token_already_used' }))).toMatchObject({
      dialect: 'supabase',
      code: 'refresh_token_already_used',
      message: 'Invalid Refresh Token: Already Used',
    });
    expect(supabase.parse(body, input(400))).toBeUndefined();
  });

  it('masks a 5xx in both envelopes', () => {
    const err = () => api.error('EVALUATION_FAILED', { name: 'postgres://x' });
    expect(supabase.serialize(err(), versioned).body).toBe(
      '{"code":"EVALUATION_FAILED","message":"An internal error occurred."}',
    );
    expect(JSON.parse(supabase.serialize(err()).body).msg).toBe('An internal error occurred.');
  });
});
