/**
 * Without WebGL the atlas draws an SVG map (src/app/svg-map/) from the same data, with the same
 * panel, search, theme and URL state, and says in one line why. WebGL is taken away by an init
 * script that makes getContext return null for every WebGL kind (2D canvases keep working);
 * a lost context is caused with WEBGL_lose_context on the running MapLibre map.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { awaitReady, watchedPage, withoutWebgl, type Watched } from './browser.ts';
import { useBrowser } from './use-browser.ts';
import { expectLikeReference } from './screenshot.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

useBrowser((b) => (browser = b));

/** A page where no canvas gives out a WebGL context, as in a browser without WebGL. */
async function openWithoutWebgl(hash = '', viewport?: { width: number; height: number }): Promise<Watched> {
  const w = await watchedPage(browser, viewport);
  await withoutWebgl(w.page);
  await w.page.emulateMedia({ reducedMotion: 'reduce' });
  await w.page.goto(`${baseUrl}${hash}`);
  expect(await awaitReady(w.page)).toBe('ready');
  return w;
}

const panelTitle = (page: Page) => page.locator('#panel .panel-title').innerText();
const hashParam = (page: Page, key: string) => page.evaluate((k) => new URLSearchParams(location.hash.slice(1)).get(k), key);
const viewBox = (page: Page) => page.locator('#map svg.svg-map').getAttribute('viewBox');
const districtFills = (page: Page) =>
  page.locator('#map path.district').evaluateAll((ps) => Object.fromEntries(ps.map((p) => [p.getAttribute('data-place'), p.getAttribute('fill')])));

/** A screen point where `selector` is the topmost element (a district's middle may be under a dot or a label). */
async function pointOn(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const at = await page.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    const r = el.getBoundingClientRect();
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    const hits: Array<{ x: number; y: number; d: number }> = [];
    for (let i = 1; i < 24; i++) {
      for (let j = 1; j < 24; j++) {
        const x = r.left + (r.width * i) / 24;
        const y = r.top + (r.height * j) / 24;
        if (document.elementFromPoint(x, y) === el) hits.push({ x, y, d: Math.hypot(x - cx, y - cy) });
      }
    }
    return hits.sort((a, b) => a.d - b.d)[0] ?? null;
  }, selector);
  if (!at) throw new Error(`nothing of ${selector} can be clicked`);
  return at;
}

