/**
 * The `connect` dialect against the real Connect client (`@connectrpc/connect`
 * with `@connectrpc/connect-node`'s transport), calling a unary method over
 * the Connect protocol on a loopback server that answers with errata's
 * serialization: the SDK must raise `ConnectError` with Connect's code for the
 * entry, errata's message as `rawMessage`, the request id in its metadata,
 * and the google.rpc details (ErrorInfo with the catalog's code, BadRequest,
 * RetryInfo, RequestInfo) decoded from their protobuf bytes by `findDetails`.
 *
 * The service and the google.rpc messages are described without codegen: a
 * `FileDescriptorProto` per file, turned into descriptors by
 * `createFileRegistry` (`@bufbuild/protobuf` v2).
 *
 * connect-es has no retry logic: a call is one request, whatever the code,
 * `Retry-After` or `x-should-retry`; the delay reaches the application as the
 * RetryInfo detail. The test pins both.
 */
import { create, createFileRegistry, type DescMessage, type DescService } from '@bufbuild/protobuf';
import {
  FieldDescriptorProto_Label,
  FieldDescriptorProto_Type,
  FileDescriptorProtoSchema,
  file_google_protobuf_duration,
} from '@bufbuild/protobuf/wkt';
import { Code, ConnectError, createClient } from '@connectrpc/connect';
import { createConnectTransport } from '@connectrpc/connect-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defineCatalog } from '../../src/catalog/define.js';
import { createClient as createErrataClient } from '../../src/client/index.js';
import { connect } from '../../src/dialects/connect/connect.js';
import type { ErrataError } from '../../src/error.js';
import { startWireServer, type WireServer } from './_server.js';

const { STRING, MESSAGE } = FieldDescriptorProto_Type;
const { OPTIONAL, REPEATED } = FieldDescriptorProto_Label;
const str = (name: string, number: number, jsonName = name) => ({
  name,
  number,
  type: STRING,
  label: OPTIONAL,
  jsonName,
});
const msg = (name: string, number: number, typeName: string, jsonName: string, repeated = false) => ({
  name,
  number,
  type: MESSAGE,
  label: repeated ? REPEATED : OPTIONAL,
  typeName,
  jsonName,
});

// google/rpc/error_details.proto, the four messages errata sends.
const rpcFile = create(FileDescriptorProtoSchema, {
  name: 'google/rpc/error_details.proto',
  package: 'google.rpc',
  syntax: 'proto3',
  dependency: ['google/protobuf/duration.proto'],
  messageType: [
    {
      name: 'ErrorInfo',
      field: [
        str('reason', 1),
        str('domain', 2),
        msg('metadata', 3, '.google.rpc.ErrorInfo.MetadataEntry', 'metadata', true),
      ],
      nestedType: [
        { name: 'MetadataEntry', field: [str('key', 1), str('value', 2)], options: { mapEntry: true } },
      ],
    },
    { name: 'RetryInfo', field: [msg('retry_delay', 1, '.google.protobuf.Duration', 'retryDelay')] },
    {
      name: 'BadRequest',
      field: [msg('field_violations', 1, '.google.rpc.BadRequest.FieldViolation', 'fieldViolations', true)],
      nestedType: [
        { name: 'FieldViolation', field: [str('field', 1), str('description', 2), str('reason', 3)] },
      ],
    },
    {
      name: 'RequestInfo',
      field: [str('request_id', 1, 'requestId'), str('serving_data', 2, 'servingData')],
    },
  ],
});
// A one-method service: demo.v1.VariableService/GetVariable.
const serviceFile = create(FileDescriptorProtoSchema, {
  name: 'demo/v1/variables.proto',
  package: 'demo.v1',
  syntax: 'proto3',
  messageType: [
    { name: 'GetVariableRequest', field: [str('name', 1)] },
    { name: 'Variable', field: [str('name', 1), str('value', 2)] },
  ],
  service: [
    {
      name: 'VariableService',
      method: [
        { name: 'GetVariable', inputType: '.demo.v1.GetVariableRequest', outputType: '.demo.v1.Variable' },
      ],
    },
  ],
});
const registry = createFileRegistry(
  createFileRegistry(rpcFile, (name) =>
    name === 'google/protobuf/duration.proto' ? file_google_protobuf_duration : undefined,
  ),
  createFileRegistry(serviceFile, () => undefined),
);
const VariableService = registry.getService('demo.v1.VariableService') as DescService;
const detail = (name: string) => registry.getMessage(`google.rpc.${name}`) as DescMessage;

const api = defineCatalog({
  name: 'variables',
  errors: {
    VARIABLE_NOT_FOUND: { status: 404, message: 'No variable {name}.', details: { type: 'object' } },
    INVALID_NAME: { status: 400, message: 'The variable name is invalid.' },
    VARIABLE_EXISTS: { status: 409, wire: { google: { status: 'ALREADY_EXISTS' } }, message: 'It exists.' },
    UNPROCESSABLE: { status: 422, message: 'Cannot process it.' },
    NO_TOKEN: { status: 401, message: 'Sign in first.' },
    RATE_LIMITED: { status: 429, retry: { afterMs: 1500 }, message: 'Slow down.' },
    VAULT_DOWN: { status: 503, retry: true, message: 'The vault is down.' },
    DECRYPT_FAILED: { status: 500, message: 'Decrypt failed for {dsn}' },
  },
});

