/**
 * The time the HTML reference takes to answer a search: from the input event
 * of a keystroke to the next frame painted with the result (two animation
 * frames later), measured in the page. Shared by the browser test and
 * bench/docs.ts.
 */
import type { Browser, Page } from 'playwright-core';

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

/**
 * The main-thread CPU time the renderer spends on each query, from the event to
 * the frame after its result (trace events' thread time): unlike the wall time,
 * it hardly moves when other work shares the machine's cores.
 */
export async function searchCpu(browser: Browser, page: Page, queries: readonly string[]): Promise<number[]> {
  const out: number[] = [];
  for (const q of queries) {
    await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] });
    await searchLatencies(page, [q]);
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as {
      traceEvents: { name: string; pid: number; tid: number; tdur?: number; args?: { name?: string } }[];
    };
    // The page's renderer: of the renderers' main threads in the trace, the busiest.
    const mains = traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const busy = mains.map((m) =>
      traceEvents
        .filter((e) => e.name === 'RunTask' && e.pid === m.pid && e.tid === m.tid)
        .reduce((sum, e) => sum + (e.tdur ?? 0), 0),
    );
    out.push(Math.max(0, ...busy) / 1000);
  }
  return out;
}
