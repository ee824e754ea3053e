// The part of an OpenAPI spec that `errata import` reads (its info, and each
// operation's tags, `x-error-codes` and error responses), with the `$ref`s in
// it replaced by what they point at. The files a spec refers to are read once
// by @apidevtools/json-schema-ref-parser (`resolve`, local files only); each
// `$ref` met in that part is then looked up (`$refs.get`) and copied in, so a
// large spec is not dereferenced whole. A broken `$ref` is named at the place
// it is met, a `$ref` to the network is not followed, and a cyclic one is left
// unresolved and named where it sits; the document itself is not changed.
import { dirname, resolve as resolvePath } from 'node:path';
import { isRecord } from '../utils/record.js';
import type { ImportProblem } from './types.js';
import { ImportError } from './types.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const OPERATION_KEYS = ['tags', 'x-error-codes', 'x-errors', 'x-error-code'] as const;

/** A place in a document, as a chain of keys from its root (built only when a problem names it). */
interface Place {
  readonly parent: Place | undefined;
  readonly key: string;
}
const at = (parent: Place | undefined, key: string): Place => ({ parent, key });
function keysOf(place: Place | undefined): string[] {
  const keys: string[] = [];
  for (let p = place; p; p = p.parent) keys.push(p.key);
  return keys.reverse();
}
export const pointer = (parts: readonly string[]) =>
  `#/${parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;

/** The place a `$ref`'s JSON Pointer (its hash) names. */
function placeOfHash(hash: string): Place | undefined {
  let place: Place | undefined;
  for (const token of hash.split('/').slice(1)) {
    let key = token;
    try {
      key = decodeURIComponent(token);
    } catch {}
    place = at(place, key.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return place;
}

/** A `$ref` made absolute against the file it sits in. */
function absolute(ref: string, file: string): string {
  if (ref.startsWith('#')) return file + ref;
  if (/^[a-z][a-z\d+.-]+:/i.test(ref)) return ref;
  const hash = ref.indexOf('#');
  const path = hash < 0 ? ref : ref.slice(0, hash);
  return resolvePath(dirname(file), decodeURI(path)) + (hash < 0 ? '' : ref.slice(hash));
}

type Refs = {
  get(path: string): unknown;
  _$refs?: Record<string, { errors?: Array<{ message: string }>; value?: unknown }>;
};

/**
 * The spec with the `$ref`s of what the importer reads resolved; `isErrorKey`
 * picks the responses it reads. The refs it cannot follow become problems.
 */
export async function followErrorRefs(
  doc: Record<string, unknown>,
  file: string,
  source: string,
  problems: ImportProblem[],
  isErrorKey: (key: string) => boolean,
): Promise<Record<string, unknown>> {
  const { $RefParser } = await import('@apidevtools/json-schema-ref-parser');
  const refsOf = async (schema: Record<string, unknown>): Promise<Refs> => {
    const parser = new $RefParser();
    try {
      await parser.resolve(file, schema, { resolve: { http: false, external: true }, continueOnError: true });
    } catch (e) {
      const errors = (e as { errors?: Array<{ message: string }> }).errors;
      if (!errors) throw new ImportError(`${source}: cannot resolve its $refs: ${(e as Error).message}`);
      for (const error of errors) problems.push({ place: source, message: brokenMessage(error.message) });
    }
    return parser.$refs as unknown as Refs;
  };
  // The parser reads every node of what it resolves, which costs more than the
  // import itself on a large spec; most specs' error responses refer only to
  // components, so the spec without its paths is resolved first, and the whole
  // spec only when a `$ref` points into the paths or at a file not read yet.
  const rootFile = file;
  const first = problems.length;
  try {
    return walk(await refsOf({ ...doc, paths: {} }), false);
  } catch (e) {
    if (!(e instanceof NeedsWholeSpec)) throw e;
    problems.length = first;
    return walk(await refsOf(doc), true);
  }

  function walk(refs: Refs, whole: boolean): Record<string, unknown> {
    const reported = new Set<string>();
    const report = (place: string, message: string) => {
      const key = `${place}\u0000${message}`;
      if (reported.has(key)) return;
      reported.add(key);
      problems.push({ place, message });
    };
    /** Resolved targets by absolute `$ref`, and the `$ref`s being followed now (a cycle meets one again). */
    const done = new Map<string, unknown>();
    const following = new Set<string>();

    const follow = (
      node: Record<string, unknown>,
      file: string,
      here: Place | undefined,
      from: Place | undefined,
    ): unknown => {
      const abs = absolute(node.$ref as string, file);
      if (following.has(abs)) {
        report(`${source}${pointer(keysOf(here))}`, 'a cyclic $ref: left unresolved there');
        return node;
      }
      let value = done.get(abs);
      if (value === undefined) {
        const hash = abs.indexOf('#');
        const target = hash < 0 ? abs : abs.slice(0, hash);
        if (!whole && (abs.startsWith(`${rootFile}#/paths`) || !refs._$refs?.[target]))
          throw new NeedsWholeSpec();
        const fileErrors = refs._$refs?.[target]?.errors;
        let found: unknown;
        let failure: string | undefined;
        try {
          found = refs.get(abs);
        } catch (e) {
          failure = fileErrors?.[0]?.message ?? (e as Error).message;
        }
        if (found === undefined && failure === undefined && fileErrors?.[0]) failure = fileErrors[0].message;
        if (failure !== undefined || found === undefined) {
          // Named here once; the importer reads nothing there (as when the parser dereferenced the spec).
          report(
            `${source}${pointer(keysOf(from))}`,
            brokenMessage(failure ?? `Missing $ref pointer "${abs}"`),
          );
          return undefined;
        }
        following.add(abs);
        value = deep(found, target, placeOfHash(hash < 0 ? '' : abs.slice(hash)), from);
        following.delete(abs);
        done.set(abs, value);
      }
      // A `$ref` with siblings keeps them over what it points at, as the parser does.
      const keys = Object.keys(node);
      if (keys.length === 1 || !isRecord(value)) return value;
      const merged: Record<string, unknown> = { ...value };
      for (const key of keys)
        if (key !== '$ref') merged[key] = deep(node[key], file, at(here, key), at(from, key));
      return merged;
    };

    /** A value with its `$ref`s followed: the same object when it has none, else a copy. */
    const deep = (node: unknown, file: string, here: Place | undefined, from: Place | undefined): unknown => {
      if (node === null || typeof node !== 'object') return node;
      if (Array.isArray(node)) {
        let copy: unknown[] | undefined;
        for (let i = 0; i < node.length; i++) {
          const item: unknown = node[i];
          if (item === null || typeof item !== 'object') continue;
          const key = String(i);
          const out = deep(item, file, at(here, key), at(from, key));
          if (out !== item) {
            copy ??= node.slice();
            copy[i] = out;
          }
        }
        return copy ?? node;
      }
      const record = node as Record<string, unknown>;
      if (typeof record.$ref === 'string') return follow(record, file, here, from);
      let copy: Record<string, unknown> | undefined;
      for (const key in record) {
        const item = record[key];
        if (item === null || typeof item !== 'object') continue;
        const out = deep(item, file, at(here, key), at(from, key));
        if (out !== item) {
          copy ??= { ...record };
          copy[key] = out;
        }
      }
      return copy ?? record;
    };
    /** At the root document, a place is the same in the file and from the root. */
    const inRoot = (node: unknown, place: Place) => deep(node, file, place, place);
    const isRef = (node: unknown) => isRecord(node) && typeof node.$ref === 'string';

    const out: Record<string, unknown> = { ...doc };
    if (doc.info !== undefined) out.info = inRoot(doc.info, at(undefined, 'info'));
    const pathsAt = at(undefined, 'paths');
    if (!isRecord(doc.paths) || isRef(doc.paths)) {
      if (doc.paths !== undefined) out.paths = inRoot(doc.paths, pathsAt);
      return out;
    }
    const paths: Record<string, unknown> = {};
    for (const [path, item] of Object.entries(doc.paths)) {
      const itemAt = at(pathsAt, path);
      if (!isRecord(item) || isRef(item)) {
        paths[path] = inRoot(item, itemAt);
        continue;
      }
      const outItem: Record<string, unknown> = { ...item };
      for (const method of METHODS) {
        const op = item[method];
        const opAt = at(itemAt, method);
        if (!isRecord(op) || isRef(op)) {
          if (op !== undefined) outItem[method] = inRoot(op, opAt);
          continue;
        }
        const outOp: Record<string, unknown> = { ...op };
        for (const key of OPERATION_KEYS) if (key in op) outOp[key] = inRoot(op[key], at(opAt, key));
        const responsesAt = at(opAt, 'responses');
        if (isRecord(op.responses) && !isRef(op.responses)) {
          const responses: Record<string, unknown> = { ...op.responses };
          for (const [key, response] of Object.entries(op.responses))
            if (isErrorKey(key)) responses[key] = inRoot(response, at(responsesAt, key));
          outOp.responses = responses;
        } else if (op.responses !== undefined) outOp.responses = inRoot(op.responses, responsesAt);
        outItem[method] = outOp;
      }
      paths[path] = outItem;
    }
    out.paths = paths;
    return out;
  }
}

/** Thrown when a `$ref` needs the whole spec resolved. */
class NeedsWholeSpec extends Error {}

/** A problem's text for a `$ref` that cannot be followed: to the network, or broken. */
function brokenMessage(message: string): string {
  return /Unable to resolve|resolver/i.test(message) && /https?:/.test(message)
    ? `a $ref to the network is not followed (${message.replace(/\s+/g, ' ').slice(0, 160)})`
    : `a broken $ref: ${message.replace(/\s+/g, ' ').slice(0, 200)}`;
}
