import { isRecord } from '../../utils/record.js';
import { defineCheck } from '../define-check.js';
import { detailsProblems } from '../details-validator.js';

/** AIP-193 metadata (Google's, and Connect's ErrorInfo) holds strings only: a non-string detail travels as JSON text. */
function decodeMetadata(details: unknown): unknown {
  if (!isRecord(details)) return details;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(details)) {
    out[k] = v;
    if (typeof v === 'string')
      try {
        out[k] = JSON.parse(v);
      } catch {}
  }
  return out;
}

/** The details match the entry's details schema. */
export const detailsSchema = defineCheck({
  name: 'details-schema',
  severity: 'error',
  description: "The details match the entry's details schema (Ajv; each schema compiled once).",
  options: { required: false },
  *check({ entry, parsed, options }) {
    const schema = entry?.entry.details;
    if (entry === undefined || schema === undefined || parsed === undefined || !entry.entry.expose) return;
    const details = parsed.details;
    if (details === undefined || details === null) {
      if (options.required) yield `the response has no details; ${entry.id} defines them`;
      return;
    }
    let problems = detailsProblems(schema, details);
    if (problems.length > 0 && (parsed.dialect === 'google' || parsed.dialect === 'connect')) {
      const decoded = detailsProblems(schema, decodeMetadata(details));
      if (decoded.length === 0) problems = [];
    }
    if (problems.length > 0)
      yield `the details do not match ${entry.id}'s schema: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`;
  },
});
