/** Presenting and reading: the tour with clicker keys, the reader synced with the map, export and charts. */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { DOMParser } from '@xmldom/xmldom';
import { awaitReady, openAtlas } from './browser.ts';
import { useBrowser } from './use-browser.ts';
import { distinctColours, expectLikeReference } from './screenshot.ts';
import { indexFacts } from '../../src/app/data/atlas-data.ts';

const baseUrl = inject('baseUrl');
const data = indexFacts(JSON.parse(readFileSync('public/data/facts.json', 'utf8')));
let browser: Browser;
useBrowser((b) => (browser = b));

const open = (hash = '', viewport?: { width: number; height: number }) => openAtlas(browser, `${baseUrl}${hash}`, viewport);
const hashParam = (page: Page, key: string) => page.evaluate((k) => new URLSearchParams(location.hash.slice(1)).get(k), key);
const stepText = (page: Page) => page.locator('#tour .tour-progress-text').innerText();

describe('the tour', () => {
  it('steps forward with → and PageDown, back with ←, and keeps the step in the URL', async () => {
    const { page, consoleErrors } = await open();
    await page.locator('#tour-button').click();
    await expect.poll(() => hashParam(page, 'step'), { timeout: 10_000 }).toBe('1');
    const count = Number((await stepText(page)).split('/')[1]);
    expect(count).toBeGreaterThanOrEqual(10);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => hashParam(page, 'step')).toBe('2');
    await page.keyboard.press('PageDown');
    await expect.poll(() => hashParam(page, 'step')).toBe('3');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => hashParam(page, 'step')).toBe('2');
    await page.keyboard.press('End');
    await expect.poll(() => hashParam(page, 'step')).toBe(String(count));
    await page.keyboard.press('Home');
    await expect.poll(() => hashParam(page, 'step'), { timeout: 10_000 }).toBe('1');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('reopens a shared link at its step, with captions quoted from the documents', async () => {
    const { page } = await open('#tour=default&step=4');
    await expect.poll(() => stepText(page)).toMatch(/^4 \//);
    const captions = await page.locator('#tour .tour-captions blockquote, #tour .tour-captions .quote').allInnerTexts();
    expect(captions.length).toBeGreaterThan(0);
    const texts = [...data.facts.values()].map((f) => f.text);
    for (const c of captions) expect(texts).toContain(c.trim());
    await page.reload();
    expect(await awaitReady(page)).toBe('ready');
    await expect.poll(() => stepText(page)).toMatch(/^4 \//);
    await page.close();
  });

  it('asks for full screen with F, and leaves with Esc', async () => {
    const { page } = await open('#tour=default&step=1');
    await page.evaluate(() => {
      (window as unknown as { fsAsked: number }).fsAsked = 0;
      const original = Element.prototype.requestFullscreen;
      Element.prototype.requestFullscreen = function (this: Element, ...a: Parameters<typeof original>) {
        (window as unknown as { fsAsked: number }).fsAsked++;
        return original.apply(this, a);
      };
    });
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => (window as unknown as { fsAsked: number }).fsAsked)).toBe(1);
    await page.evaluate(() => (document.fullscreenElement ? document.exitFullscreen() : null));
    await page.keyboard.press('Escape');
    await expect.poll(() => hashParam(page, 'tour')).toBeNull();
    expect(await page.locator('body').getAttribute('class')).not.toContain('presenting');
    await page.close();
  });

  it('looks as stored on a projector-sized screen', async () => {
    const { page } = await open('#tour=default&step=3', { width: 1600, height: 900 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.evaluate(() => new Promise((r) => setTimeout(r, 800)));
    await expect.poll(() => page.evaluate(() => window.atlas.map!.loaded() && !window.atlas.map!.isMoving())).toBe(true);
    const png = await page.screenshot();
    expectLikeReference('tour-step-3', png);
    await page.close();
  });
});

describe('the document reader', () => {
  it('selects the place of a highlighted mention on the map', async () => {
    const { page } = await open('#place=fengtai');
    await page.locator('#panel .panel-role .read-button').first().click();
    const mention = page.locator('#reader .mention').first();
    await expect.poll(() => mention.count()).toBeGreaterThan(0);
    const id = await mention.getAttribute('data-place');
    await mention.click();
    await expect.poll(() => hashParam(page, 'place')).toBe(id);
    await expect.poll(() => page.locator('#reader').isHidden()).toBe(true);
    await page.close();
  });

  it('lists every document with its facts and places', async () => {
    const { page } = await open('#view=docs');
    const rows = await page.locator('#overlay tbody tr').count();
    expect(rows).toBe(data.documents.size);
    expect(await page.locator('#overlay').innerText()).toContain(String(data.file.facts.filter((f) => f.doc === '004').length));
    await page.close();
  });
});

describe('export', () => {
  const exportVia = async (page: Page, item: string) => {
    await page.locator('#export-button').click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.locator(`[data-export="${item}"]`).click()]);
    const path = await download.path();
    return readFileSync(path!);
  };

  it('writes a PNG at 2× with twice the map’s width, not blank', async () => {
    const { page } = await open();
    const cssWidth = await page.evaluate(() => window.atlas.map!.getCanvas().getBoundingClientRect().width);
    const png = PNG.sync.read(await exportVia(page, 'png-2'));
    expect(png.width).toBe(Math.round(cssWidth * 2));
    expect(png.height).toBeGreaterThan(cssWidth); // map plus title and legend bands
    expect(distinctColours(PNG.sync.write(png))).toBeGreaterThan(50);
    expect(await page.evaluate(() => window.atlas.map!.getPixelRatio())).toBe(1);
    await page.close();
  }, 90_000);

  it('writes an SVG that parses and draws every layer the map shows: the 16 districts, extents, links, sub-parks, facilities with halos, labels', async () => {
    const { page } = await open();
    const svg = (await exportVia(page, 'svg')).toString('utf8');
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.documentElement?.nodeName).toBe('svg');
    const paths = Array.from(doc.getElementsByTagName('path')).filter((p) => p.getAttribute('id')?.startsWith('district-'));
    expect(paths.map((p) => p.getAttribute('id')!.slice('district-'.length)).sort()).toEqual([...data.places.values()].filter((p) => p.kind === 'district').map((p) => p.id).sort());
    // Every style layer the map has visible with features on screen is a group in the SVG.
    const shown: string[] = await page.evaluate(() => {
      const map = window.atlas.map!;
      const ids = map.getStyle().layers.filter((l) => l.type !== 'background' && l.type !== 'symbol' && map.getLayoutProperty(l.id, 'visibility') !== 'none').map((l) => l.id);
      // districts-selected holds every district but draws only the selected one: none here.
      return ids.filter((id) => id !== 'districts-selected' && map.queryRenderedFeatures({ layers: [id] }).length > 0);
    });
    expect(shown).toEqual(expect.arrayContaining(['districts-fill', 'science-cities-line', 'sub-parks-dot', 'facilities-dot', 'facilities-halo']));
    for (const id of shown) expect(doc.getElementById(`layer-${id}`)?.getElementsByTagName('*').length ?? 0, id).toBeGreaterThan(0);
    expect(doc.getElementById('layer-districts-label')?.getElementsByTagName('text').length).toBeGreaterThanOrEqual(14);
    await page.close();
  });
});

describe('charts', () => {
  it('draws one bar per district whose segments add up to the district’s facts', async () => {
    const { page } = await open('#view=charts');
    const drawn = await page.locator('#overlay [data-district][data-count]').evaluateAll((els) => {
      const sums: Record<string, number> = {};
      for (const e of els) sums[e.getAttribute('data-district')!] = (sums[e.getAttribute('data-district')!] ?? 0) + Number(e.getAttribute('data-count'));
      return sums;
    });
    const expected = Object.fromEntries([...data.districtCounts()].filter(([, n]) => n > 0));
    expect(drawn).toEqual(expected);
    await page.close();
  });

  it('selects a district from its bar', async () => {
    const { page } = await open('#view=charts');
    await page.locator('#overlay .chart-bar[data-district="haidian"]').click();
    await expect.poll(() => hashParam(page, 'place')).toBe('haidian');
    await expect.poll(() => page.locator('#overlay').isHidden()).toBe(true);
    await page.close();
  });
});
