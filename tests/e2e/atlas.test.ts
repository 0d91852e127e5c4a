/** The atlas as people use it: click districts, read panels, search, filter, share links, switch layers. */
import { describe, expect, inject, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { openAtlas } from './browser.ts';
import { useBrowser } from './use-browser.ts';
import { expectLikeReference } from './screenshot.ts';

const baseUrl = inject('baseUrl');
const seedTexts = readdirSync('seeds').filter((f) => f.endsWith('.txt')).map((f) => readFileSync(`seeds/${f}`, 'utf8').replace(/^\uFEFF/, ''));
const inSomeSeed = (quote: string) => seedTexts.some((t) => t.includes(quote));
const districts: Array<{ id: string; name: string }> = JSON.parse(readFileSync('geo/places.json', 'utf8')).places
  .filter((p: { kind: string }) => p.kind === 'district')
  .map((p: { id: string; names: { zhHans: string } }) => ({ id: p.id, name: p.names.zhHans }));

let browser: Browser;
useBrowser((b) => (browser = b));

const open = (hash = '', viewport?: { width: number; height: number }) => openAtlas(browser, `${baseUrl}${hash}`, viewport);

/** Screen position of a lon/lat on the map canvas. */
const screenAt = (page: Page, lonLat: [number, number]) =>
  page.evaluate((ll) => {
    const m = window.atlas.map!;
    const { x, y } = m.project(ll);
    const r = m.getCanvas().getBoundingClientRect();
    return { x: r.left + x, y: r.top + y };
  }, lonLat);

/** Waits until the map has finished moving and drawing (an 'idle' listener could miss an idle that already happened). */
const settle = (page: Page) =>
  expect.poll(() => page.evaluate(() => window.atlas.map!.loaded() && !window.atlas.map!.isMoving()), { timeout: 10_000 }).toBe(true);

const panelTitle = (page: Page) => page.locator('#panel .panel-title').innerText();
const placeInUrl = (page: Page) => page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('place'));

describe('clicking a district', () => {
  it('opens a panel for each of the 16 districts with its name and quotes cut from the seeds (or says honestly there are none), its count the same on the map, the legend, the place list and the panel', async () => {
    // Only the district layer, so points on top do not take the click; label points lie inside their district.
    const { page, consoleErrors } = await open('#layers=districts');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const labels: Array<{ id: string; at: [number, number] }> = await page.evaluate(() =>
      window.atlas.map!.querySourceFeatures('labels').filter((f) => f.properties.level === 'district')
        .map((f) => ({ id: f.properties.id as string, at: (f.geometry as GeoJSON.Point).coordinates as [number, number] })),
    );
    const seen = new Set<string>();
    const totals = new Map<string, number>();
    for (const d of districts) {
      const label = labels.find((l) => l.id === d.id)!;
      await page.evaluate((ll) => window.atlas.map!.jumpTo({ center: ll, zoom: 9.5 }), label.at);
      await settle(page);
      const pt = await screenAt(page, label.at);
      await page.mouse.click(pt.x, pt.y);
      await expect.poll(() => placeInUrl(page), { timeout: 5000 }).toBe(d.id);
      await expect.poll(() => panelTitle(page)).toBe(d.name);
      // The place list marks the selection (and makes it its Tab stop) without being rebuilt.
      expect(await page.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('#place-list [aria-current="true"]')].map((b) => [b.dataset.place, b.tabIndex]))).toEqual([[d.id, 0]]);
      const quotes = await page.locator('#panel .quote').allTextContents();
      if (quotes.length === 0) {
        expect(await page.locator('#panel .panel-empty').innerText()).not.toBe('');
      } else {
        for (const q of quotes) expect(inSomeSeed(q), q).toBe(true);
      }
      // One number everywhere: the map's colour class, the legend's class, the place list and the panel's total.
      const agree = await page.evaluate((id) => {
        const map = window.atlas.map!;
        const count = Number(map.getFeatureState({ source: 'districts', id }).count ?? 0);
        const findStep = (e: unknown): unknown[] | null => Array.isArray(e) ? (e[0] === 'step' ? e : e.map(findStep).find((x) => x) ?? null) : null;
        const step = findStep(map.getPaintProperty('districts-fill', 'fill-color'))!;
        let mapColour = step[2] as string;
        for (let i = 3; i < step.length; i += 2) if (count >= (step[i] as number)) mapColour = step[i + 1] as string;
        const legend = [...document.querySelectorAll<HTMLElement>('#legend .legend-class')]
          .find((li) => Number(li.dataset.min) <= count && count <= Number(li.dataset.max));
        const legendColour = legend?.querySelector<HTMLElement>('.legend-symbol')?.style.getPropertyValue('--sym-colour');
        const listed = document.querySelector(`#place-list [data-place="${id}"] .place-count`)?.textContent ?? '';
        const panel = document.querySelector('#panel .panel-count')?.textContent ?? '';
        return { count, mapColour, legendColour, list: Number(listed.match(/\d+/)?.[0]), panel: Number(panel.match(/\d+/)?.[0]) };
      }, d.id);
      expect(agree.legendColour, d.id).toBe(agree.mapColour);
      expect([agree.list, agree.panel], d.id).toEqual([agree.count, agree.count]);
      totals.set(d.id, agree.count);
      seen.add(d.id);
    }
    expect(seen.size).toBe(16);
    // 密云区: the documents say nothing about it, so it is in the zero class, and its panel says so.
    expect(totals.get('miyun')).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 240_000);

  it('leads 海淀区’s panel with the role of 中关村科学城, labelled, and lists the places in it with counts that match their quotes', async () => {
    const { page } = await open('#place=haidian');
    await expect.poll(() => panelTitle(page)).toBe('海淀区');
    expect(await page.locator('#panel .panel-role .role-of').first().innerText()).toBe('中关村科学城的定位');
    const sections = page.locator('#panel .panel-within details.place-facts');
    expect(await sections.count()).toBeGreaterThan(3);
    const first = sections.first();
    await first.locator('summary').click();
    const shown = Number(await first.locator('summary .group-count').getAttribute('data-count'));
    expect(await first.locator('.quote').count()).toBe(shown);
    await page.close();
  });

  it('says 密云区 has no facts of its own, names the places in it, and keeps group mentions collapsed', async () => {
    const { page } = await open('#place=miyun');
    await expect.poll(() => panelTitle(page)).toBe('密云区');
    const empty = await page.locator('#panel .panel-empty').innerText();
    expect(empty).toContain('密云园');
    expect(empty).toContain('怀柔科学城');
    expect(await page.locator('#panel .panel-group-mentions').getAttribute('open')).toBeNull();
    await page.close();
  });

  it('leads 丰台区’s panel with its role: 轨道交通', async () => {
    const { page } = await open('#place=fengtai');
    await expect.poll(() => panelTitle(page)).toBe('丰台区');
    expect(await page.locator('#panel .panel-role').innerText()).toMatch(/軌道交通|轨道交通/);
    await page.close();
  });

  it('shows 怀柔科学城’s large science facility facts', async () => {
    const { page } = await open('#place=huairou-science-city');
    await expect.poll(() => panelTitle(page)).toBe('怀柔科学城');
    expect(await page.locator('#panel').innerText()).toMatch(/大科學裝置|大科学装置|科学设施|科學設施|科技基础设施|科技基礎設施/);
    expect(await page.locator('#panel').innerText()).toMatch(/示意范围|schematic/i);
    await page.close();
  });
});

