/**
 * Creating and serializing one expected error (404), errata against its peers
 * and against the limit: JSON.stringify of an equivalent object literal.
 * Run: npx tsx bench/errors.ts
 */
import createFastifyError from '@fastify/error';
import Boom from '@hapi/boom';
import createHttpError from 'http-errors';
import { defineCatalog, problem } from '../src/index.js';
import { compare } from './_ratio.js';

const api = defineCatalog({
  name: 'bench',
  docs: 'https://docs.example.com/errors',
  errors: {
    VARIABLE_NOT_FOUND: {
      status: 404,
      title: 'Variable not found',
      message: 'No variable named {name} exists in stage {stage}.',
    },
  },
});
const FastifyNotFound = createFastifyError(
  'VARIABLE_NOT_FOUND',
  'No variable named %s exists in stage %s.',
  404,
);
let i = 0;
const name = () => `API_URL_${i++ & 1023}`;

await compare('Create and serialize one 404 error (RFC 9457 body)', [
  {
    name: 'limit: JSON.stringify(literal)',
    fn: () => {
      const n = name();
      return JSON.stringify({
        type: 'https://docs.example.com/errors#VARIABLE_NOT_FOUND',
        title: 'Variable not found',
        status: 404,
        code: 'VARIABLE_NOT_FOUND',
        detail: `No variable named ${n} exists in stage prod.`,
      });
    },
  },
  {
    name: 'errata',
    fn: () => problem.serialize(api.error('VARIABLE_NOT_FOUND', { name: name(), stage: 'prod' })).body,
  },
  {
    name: 'new Error',
    fn: () => {
      const e = new Error(`No variable named ${name()} exists in stage prod.`);
      return JSON.stringify({ status: 404, code: 'VARIABLE_NOT_FOUND', detail: e.message });
    },
  },
  {
    name: 'http-errors',
    fn: () => {
      const e = createHttpError(404, `No variable named ${name()} exists in stage prod.`);
      return JSON.stringify({ status: e.status, code: 'VARIABLE_NOT_FOUND', detail: e.message });
    },
  },
  {
    name: '@hapi/boom',
    fn: () =>
      JSON.stringify(Boom.notFound(`No variable named ${name()} exists in stage prod.`).output.payload),
  },
  {
    name: '@fastify/error',
    fn: () => {
      const e = new FastifyNotFound(name(), 'prod');
      return JSON.stringify({ status: e.statusCode, code: e.code, detail: e.message });
    },
  },
]);
