/**
 * The HTML reference made by `errata docs --changelog` in real Chromium, at
 * 1280×900 and 390×844: the Changes section reached from the sidebar (a drawer
 * on phones) and marked as the section in view, the history badges visible on
 * the entries, each leading to its release.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../_cli.js';
import { byId, close, DESKTOP, type PageServer, PHONE, servePages } from './_page.js';

const dir = mkdtempSync(join(tmpdir(), 'errata-changelog-page-'));
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd: dir,
    stdio: 'pipe',
  });
const commit = (version: string, errors: string, message: string) => {
  writeFileSync(join(dir, 'errors.yaml'), `name: shop\nversion: ${version}\nerrors:\n${errors}`);
  git('add', 'errors.yaml');
  git('commit', '-q', '-m', message);
};

let pages: PageServer;
beforeAll(async () => {
  git('init', '-q', '-b', 'main');
  commit(
    '1.0.0',
    '  ORDER_NOT_FOUND: { status: 404, title: Order not found }\n  BUSY: { status: 503, title: Busy }\n',
    'first',
  );
  commit(
    '1.1.0',
    '  ORDER_NOT_FOUND: { status: 404, title: Order not found }\n  BUSY: { status: 503, title: Busy }\n  ORDER_GONE: { status: 410, title: Order gone }\n',
    'add ORDER_GONE',
  );
  commit(
    '2.0.0',
    '  ORDER_NOT_FOUND: { status: 410, title: Order not found }\n  BUSY: { status: 503, title: Busy, deprecated: { replacedBy: ORDER_GONE } }\n  ORDER_GONE: { status: 410, title: Order gone }\n',
    'version 2',
  );
  const r = await runCli(['docs', 'errors.yaml', '--changelog', '-f', 'html', '-o', 'page.html'], dir);
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  pages = await servePages(new Map([['/page.html', readFileSync(join(dir, 'page.html'), 'utf8')]]));
});
afterAll(async () => {
  await pages?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const current = (page: Page) =>
  page.$$eval('a.nav[aria-current=true]', (els) => els.map((e) => e.getAttribute('data-section')));
/** Waits until the element's top is on screen (the page may end before it can reach the top of the window). */
const onScreen = (page: Page, id: string) =>
  page.waitForFunction(
    (target) => {
      const r = document.getElementById(target)?.getBoundingClientRect();
      return r !== undefined && r.top >= 0 && r.bottom <= window.innerHeight;
    },
    id,
    { timeout: 10_000 },
  );
/** The history badges of an entry that are visible and inside the window's width. */
const badges = (page: Page, id: string) =>
  page.$$eval(`[id="${id}"] .badge.hist`, (els) =>
    els
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return (
          r.width > 0 &&
          r.height > 0 &&
          r.right <= window.innerWidth &&
          getComputedStyle(e).visibility === 'visible'
        );
      })
      .map((e) => [e.textContent, e.getAttribute('href')]),
  );

describe('the Changes section of the HTML reference', () => {
  it('on a desktop: reached from the sidebar, marked in view, and each badge leads to its release', async () => {
    const s = await pages.open('/page.html', { viewport: DESKTOP });
    const { page } = s;
    expect(await page.isVisible('.sidebar a[href="#errata:changes"]')).toBe(true);
    await page.click('.sidebar a[href="#errata:changes"]');
    await onScreen(page, 'errata:changes');
    await page.waitForFunction(
      () =>
        document.querySelector('a.nav[aria-current=true]')?.getAttribute('data-section') ===
        'errata:changes-section',
      undefined,
      { timeout: 10_000 },
    );
    expect(await current(page)).toEqual(['errata:changes-section']);
    expect(await page.$$eval('.release h3', (els) => els.map((e) => e.textContent))).toEqual([
      '2.0.0',
      '1.1.0',
      '1.0.0',
    ]);
    expect(await page.textContent(byId('changes:2.0.0'))).toContain('Breaking changes');

    await page.$eval(byId('ORDER_NOT_FOUND'), (el) => el.scrollIntoView());
    expect(await badges(page, 'ORDER_NOT_FOUND')).toEqual([
      ['Added in 1.0.0', '#changes:1.0.0'],
      ['Changed in 2.0.0 (breaking)', '#changes:2.0.0'],
    ]);
    expect(await badges(page, 'BUSY')).toEqual([
      ['Added in 1.0.0', '#changes:1.0.0'],
      ['Deprecated in 2.0.0', '#changes:2.0.0'],
    ]);
    expect(await badges(page, 'ORDER_GONE')).toEqual([['Added in 1.1.0', '#changes:1.1.0']]);
    // The breaking badge is drawn in the page's breaking colour, not the plain text colour.
    const [badge, text] = await page.$eval(`[id="ORDER_NOT_FOUND"] .badge.hist.breaking`, (el) => [
      getComputedStyle(el).color,
      getComputedStyle(document.body).color,
    ]);
    expect(badge).not.toBe(text);
    await page.click(`[id="ORDER_NOT_FOUND"] .badge.hist.breaking`);
    await onScreen(page, 'changes:2.0.0');
    expect(new URL(page.url()).hash).toBe('#changes:2.0.0');
    expect(await page.isVisible(`[id="changes:2.0.0"] a[href="#ORDER_NOT_FOUND"]`)).toBe(true);
    await close(s);
  });

  it('on a phone: reached from the drawer, with the badges on screen and no sideways scroll', async () => {
    const s = await pages.open('/page.html', { viewport: PHONE });
    const { page } = s;
    expect(await page.isVisible('.sidebar')).toBe(false);
    await page.click(byId('errata:menu'));
    await page.waitForFunction(
      () => document.querySelector('.sidebar')?.getBoundingClientRect().left === 0,
      undefined,
      {
        timeout: 10_000,
      },
    );
    await page.click('.sidebar a[href="#errata:changes"]');
    expect(await page.getAttribute(byId('errata:menu'), 'aria-expanded')).toBe('false');
    await onScreen(page, 'errata:changes');
    expect(await page.isVisible(byId('changes:1.1.0'))).toBe(true);
    await page.$eval(byId('BUSY'), (el) => el.scrollIntoView());
    expect(await badges(page, 'BUSY')).toEqual([
      ['Added in 1.0.0', '#changes:1.0.0'],
      ['Deprecated in 2.0.0', '#changes:2.0.0'],
    ]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await close(s);
  });
});
