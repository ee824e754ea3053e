// Requests and checks the shared suites use.
import { expect } from 'vitest';
import { SECRETS } from './_app.js';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown>;
}

export async function call(base: string, path: string, init?: RequestInit): Promise<Answer> {
  const res = await fetch(base + path, init);
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {}
  return { status: res.status, headers: res.headers, text, json };
}

export function expectNoLeak(a: Answer): void {
  const all = `${a.text}\n${[...a.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}`;
  for (const s of SECRETS) expect(all).not.toContain(s);
  expect(all).not.toMatch(/\bat .+:\d+:\d+/);
  expect(all).not.toContain('Error:');
}
