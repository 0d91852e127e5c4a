/**
 * Broken data files, each way they break: missing, not JSON, JSON of the wrong shape, or an
 * HTML page sent in their place. The summary and boundaries are needed for the map: the page
 * shows an error naming the file and the command that rebuilds it (never a blank page), and
 * `atlas.ready` rejects. The files each view loads when it opens (a place's, the documents, the
 * story, the reader texts) are not: the map works and a notice (or the view) says what failed.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { awaitReady, watchedPage } from './browser.ts';
import { useBrowser } from './use-browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

type Reply = { status?: number; contentType?: string; body: string };
const NOT_FOUND: Reply = { status: 404, body: 'not found' };
const NOT_JSON: Reply = { contentType: 'application/json', body: '{"documents": [' };
const HTML_PAGE: Reply = { contentType: 'text/html', body: '<!doctype html><title>Atlas</title>' };

/** The atlas with one data file answered by `reply`; returns the page and what `ready` settled to. */
async function openWith(file: string, reply: Reply, hash = '#lang=en'): Promise<{ page: Page; ready: string; consoleErrors: string[] }> {
  const { page, consoleErrors } = await watchedPage(browser);
  await page.route(`**/data/${file}`, (r) => r.fulfill({ status: reply.status ?? 200, contentType: reply.contentType ?? 'text/plain', body: reply.body }));
  await page.goto(`${baseUrl}${hash}`);
  return { page, ready: await awaitReady(page), consoleErrors };
}

async function expectErrorScreen(page: Page, ready: string, file: string, command: string, says: RegExp) {
  expect(ready).toMatch(/^error: /);
  const alert = page.getByRole('alert');
  await expect.poll(() => alert.count()).toBe(1);
  const text = await alert.innerText();
  expect(text).toContain(`data/${file}`);
  expect(text).toContain(command);
  expect(text).toMatch(says);
  expect(await alert.isVisible()).toBe(true);
}

/** The first view's file (summary.json): the map cannot start without it. */
const SUMMARY_CASES: Array<[string, Reply, RegExp]> = [
  ['missing', NOT_FOUND, /Could not load .*HTTP 404/],
  ['not JSON', NOT_JSON, /is not valid: not valid JSON/],
  ['JSON of the wrong shape', { contentType: 'application/json', body: '{"version": 1, "docs": [], "places": [{"id": "x"}], "tallies": {}, "files": {}}' }, /is not valid: place x /],
  ['a list, not an object', { contentType: 'application/json', body: '[1, 2]' }, /version 1 with places, docs, tallies and files is required/],
  ['an HTML page in its place', HTML_PAGE, /Could not load .*HTML page/],
];

describe('the first view’s summary', () => {
  it.each(SUMMARY_CASES)('%s: an error screen naming it and `npm run data`', async (_what, reply, says) => {
    const { page, ready } = await openWith('summary.json', reply, '#place=haidian&lang=en');
    await expectErrorScreen(page, ready, 'summary.json', 'npm run data', says);
    await page.close();
  });
});

/** A place's file (loaded when its panel opens): the map works; a notice names the file. */
const PLACE_CASES: Array<[string, Reply, RegExp]> = [
  ['missing', NOT_FOUND, /data\/places\/haidian-[0-9a-f]{8}\.json[\s\S]*HTTP 404[\s\S]*npm run data/],
  ['not JSON', NOT_JSON, /data\/places\/haidian-[0-9a-f]{8}\.json[\s\S]*not valid JSON/],
  ['another place’s file', { contentType: 'application/json', body: '{"place": "chaoyang", "complete": true, "documents": [], "facts": []}' }, /is not the file of place haidian/],
];

describe('a place’s file, opened by a link to the place', () => {
  it.each(PLACE_CASES)('%s: the map is ready, one notice names it, no panel and no error screen', async (_what, reply, says) => {
    const { page, ready, consoleErrors } = await openWith('places/haidian-*.json', reply, '#place=haidian&lang=en');
    expect(ready).toBe('ready');
    const notices = page.locator('#notices .notice');
    await expect.poll(() => notices.count()).toBe(1);
    expect(await notices.first().innerText()).toMatch(says);
    expect(await page.locator('#panel').isHidden()).toBe(true);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(consoleErrors.filter((e) => !/404/.test(e))).toEqual([]);
    await page.close();
  });
});

describe('the place files, broken while the overview is shown', () => {
  it('the map is ready; each selection that cannot load says so in the same notice, counted; the documents view says what it could not load', async () => {
    const { page, consoleErrors } = await watchedPage(browser);
    await page.route('**/data/places/**', (r) => r.fulfill({ status: 404, body: 'not found' }));
    await page.route('**/data/documents.json', (r) => r.fulfill({ status: 404, body: 'not found' }));
    await page.goto(`${baseUrl}#lang=en`);
    expect(await awaitReady(page)).toBe('ready');
    const notices = page.locator('#notices .notice');
    await page.locator('#place-list button').first().click();
    await expect.poll(() => notices.count()).toBe(1);
    expect(await notices.first().innerText()).toMatch(/data\/places\/.*\.json[\s\S]*npm run data/);
    await page.locator('#place-list button').nth(1).click();
    await expect.poll(() => notices.first().innerText()).toMatch(/\(×2\)/);
    expect(await notices.count()).toBe(1);
    expect(await page.locator('#panel').isHidden()).toBe(true);
    await page.locator('#docs-button').click();
    const failed = page.locator('#overlay .overlay-error');
    await expect.poll(() => failed.count()).toBe(1);
    expect(await failed.innerText()).toMatch(/data\/documents\.json/);
    expect(consoleErrors.filter((e) => !/404/.test(e))).toEqual([]);
    await page.close();
  });
});

