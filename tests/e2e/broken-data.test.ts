/**
 * Broken data files, each way they break: missing, not JSON, JSON of the wrong shape, or an
 * HTML page sent in their place. The facts and boundaries are needed for the map: the page
 * shows an error naming the file and the command that rebuilds it (never a blank page), and
 * `atlas.ready` rejects. The story and the reader texts are not: the map works and a notice
 * (or the reader) says what failed.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { awaitReady, launch, watchedPage } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

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

const FACTS_CASES: Array<[string, Reply, RegExp]> = [
  ['missing', NOT_FOUND, /Could not load .*HTTP 404/],
  ['not JSON', NOT_JSON, /is not valid: not valid JSON/],
  ['JSON of the wrong shape', { contentType: 'application/json', body: '{"documents": [], "places": [], "facts": [{"id": "x"}]}' }, /is not valid: fact x /],
  ['a list, not an object', { contentType: 'application/json', body: '[1, 2]' }, /documents, places and facts lists are required/],
  ['an HTML page in its place', HTML_PAGE, /Could not load .*HTML page/],
];

describe('the facts file, opened by a link that shows its sentences', () => {
  it.each(FACTS_CASES)('%s: an error screen naming it and `npm run data`', async (_what, reply, says) => {
    const { page, ready } = await openWith('facts.json', reply, '#place=haidian&lang=en');
    await expectErrorScreen(page, ready, 'facts.json', 'npm run data', says);
    await page.close();
  });
});

describe('the facts file, broken while the overview is shown', () => {
  it('the map gets ready; one notice names the file and `npm run data`; a selection or the documents view tries again and the same notice counts it', async () => {
    const { page, ready, consoleErrors } = await openWith('facts.json', NOT_FOUND);
    expect(ready).toBe('ready');
    const notices = page.locator('#notices .notice');
    await expect.poll(() => notices.count()).toBe(1);
    expect(await notices.first().innerText()).toMatch(/data\/facts\.json[\s\S]*npm run data/);
    await page.locator('#place-list button').first().click();
    await expect.poll(() => notices.first().innerText()).toMatch(/\(×2\)/);
    await page.locator('#docs-button').click();
    await expect.poll(() => notices.first().innerText()).toMatch(/\(×3\)/);
    expect(await notices.count()).toBe(1);
    expect(await page.locator('#panel').isHidden()).toBe(true);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(consoleErrors.filter((e) => !/404/.test(e))).toEqual([]);
    await page.close();
  });
});

describe('the facts file, slow to arrive', () => {
  it('a selection made before the sentences are in says so, then opens the panel and focuses it', async () => {
    const { page, consoleErrors } = await watchedPage(browser);
    await page.route('**/data/facts.json', async (r) => {
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

// The first view's slice of the facts: the map cannot start without it.
describe('the first view’s facts index', () => {
  it.each(FACTS_CASES)('%s: an error screen naming it and `npm run data`', async (_what, reply, says) => {
    const { page, ready } = await openWith('facts-index.json', reply);
    await expectErrorScreen(page, ready, 'facts-index.json', 'npm run data', says);
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
