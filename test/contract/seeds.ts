// The five seed catalogs (examples/catalogs/), each with one occurrence of
// every entry, its parameters and details sampled from their declarations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogModel, JsonSchema, ParamType } from '../../src/catalog/model.js';
import { normalizeCatalog } from '../../src/catalog/normalize.js';
import { placeholders } from '../../src/catalog/template.js';
import { isRecord } from '../../src/utils/record.js';
import type { CatalogCase, Occurrence } from './catalogs.js';

/** A value a JSON Schema accepts: its first example, else one built from its type. */
export function sampleOf(schema: unknown): unknown {
  if (!isRecord(schema)) return {};
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return 'x';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'null':
      return null;
    default: {
      const props = isRecord(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
      return Object.fromEntries(required.map((k) => [k, sampleOf(props[k])]));
    }
  }
}

const SAMPLE: Readonly<Record<ParamType, string | number | boolean>> = {
  string: 'x',
  number: 1.5,
  integer: 3,
  boolean: true,
};

/** An occurrence of each entry of a model, its parameters and details sampled from their declarations. */
export function occurrencesOf(model: CatalogModel): Occurrence[] {
  return Object.entries(model.errors).map(([id, entry]) => {
    const params: Record<string, string | number | boolean> = {};
    for (const [name, p] of Object.entries(entry.params)) params[name] = SAMPLE[p.type];
    for (const p of placeholders(entry.message ?? ''))
      params[p.name] ??= SAMPLE[(p.type as ParamType | undefined) ?? 'string'];
    const details = entry.details as JsonSchema | undefined;
    return { id, params, ...(details !== undefined && { details: sampleOf(details) }) };
  });
}

export const SEEDS = ['authos', 'barekey', 'clerk', 'flags', 'sitescore'] as const;

/** A seed catalog from examples/catalogs/, with an occurrence of each entry. */
export function seedCase(repo: string, name: (typeof SEEDS)[number]): CatalogCase {
  const document = JSON.parse(readFileSync(join(repo, 'examples/catalogs', `${name}.json`), 'utf8'));
  const { model } = normalizeCatalog(document);
  return { label: `seed ${name}`, document, occurrences: occurrencesOf(model) };
}
