// The path of a catalog problem (`errors.A.status`, `errors["a b"]`,
// `categories[1]`), one segment at a time; place.ts reads it back.
import { short } from './source.js';

/** Reports one problem at a path; the normalizers report all they find and go on. */
export type AddIssue = (path: string, message: string) => void;

/** Property path segment: dotted when it is a plain name, bracketed and quoted otherwise. */
export function pathKey(base: string, key: string): string {
  const seg = /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key) && key.length <= 80 ? key : JSON.stringify(short(key));
  return base ? (seg.startsWith('"') ? `${base}[${seg}]` : `${base}.${seg}`) : seg;
}
