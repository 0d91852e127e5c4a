/**
 * A larger corpus: the document filter (kept in the URL; counts, colours and panels follow it),
 * and the atlas built from 100 copies of the seeds (a panel, search and the documents list).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openAtlas, watchedPage } from './browser.ts';
import { writeReplicatedSeeds } from '../../bench/corpus-scale.ts';
import { runCli } from '../../src/pipeline/cli.ts';
import { aggregate, PANEL_HEAD } from '../../src/place-facts.ts';
import type { FactsFile } from '../../src/types.ts';

const baseUrl = inject('baseUrl');
const facts: FactsFile = JSON.parse(readFileSync('public/data/facts.json', 'utf8'));
const seedText = new Map(facts.documents.map((d) => [d.id, readFileSync(`seeds/${d.file}`, 'utf8').replace(/^\uFEFF/, '')]));

let browser: Browser;
let tmp: string;
beforeAll(async () => {
  browser = await launch();
  // 100 copies of the seeds, each with its own id, publisher and date, through `npm run data`.
  tmp = mkdtempSync(join(tmpdir(), 'atlas-corpus-'));
  mkdirSync(join(tmp, 'seeds'));
  writeReplicatedSeeds('seeds', join(tmp, 'seeds'), 100);
  const log: string[] = [];
  const code = runCli(['--seeds', join(tmp, 'seeds'), '--out', join(tmp, 'out', 'facts.json')], { log: (l) => log.push(l), error: (l) => log.push(l) });
  expect(code, log.join('\n')).toBe(0);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const listCount = (page: Page, id: string) =>
  page.locator(`#place-list button[data-place="${id}"] .place-count`).innerText().then((s) => Number(s.replace(/\D/g, '')));
const hashParam = (page: Page, key: string) => page.evaluate((k) => new URLSearchParams(location.hash.slice(1)).get(k), key);
/** What the counting rule gives a place over the facts of some documents: facts.json counted directly. */
const expectedCount = (place: string, docs: (d: FactsFile['documents'][number]) => boolean) => {
  const ids = new Set(facts.documents.filter(docs).map((d) => d.id));
  return aggregate(facts.places, facts.facts.filter((f) => ids.has(f.doc))).count(place);
};

