import { describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { awaitReady, watchedPage } from './browser.ts';
import { useBrowser } from './use-browser.ts';
import { expectLikeReference } from './screenshot.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

useBrowser((b) => (browser = b));

describe('the map on first open', () => {
  it('draws all 16 districts, keeping their id and adcode for scripts', async () => {
    const { page } = await watchedPage(browser);
    await page.goto(baseUrl);
    expect(await awaitReady(page)).toBe('ready');
    const rendered = await page.evaluate(() =>
      window.atlas.map!.queryRenderedFeatures({ layers: ['districts-fill'] }).map((f) => [f.properties.id, f.properties.adcode]),
    );
    const byId = new Map(rendered as [string, string][]);
    expect(byId.size).toBe(16);
    expect(byId.get('haidian')).toBe('110108');
    expect(byId.get('dongcheng')).toBe('110101');
    await page.close();
  });

  it('fits Beijing in the view on open', async () => {
    const { page } = await watchedPage(browser);
    await page.goto(baseUrl);
    await awaitReady(page);
    const b = await page.evaluate(() => window.atlas.map!.getBounds().toArray());
    // Beijing spans ≈115.42–117.51 E, 39.44–41.06 N; the view must contain it without being continental.
    expect(b[0][0]).toBeLessThan(115.42);
    expect(b[1][0]).toBeGreaterThan(117.51);
    expect(b[0][1]).toBeLessThan(39.44);
    expect(b[1][1]).toBeGreaterThan(41.06);
    expect(b[1][0] - b[0][0]).toBeLessThan(6);
    await page.close();
  });

  it('highlights the district under the pointer through feature-state, and clears it on leaving', async () => {
    const { page } = await watchedPage(browser);
    await page.goto(baseUrl);
    await awaitReady(page);
    const hoverOf = (id: string) => page.evaluate((i) => window.atlas.map!.getFeatureState({ source: 'districts', id: i }).hover ?? false, id);
    const point = await page.evaluate(() => {
      const m = window.atlas.map!;
      const { x, y } = m.project([116.231, 40.218]); // inside Changping
      const r = m.getCanvas().getBoundingClientRect();
      return { x: r.left + x, y: r.top + y };
    });
    expect(await hoverOf('changping')).toBe(false);
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => hoverOf('changping')).toBe(true);
    await page.mouse.move(2, 2); // the page header, off the map
    await expect.poll(() => hoverOf('changping')).toBe(false);
    await page.close();
  });

  it('sends no request outside its own origin and logs no console error', async () => {
    const { page, requests, consoleErrors } = await watchedPage(browser);
    await page.goto(baseUrl);
    expect(await awaitReady(page)).toBe('ready');
    await page.mouse.move(640, 400);
    await page.mouse.wheel(0, -300);
    await page.evaluate(() => new Promise((r) => window.atlas.map!.once('idle', r)));
    const origin = new URL(baseUrl).origin;
    const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(requests.length).toBeGreaterThan(2);
    expect(foreign).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('shows the schematic-map notice and the data attribution', async () => {
    const { page } = await watchedPage(browser);
    await page.goto(baseUrl);
    await awaitReady(page);
    await expect.poll(() => page.locator('#notice').innerText()).toBe('示意图，非标准地图 / Schematic map, not an official map');
    const attribution = await page.locator('.maplibregl-ctrl-attrib').innerText();
    expect(attribution).toContain('ECharts 4.9.0');
    expect(attribution).toContain('WGS84');
    expect(await page.locator('.maplibregl-ctrl-attrib').isVisible()).toBe(true);
    await page.close();
  });

  it('looks like the stored overview: not blank, within 3% of the reference pixels', async () => {
    const { page } = await watchedPage(browser);
    await page.goto(baseUrl);
    await awaitReady(page);
    const png = await page.screenshot();
    expectLikeReference('overview', png);
    await page.close();
  });
});

describe('when something is wrong', () => {
  it('names a missing data file and the command that rebuilds it', async () => {
    const { page } = await watchedPage(browser);
    await page.route('**/data/boundaries.topo.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(baseUrl);
    expect(await awaitReady(page)).toMatch(/^error: .*boundaries\.topo\.json/);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('data/boundaries.topo.json');
    expect(await alert.innerText()).toContain('npm run data:boundaries');
    await page.close();
  });

  it('explains a corrupt data file instead of drawing a blank page', async () => {
    const { page } = await watchedPage(browser);
    await page.route('**/data/boundaries.topo.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"type":"Topology","objects":{},"arcs":[]}' }));
    await page.goto(baseUrl);
    expect(await awaitReady(page)).toMatch(/^error:/);
    expect(await page.getByRole('alert').innerText()).toContain('不正确');
    await page.close();
  });

  it('draws the SVG map instead when the browser has no WebGL, and says why in one line', async () => {
    const { page, consoleErrors } = await watchedPage(browser);
    // A browser without WebGL at all: no WebGL2 API, and no canvas gives a WebGL context.
    await page.addInitScript(() => {
      delete (window as { WebGL2RenderingContext?: unknown }).WebGL2RenderingContext;
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (type.startsWith('webgl') || type === 'experimental-webgl') return null;
        return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
    });
    await page.goto(`${baseUrl}#lang=en`);
    expect(await awaitReady(page)).toBe('ready');
    expect(await page.evaluate(() => window.atlas.renderer)).toBe('svg');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.locator('#map .svg-map-notice').innerText()).toBe('Simplified SVG map: this browser has no WebGL2.');
    expect(await page.locator('#map .maplibregl-canvas').count()).toBe(0);
    expect(await page.locator('#map path.district').count()).toBe(16);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('falls back to the SVG map when MapLibre fails to start for another reason, naming the error', async () => {
    const { page } = await watchedPage(browser);
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (type === 'webgl2') throw new Error('driver hiccup');
        return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
    });
    await page.goto(`${baseUrl}#lang=en`);
    expect(await awaitReady(page)).toBe('ready');
    expect(await page.evaluate(() => window.atlas.renderer)).toBe('svg');
    expect(await page.locator('#map .svg-map-notice').innerText()).toBe('Simplified SVG map: the WebGL map could not start (driver hiccup).');
    // Nothing of the half-made MapLibre map is left in the way.
    expect(await page.locator('#map .maplibregl-canvas-container, #map .maplibregl-control-container').count()).toBe(0);
    await page.close();
  });
});
