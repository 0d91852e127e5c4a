/** The label plan in the browser: every district named at the overview in both languages, each extent labelled once. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openAtlas } from './browser.ts';
import { t } from '../../src/app/i18n/strings.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

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
