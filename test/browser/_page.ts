/**
 * Shared by the HTML reference's browser tests: pages served from loopback,
 * Chromium launched once per file, and a session per page that records
 * console errors, dialogs and any request leaving the machine (each must stay
 * empty, checked by `close`).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_ARGS, ensureChromium } from './setup.js';

export interface Session {
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
  offsite: string[];
  dialogs: string[];
}

export interface PageServer {
  readonly base: string;
  open(
    path: string,
    options?: {
      viewport?: { width: number; height: number };
      reducedMotion?: 'reduce' | 'no-preference';
      javaScriptEnabled?: boolean;
    },
  ): Promise<Session>;
  stop(): Promise<void>;
}

export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** Serves `pages` (path → HTML) on 127.0.0.1 and launches Chromium. */
export async function servePages(pages: ReadonlyMap<string, string>): Promise<PageServer> {
  const executablePath = ensureChromium();
  const server: Server = createServer((req, res) => {
    const body = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  return {
    base,
    async open(path, options = {}) {
      const context = await browser.newContext({
        viewport: options.viewport ?? DESKTOP,
        reducedMotion: options.reducedMotion ?? 'no-preference',
        javaScriptEnabled: options.javaScriptEnabled ?? true,
      });
      const s: Session = {
        context,
        page: await context.newPage(),
        consoleErrors: [],
        offsite: [],
        dialogs: [],
      };
      await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (url.protocol === 'data:' || url.hostname === '127.0.0.1') return route.continue();
        s.offsite.push(url.href);
        return route.abort();
      });
      s.page.on('console', (m) => {
        if (m.type() === 'error') s.consoleErrors.push(m.text());
      });
      s.page.on('pageerror', (e) => s.consoleErrors.push(e.message));
      s.page.on('dialog', (d) => {
        s.dialogs.push(d.message());
        void d.dismiss();
      });
      await s.page.goto(`${base}${path}`);
      return s;
    },
    async stop() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

export async function close(s: Session): Promise<void> {
  expect(s.consoleErrors).toEqual([]);
  expect(s.offsite).toEqual([]);
  expect(s.dialogs).toEqual([]);
  await s.context.close();
}

export const byId = (id: string) => `[id="${id}"]`;

/** The ids of the entries shown: the catalog's own are cards, the server failures it adds rows of one table. */
export const visibleIds = (page: Page) =>
  page.$$eval('article.entry, tr.added', (els) =>
    els.filter((e) => !(e as HTMLElement).hidden).map((e) => e.id),
  );