let server: WireServer;
beforeAll(async () => {
  server = await startWireServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function serve(make: () => ErrataError, requestId = 'req_connect_1'): void {
  server.answer(() => connect.serialize(make(), { requestId }));
}
async function failure(useBinaryFormat = false): Promise<ConnectError> {
  const transport = createConnectTransport({
    baseUrl: `http://127.0.0.1:${server.port}`,
    httpVersion: '1.1',
    useBinaryFormat,
  });
  // A client of a descriptor built at run time: its methods are known by name only, untyped.
  const client = createClient(VariableService, transport) as unknown as Record<
    string,
    ((request: object) => Promise<unknown>) | undefined
  >;
  const getVariable = client.getVariable;
  if (getVariable === undefined) throw new Error('the service has no GetVariable method');
  try {
    await getVariable({ name: 'API_URL' });
  } catch (e) {
    expect(e).toBeInstanceOf(ConnectError);
    return e as ConnectError;
  }
  throw new Error('the RPC succeeded');
}

describe('Connect client against the connect dialect', () => {
  it('raises ConnectError NotFound with the message, the request id and the catalog code in ErrorInfo', async () => {
    serve(() => api.error('VARIABLE_NOT_FOUND', { name: 'API_URL' }, { details: { stage: 'prod' } }));
    const e = await failure();
    expect(e.code).toBe(Code.NotFound);
    expect(e.rawMessage).toBe('No variable API_URL.');
    expect(e.message).toBe('[not_found] No variable API_URL.');
    expect(e.metadata.get('x-request-id')).toBe('req_connect_1');
    expect(e.findDetails(detail('ErrorInfo'))).toEqual([
      expect.objectContaining({
        reason: 'VARIABLE_NOT_FOUND',
        domain: 'variables',
        metadata: { stage: 'prod' },
      }),
    ]);
    expect(e.findDetails(detail('RequestInfo'))).toEqual([
      expect.objectContaining({ requestId: 'req_connect_1' }),
    ]);
    // A Connect unary call: POST to /<service>/<method> with the Connect protocol's headers.
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.method).toBe('POST');
    expect(server.requests[0]?.url).toBe('/demo.v1.VariableService/GetVariable');
    expect(server.requests[0]?.headers['connect-protocol-version']).toBe('1');
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
  });

  it('reads the same JSON error when the call itself uses the binary codec', async () => {
    serve(() => api.error('VARIABLE_NOT_FOUND', { name: 'API_URL' }));
    const e = await failure(true);
    expect(server.requests[0]?.headers['content-type']).toBe('application/proto');
    expect(e.code).toBe(Code.NotFound);
    expect(e.rawMessage).toBe('No variable API_URL.');
    expect(e.findDetails(detail('ErrorInfo'))[0]).toMatchObject({ reason: 'VARIABLE_NOT_FOUND' });
  });

  it('decodes field violations as google.rpc.BadRequest', async () => {
    serve(() =>
      api.error(
        'INVALID_NAME',
        {},
        {
          violations: [
            { pointer: '/name', message: 'must be upper case', code: 'pattern' },
            { pointer: '/labels/0', message: 'is too long' },
          ],
        },
      ),
    );
    const e = await failure();
    expect(e.code).toBe(Code.InvalidArgument);
    const [bad] = e.findDetails(detail('BadRequest')) as unknown as { fieldViolations: unknown[] }[];
    expect(bad?.fieldViolations).toEqual([
      expect.objectContaining({ field: 'name', description: 'must be upper case', reason: 'pattern' }),
      expect.objectContaining({ field: 'labels[0]', description: 'is too long', reason: '' }),
    ]);
  });

  it("gets Connect's code for each status, and the code an entry states", async () => {
    const cases = [
      ['VARIABLE_EXISTS', Code.AlreadyExists],
      ['UNPROCESSABLE', Code.InvalidArgument],
      ['NO_TOKEN', Code.Unauthenticated],
      ['DECRYPT_FAILED', Code.Internal],
    ] as const;
    for (const [id, code] of cases) {
      serve(() => api.error(id, { dsn: 'postgres://u:pw@db' }));
      const e = await failure();
      expect(e.code, id).toBe(code);
      expect(e.findDetails(detail('ErrorInfo'))[0], id).toMatchObject({ reason: id });
    }
    // A 500 masks its message, as every dialect does.
    serve(() => api.error('DECRYPT_FAILED', { dsn: 'postgres://u:pw@db' }));
    expect((await failure()).rawMessage).toBe('An internal error occurred.');
  });

  it('makes one request for a retryable error (connect-es never retries) and hands the delay over as RetryInfo', async () => {
    serve(() => api.error('RATE_LIMITED'));
    const e = await failure();
    expect(e.code).toBe(Code.ResourceExhausted);
    expect(e.metadata.get('retry-after')).toBe('2');
    expect(e.metadata.get('x-should-retry')).toBe('true');
    const [info] = e.findDetails(detail('RetryInfo')) as {
      retryDelay?: { seconds: bigint; nanos: number };
    }[];
    expect(info?.retryDelay).toMatchObject({ seconds: 1n, nanos: 500_000_000 });
    expect(server.requests).toHaveLength(1);

    server.reset();
    serve(() => api.error('VAULT_DOWN'));
    const down = await failure();
    expect(down.code).toBe(Code.Unavailable);
    expect(down.findDetails(detail('RetryInfo'))).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("errata's own client, given the dialect, reads the catalog's code and all the rest", async () => {
    serve(() => api.error('RATE_LIMITED'));
    const base = `http://127.0.0.1:${server.port}/demo.v1.VariableService/GetVariable`;
    const e = await createErrataClient({ dialect: connect }).fromResponse(
      await fetch(base, { method: 'POST' }),
    );
    expect([e.dialect, e.code, e.title, e.status, e.message, e.requestId]).toEqual([
      'connect',
      'RATE_LIMITED',
      'resource_exhausted',
      429,
      'Slow down.',
      'req_connect_1',
    ]);
    expect([e.retryable, e.retryAfterMs]).toEqual([true, 1500]);
  });
});