describe('search', () => {
  it('finds 北京经济技术开发区 for 亦庄 and selects it with Enter', async () => {
    const { page } = await open();
    await page.locator('#search').fill('亦庄');
    await expect.poll(() => page.locator('#search-results [role="option"]').first().innerText()).toContain('北京经济技术开发区');
    await page.locator('#search').press('ArrowDown');
    await page.locator('#search').press('Enter');
    await expect.poll(() => placeInUrl(page)).toBe('beijing-etda');
    await expect.poll(() => panelTitle(page)).toBe('北京经济技术开发区');
    await page.close();
  });

  it('finds a sentence of the Traditional-script plan from a Simplified query, shown as written', async () => {
    const { page } = await open();
    await page.evaluate(() => window.atlas.sentences());
    await page.locator('#search').fill('轨道交通创新中心');
    await expect.poll(() => page.locator('#search-results .search-fact .search-detail').allInnerTexts(), { timeout: 10_000 }).toEqual([
      expect.stringContaining('軌道交通創新中心'),
    ]);
    await page.close();
  });
});

describe('sharing and history', () => {
  it('reopens a shared link with the same selection, layers and theme', async () => {
    const { page } = await open('#place=haidian&layers=districts,jjj&topic=ai');
    await expect.poll(() => panelTitle(page)).toBe('海淀区');
    const checked = await page.locator('#legend input[data-layer]').evaluateAll((els) => Object.fromEntries(els.map((e) => [(e as HTMLInputElement).dataset.layer, (e as HTMLInputElement).checked])));
    expect(checked).toEqual({ districts: true, 'science-cities': false, 'sub-parks': false, jjj: true, facilities: false });
    expect(await page.locator('#legend .theme-select').inputValue()).toBe('ai');
    const visible = await page.evaluate(() => {
      const m = window.atlas.map!;
      return m.getStyle().layers.filter((l) => m.getLayoutProperty(l.id, 'visibility') !== 'none').map((l) => l.id);
    });
    expect(visible.some((id) => id.startsWith('sub-parks'))).toBe(false);
    expect(visible.some((id) => id.startsWith('jjj'))).toBe(true);
    expect(await page.evaluate(() => window.atlas.state())).toMatchObject({ place: 'haidian', topic: 'ai', layers: ['districts', 'jjj'] });
    await page.close();
  });

  it('moves between selections with back and forward', async () => {
    const { page } = await open('#place=haidian');
    await page.locator('#search').fill('丰台区');
    await page.locator('#search').press('ArrowDown');
    await page.locator('#search').press('Enter');
    await expect.poll(() => placeInUrl(page)).toBe('fengtai');
    await page.goBack();
    await expect.poll(() => panelTitle(page)).toBe('海淀区');
    const current = () => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#place-list [aria-current="true"]')].map((b) => b.dataset.place));
    expect(await current()).toEqual(['haidian']);
    await page.goForward();
    await expect.poll(() => panelTitle(page)).toBe('丰台区');
    expect(await current()).toEqual(['fengtai']);
    await page.close();
  });

  it('ignores an unknown place in the link with a quiet notice, not an error', async () => {
    const { page, consoleErrors } = await open('#place=atlantis&topic=nonsense');
    expect(await page.locator('#notices').innerText()).toContain('atlantis');
    expect(await page.locator('#panel').isHidden()).toBe(true);
    expect(await page.evaluate(() => window.atlas.state())).toMatchObject({ place: null, topic: null });
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('gives a link of 500 unknown layers and a long message one short notice per cause, and the map under it still takes a click', async () => {
    const names = Array.from({ length: 500 }, (_, i) => `layer${i}`).join(',');
    const message = encodeURIComponent('Your session has expired. Call +86 10 5555 0000 now to restore access to the atlas');
    const { page, consoleErrors } = await open(`#layers=districts,${names}&place=${message}&lang=en`);
    const notices = page.locator('#notices .notice');
    await expect.poll(() => notices.count()).toBe(2);
    const texts = await notices.allInnerTexts();
    expect(texts[0]).toMatch(/^The link names an unknown place “Your session has expired…”/);
    expect(texts.join('\n')).not.toContain('Call +86');
    expect(texts[1]).toMatch(/unknown layer “layer0”.*499 more like it/);
    // The notices take a strip of the map, not the map: a district beside them is clicked and opens.
    const box = (await page.locator('#notices').boundingBox())!;
    const map = (await page.locator('#map').boundingBox())!;
    expect(box.height * box.width).toBeLessThan(0.25 * map.height * map.width);
    await page.evaluate(() => window.atlas.map!.jumpTo({ center: [116.3, 40.03], zoom: 10 }));
    await settle(page);
    const pt = await screenAt(page, [116.3, 40.03]);
    await page.mouse.click(pt.x, pt.y);
    await expect.poll(() => placeInUrl(page), { timeout: 5000 }).toBe('haidian');
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

describe('layers and theme', () => {
  const renderedByLayer = (page: Page) =>
    page.evaluate(() => {
      const counts: Record<string, number> = {};
      for (const f of window.atlas.map!.queryRenderedFeatures()) {
        const id = f.layer.id.split('-')[0] === 'science' ? 'science-cities' : f.layer.id.startsWith('sub-parks') ? 'sub-parks' : f.layer.id.split('-')[0];
        counts[id] = (counts[id] ?? 0) + 1;
      }
      return counts;
    });

  it('changes what is rendered when each layer is switched off', async () => {
    const { page } = await open();
    const before = await renderedByLayer(page);
    for (const id of ['districts', 'science-cities', 'sub-parks', 'jjj', 'facilities']) {
      expect(before[id], `${id} drawn at first`).toBeGreaterThan(0);
      await page.locator(`#legend input[data-layer="${id}"]`).uncheck();
      await expect.poll(async () => (await renderedByLayer(page))[id] ?? 0, { message: `${id} after switching off` }).toBe(0);
      await page.locator(`#legend input[data-layer="${id}"]`).check();
      await expect.poll(async () => (await renderedByLayer(page))[id] ?? 0, { message: `${id} back on` }).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('recolours the districts and says what is shown when a theme is chosen', async () => {
    const { page } = await open();
    const countsOf = () => page.evaluate(() => Object.fromEntries(['haidian', 'huairou', 'fengtai'].map((id) => [id, window.atlas.map!.getFeatureState({ source: 'districts', id }).count])));
    const all = await countsOf();
    await page.locator('#legend .theme-select').selectOption('quantum');
    await expect.poll(() => page.evaluate(() => window.atlas.state()?.topic)).toBe('quantum');
    const quantum = await countsOf();
    expect(quantum.haidian).toBeLessThan(all.haidian);
    expect(await page.locator('#legend .legend-shown').innerText()).toMatch(/量子/);
    await page.close();
  });

  it('opens a Jing-Jin-Ji node’s facts from a click on its arc', async () => {
    const { page } = await open('#layers=jjj');
    // An arc of a node with facts of its own (Tianjin's come only through 京津冀), whose middle is on screen and not shared with another arc (several run Beijing → Xiong'an).
    const arc = await page.evaluate(() => {
      const m = window.atlas.map!;
      const canvas = m.getCanvas().getBoundingClientRect();
      for (const f of m.queryRenderedFeatures().filter((x) => x.layer.id.startsWith('jjj-arcs') && Number(x.properties.factCount) > 0)) {
        const coords = (f.geometry as GeoJSON.LineString).coordinates;
        const at = coords[Math.floor(coords.length / 2)] as [number, number];
        const px = m.project(at);
        if (px.x < 30 || px.y < 30 || px.x > canvas.width - 30 || px.y > canvas.height - 30) continue;
        const arcsHere = m.queryRenderedFeatures([[px.x - 6, px.y - 6], [px.x + 6, px.y + 6]]).filter((h) => h.layer.id.startsWith('jjj'));
        if (arcsHere.every((h) => h.properties.placeId === f.properties.placeId)) return { id: f.properties.placeId as string, at };
      }
      return null;
    });
    expect(arc).not.toBeNull();
    if (!arc) return;
    const pt = await screenAt(page, arc.at);
    await page.mouse.click(pt.x, pt.y);
    await expect.poll(() => placeInUrl(page)).toBe(arc.id);
    expect(await page.locator('#panel .quote').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('keyboard, language and reading', () => {
  it('selects from the place list with the keyboard and closes with Esc', async () => {
    const { page } = await open();
    const first = page.locator('#place-list button').first();
    await first.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#panel').isVisible()).toBe(true);
    await expect.poll(() => placeInUrl(page)).not.toBeNull();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#panel').isHidden()).toBe(true);
    await expect.poll(() => placeInUrl(page)).toBeNull();
    await page.close();
  });

  it('switches the interface to English while quotes stay as written', async () => {
    const { page } = await open('#place=fengtai');
    const quote = await page.locator('#panel .quote').first().innerText();
    // MapLibre's own controls speak the UI language too.
    const zoomLabels = () => page.evaluate(() => ['in', 'out'].map((d) => document.querySelector(`.maplibregl-ctrl-zoom-${d}`)!.getAttribute('aria-label')));
    expect(await zoomLabels()).toEqual(['放大', '缩小']);
    await page.locator('#lang-toggle').click();
    await expect.poll(() => panelTitle(page)).toBe('Fengtai District');
    expect(await page.locator('#panel .quote').first().innerText()).toBe(quote);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await zoomLabels()).toEqual(['Zoom in', 'Zoom out']);
    expect(await page.locator('canvas.maplibregl-canvas').getAttribute('aria-label')).toBe('Map of Beijing’s districts');
    await page.close();
  });

  it('opens the document at the quoted sentence from “read in document”', async () => {
    const { page } = await open('#place=fengtai');
    const quote = await page.locator('#panel .panel-role .quote').first().innerText();
    await page.locator('#panel .panel-role .read-button').first().click();
    await expect.poll(() => page.locator('#reader mark').first().innerText(), { timeout: 5000 }).toBe(quote);
    expect(await page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('fact'))).not.toBeNull();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#reader').isHidden()).toBe(true);
    await page.close();
  });
});

describe('main views look as stored', () => {
  it('png-export: the PNG export with its full legend (classes, extents, dots, halos, each link, arrows)', async () => {
    const { page } = await open('', { width: 1280, height: 800 });
    await settle(page);
    await page.locator('#export-button').click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.locator('[data-export="png-1"]').click()]);
    const png = readFileSync((await download.path())!);
    // A PNG file, compared whole: the map, then the legend band with a row for every symbol drawn.
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expectLikeReference('png-export', png);
    await page.close();
  });

  it.each([
    ['panel-fengtai', '#place=fengtai&cam=116.25,39.86,9.2', { width: 1280, height: 800 }],
    ['theme-ai', '#topic=ai', { width: 1280, height: 800 }],
    ['phone-panel', '#place=huairou-science-city', { width: 390, height: 780 }],
    // English: short district and extent names on the map, every chrome string translated.
    ['overview-en', '#lang=en', { width: 1920, height: 1080 }],
  ] as const)('%s', async (name, hash, viewport) => {
    const { page } = await open(hash, { ...viewport });
    await page.evaluate(() => new Promise((r) => setTimeout(r, 600)));
    await page.evaluate(() => new Promise((r) => (window.atlas.map!.isMoving() ? window.atlas.map!.once('idle', r) : r(null))));
    const png = await page.screenshot();
    expectLikeReference(name, png);
    await page.close();
  });
});
