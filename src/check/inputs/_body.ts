// A recorded body made into the text the checks read: base64 decoded, UTF-8 checked, size capped.
import { Buffer, isUtf8 } from 'node:buffer';
import { Oversized } from './_json-stream.js';

export type BodyRead =
  | { readonly kind: 'text'; readonly text: string; readonly problem?: string }
  | { readonly kind: 'skipped'; readonly problem: string };

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

const size = (n: number) =>
  n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toFixed(1)} MiB`
    : n >= 1024
      ? `${(n / 1024).toFixed(1)} KiB`
      : `${n} B`;

/**
 * Reads a body recorded as text or as base64 (HAR's `encoding: "base64"`).
 * Bytes that are not UTF-8 are read with U+FFFD in their place, and said; a
 * body over `maxBytes` is not kept.
 */
export function readRecordedBody(text: string | Oversized, encoding: unknown, maxBytes: number): BodyRead {
  const base64 = typeof encoding === 'string' && encoding.toLowerCase() === 'base64';
  if (text instanceof Oversized) {
    const bytes = base64 ? Math.floor((text.bytes * 3) / 4) : text.bytes;
    return {
      kind: 'skipped',
      problem: `the body (about ${size(bytes)}) is over the ${size(maxBytes)} kept: its checks are skipped`,
    };
  }
  if (!base64) {
    const length = Buffer.byteLength(text);
    if (length > maxBytes)
      return {
        kind: 'skipped',
        problem: `the body (${size(length)}) is over the ${size(maxBytes)} kept: its checks are skipped`,
      };
    return { kind: 'text', text };
  }
  if (!BASE64.test(text)) return { kind: 'skipped', problem: 'the body is marked base64 but is not base64' };
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length > maxBytes)
    return {
      kind: 'skipped',
      problem: `the body (${size(bytes.length)}) is over the ${size(maxBytes)} kept: its checks are skipped`,
    };
  if (isUtf8(bytes)) return { kind: 'text', text: bytes.toString('utf8') };
  return {
    kind: 'text',
    text: bytes.toString('utf8'),
    problem: `the body is not UTF-8 (${badByte(bytes)}): read with U+FFFD in place of the bad bytes`,
  };
}

/** The first byte that breaks UTF-8 (the start of a bad sequence), for a message. */
export function badByte(bytes: Uint8Array): string {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] as number;
    const follow = lead < 0x80 ? 0 : lead >> 5 === 6 ? 1 : lead >> 4 === 14 ? 2 : lead >> 3 === 30 ? 3 : -1;
    if (follow < 0) break;
    let k = 1;
    while (k <= follow && ((bytes[at + k] ?? 0) & 0xc0) === 0x80) k++;
    if (k <= follow) break;
    at += follow + 1;
  }
  return `byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at}`;
}
