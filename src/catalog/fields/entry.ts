import { isRecord } from '../../utils/record.js';
import { type AddIssue, pathKey } from '../issue-path.js';
import { describe, unknownField } from '../issue-wording.js';
import { jsonCopy } from '../json-copy.js';
import type { EntryModel } from '../model.js';
import type { StandardSchemaV1 } from '../standard-schema.js';
import { normalizeDeprecated } from './deprecated.js';
import { normalizeDetails } from './details.js';
import { normalizeLinks } from './links.js';
import { optString } from './optional-string.js';
import { normalizeParams } from './params.js';
import { normalizeRetry } from './retry.js';
import { normalizeStatus } from './status.js';
import { readEntryTranslations, type TranslationSet } from './translations.js';
import { normalizeWire } from './wire.js';

export const DEFAULT_CATEGORY = 'General';

const ENTRY_KEYS = new Set([
  'code',
  'status',
  'statuses',
  'category',
  'title',
  'message',
  'description',
  'remediation',
  'params',
  'retry',
  'details',
  'deprecated',
  'links',
  'wire',
  'expose',
  'translations',
]);

/**
 * One entry of a catalog, every field normalized; `undefined` when any of its
 * problems was reported. `keepSchema` receives a Standard Schema given as `details`.
 */
export function normalizeEntry(
  raw: unknown,
  id: string,
  path: string,
  add: AddIssue,
  keepSchema: (s: StandardSchemaV1) => void,
  parents: object[],
  translations: TranslationSet,
): EntryModel | undefined {
  if (!isRecord(raw)) {
    add(path, `must be an object, got ${describe(raw)}`);
    return undefined;
  }
  const before = { count: 0 };
  const addHere: AddIssue = (p, m) => {
    before.count++;
    add(p, m);
  };
  for (const key of Object.keys(raw)) {
    if (!ENTRY_KEYS.has(key) && !key.startsWith('x-'))
      addHere(pathKey(path, key), unknownField(key, ENTRY_KEYS));
  }
  const code = optString(raw, 'code', path, addHere) ?? id;
  const statuses = normalizeStatus(raw.status, path, addHere, raw.statuses);
  const status = statuses?.status;
  const category = optString(raw, 'category', path, addHere) ?? DEFAULT_CATEGORY;
  if (category === '') addHere(pathKey(path, 'category'), 'must not be empty');
  const title = optString(raw, 'title', path, addHere);
  const message = optString(raw, 'message', path, addHere);
  const description = optString(raw, 'description', path, addHere);
  const remediation = optString(raw, 'remediation', path, addHere);
  const params = normalizeParams(raw.params, message, pathKey(path, 'params'), addHere);
  const retry = normalizeRetry(raw.retry, pathKey(path, 'retry'), addHere);
  const details = normalizeDetails(raw.details, pathKey(path, 'details'), addHere, keepSchema, [
    ...parents,
    raw,
  ]);
  const deprecated = normalizeDeprecated(raw.deprecated, pathKey(path, 'deprecated'), addHere);
  const links = normalizeLinks(raw.links, pathKey(path, 'links'), addHere);
  const wire = normalizeWire(raw.wire, pathKey(path, 'wire'), addHere);
  // Kept in the catalog's map of translations, not in the entry.
  readEntryTranslations(raw.translations, id, pathKey(path, 'translations'), translations, addHere);
  let expose = typeof status === 'number' ? status < 500 : true;
  if (raw.expose !== undefined) {
    if (typeof raw.expose !== 'boolean')
      addHere(pathKey(path, 'expose'), `must be a boolean, got ${describe(raw.expose)}`);
    else expose = raw.expose;
  }
  if (before.count > 0) return undefined;

  const entry: Record<string, unknown> = { code, status };
  if (statuses?.statuses !== undefined) entry.statuses = statuses.statuses;
  entry.category = category;
  if (title !== undefined) entry.title = title;
  if (message !== undefined) entry.message = message;
  if (description !== undefined) entry.description = description;
  if (remediation !== undefined) entry.remediation = remediation;
  entry.params = params;
  if (retry !== undefined) entry.retry = retry;
  if (details !== undefined) entry.details = details;
  if (deprecated !== undefined) entry.deprecated = deprecated;
  if (links !== undefined) entry.links = links;
  if (wire !== undefined) entry.wire = wire;
  entry.expose = expose;
  for (const key of Object.keys(raw))
    if (key.startsWith('x-'))
      entry[key] = jsonCopy(raw[key], pathKey(path, key), addHere, 0, [...parents, raw]);
  if (before.count > 0) return undefined;
  return entry as unknown as EntryModel;
}
