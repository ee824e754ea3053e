// What a reader needs to know of a details schema, field by field: its path,
// type, whether it is required, its description and its constraints (allowed
// values, format, bounds, lengths, pattern, item counts), for the pages' tables.

import type { JsonSchema } from '../catalog/model.js';
import { isRecord } from '../utils/record.js';
import { CHROME_EN } from './_chrome-en.js';
import { typeLabel } from './_schema.js';
import { type ChromeStrings, fillChrome, pluralChrome } from './chrome.js';

/** The words of the facts: a page's chrome and its language (English by default). */
export interface FactWords {
  readonly chrome: ChromeStrings;
  readonly locale: string;
}
const ENGLISH: FactWords = { chrome: CHROME_EN, locale: 'en' };

/** One constraint: a label and, when it names values, the values (shown as code). */
export interface SchemaFact {
  readonly label: string;
  /** Set on the fact that the object takes no other member (left out at the root). */
  readonly closed?: true;
  readonly values?: readonly string[];
}

/** One field of a schema, flattened: `items[].sku`. */
export interface SchemaField {
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
  readonly description: string | undefined;
  readonly facts: readonly SchemaFact[];
}

const MAX_DEPTH = 4;
const json = (v: unknown) => JSON.stringify(v) ?? String(v);
const text = (v: unknown) => (typeof v === 'string' ? v : json(v));

/** Folds `allOf` and shows the first branch of `anyOf`/`oneOf` (the others named as facts). */
function effective(schema: JsonSchema): JsonSchema {
  if (!Array.isArray(schema.allOf)) return schema;
  let out: JsonSchema = { ...schema, allOf: undefined };
  for (const part of schema.allOf as unknown[])
    if (isRecord(part))
      out = {
        ...out,
        ...part,
        properties: { ...(out.properties as object), ...(part.properties as object) },
        required: [...((out.required as string[]) ?? []), ...((part.required as string[]) ?? [])],
      };
  return out;
}

/** The constraints a schema node states, in the order a reader looks for them. */
export function schemaFacts(schema: JsonSchema, words: FactWords = ENGLISH): SchemaFact[] {
  const s = effective(schema);
  const c = words.chrome;
  const out: SchemaFact[] = [];
  if ('const' in s) out.push({ label: c.factAlways, values: [text(s.const)] });
  if (Array.isArray(s.enum)) out.push({ label: c.factOneOf, values: s.enum.map(text) });
  if (typeof s.format === 'string') out.push({ label: c.factFormat, values: [s.format] });
  const range: string[] = [];
  if (typeof s.minimum === 'number') range.push(`≥ ${s.minimum}`);
  if (typeof s.exclusiveMinimum === 'number') range.push(`> ${s.exclusiveMinimum}`);
  if (typeof s.maximum === 'number') range.push(`≤ ${s.maximum}`);
  if (typeof s.exclusiveMaximum === 'number') range.push(`< ${s.exclusiveMaximum}`);
  if (range.length > 0) out.push({ label: range.join(', ') });
  if (typeof s.multipleOf === 'number')
    out.push({ label: fillChrome(c.factMultipleOf, { n: s.multipleOf }) });
  const count = (min: unknown, max: unknown, one: string, other: string) => {
    const lo = typeof min === 'number' ? min : undefined;
    const hi = typeof max === 'number' ? max : undefined;
    if (lo === undefined && hi === undefined) return;
    const of = (n: number) => fillChrome(pluralChrome(words.locale, n, one, other), { n });
    out.push({
      label:
        lo !== undefined && hi !== undefined
          ? lo === hi
            ? fillChrome(c.factExactly, { count: of(lo) })
            : fillChrome(c.factRange, { lo, count: of(hi) })
          : lo !== undefined
            ? fillChrome(c.factAtLeast, { count: of(lo) })
            : fillChrome(c.factAtMost, { count: of(hi as number) }),
    });
  };
  count(s.minLength, s.maxLength, c.charactersOne, c.charactersOther);
  count(s.minItems, s.maxItems, c.itemsOne, c.itemsOther);
  count(s.minProperties, s.maxProperties, c.membersOne, c.membersOther);
  if (s.uniqueItems === true) out.push({ label: c.factUniqueItems });
  if (typeof s.pattern === 'string') out.push({ label: c.factMatches, values: [s.pattern] });
  if (s.additionalProperties === false && isRecord(s.properties))
    out.push({ label: c.factNoOtherMembers, closed: true });
  const branches = (s.anyOf ?? s.oneOf) as unknown;
  if (Array.isArray(branches) && branches.length > 0)
    out.push({ label: c.factAnyOf, values: branches.map((b) => (isRecord(b) ? label(b) : json(b))) });
  if ('default' in s) out.push({ label: c.factDefault, values: [text(s.default)] });
  if (Array.isArray(s.examples) && s.examples.length > 0 && !isRecord(s.examples[0]))
    out.push({ label: c.factForExample, values: s.examples.slice(0, 3).map(text) });
  if (s.deprecated === true) out.push({ label: c.factDeprecated });
  return out;
}

/** The type of a node for people: `string`, `array of object`, `integer | null`, or what its branches are. */
function label(schema: JsonSchema): string {
  const s = effective(schema);
  if (s.type !== undefined) return typeLabel(s);
  if ('const' in s) return typeof s.const === 'object' && s.const !== null ? 'object' : typeof s.const;
  if (Array.isArray(s.enum))
    return [...new Set(s.enum.map((v) => (v === null ? 'null' : typeof v)))].join(' | ');
  if (isRecord(s.properties)) return 'object';
  if (isRecord(s.items)) return `array of ${label(s.items as JsonSchema)}`;
  return 'any value';
}

/**
 * Every field of an object schema, depth first (nested objects, and the
 * members of an array's items as `list[].member`), with its facts. The root
 * itself is not a row; {@link rootFacts} describes it.
 */
export function schemaFieldRows(
  schema: JsonSchema,
  prefix = '',
  depth = 0,
  words: FactWords = ENGLISH,
): SchemaField[] {
  const s = effective(schema);
  const props = isRecord(s.properties) ? (s.properties as Record<string, JsonSchema>) : {};
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const out: SchemaField[] = [];
  for (const [key, raw] of Object.entries(props)) {
    const node = isRecord(raw) ? effective(raw) : {};
    const path = prefix ? `${prefix}.${key}` : key;
    out.push({
      path,
      type: label(node),
      required: required.has(key),
      description: typeof node.description === 'string' ? node.description : undefined,
      facts: schemaFacts(node, words),
    });
    if (depth >= MAX_DEPTH) continue;
    if (isRecord(node.properties)) out.push(...schemaFieldRows(node, path, depth + 1, words));
    const items = node.items;
    if (isRecord(items)) {
      const item = effective(items as JsonSchema);
      if (isRecord(item.properties)) out.push(...schemaFieldRows(item, `${path}[]`, depth + 1, words));
    }
  }
  return out;
}

/** The type, description and facts of the schema itself (for details that are not an object, or say more at the root). */
export function rootFacts(
  schema: JsonSchema,
  words: FactWords = ENGLISH,
): {
  type: string;
  description: string | undefined;
  facts: SchemaFact[];
} {
  const s = effective(schema);
  return {
    type: label(s),
    description: typeof s.description === 'string' ? s.description : undefined,
    facts: schemaFacts(s, words).filter((f) => f.closed !== true),
  };
}
