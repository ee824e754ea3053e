/**
 * The time the HTML reference takes to answer a search: from the input event
 * of a keystroke to the next frame painted with the result (two animation
 * frames later), measured in the page. Shared by the browser test and
 * bench/docs.ts.
 */
import type { Page } from 'playwright-core';

/** Milliseconds from each query's input event to the frame after the one that shows its result. */
export async function searchLatencies(page: Page, queries: readonly string[]): Promise<number[]> {
  return page.evaluate(async (list) => {
    const input = document.getElementById('errata:q') as HTMLInputElement;
    const out: number[] = [];
    for (const q of list) {
      const t0 = performance.now();
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      out.push(performance.now() - t0);
    }
    return out;
  }, queries);
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Keystrokes of a reader typing, then clearing, a search: each prefix, then the empty query. */
export const TYPED = [
  'e',
  'er',
  'err',
  'erro',
  'error',
  'error_',
  'error_4',
  'error_49',
  'error_499',
  'error_4999',
  '',
];
