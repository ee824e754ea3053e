import { describe, expect, it } from 'vitest';
import { api, dialectContract, input } from '../../../test/dialects/_contract.js';
import { parseAny } from '../parsers.js';
import { oci } from './oci.js';

describe('oci dialect', () => {
  dialectContract(oci, {
    notFound:
      '{"errors":[{"code":"VARIABLE_NOT_FOUND","message":"No variable API_URL.","detail":{"stage":"prod"}}]}',
    invalid:
      '{"errors":[{"code":"INVALID_REQUEST","message":"The request is invalid.","detail":{"errors":[{"pointer":"/age","message":"must be positive","code":"too_small"},{"pointer":"/profile/color","message":"bad color"}]}}]}',
    rateHeaders: { 'content-type': 'application/json', 'retry-after': '2', 'x-should-retry': 'true' },
  });

  it('always sends detail, null when there is nothing to say', () => {
    expect(oci.serialize(api.error('GONE')).body).toBe(
      '{"errors":[{"code":"GONE","message":"Gone for good.","detail":null}]}',
    );
    expect(oci.parse({ errors: [{ code: 'GONE', message: 'x', detail: null }] }, input(410))).toMatchObject({
      code: 'GONE',
      details: undefined,
    });
  });

  it("reads a registry's own errors (the first of several), with any detail", () => {
    // As the distribution registry answers a pull of an unknown tag, then an unauthenticated pull.
    const unknown = {
      errors: [
        { code: 'MANIFEST_UNKNOWN', message: 'manifest unknown', detail: { Tag: 'latest' } },
        { code: 'NAME_UNKNOWN', message: 'repository name not known to registry', detail: { name: 'lib/x' } },
      ],
    };
    expect(parseAny(unknown, input(404))).toMatchObject({
      dialect: 'oci',
      status: 404,
      code: 'MANIFEST_UNKNOWN',
      message: 'manifest unknown',
      details: { Tag: 'latest' },
    });
    const denied = {
      errors: [
        {
          code: 'UNAUTHORIZED',
          message: 'authentication required',
          detail: [{ Type: 'repository', Name: 'lib/x', Action: 'pull' }],
        },
      ],
    };
    expect(parseAny(denied, input(401, { 'x-request-id': 'r9' }))).toMatchObject({
      dialect: 'oci',
      code: 'UNAUTHORIZED',
      requestId: 'r9',
      details: [{ Type: 'repository', Name: 'lib/x', Action: 'pull' }],
    });
    // JSON:API's and Clerk's items are theirs.
    expect(oci.parse({ errors: [{ code: 'X', detail: 'd', title: 't' }] }, input(400))).toBeUndefined();
    expect(
      oci.parse({ errors: [{ code: 'X', message: 'm', long_message: 'l' }] }, input(400)),
    ).toBeUndefined();
  });

  it('sends the errors of `also` after the first, each by its own entry; the status is the first', () => {
    const wire = oci.serialize(
      api.error(
        'VARIABLE_NOT_FOUND',
        { name: 'A' },
        {
          also: [api.error('GONE'), api.error('EVALUATION_FAILED', { name: 'postgres://x' })],
        },
      ),
    );
    expect(wire.status).toBe(404);
    expect(wire.body).toBe(
      '{"errors":[{"code":"VARIABLE_NOT_FOUND","message":"No variable A.","detail":null},{"code":"GONE","message":"Gone for good.","detail":null},{"code":"EVALUATION_FAILED","message":"An internal error occurred.","detail":null}]}',
    );
    // The parser reads the first.
    expect(oci.parse(JSON.parse(wire.body), input(404))?.code).toBe('VARIABLE_NOT_FOUND');
  });
});