describe('the document filter', () => {
  const publisher = facts.documents.find((d) => facts.documents.filter((x) => x.publisher === d.publisher).length < facts.documents.length)!.publisher;
  const ofPublisher = (d: FactsFile['documents'][number]) => d.publisher === publisher;

  it('set in the documents view: the URL keeps it, the place list, the map and the panel count only those documents, and a reload restores it', async () => {
    const { page, consoleErrors } = await openAtlas(browser, `${baseUrl}#view=docs&lang=en`);
    await page.evaluate(() => window.atlas.sentences());
    const before = await listCount(page, 'haidian');
    expect(before).toBe(expectedCount('haidian', () => true));
    await page.locator('.docs-filter select').first().selectOption(publisher);
    await expect.poll(() => hashParam(page, 'pub')).toBe(publisher);
    const want = expectedCount('haidian', ofPublisher);
    expect(want).toBeLessThan(before);
    await expect.poll(() => listCount(page, 'haidian'), { timeout: 10_000 }).toBe(want);
    // The map's colour follows from the same number (the district's feature-state count).
    await expect.poll(() => page.evaluate(() => window.atlas.map!.getFeatureState({ source: 'districts', id: 'haidian' }).count), { timeout: 10_000 }).toBe(want);
    // Documents the filter leaves out are marked, and the form says how many count.
    const counts = await page.locator('tr[data-doc]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.counts));
    expect(counts).toEqual(facts.documents.map((d) => String(ofPublisher(d))));
    const line = `${facts.documents.filter(ofPublisher).length} of ${facts.documents.length} documents count`;
    expect(await page.locator('.filter-line').innerText()).toBe(line);
    // The legend, beside the colours, says the counts are filtered.
    expect(await page.locator('#legend .legend-filter span').innerText()).toBe(line);

    // The same link, opened afresh on a place: the panel counts and quotes only those documents.
    const url = page.url().replace(/view=docs&?/, '').replace('#', '#place=haidian&');
    const again = await openAtlas(browser, url);
    await again.page.evaluate(() => window.atlas.sentences());
    expect(await listCount(again.page, 'haidian')).toBe(want);
    expect(await again.page.locator('#panel .panel-count').innerText()).toMatch(new RegExp(`^${want} facts`));
    // Every section open (their quotes are built when first opened).
    for (const summary of await again.page.locator('#panel details > summary').all()) await summary.click();
    const cited = await again.page.locator('#panel cite.citation').allTextContents();
    expect(cited.length).toBeGreaterThan(0);
    const titles = facts.documents.filter(ofPublisher).map((d) => d.title);
    for (const c of cited) expect(titles.some((t) => c.includes(t)), `${c} not in ${titles.join(" | ")}`).toBe(true);

    // Cleared: back to every document.
    await page.locator('.docs-filter .filter-clear').click();
    await expect.poll(() => hashParam(page, 'pub')).toBeNull();
    await expect.poll(() => listCount(page, 'haidian'), { timeout: 10_000 }).toBe(before);
    expect(consoleErrors).toEqual([]);
    expect(again.consoleErrors).toEqual([]);
    await again.page.close();
    await page.close();
  });

  it('from a link naming no document’s publisher: every count is 0 and the documents view says why', async () => {
    const { page } = await openAtlas(browser, `${baseUrl}#view=docs&pub=${encodeURIComponent('无此发布者')}`);
    await page.evaluate(() => window.atlas.sentences());
    expect(await listCount(page, 'haidian')).toBe(0);
    await expect.poll(() => page.locator('.filter-line').innerText()).toBe('没有文件符合筛选条件，所有计数为 0。');
    expect(await page.locator('#legend .legend-filter span').innerText()).toBe('没有文件符合筛选条件，所有计数为 0。');
    // Cleared from the legend (the documents view closed first: it lies over the map and legend).
    await page.keyboard.press('Escape');
    await page.locator('#legend .legend-filter button').click();
    await expect.poll(() => hashParam(page, 'pub')).toBeNull();
    await expect.poll(() => listCount(page, 'haidian'), { timeout: 10_000 }).toBe(expectedCount('haidian', () => true));
    expect(await page.locator('#legend .legend-filter').count()).toBe(0);
    await page.close();
  });
});

describe('100 copies of the seeds', () => {
  /** The atlas with the 100× build's data in place of the built one (the boundaries are the build's). */
  const open100 = async (hash: string) => {
    const { page, consoleErrors } = await watchedPage(browser);
    await page.route('**/data/**', (r) => {
      const path = decodeURIComponent(new URL(r.request().url()).pathname).replace(/^.*?\/data\//, '');
      if (path === 'boundaries.topo.json' || path === 'story.json') return r.continue();
      const file = join(tmp, 'out', path);
      const type = path.endsWith('.txt') ? 'text/plain; charset=utf-8' : 'application/json';
      return existsSync(file) ? r.fulfill({ contentType: type, body: readFileSync(file) }) : r.fulfill({ status: 404, body: '' });
    });
    await page.goto(`${baseUrl}${hash}`);
    expect(await page.evaluate(() => window.atlas.ready.then(() => 'ready', (e: Error) => `error: ${e.message}`))).toBe('ready');
    await page.evaluate(() => window.atlas.sentences());
    return { page, consoleErrors };
  };
  const summary = () => JSON.parse(readFileSync(join(tmp, 'out', 'summary.json'), 'utf8'));

  it('opens a panel with the place’s count over the whole corpus, its first facts (exact sentences of the seeds), and a way to all of them', async () => {
    const { page, consoleErrors } = await open100('#place=haidian&lang=en');
    const n = summary().tallies.haidian.n as number;
    expect(n).toBe(100 * expectedCount('haidian', () => true));
    expect(await page.locator('#panel .panel-title').innerText()).toBe('Haidian District');
    expect(await page.locator('#panel .panel-count').innerText()).toMatch(new RegExp(`^${n.toLocaleString('en-US').replace(/,/g, ',?')} facts`));
    const quotes = await page.locator('#panel blockquote.quote').allInnerTexts();
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.length).toBeLessThanOrEqual(PANEL_HEAD + 3);
    for (const q of quotes.slice(0, 10)) expect([...seedText.values()].some((t) => t.includes(q)), q).toBe(true);
    await expect.poll(() => page.locator('#panel .panel-show-all').innerText()).toMatch(/^Show all/);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('shows all of a smaller place’s facts on demand, and the place list counts the whole corpus', async () => {
    const s = summary();
    // A place with more facts than a panel shows first, but few enough to draw all of them here.
    const [id] = Object.entries(s.tallies as Record<string, { n: number; l: number }>)
      .filter(([p, t]) => s.files[p].head !== s.files[p].all && t.n + t.l < 1000)
      .sort((a, b) => a[1].n + a[1].l - (b[1].n + b[1].l))[0];
    const { page } = await open100(`#place=${id}&lang=en`);
    const total = s.tallies[id].n + s.tallies[id].l;
    await page.locator('#panel .panel-show-all').click();
    await expect.poll(() => page.locator('#panel blockquote.quote').count(), { timeout: 20_000 }).toBeGreaterThan(PANEL_HEAD);
    expect(await page.locator('#panel .panel-show-all').count()).toBe(0);
    expect(await page.locator('#panel blockquote.quote').count()).toBeLessThanOrEqual(total);
    expect(await listCount(page, 'haidian')).toBe(s.tallies.haidian.n);
    await page.close();
  });

  it('searches every sentence through the sharded index, fetching only part of it', async () => {
    const { page } = await open100('#lang=en');
    const fetched: string[] = [];
    page.on('request', (r) => r.url().includes('/data/search/') && fetched.push(r.url()));
    await page.locator('#search').fill('轨道交通创新中心');
    await expect.poll(() => page.locator('#search-results .search-fact').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    for (const d of await page.locator('#search-results .search-fact .search-detail').allInnerTexts()) expect(d).toContain('軌道交通創新中心');
    const meta = JSON.parse(readFileSync(join(tmp, 'out', 'search', 'meta.json'), 'utf8'));
    expect(fetched.length).toBeLessThan((meta.grams.length + meta.texts.length) / 4);
    await page.close();
  });

  it('lists the 500 documents, and filters them by year', async () => {
    const { page } = await open100('#view=docs&lang=en');
    await expect.poll(() => page.locator('tr[data-doc]').count(), { timeout: 20_000 }).toBe(500);
    await page.locator('.docs-filter input').first().fill('2024');
    await page.locator('.docs-filter input').first().press('Enter');
    await page.locator('.docs-filter input').first().blur();
    await expect.poll(() => hashParam(page, 'from')).toBe('2024');
    await expect.poll(() => page.locator('tr[data-counts="true"]').count()).toBeLessThan(500);
    await page.close();
  });
});
