// What every seed parser shares: the error type, the inputs the parsers
// produce, the small readers of page text, and the assembly of a parsed page
// into a catalog in the normalized key order.
import type {
  CatalogModel,
  DeprecationModel,
  EntryModel,
  JsonSchema,
  ParamModel,
  ParamType,
  RetryPolicy,
} from '../src/catalog/model.js';
import { isRecord } from '../src/utils/record.js';

export class SeedError extends Error {
  override name = 'SeedError' as const;
}

// The only retry numbers the pages imply but do not state: the defaults a
// "retry with (exponential) backoff" policy gets.
export const EXPONENTIAL = { strategy: 'exponential', baseMs: 500, maxMs: 30_000 } as const;
export const NO_RETRY: RetryPolicy = { retryable: false };

export interface EntryInput {
  code: string;
  status: number;
  category: string;
  title?: string;
  message?: string;
  description?: string;
  remediation?: string;
  /** Only what the page says of retrying; left out, the entry does not say (clients keep their defaults). */
  retry?: RetryPolicy;
  details?: JsonSchema;
  deprecated?: DeprecationModel;
}

export interface CatalogInput {
  name: string;
  title: string;
  description?: string;
  docs: string;
  dialect: string;
  categories: string[];
  /** Ordered [id, entry] pairs; ids are checked for uniqueness on assembly. */
  entries: Array<[string, EntryInput]>;
}

export const ID = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)(?::(string|number|integer|boolean))?\}/g;

export function lines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

export function status(text: string, where: string): number {
  if (!/^\d{3}$/.test(text))
    throw new SeedError(`${where}: expected an HTTP status, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** Cells of a one-line pipe table row written `a | b | c |` (no leading pipe). */
export function cells(line: string, count: number, where: string): string[] {
  if (!line.endsWith(' |')) throw new SeedError(`${where}: not a table row: ${JSON.stringify(line)}`);
  const parts = line.slice(0, -2).split(' | ');
  if (parts.length !== count) {
    throw new SeedError(`${where}: expected ${count} cells, got ${parts.length}: ${JSON.stringify(line)}`);
  }
  return parts;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** A JSON Schema for an example value: property types from the example, the example itself kept. */
export function schemaOf(example: unknown): JsonSchema {
  if (isRecord(example)) {
    const properties: Record<string, JsonSchema> = {};
    for (const [key, value] of Object.entries(example)) properties[key] = { type: jsonType(value) };
    return { type: 'object', properties, examples: [example] };
  }
  return { type: jsonType(example), examples: [example] };
}

function paramsOf(message: string | undefined): Record<string, ParamModel> {
  const params: Record<string, ParamModel> = {};
  for (const m of (message ?? '').matchAll(PLACEHOLDER)) {
    const name = m[1] as string;
    params[name] = { type: (m[2] as ParamType | undefined) ?? 'string' };
  }
  return params;
}

/** `Back off 60 seconds`, `Wait an hour`: a stated retry window, in milliseconds. */
export function statedWindow(text: string): number | undefined {
  const m = /\b(?:back off|wait)\s+(\d+|an?|one)\s+(second|minute|hour)s?\b/i.exec(text);
  if (!m) return undefined;
  const count = /^\d+$/.test(m[1] as string) ? Number(m[1]) : 1;
  const unit = { second: 1_000, minute: 60_000, hour: 3_600_000 }[(m[2] as string).toLowerCase()] ?? 0;
  return count * unit;
}

/**
 * `Retry once`, `retry twice`: a stated number of retries, as the attempts a
 * client makes at most (`maxAttempts` counts the first one too).
 */
export function statedAttempts(text: string): number | undefined {
  const m = /\bretry (once|twice)\b/i.exec(text);
  if (!m) return undefined;
  return (m[1] as string).toLowerCase() === 'once' ? 2 : 3;
}

export function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => (w[0] as string).toUpperCase() + w.slice(1))
    .join('');
}

// ---------------------------------------------------------------------------
// Assembly in the normalized key order.

function entry(e: EntryInput): EntryModel {
  return {
    code: e.code,
    status: e.status,
    category: e.category,
    ...(e.title !== undefined ? { title: e.title } : {}),
    ...(e.message !== undefined ? { message: e.message } : {}),
    ...(e.description !== undefined ? { description: e.description } : {}),
    ...(e.remediation !== undefined ? { remediation: e.remediation } : {}),
    params: paramsOf(e.message),
    ...(e.retry !== undefined ? { retry: e.retry } : {}),
    ...(e.details !== undefined ? { details: e.details } : {}),
    ...(e.deprecated !== undefined ? { deprecated: e.deprecated } : {}),
    expose: e.status < 500,
  };
}

export function assemble(input: CatalogInput): CatalogModel {
  const errors: Record<string, EntryModel> = {};
  for (const [id, e] of input.entries) {
    if (!ID.test(id)) throw new SeedError(`${input.name}: invalid id ${JSON.stringify(id)}`);
    if (Object.hasOwn(errors, id)) throw new SeedError(`${input.name}: duplicate id ${id}`);
    if (!input.categories.includes(e.category))
      throw new SeedError(`${input.name}: unlisted category ${e.category}`);
    errors[id] = entry(e);
  }
  if (input.entries.length === 0) throw new SeedError(`${input.name}: no entries parsed`);
  return {
    errata: 1,
    name: input.name,
    title: input.title,
    version: '1.0.0',
    ...(input.description !== undefined ? { description: input.description } : {}),
    docs: input.docs,
    dialect: input.dialect,
    categories: input.categories,
    errors,
  };
}
