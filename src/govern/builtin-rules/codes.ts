import type { EntryModel } from '../../catalog/model.js';
import { defineRule } from '../define-rule.js';
import { quote } from './_wording.js';

/** One segment of a code: a letter, then letters and digits in words joined by "_", "-" or ".". */
const SEGMENT = /^[A-Za-z][A-Za-z0-9]*(?:[_.-][A-Za-z0-9]+)*$/;
/** Namespace separators accepted by default (`auth/email-already-in-use`, `storage:not-found`). */
const NAMESPACE_SEPARATORS = ['/', ':'] as const;

/** The casing a segment of a code may be written in (`code-format`'s `style`). */
export type SegmentStyle = 'SCREAMING_SNAKE' | 'snake' | 'kebab' | 'camel' | 'Pascal';
const SEGMENT_STYLES: Readonly<Record<SegmentStyle, RegExp>> = {
  SCREAMING_SNAKE: /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/,
  snake: /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/,
  kebab: /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/,
  camel: /^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*$/,
  Pascal: /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*$/,
};

/** `code-format`'s options. */
export type CodeFormatOptions = {
  /** Longest code accepted, namespaces included. @default 64 */
  maxLength?: number;
  /**
   * What separates a namespace from the rest (`auth/…`), each character one separator ("/",
   * "/."); `auto` (the default) accepts "/" and ":" but only the one the catalog uses most.
   */
  separator?: string;
  /** The casing of every segment: `any` (the default: identifier-like) or one style. */
  style?: 'any' | SegmentStyle;
  /** One style (or a list of styles) per segment, the last one repeated; overrides `style`. */
  segments?: readonly (SegmentStyle | readonly SegmentStyle[])[];
};

const quoteAll = (xs: readonly string[]) => xs.map(quote).join(' or ');

function segmentStyles(options: CodeFormatOptions): (readonly SegmentStyle[])[] | undefined {
  const { style, segments } = options;
  const list =
    segments !== undefined && segments.length > 0
      ? segments.map((s) => (typeof s === 'string' ? [s] : s))
      : style === undefined || style === 'any'
        ? []
        : [[style]];
  for (const allowed of list)
    for (const s of allowed)
      if (!(s in SEGMENT_STYLES))
        throw new Error(
          `unknown style ${quote(String(s))} (one of any, ${Object.keys(SEGMENT_STYLES).join(', ')})`,
        );
  return list.length > 0 ? list : undefined;
}

/** The namespace separator most of the codes use, among the default ones. */
function dominantSeparator(codes: readonly string[]): string | undefined {
  let best: [string, number] | undefined;
  for (const sep of NAMESPACE_SEPARATORS) {
    const uses = codes.filter((c) => c.includes(sep)).length;
    if (uses > 0 && (!best || uses > best[1])) best = [sep, uses];
  }
  return best?.[0];
}

/** `code-empty`: an entry whose wire code is `""`. */
export const codeEmpty = defineRule({
  id: 'code-empty',
  severity: 'error',
  description: 'An entry whose wire code is empty: clients have nothing stable to match on.',
  *check({ entries }) {
    for (const [id, entry] of entries)
      if (entry.code.trim() === '')
        yield {
          id,
          field: 'code',
          message: `the wire code is empty; clients match on the code, so give this entry one (e.g. ${quote(snake(id))})`,
        };
  },
});

