import { typeUri } from '../catalog/anchor.js';
import type { CatalogModel, EntryModel, JsonSchema, RetryPolicy } from '../catalog/model.js';
import { escapeControls } from './format.js';

/** The kinds of change `diffCatalogs` reports. */
export type ChangeKind =
  | 'entry-added'
  | 'entry-removed'
  | 'entry-renamed'
  | 'code-removed'
  | 'code-changed'
  | 'status-changed'
  | 'retry-removed'
  | 'retry-added'
  | 'retry-changed'
  | 'details-removed'
  | 'details-added'
  | 'details-field-removed'
  | 'details-field-added'
  | 'details-field-optional'
  | 'details-field-required'
  | 'details-type-narrowed'
  | 'details-type-widened'
  | 'details-type-changed'
  | 'details-enum-narrowed'
  | 'details-enum-widened'
  | 'param-removed'
  | 'param-added'
  | 'param-type-changed'
  | 'type-changed'
  | 'docs-changed'
  | 'dialect-changed'
  | 'text-changed'
  | 'category-changed'
  | 'deprecated'
  | 'expose-reduced'
  | 'expose-extended'
  | 'links-changed';

/** One difference between two catalogs, classified. */
export interface Change {
  readonly kind: ChangeKind;
  readonly breaking: boolean;
  /** Entry id (in the new catalog for a rename), or `null` for the catalog itself. */
  readonly id: string | null;
  /** Wire code concerned, or `null`. */
  readonly code: string | null;
  /** Field concerned (`status`, `details.user.id`, `message`…). */
  readonly field: string;
  /** What changed: `status 404 → 410`. */
  readonly message: string;
  /** Why this is (or is not) breaking for clients. */
  readonly reason: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Options of {@link diffCatalogs}. */
export interface DiffOptions {
  /** Report changes to titles, messages, descriptions and remediations. @default true */
  readonly wording?: boolean;
}

const show = (v: unknown): string => (v === undefined ? '(none)' : JSON.stringify(v));

/**
 * Compares two versions of a catalog and classifies every change as breaking
 * or not for clients. Entries are matched by id; an entry whose id changed but
 * whose wire code and status did not is a rename. Breaking changes come first.
 */
export function diffCatalogs(before: CatalogModel, after: CatalogModel, options: DiffOptions = {}): Change[] {
  const out: Change[] = [];
  const add = (c: Change) => out.push(c);
  const wording = options.wording ?? true;

  if (before.dialect !== after.dialect)
    add({
      kind: 'dialect-changed',
      breaking: true,
      id: null,
      code: null,
      field: 'dialect',
      message: `default dialect ${before.dialect} → ${after.dialect}`,
      reason: 'clients that did not negotiate a format receive a different envelope and cannot parse it',
      before: before.dialect,
      after: after.dialect,
    });
  const docsChanged = (before.docs ?? '') !== (after.docs ?? '') && before.docs !== undefined;
  if (docsChanged)
    add({
      kind: 'docs-changed',
      breaking: true,
      id: null,
      code: null,
      field: 'docs',
      message: `docs ${show(before.docs)} → ${show(after.docs)}`,
      reason: 'every RFC 9457 "type" URI changes with it, and clients may match errors on their type',
      before: before.docs,
      after: after.docs,
    });
  else if (before.docs === undefined && after.docs !== undefined)
    add({
      kind: 'docs-changed',
      breaking: false,
      id: null,
      code: null,
      field: 'docs',
      message: `docs set to ${show(after.docs)}`,
      reason: 'errors gain a "type" URI where they had about:blank',
      after: after.docs,
    });

  const removed = Object.keys(before.errors).filter((id) => !Object.hasOwn(after.errors, id));
  const added = new Set(Object.keys(after.errors).filter((id) => !Object.hasOwn(before.errors, id)));

  // Added entries by wire code and status: a rename keeps both.
  const byWire = new Map<string, string[]>();
  for (const id of added) {
    const e = after.errors[id] as EntryModel;
    if (e.code === '') continue;
    const key = `${e.code}\u0000${e.status}`;
    const list = byWire.get(key);
    if (list) list.push(id);
    else byWire.set(key, [id]);
  }
  for (const id of removed) {
    const old = before.errors[id] as EntryModel;
    // Among the candidates, prefer the one with the same message.
    const candidates = (byWire.get(`${old.code}\u0000${old.status}`) ?? []).filter((n) => added.has(n));
    const to = candidates.find((n) => after.errors[n]?.message === old.message) ?? candidates[0];
    if (to !== undefined) {
      added.delete(to);
      add({
        kind: 'entry-renamed',
        breaking: false,
        id: to,
        code: old.code,
        field: 'id',
        message: `entry ${id} renamed to ${to} (code ${show(old.code)}, status ${old.status} kept)`,
        reason: 'clients match on the wire code and status, which did not change',
        before: id,
        after: to,
      });
      if (!docsChanged && after.docs !== undefined)
        add({
          kind: 'type-changed',
          breaking: true,
          id: to,
          code: old.code,
          field: 'type',
          message: `type ${typeUri(before, id)} → ${typeUri(after, to)}`,
          reason:
            'the RFC 9457 "type" URI is derived from the id; clients matching on the type no longer recognise it',
          before: typeUri(before, id),
          after: typeUri(after, to),
        });
      compareEntry(old, after.errors[to] as EntryModel, to, add, wording);
      continue;
    }
    add({
      kind: 'entry-removed',
      breaking: true,
      id,
      code: old.code,
      field: 'id',
      message: `entry ${id} removed${old.deprecated ? ` (deprecated${old.deprecated.since ? ` since ${old.deprecated.since}` : ''})` : ''}`,
      reason: 'servers can no longer send it, and clients handling it lose their branch',
    });
  }
  for (const id of added) {
    const e = after.errors[id] as EntryModel;
    add({
      kind: 'entry-added',
      breaking: false,
      id,
      code: e.code,
      field: 'id',
      message: `entry ${id} added (${show(e.code)}, ${e.status})`,
      reason: 'clients treat an unknown code like any error of its status',
    });
  }

  const newCodes = new Set(Object.values(after.errors).map((e) => e.code));
  const oldCodes = new Set(Object.values(before.errors).map((e) => e.code));
  for (const code of oldCodes)
    if (code !== '' && !newCodes.has(code))
      add({
        kind: 'code-removed',
        breaking: true,
        id: null,
        code,
        field: 'code',
        message: `wire code ${show(code)} no longer sent by any entry`,
        reason: 'clients matching on this code never see it again',
      });

  for (const [id, old] of Object.entries(before.errors)) {
    const now = Object.hasOwn(after.errors, id) ? after.errors[id] : undefined;
    if (now) compareEntry(old, now, id, add, wording);
  }
  // Stable: breaking first, each group in the order found.
  return [...out.filter((c) => c.breaking), ...out.filter((c) => !c.breaking)];
}

type Add = (c: Change) => void;

function compareEntry(old: EntryModel, now: EntryModel, id: string, add: Add, wording: boolean): void {
  const base = { id, code: now.code };
  if (old.code !== now.code)
    add({
      ...base,
      kind: 'code-changed',
      breaking: true,
      field: 'code',
      message: `code ${show(old.code)} → ${show(now.code)}`,
      reason: 'clients match on the wire code; the same condition now arrives under another code',
      before: old.code,
      after: now.code,
    });
  if (old.status !== now.status)
    add({
      ...base,
      kind: 'status-changed',
      breaking: true,
      field: 'status',
      message: `status ${old.status} → ${now.status}`,
      reason: 'clients, SDKs, proxies and retry logic branch on the status',
      before: old.status,
      after: now.status,
    });
  compareRetry(old.retry, now.retry, base, add);
  compareDetails(old.details, now.details, base, add);
  for (const [name, p] of Object.entries(old.params)) {
    const q = Object.hasOwn(now.params, name) ? now.params[name] : undefined;
    if (!q)
      add({
        ...base,
        kind: 'param-removed',
        breaking: true,
        field: `params.${name}`,
        message: `message parameter ${name} removed`,
        reason:
          'code that renders or reads this parameter (in messages, logs, translations) no longer gets it',
      });
    else if (q.type !== p.type)
      add({
        ...base,
        kind: 'param-type-changed',
        breaking: true,
        field: `params.${name}`,
        message: `message parameter ${name}: ${p.type} → ${q.type}`,
        reason: 'code that passes or reads this parameter was written for the old type',
        before: p.type,
        after: q.type,
      });
  }
  for (const name of Object.keys(now.params))
    if (!Object.hasOwn(old.params, name))
      add({
        ...base,
        kind: 'param-added',
        breaking: false,
        field: `params.${name}`,
        message: `message parameter ${name} added`,
        reason: 'only the server supplies it',
      });
  if (old.expose && !now.expose)
    add({
      ...base,
      kind: 'expose-reduced',
      breaking: true,
      field: 'expose',
      message: 'message and details no longer exposed to callers',
      reason: 'clients stop receiving the message and details they may read',
    });
  else if (!old.expose && now.expose)
    add({
      ...base,
      kind: 'expose-extended',
      breaking: false,
      field: 'expose',
      message: 'message and details now exposed to callers',
      reason: 'clients receive more than before',
    });
  if (!old.deprecated && now.deprecated)
    add({
      ...base,
      kind: 'deprecated',
      breaking: false,
      field: 'deprecated',
      message: `deprecated${now.deprecated.replacedBy ? `, replaced by ${now.deprecated.replacedBy}` : ''}`,
      reason: 'still sent; clients should move to the replacement before it is removed',
    });
  if (old.category !== now.category)
    add({
      ...base,
      kind: 'category-changed',
      breaking: false,
      field: 'category',
      message: `category ${show(old.category)} → ${show(now.category)}`,
      reason: 'documentation only',
    });
  if (JSON.stringify(old.links ?? []) !== JSON.stringify(now.links ?? []))
    add({
      ...base,
      kind: 'links-changed',
      breaking: false,
      field: 'links',
      message: 'documentation links changed',
      reason: 'documentation only',
    });
  if (!wording) return;
  for (const f of ['title', 'message', 'description', 'remediation'] as const)
    if (old[f] !== now[f])
      add({
        ...base,
        kind: 'text-changed',
        breaking: false,
        field: f,
        message: `${f} ${old[f] === undefined ? 'added' : now[f] === undefined ? 'removed' : 'reworded'}`,
        reason:
          f === 'title' || f === 'message'
            ? 'human-readable text: clients must not parse it (match on the code)'
            : 'documentation only',
        before: old[f],
        after: now[f],
      });
}

function retryText(r: RetryPolicy): string {
  if (!r.retryable) return 'not retryable';
  if (r.strategy === 'exponential') return `exponential ${r.baseMs}–${r.maxMs} ms`;
  if (r.strategy === 'fixed') return `fixed ${r.delayMs} ms`;
  return `after ${r.afterMs} ms`;
}

function compareRetry(
  old: RetryPolicy,
  now: RetryPolicy,
  base: { id: string; code: string },
  add: Add,
): void {
  if (old.retryable && !now.retryable)
    add({
      ...base,
      kind: 'retry-removed',
      breaking: true,
      field: 'retry',
      message: `retryable (${retryText(old)}) → not retryable`,
      reason: 'clients that recovered by retrying now fail where they used to succeed',
      before: old,
      after: now,
    });
  else if (!old.retryable && now.retryable)
    add({
      ...base,
      kind: 'retry-added',
      breaking: false,
      field: 'retry',
      message: `not retryable → retryable (${retryText(now)})`,
      reason: 'clients that do not retry are unaffected',
      before: old,
      after: now,
    });
  else if (
    retryText(old) !== retryText(now) ||
    (old.retryable && now.retryable && old.maxAttempts !== now.maxAttempts)
  )
    add({
      ...base,
      kind: 'retry-changed',
      breaking: false,
      field: 'retry',
      message: `retry ${retryText(old)} → ${retryText(now)}`,
      reason: 'still retryable; only the timing changed',
      before: old,
      after: now,
    });
}

// ---------------------------------------------------------------------------
// Details schemas. Details flow from server to client: a client reads the
// fields, typed from this schema (errata types, errata/client). So a field
// removed or made optional breaks readers at run time; a type widened (a new
// `null`) breaks them too; a type or enum narrowed breaks typed client code
// that handles the removed alternative (TypeScript rejects comparing with a
// type that can no longer occur) — the rule issue 6 states. New fields and
// new required fields are not breaking: the server sends more.

type Schema = JsonSchema | undefined;

const isObj = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

function typesOf(s: JsonSchema): string[] | undefined {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type.map(String);
  if (Array.isArray(s.enum)) return [...new Set(s.enum.map((v) => (v === null ? 'null' : typeof v)))];
  if ('const' in s) return [s.const === null ? 'null' : typeof s.const];
  const union = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : undefined;
  if (union) {
    const all = union.map((b: unknown) => (isObj(b) ? typesOf(b) : undefined));
    if (all.every((t): t is string[] => t !== undefined)) return [...new Set(all.flat())];
  }
  return undefined;
}

const covers = (set: readonly string[], t: string) =>
  set.includes(t) || (t === 'integer' && set.includes('number'));

function compareDetails(old: Schema, now: Schema, base: { id: string; code: string }, add: Add): void {
  if (old === undefined && now === undefined) return;
  if (old !== undefined && now === undefined) {
    add({
      ...base,
      kind: 'details-removed',
      breaking: true,
      field: 'details',
      message: 'details removed',
      reason: 'clients reading the details get nothing',
    });
    return;
  }
  if (old === undefined) {
    add({
      ...base,
      kind: 'details-added',
      breaking: false,
      field: 'details',
      message: 'details added',
      reason: 'the server sends more; clients that ignore it are unaffected',
    });
    return;
  }
  compareSchema(
    old,
    now as JsonSchema,
    'details',
    { ...base, roots: [old, now as JsonSchema], seen: new Set<string>() },
    add,
    0,
  );
}

/** Follows a local `$ref` (`#/$defs/User`) within its root schema; other refs are left as they are. */
function deref(s: JsonSchema, root: JsonSchema): JsonSchema {
  let cur = s;
  for (let hops = 0; hops < 8 && typeof cur.$ref === 'string' && cur.$ref.startsWith('#'); hops++) {
    let target: unknown = root;
    for (const seg of cur.$ref.slice(1).split('/').filter(Boolean))
      target = isObj(target) ? target[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    if (!isObj(target)) break;
    cur = target;
  }
  return cur;
}

function compareSchema(
  oldRaw: JsonSchema,
  nowRaw: JsonSchema,
  path: string,
  ctx: { id: string; code: string; roots: readonly [JsonSchema, JsonSchema]; seen: Set<string> },
  add: Add,
  depth: number,
): void {
  if (depth > 16) return;
  // A recursive schema refers to itself: compare each pair of definitions once.
  if (typeof oldRaw.$ref === 'string' && typeof nowRaw.$ref === 'string') {
    const key = `${oldRaw.$ref}\u0000${nowRaw.$ref}`;
    if (ctx.seen.has(key)) return;
    ctx.seen.add(key);
  }
  const old = deref(oldRaw, ctx.roots[0]);
  const now = deref(nowRaw, ctx.roots[1]);
  const base = { id: ctx.id, code: ctx.code };
  const to = typesOf(old);
  const tn = typesOf(now);
  if (to && tn) {
    const narrowed = tn.every((t) => covers(to, t)) && !to.every((t) => covers(tn, t));
    const widened = to.every((t) => covers(tn, t)) && !tn.every((t) => covers(to, t));
    if (narrowed || widened || !to.every((t) => covers(tn, t)))
      add({
        ...base,
        kind: narrowed ? 'details-type-narrowed' : widened ? 'details-type-widened' : 'details-type-changed',
        breaking: true,
        field: path,
        message: `${path}: ${to.join(' | ')} → ${tn.join(' | ')}`,
        reason: narrowed
          ? 'typed clients handle the removed type (e.g. a null check) and no longer compile; the contract narrowed'
          : widened
            ? 'clients receive values of a type they were not written for'
            : 'clients read the field as the old type',
        before: to,
        after: tn,
      });
  }
  if (Array.isArray(old.enum) && Array.isArray(now.enum)) {
    const eo = (old.enum as unknown[]).map((v) => JSON.stringify(v));
    const en = (now.enum as unknown[]).map((v) => JSON.stringify(v));
    const lost = (old.enum as unknown[]).filter((_, i) => !en.includes(eo[i] as string));
    const gained = (now.enum as unknown[]).filter((_, i) => !eo.includes(en[i] as string));
    if (lost.length > 0)
      add({
        ...base,
        kind: 'details-enum-narrowed',
        breaking: true,
        field: path,
        message: `${path}: enum values ${lost.map(show).join(', ')} removed`,
        reason: 'typed clients that handle these values no longer compile; the contract narrowed',
        before: old.enum,
        after: now.enum,
      });
    if (gained.length > 0)
      add({
        ...base,
        kind: 'details-enum-widened',
        breaking: false,
        field: path,
        message: `${path}: enum values ${gained.map(show).join(', ')} added`,
        reason: 'clients must already tolerate values they do not know (as with codes)',
        before: old.enum,
        after: now.enum,
      });
  }
  const po = isObj(old.properties) ? old.properties : {};
  const pn = isObj(now.properties) ? now.properties : {};
  const ro = new Set(Array.isArray(old.required) ? old.required.map(String) : []);
  const rn = new Set(Array.isArray(now.required) ? now.required.map(String) : []);
  for (const [name, s] of Object.entries(po)) {
    const field = `${path}.${name}`;
    if (!Object.hasOwn(pn, name)) {
      add({
        ...base,
        kind: 'details-field-removed',
        breaking: true,
        field,
        message: `${field} removed`,
        reason: 'clients reading this field get undefined',
      });
      continue;
    }
    if (ro.has(name) && !rn.has(name))
      add({
        ...base,
        kind: 'details-field-optional',
        breaking: true,
        field,
        message: `${field} no longer required`,
        reason: 'clients that rely on the field being present may get undefined',
      });
    else if (!ro.has(name) && rn.has(name))
      add({
        ...base,
        kind: 'details-field-required',
        breaking: false,
        field,
        message: `${field} now required`,
        reason: 'the server promises more; readers are unaffected',
      });
    if (isObj(s) && isObj(pn[name])) compareSchema(s, pn[name] as JsonSchema, field, ctx, add, depth + 1);
  }
  for (const name of Object.keys(pn))
    if (!Object.hasOwn(po, name))
      add({
        ...base,
        kind: 'details-field-added',
        breaking: false,
        field: `${path}.${name}`,
        message: `${path}.${name} added`,
        reason: 'the server sends more; clients ignore fields they do not read',
      });
  if (isObj(old.items) && isObj(now.items))
    compareSchema(old.items, now.items, `${path}[]`, ctx, add, depth + 1);
}

/** Output formats of `errata diff`. */
export type DiffFormat = 'text' | 'json' | 'md';

/** Renders changes as text, JSON (`{ breaking, changes }`) or Markdown for a pull-request comment. */
export function formatChanges(
  changes: readonly Change[],
  format: DiffFormat,
  labels: { readonly before?: string; readonly after?: string } = {},
): string {
  const breaking = changes.filter((c) => c.breaking);
  const other = changes.filter((c) => !c.breaking);
  if (format === 'json')
    return `${JSON.stringify({ before: labels.before, after: labels.after, breaking: breaking.length, changes }, null, 2)}\n`;
  const where = (c: Change) => (c.id === null ? (c.code !== null ? `code ${c.code}` : '(catalog)') : c.id);
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  const summary = `${n(breaking.length, 'breaking change')}, ${n(other.length, 'other change')}`;
  if (format === 'md') {
    const cell = (s: string) =>
      s
        .replace(/\\/g, '\\\\')
        .replace(/\|/g, '\\|')
        .replace(/[\r\n]+/g, ' ');
    const code = (s: string) => `\`${s.replace(/`/g, 'ˋ')}\``;
    const span = labels.before && labels.after ? ` (${code(labels.before)} → ${code(labels.after)})` : '';
    let md = `### errata: ${breaking.length > 0 ? `⚠️ ${n(breaking.length, 'breaking change')}` : 'no breaking changes'} in the error catalog${span}\n\n`;
    if (changes.length === 0) return `${md}No changes.\n`;
    if (breaking.length > 0) {
      md += '| entry | change | why it breaks clients |\n|---|---|---|\n';
      for (const c of breaking) md += `| ${code(where(c))} | ${cell(c.message)} | ${cell(c.reason)} |\n`;
      md += '\n';
    }
    if (other.length > 0) {
      md += `<details><summary>${n(other.length, 'non-breaking change')}</summary>\n\n| entry | change | why it is safe |\n|---|---|---|\n`;
      for (const c of other) md += `| ${code(where(c))} | ${cell(c.message)} | ${cell(c.reason)} |\n`;
      md += '\n</details>\n';
    }
    return escapeControls(md);
  }
  if (changes.length === 0) return 'no changes\n';
  const lines = changes.map(
    (c) => `  ${c.breaking ? 'BREAKING' : 'ok      '}  ${where(c)}: ${c.message}  — ${c.reason}  (${c.kind})`,
  );
  return escapeControls(`${lines.join('\n')}\n\n${summary}\n`);
}
