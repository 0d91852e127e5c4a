/**
 * The label plan in the browser: every district named at the overview in both languages and in
 * view when zoomed in, each extent labelled once, the subject always named (once), and the
 * projector's type scale while presenting.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openAtlas } from './browser.ts';
import { useBrowser } from './use-browser.ts';
import { t } from '../../src/app/i18n/strings.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

/** The labels MapLibre placed (not dropped in a collision) on a layer, once the map is idle. */
async function placed(page: Page, layer: string): Promise<string[]> {
  return page.evaluate(async (l) => {
    const map = window.atlas.map!;
    if (!map.loaded() || map.isMoving()) await new Promise((r) => map.once('idle', r));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return map.queryRenderedFeatures({ layers: [l] }).map((f) => String(f.properties?.id ?? f.properties?.placeId));
  }, layer);
}

describe('district labels', () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
    for (const lang of ['zh', 'en'] as const) {
      it(`names all 16 districts at the overview, ${lang}, ${viewport.width}×${viewport.height}`, async () => {
        const { page } = await openAtlas(browser, `${baseUrl}#lang=${lang}`, viewport);
        const ids = new Set(await placed(page, 'districts-label'));
        expect([...ids].sort()).toHaveLength(16);
        expect(ids).toContain('xicheng');
        expect(ids).toContain('dongcheng');
        await page.close();
      }, 60_000);
    }
  }

  it('names all 16 with only the districts layer on', async () => {
    const { page } = await openAtlas(browser, `${baseUrl}#layers=districts`);
    expect(new Set(await placed(page, 'districts-label')).size).toBe(16);
    await page.close();
  }, 60_000);
});

describe('district names for orientation when zoomed in', () => {
  it('names every district under the visible map at zoom 11, inside what is in view', async () => {
    for (const cam of ['116.45,39.95,11.2', '116.55,39.78,11']) {
      const { page } = await openAtlas(browser, `${baseUrl}#cam=${cam}`, { width: 1280, height: 800 });
      await placed(page, 'districts-label'); // the map idle, its tiles drawn
      // The districts under a 5×5 grid over the map.
      const under = await page.evaluate(() => {
        const map = window.atlas.map!;
        const { width, height } = map.getCanvas().getBoundingClientRect();
        const out = new Set<string>();
        for (let i = 1; i <= 5; i++) for (let j = 1; j <= 5; j++) {
          for (const f of map.queryRenderedFeatures([(width * i) / 6, (height * j) / 6], { layers: ['districts-fill'] })) out.add(String(f.properties?.id));
        }
        return [...out];
      });
      expect(under.length, cam).toBeGreaterThan(2);
      // The names of districts whose label point is off the map come a moment later (their module loads on first need).
      const unnamed = async () => {
        const named = new Set([...(await placed(page, 'districts-label')), ...(await placed(page, 'districts-view-label'))]);
        return under.filter((id) => !named.has(id));
      };
      await expect.poll(unnamed, { timeout: 10_000 }).toEqual([]);
      // Never twice: a district named by its own label is not named again.
      const view = await placed(page, 'districts-view-label');
      for (const id of view) expect(await placed(page, 'districts-label'), id).not.toContain(id);
      await page.close();
    }
  }, 90_000);
});

describe('the subject label', () => {
  it('names the selected place above every other label, and only once', async () => {
    for (const [hash, id] of [['#place=zgc-haidian-park&cam=116.3,39.98,10.5', 'zgc-haidian-park'], ['#place=xichang-slc', 'xichang-slc'], ['#place=xicheng', 'xicheng']] as const) {
      const { page } = await openAtlas(browser, `${baseUrl}${hash}`, { width: 1280, height: 800 });
      const subject = [...(await placed(page, 'subject-point-label')), ...(await placed(page, 'subject-area-label'))];
      expect(subject, hash).toEqual([id]);
      for (const layer of ['sub-parks-label', 'districts-label', 'jjj-national-label', 'facilities-label']) expect(await placed(page, layer), `${hash} ${layer}`).not.toContain(id);
      // Closing the panel (Esc) clears the selection, and the subject's name with it.
      await page.keyboard.press('Escape');
      await expect.poll(async () => [...(await placed(page, 'subject-point-label')), ...(await placed(page, 'subject-area-label'))]).toEqual([]);
      await page.close();
    }
  }, 90_000);
});

describe('the projector type scale', () => {
  /** The smallest text size of each place label layer at the map's zoom, as the live map has it. */
  const sizes = (page: Page) =>
    page.evaluate(() => {
      const map = window.atlas.map!;
      const z = map.getZoom();
      const at = (v: unknown): number => {
        if (typeof v === 'number') return v;
        const e = v as unknown[];
        if (e[0] === 'interpolate') {
          const stops = e.slice(3) as number[];
          for (let i = 0; i + 2 < stops.length; i += 2) {
            if (z <= stops[i]) return stops[i + 1];
            if (z < stops[i + 2]) return stops[i + 1] + ((stops[i + 3] - stops[i + 1]) * (z - stops[i])) / (stops[i + 2] - stops[i]);
          }
          return stops.at(-1)!;
        }
        if (e[0] === '*') return (e[1] as number) * Math.min(...(e[2] as unknown[]).filter((x) => typeof x === 'number') as number[]);
        return NaN;
      };
      return Object.fromEntries(map.getStyle().layers.filter((l) => l.type === 'symbol' && (l.layout as Record<string, unknown>)?.['text-rotate'] === undefined)
        .map((l) => [l.id, at(map.getLayoutProperty(l.id, 'text-size'))]));
    });

  it('draws every map label at 16 px or more while presenting at 1920×1080, and back to the screen scale after', async () => {
    const { page } = await openAtlas(browser, `${baseUrl}#tour=default&step=3`, { width: 1920, height: 1080 });
    await page.locator('#tour .tour-title').waitFor();
    await expect.poll(async () => Math.min(...Object.values(await sizes(page))), { timeout: 10_000 }).toBeGreaterThanOrEqual(16);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await sizes(page))['facilities-label']).toBe(11);
    await page.close();
  }, 60_000);
});

describe('extent labels', () => {
  it('labels each schematic extent at most once, also in English', async () => {
    for (const lang of ['zh', 'en']) {
      const { page } = await openAtlas(browser, `${baseUrl}#lang=${lang}&cam=116.5,39.85,9.3`);
      const ids = await placed(page, 'science-cities-label');
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids).size, ids.join()).toBe(ids.length);
      await page.close();
    }
  }, 60_000);
});

describe('English after a switch', () => {
  it('gives the map’s attribution line in English once the language is switched', async () => {
    const { page } = await openAtlas(browser, baseUrl);
    const attribution = () => page.locator('#map .maplibregl-ctrl-attrib').innerText();
    expect(await attribution()).toContain(t('attribution', 'zh'));
    await page.locator('#lang-toggle').click();
    await expect.poll(attribution).toContain(t('attribution', 'en'));
    expect(await attribution()).not.toContain(t('attribution', 'zh'));
    await page.close();
  }, 60_000);
});