/** `code-format`: codes that are not identifier-like, optionally namespaced. */
export const codeFormat = defineRule<CodeFormatOptions>({
  id: 'code-format',
  severity: 'error',
  description:
    'Wire codes must be identifier-like (a letter, then letters and digits in words joined by "_", "-" or "."), optionally namespaced by one separator ("auth/email-already-in-use"); `separator`, `style`, `segments` and `maxLength` (64) are options.',
  options: { maxLength: 64, separator: 'auto', style: 'any', segments: [] },
  *check({ entries, options }) {
    const max = Number(options.maxLength ?? 64);
    const auto = options.separator === undefined || options.separator === 'auto';
    const separators: readonly string[] = auto ? NAMESPACE_SEPARATORS : [...(options.separator ?? '')];
    const styles = segmentStyles(options);
    const codes = entries.map(([, e]) => e.code).filter((c) => c !== '');
    const own = auto ? dominantSeparator(codes) : undefined;
    for (const [id, entry] of entries) {
      const code = entry.code;
      if (code === '') continue;
      const segments = separators.reduce<string[]>(
        (parts, sep) => parts.flatMap((p) => p.split(sep)),
        [code],
      );
      const problem = segments.some((s) => !SEGMENT.test(s))
        ? `code ${quote(code)} is not identifier-like (letters and digits in words joined by "_", "-" or ".", namespaces by ${quoteAll(separators)})`
        : code.length > max
          ? `code ${quote(code)} is longer than ${max} characters`
          : undefined;
      if (problem) {
        yield { id, field: 'code', message: problem };
        continue;
      }
      const other =
        own === undefined ? undefined : separators.find((sep) => sep !== own && code.includes(sep));
      if (other !== undefined) {
        yield {
          id,
          field: 'code',
          message: `code ${quote(code)} separates its namespace with ${quote(other)}, the rest of the catalog with ${quote(own as string)}`,
        };
        continue;
      }
      if (!styles) continue;
      for (const [i, segment] of segments.entries()) {
        const allowed = styles[Math.min(i, styles.length - 1)] as readonly SegmentStyle[];
        if (allowed.some((s) => SEGMENT_STYLES[s].test(segment))) continue;
        yield {
          id,
          field: 'code',
          message: `code ${quote(code)}: segment ${i + 1} ${quote(segment)} is not ${allowed.join(' or ')}`,
        };
        break;
      }
    }
  },
});

// A "code" suffix after a complete condition ("…_cannot_be_revoked_code") is a constant's name
// leaking onto the wire; after a noun ("country_code", "totp_incorrect_code") it is meaning.
const REDUNDANT_SUFFIX =
  /(?:ed|invalid|missing|exists|unsupported|required|denied|forbidden|exceeded|not_?found)(?:[_.-]code|Code|_CODE)$/i;

/** `code-suffix`: codes that end in a redundant `_code`. */
export const codeSuffix = defineRule({
  id: 'code-suffix',
  severity: 'warn',
  description:
    'Wire codes with a redundant "_code" after a complete condition ("token_cannot_be_revoked_code"): a constant’s name leaking.',
  *check({ entries }) {
    for (const [id, entry] of entries)
      if (REDUNDANT_SUFFIX.test(entry.code))
        yield {
          id,
          field: 'code',
          message: `code ${quote(entry.code)} ends in a redundant "code" (a constant's name leaking onto the wire?); keep it for compatibility, avoid it in new codes`,
        };
  },
});

type Style = 'SCREAMING_SNAKE' | 'snake_case' | 'kebab-case' | 'camelCase' | 'PascalCase' | 'dot.case';
const STYLES: readonly [Style, RegExp][] = [
  ['SCREAMING_SNAKE', /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/],
  ['snake_case', /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/],
  ['kebab-case', /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/],
  ['camelCase', /^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*$/],
  ['PascalCase', /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*$/],
  ['dot.case', /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$/],
];

/** `code-casing`: codes whose casing differs from the catalog's. */
export const codeCasing = defineRule<{ style?: Style | 'auto' }>({
  id: 'code-casing',
  severity: 'warn',
  description:
    'Codes must share one casing (SCREAMING_SNAKE, snake_case, kebab-case, camelCase, PascalCase, dot.case); the catalog’s dominant one unless `style` is set.',
  options: { style: 'auto' },
  *check({ entries, options }) {
    // A namespaced code ("auth/invalid-email") is judged by its last segment.
    const fits = (code: string) => {
      const name = code.slice(Math.max(code.lastIndexOf('/'), code.lastIndexOf(':')) + 1);
      return STYLES.filter(([, re]) => re.test(name)).map(([s]) => s);
    };
    const codes = entries.filter(([, entry]) => entry.code !== '');
    let style = options.style === 'auto' ? undefined : options.style;
    if (style !== undefined && !STYLES.some(([s]) => s === style))
      throw new Error(
        `unknown style ${quote(String(style))} (one of auto, ${STYLES.map(([s]) => s).join(', ')})`,
      );
    if (style === undefined) {
      const votes = new Map<Style, number>();
      for (const [, entry] of codes)
        for (const style of fits(entry.code)) votes.set(style, (votes.get(style) ?? 0) + 1);
      let best = 0;
      for (const [candidate, count] of votes) if (count > best) [style, best] = [candidate, count];
    }
    if (style === undefined) return;
    for (const [id, entry] of codes)
      if (!fits(entry.code).includes(style))
        yield {
          id,
          field: 'code',
          message: `code ${quote(entry.code)} is not ${style} like the rest of the catalog`,
        };
  },
});