describe('without WebGL: the SVG map', () => {
  it('draws the map as SVG and says why in one line', async () => {
    const { page, consoleErrors } = await openWithoutWebgl('#lang=en');
    expect(await page.evaluate(() => ({ renderer: window.atlas.renderer, map: window.atlas.map }))).toEqual({ renderer: 'svg', map: null });
    const notice = page.locator('#map .svg-map-notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toBe('Simplified SVG map: this browser has no WebGL2.');
    const { height, lineHeight } = await notice.evaluate((el) => ({ height: el.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(el).lineHeight) || 20 }));
    expect(height).toBeLessThan(lineHeight * 1.5 + 16);
    // The map's own notice and attribution stay, and no error screen is shown.
    expect(await page.locator('#notice').innerText()).toContain('Schematic map');
    expect(await page.locator('#map .svg-map-attrib').innerText()).toContain('ECharts 4.9.0');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('draws the 16 districts, the 三城一区 extents, the sub-parks and the Jing-Jin-Ji links', async () => {
    const { page } = await openWithoutWebgl();
    const districts = await page.locator('#map path.district').evaluateAll((ps) => ps.map((p) => [p.getAttribute('data-place'), p.getAttribute('data-adcode'), (p.getAttribute('d') ?? '').length]));
    expect(districts).toHaveLength(16);
    expect(new Map(districts.map(([id, adcode]) => [id, adcode])).get('haidian')).toBe('110108');
    for (const [id, , length] of districts) expect(Number(length), String(id)).toBeGreaterThan(100);
    const extents = await page.locator('#map .extent').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-place')));
    expect(extents).toEqual(expect.arrayContaining(['zgc-science-city', 'huairou-science-city', 'future-science-city', 'beijing-etda']));
    expect(await page.locator('#map .pin[data-source="sub-parks"]').count()).toBe(16);
    expect(await page.locator('#map .pin[data-source="facilities"]').count()).toBeGreaterThan(10);
    const links = await page.locator('#map .link').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-kind')));
    expect(links.length).toBeGreaterThan(3);
    expect(new Set(links)).toEqual(new Set(['zgc-park', 'integration', 'cooperation']));
    expect(await page.locator('#map .pin[data-source="national"]').count()).toBeGreaterThan(0);
    // Names come from data as text: district labels and <title>s.
    expect(await page.locator('#map .labels text').allTextContents()).toContain('海淀区');
    expect(await page.locator('#map path.district[data-place="haidian"] title').textContent()).toMatch(/^海淀区，\d+ 条事实$/);
    await page.close();
  });

  it('opens a clicked district’s panel with its name and facts, outlines it and zooms to it', async () => {
    const { page, consoleErrors } = await openWithoutWebgl();
    const before = await viewBox(page);
    const at = await pointOn(page, '#map path.district[data-place="changping"]');
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => page.locator('#map .hover-outline').getAttribute('d')).not.toBe('');
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => hashParam(page, 'place')).toBe('changping');
    await expect.poll(() => panelTitle(page)).toBe('昌平区');
    expect(await page.locator('#panel .quote').count()).toBeGreaterThan(0);
    // The map follows once the panel has painted.
    await expect.poll(() => page.locator('#map .marked-outline.is-selected').count()).toBe(1);
    await expect.poll(() => viewBox(page)).not.toBe(before);
    // The camera goes into the URL, as the WebGL map's does.
    await expect.poll(() => hashParam(page, 'cam')).not.toBeNull();
    // Closed, the panel gives its column back to the map; the reset button shows all of Beijing again.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#panel').isHidden()).toBe(true);
    await page.locator('#map .svg-map-reset').click();
    await expect.poll(() => viewBox(page)).toBe(before);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('selects a district from the keyboard: Tab to its path, Enter', async () => {
    const { page } = await openWithoutWebgl();
    await page.locator('#map path.district[data-place="fengtai"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panelTitle(page)).toBe('丰台区');
    await page.close();
  });

  it('selects a searched place and opens its panel', async () => {
    const { page } = await openWithoutWebgl();
    await page.locator('#search').fill('亦庄');
    await expect.poll(() => page.locator('#search-results [role="option"]').first().innerText()).toContain('北京经济技术开发区');
    await page.locator('#search').press('ArrowDown');
    await page.locator('#search').press('Enter');
    await expect.poll(() => hashParam(page, 'place')).toBe('beijing-etda');
    await expect.poll(() => panelTitle(page)).toBe('北京经济技术开发区');
    expect(await page.locator('#map .extent.is-selected').getAttribute('data-place')).toBe('beijing-etda');
    await page.close();
  });

  it('recolours the districts for a theme from the legend, hides a layer, and keeps both in the URL', async () => {
    const { page } = await openWithoutWebgl();
    const all = await districtFills(page);
    await page.locator('#legend .theme-select').selectOption('quantum');
    await expect.poll(() => hashParam(page, 'topic')).toBe('quantum');
    const quantum = await districtFills(page);
    expect(Object.keys(quantum)).toHaveLength(16);
    expect(Object.entries(quantum).filter(([id, fill]) => all[id!] !== fill).length).toBeGreaterThan(0);
    await page.locator('#legend input[data-layer="sub-parks"]').uncheck();
    await expect.poll(() => page.locator('#map .pin[data-source="sub-parks"]').first().isVisible()).toBe(false);
    await expect.poll(() => hashParam(page, 'layers')).toBe('districts,science-cities,jjj,facilities');
    await page.close();
  });

  it('reopens a shared link: place, theme and camera', async () => {
    const { page, consoleErrors } = await openWithoutWebgl('#place=haidian&topic=ai&cam=116.3,40.0,10');
    await expect.poll(() => panelTitle(page)).toBe('海淀区');
    expect(await page.locator('#legend .theme-select').inputValue()).toBe('ai');
    expect(await page.locator('#map path.district[data-place="haidian"]').getAttribute('class')).toContain('is-selected');
    // Zoom 10 is one CSS pixel per projected unit: the viewBox is as wide as the map.
    const [, , w] = (await viewBox(page))!.split(' ').map(Number);
    const mapWidth = await page.locator('#map').evaluate((el) => el.clientWidth);
    expect(w).toBeCloseTo(mapWidth, 0);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('zooms with the wheel around the pointer, pans by dragging (without selecting), and writes the camera to the URL', async () => {
    const { page } = await openWithoutWebgl();
    const box = async () => (await viewBox(page))!.split(' ').map(Number);
    const before = await box();
    const map = (await page.locator('#map').boundingBox())!;
    await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2);
    await page.mouse.wheel(0, -400);
    await expect.poll(async () => (await box())[2]).toBeLessThan(before[2] * 0.8);
    await expect.poll(() => hashParam(page, 'cam')).toMatch(/^116\.\d+,(39|40)\.\d+,\d+(\.\d+)?$/);
    const zoomed = await box();
    // A drag that starts on a district moves the map and does not select the district.
    await page.mouse.down();
    await page.mouse.move(map.x + map.width / 2 + 60, map.y + map.height / 2 + 30, { steps: 6 });
    await page.mouse.up();
    const panned = await box();
    expect(panned[0]).toBeLessThan(zoomed[0]);
    expect(panned[1]).toBeLessThan(zoomed[1]);
    expect(panned[2]).toBeCloseTo(zoomed[2], 3);
    await page.waitForTimeout(100);
    // The store says at once that nothing was selected (the URL follows a frame later).
    expect(await page.evaluate(() => window.atlas.state()?.place ?? null)).toBeNull();
    expect(await hashParam(page, 'place')).toBeNull();
    expect(await page.locator('#panel').isHidden()).toBe(true);
    await page.close();
  });

  it('exports the SVG and offers no PNG (there is no WebGL canvas to read)', async () => {
    const { page, consoleErrors } = await openWithoutWebgl();
    await page.locator('#export-button').click();
    expect(await page.locator('[data-export="png-1"]').isVisible()).toBe(false);
    expect(await page.locator('[data-export="svg"]').isVisible()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="svg"]').click()]);
    const svg = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
    expect(svg.match(/<path id="district-/g)).toHaveLength(16);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('presents the story: steps select their places and move the view', async () => {
    const { page, consoleErrors } = await openWithoutWebgl();
    const before = await viewBox(page);
    await page.locator('#tour-button').click();
    await expect.poll(() => hashParam(page, 'step'), { timeout: 10_000 }).toBe('1');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => hashParam(page, 'step')).toBe('2');
    await expect.poll(() => viewBox(page)).not.toBe(before);
    await page.keyboard.press('Escape');
    await expect.poll(() => hashParam(page, 'tour')).toBeNull();
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('looks like the stored SVG overview: not blank, within 3% of the reference pixels', async () => {
    const { page } = await openWithoutWebgl();
    const png = await page.locator('#map').screenshot();
    expectLikeReference('fallback-overview', png);
    await page.close();
  });
});

describe('when the WebGL context is lost', () => {
  it('switches to the SVG map, keeping the selection, theme and layers', async () => {
    const { page, consoleErrors } = await watchedPage(browser);
    await page.goto(`${baseUrl}#place=haidian&topic=ai&layers=districts,jjj&lang=en`);
    expect(await awaitReady(page)).toBe('ready');
    expect(await page.evaluate(() => window.atlas.renderer)).toBe('webgl');
    await expect.poll(() => panelTitle(page)).toBe('Haidian District');
    await page.evaluate(() => window.atlas.map!.getCanvas().getContext('webgl2')!.getExtension('WEBGL_lose_context')!.loseContext());
    await expect.poll(() => page.evaluate(() => window.atlas.renderer)).toBe('svg');
    expect(await page.evaluate(() => window.atlas.map)).toBeNull();
    expect(await page.locator('#map .svg-map-notice').innerText()).toBe('Simplified SVG map: the WebGL context was lost.');
    expect(await page.locator('#map canvas.maplibregl-canvas').count()).toBe(0);
    expect(await page.locator('#map path.district').count()).toBe(16);
    expect(await page.locator('#map path.district[data-place="haidian"]').getAttribute('class')).toContain('is-selected');
    expect(await page.locator('#map .pin[data-source="sub-parks"]').first().isVisible()).toBe(false);
    expect(await page.evaluate(() => window.atlas.state())).toMatchObject({ place: 'haidian', topic: 'ai', layers: ['districts', 'jjj'], lang: 'en' });
    expect(await panelTitle(page)).toBe('Haidian District');
    // The map keeps working: another district opens from the SVG.
    const at = await pointOn(page, '#map path.district[data-place="chaoyang"]');
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => panelTitle(page)).toBe('Chaoyang District');
    await page.locator('#export-button').click();
    expect(await page.locator('[data-export="png-1"]').isVisible()).toBe(false);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