describe('a place’s file, slow to arrive', () => {
  it('a selection says so while it loads, then opens the panel and focuses it', async () => {
    const { page, consoleErrors } = await watchedPage(browser);
    await page.route('**/data/places/**', async (r) => {
      await new Promise((resolve) => setTimeout(resolve, 2500));
      await r.continue();
    });
    await page.goto(`${baseUrl}#lang=en`);
    expect(await awaitReady(page)).toBe('ready');
    await page.locator('#place-list button').first().click();
    await expect.poll(() => page.locator('#status').innerText()).toBe('Loading the quotes…');
    expect(await page.locator('#panel').isHidden()).toBe(true);
    await expect.poll(() => page.locator('#panel').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.locator('#panel .panel-title').innerText()).not.toBe('');
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('panel-title'))).toBe(true);
    expect(await page.locator('#status').innerText()).toBe('');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('the boundaries file', () => {
  it.each<[string, Reply, RegExp]>([
    ['not JSON', NOT_JSON, /is not valid: not valid JSON/],
    ['a topology whose geometry points at arcs it lacks', {
      contentType: 'application/json',
      body: JSON.stringify({ type: 'Topology', arcs: [], objects: Object.fromEntries(['districts', 'context', 'outlines', 'labels', 'extents'].map((k) => [k, { type: 'GeometryCollection', geometries: k === 'districts' ? [{ type: 'Polygon', arcs: [[0]], properties: { id: 'x', adcode: '1', nameZhHans: 'x', nameZhHant: 'x', nameEn: 'x' } }] : [] }])) }),
    }, /cannot be read/],
    ['an HTML page in its place', HTML_PAGE, /Could not load .*HTML page/],
  ])('%s: an error screen naming it and `npm run data:boundaries`', async (_what, reply, says) => {
    const { page, ready } = await openWith('boundaries.topo.json', reply);
    await expectErrorScreen(page, ready, 'boundaries.topo.json', 'npm run data:boundaries', says);
    await page.close();
  });
});

describe('the story file', () => {
  it.each<[string, Reply, RegExp]>([
    ['missing', NOT_FOUND, /data\/story\.json: HTTP 404/],
    ['not JSON', NOT_JSON, /data\/story\.json: not valid JSON/],
    ['JSON of the wrong shape', { contentType: 'application/json', body: '{"id": "default"}' }, /data\/story\.json: the story title/],
    ['naming a fact that does not exist', {
      contentType: 'application/json',
      body: JSON.stringify({ id: 'default', title: { zh: '演示', en: 'Tour' }, steps: [{ title: { zh: '一', en: 'One' }, fit: 'beijing', layers: ['districts'], facts: ['no-such-fact'] }] }),
    }, /step 1 \(“一”\): unknown fact id "no-such-fact"/],
  ])('%s: the map works, a notice names it, the tour button is hidden', async (_what, reply, says) => {
    const { page, ready, consoleErrors } = await openWith('story.json', reply);
    expect(ready).toBe('ready');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.locator('#notices').innerText()).toMatch(says);
    expect(await page.locator('#tour-button').isHidden()).toBe(true);
    expect(consoleErrors.filter((e) => !/story\.json|404/.test(e))).toEqual([]);
    await page.close();
  });

  it('a link into the broken story opens the map with a notice, not the tour', async () => {
    const { page, ready } = await openWith('story.json', NOT_JSON, '#tour=default&step=3&lang=en');
    expect(ready).toBe('ready');
    expect(await page.locator('#notices').innerText()).toMatch(/story\.json/);
    expect(await page.locator('#tour').isHidden()).toBe(true);
    await page.close();
  });
});

describe('a reader text', () => {
  it('missing: the reader says so and names the file; the map stays', async () => {
    const { page, ready } = await openWith('docs/001.txt', NOT_FOUND, '#doc=001&lang=en');
    expect(ready).toBe('ready');
    const error = page.locator('#reader .reader-error');
    await expect.poll(() => error.count()).toBe(1);
    expect(await error.innerText()).toMatch(/data\/docs\/001\.txt.*HTTP 404/);
    await page.close();
  });
  // The reader checks the text it receives against the facts' offsets: the highlights would
  // otherwise land on the wrong words, silently.
  it.each<[string, (real: string) => string, RegExp]>([
    ['empty', () => '', /data\/docs\/001\.txt is empty/],
    ['one character short (truncated)', (real) => real.slice(0, -1), /data\/docs\/001\.txt does not match the data \(\d+ characters where \d+ were expected\)/],
    ['from another run (same length, another sentence where a fact should be)', (real) => `某${real.slice(1, -1)}某`.replace(/。/g, '，'), /data\/docs\/001\.txt does not match the data \(\d+ quoted sentence\(s\) differ\)/],
  ])('%s: the reader says it does not match, shows no highlights, and the map stays', async (_what, change, says) => {
    const { page, consoleErrors } = await watchedPage(browser);
    await page.route('**/data/docs/001.txt', async (r) => {
      const real = await (await r.fetch()).text();
      await r.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: change(real) });
    });
    await page.goto(`${baseUrl}#doc=001&lang=en`);
    expect(await awaitReady(page)).toBe('ready');
    const error = page.locator('#reader .reader-error');
    await expect.poll(() => error.count()).toBe(1);
    expect(await error.innerText()).toMatch(says);
    expect(await error.innerText()).toContain('npm run data');
    expect(await page.locator('#reader mark, #reader .reader-fact').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