/** `code-status-conflict`: one wire code answered with different statuses. */
export const codeStatusConflict = defineRule({
  id: 'code-status-conflict',
  severity: 'error',
  description: 'One wire code sent with different HTTP statuses: clients cannot rely on either.',
  *check({ entries }) {
    const byCode = new Map<string, Map<number, string[]>>();
    for (const [id, entry] of entries) {
      if (entry.code === '') continue;
      let statuses = byCode.get(entry.code);
      if (!statuses) {
        statuses = new Map();
        byCode.set(entry.code, statuses);
      }
      const ids = statuses.get(entry.status) ?? [];
      ids.push(id);
      statuses.set(entry.status, ids);
    }
    for (const [code, statuses] of byCode) {
      if (statuses.size < 2) continue;
      // The status most entries use is taken as the intended one (ties: the first seen).
      let main: [number, string[]] | undefined;
      for (const s of statuses) if (!main || s[1].length > main[1].length) main = s;
      const [status, ids] = main as [number, string[]];
      for (const [other, others] of statuses) {
        if (other === status) continue;
        for (const id of others)
          yield {
            id,
            field: 'status',
            message: `code ${quote(code)} is sent with ${other} here but with ${status} by ${list(ids)}; a code should mean one status`,
          };
      }
    }
  },
});

/** `code-near-duplicate`: two codes made of the same words in another order. */
export const codeNearDuplicate = defineRule({
  id: 'code-near-duplicate',
  severity: 'warn',
  description:
    'Two different codes made of the same words (INVALID_ORG_SCOPE, ORG_SCOPE_INVALID): easy to confuse.',
  *check({ entries }) {
    const seen = new Map<string, [string, string]>();
    for (const [id, entry] of entries) {
      const words = entry.code
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean);
      if (words.length < 2) continue;
      const key = [...words].sort().join(' ');
      const first = seen.get(key);
      if (!first) seen.set(key, [entry.code, id]);
      else if (first[0] !== entry.code)
        yield {
          id,
          field: 'code',
          message: `code ${quote(entry.code)} has the same words as ${quote(first[0])} (${first[1]}): one condition with two codes, or two conditions too easy to confuse`,
        };
    }
  },
});

/** `duplicate-entry`: two ids for exactly the same error. */
export const duplicateEntry = defineRule({
  id: 'duplicate-entry',
  severity: 'error',
  description: 'Two entries with the same code, status, wording, retry and details: one error under two ids.',
  *check({ entries }) {
    // Group by the cheap fields first; compare whole entries only within a group.
    const groups = new Map<string, { id: string; entry: EntryModel; fp?: string }[]>();
    // The normalized model has a fixed key order, so its JSON text (category aside) is a fingerprint.
    const fingerprint = (entry: EntryModel) => {
      const { category: _category, ...rest } = entry;
      return JSON.stringify(rest);
    };
    for (const [id, entry] of entries) {
      const key = `${entry.code}\u0000${entry.status}\u0000${entry.title}\u0000${entry.message}`;
      const group = groups.get(key);
      if (!group) {
        groups.set(key, [{ id, entry }]);
        continue;
      }
      const fp = fingerprint(entry);
      const same = group.find((g) => {
        g.fp ??= fingerprint(g.entry);
        return g.fp === fp;
      });
      group.push({ id, entry, fp });
      if (same)
        yield {
          id,
          field: 'code',
          message: `same code, status and wording as ${same.id}: one error under two ids; keep one`,
        };
    }
  },
});

function list(ids: readonly string[]): string {
  return ids.length <= 3 ? ids.join(', ') : `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more`;
}

function snake(id: string): string {
  return id
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase();
}
