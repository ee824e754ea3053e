// Property (a): a response is one the OpenAPI document generated for its
// catalog and dialect describes: a response for its status, its media type,
// a body valid against the schema (JSON Schema 2020-12, what OpenAPI 3.1
// uses), and every header errata sent documented on that response.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { CatalogModel } from '../../src/catalog/model.js';
import { generateOpenApi } from '../../src/docs/openapi.js';
import { isRecord } from '../../src/utils/record.js';
import type { Observation } from './observe.js';

/** Headers the HTTP stack or the framework writes, not errata: a response need not document them. */
const TRANSPORT = new Set([
  'content-type',
  'content-length',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'x-powered-by',
  'vary',
]);

type JsonObject = Record<string, unknown>;

const asObject = (v: unknown): JsonObject => (isRecord(v) ? v : {});

/** Checks responses against the OpenAPI document of one catalog in one dialect. */
export interface OpenApiChecker {
  /** (a1) How the response's status, media type or body differs from the document; empty when they match. */
  bodyProblems(observation: Observation): string[];
  /** (a2) The headers errata sent that the response in the document does not list. */
  headerProblems(observation: Observation): string[];
}

// One validator for every document: each is added under its own id. The documents' schemas are
// not checked against the meta-schema (compiling that costs more than all the checks).
const ajv = new Ajv2020({
  strict: false,
  validateSchema: false,
  validateFormats: false,
  code: { optimize: false },
});
let documents = 0;

/** Checks responses against the OpenAPI document errata generates for a catalog in a dialect. */
export function openApiChecker(model: CatalogModel, dialect: string): OpenApiChecker {
  const doc = generateOpenApi(model, { dialect });
  const components = asObject(doc.components);
  const responses = asObject(components.responses);
  const id = `urn:errata:openapi:${documents++}`;
  ajv.addSchema({ $id: id, components: { schemas: components.schemas } });
  const validators = new Map<string, ValidateFunction>();
  const validatorOf = (ref: string): ValidateFunction => {
    let v = validators.get(ref);
    if (v === undefined) {
      v = ajv.compile({ $ref: `${id}${ref}` });
      validators.set(ref, v);
    }
    return v;
  };
  const resolve = (v: unknown): JsonObject => {
    const ref = asObject(v).$ref;
    return typeof ref === 'string'
      ? asObject(responses[ref.replace('#/components/responses/', '')])
      : asObject(v);
  };

  const responseOf = (o: Observation) => resolve(responses[`ErrataError${o.status}`]);
  const missing = (o: Observation) => [`no response ErrataError${o.status} in the OpenAPI document`];

  return {
    bodyProblems(o) {
      const out: string[] = [];
      const response = responseOf(o);
      if (Object.keys(response).length === 0) return missing(o);
      const content = asObject(response.content);
      const media = asObject(content[o.contentType]);
      const schema = asObject(media.schema);
      if (Object.keys(media).length === 0)
        out.push(`content type ${o.contentType} not among ${Object.keys(content).join(', ')}`);
      else {
        let body: unknown;
        try {
          body = JSON.parse(o.body);
        } catch {
          out.push(`body is not JSON: ${o.body.slice(0, 80)}`);
        }
        const validate = typeof schema.$ref === 'string' ? validatorOf(schema.$ref) : ajv.compile(schema);
        if (body !== undefined && !validate(body))
          out.push(
            `body fails the schema: ${ajv.errorsText(validate.errors, { dataVar: 'body' })} in ${o.body.slice(0, 300)}`,
          );
      }
      return out;
    },
    headerProblems(o) {
      const response = responseOf(o);
      if (Object.keys(response).length === 0) return missing(o);
      const documented = new Set(Object.keys(asObject(response.headers)).map((h) => h.toLowerCase()));
      return Object.keys(o.headers)
        .filter((h) => !TRANSPORT.has(h) && !documented.has(h))
        .map((h) => `header ${h} is not documented on the response`);
    },
  };
}
