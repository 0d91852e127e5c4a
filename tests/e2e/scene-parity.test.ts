/**
 * One scene, three renderers: what MapLibre draws (its queried features, with their paint
 * evaluated for each feature and its state) is what the scene says (src/app/scene/), which is
 * what the SVG export draws (tests/unit/app/export-svg.test.ts) and what the SVG map sizes its
 * dots, halos and links by (the same unit test). Checked here for a sample of every layer.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { parseBoundaries } from '../../src/app/data/load-boundaries.ts';
import { parseSummary } from '../../src/app/data/load-site.ts';
import { sceneOfState } from '../../src/app/scene/scene-of-state.ts';
import { DEFAULT_STATE } from '../../src/app/state/state.ts';
import { awaitReady, launch, openAtlas, watchedPage, withoutWebgl } from './browser.ts';
import { REF_ZOOM } from '../../src/app/svg-map/viewport.ts';

const baseUrl = inject('baseUrl');
// The data the built site serves.
const boundaries = parseBoundaries(JSON.parse(readFileSync('dist/data/boundaries.topo.json', 'utf8')));
const summary = parseSummary(JSON.parse(readFileSync('dist/data/summary.json', 'utf8')));
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Drawn {
  styleLayer: string;
  placeId: string | null;
  paint: Record<string, string | number>;
}

describe('the scene and the WebGL map', () => {
  it('agree on fills, strokes, widths, radii and opacities for a sample of every drawn layer', async () => {
    const place = 'zgc-haidian-park';
    const { page } = await openAtlas(browser, `${baseUrl}#place=${place}&cam=116.6,40.1,8.3`);
    const { zoom, drawn } = await page.evaluate(() => {
      const map = window.atlas.map!;
      const hex = (c: { r: number; g: number; b: number; a: number }) => {
        // MapLibre keeps colours premultiplied by their alpha.
        const ch = (x: number) => Math.round(Math.min(1, c.a ? x / c.a : 0) * 255).toString(16).padStart(2, '0');
        return `#${ch(c.r)}${ch(c.g)}${ch(c.b)}`;
      };
      const keys: Record<string, string[]> = {
        fill: ['fill-color', 'fill-opacity'],
        line: ['line-color', 'line-width', 'line-opacity'],
        circle: ['circle-color', 'circle-radius', 'circle-opacity', 'circle-stroke-color', 'circle-stroke-width', 'circle-stroke-opacity'],
      };
      const out: Drawn[] = [];
      for (const l of map.getStyle().layers) {
        if (!keys[l.type] || map.getLayoutProperty(l.id, 'visibility') === 'none') continue;
        const seen = new Set<string>();
        for (const f of map.queryRenderedFeatures({ layers: [l.id] })) {
          const placeId = String(f.properties?.placeId ?? f.id ?? f.properties?.id ?? '');
          if (seen.has(placeId) || seen.size >= 3) continue;
          seen.add(placeId);
          const paint: Record<string, string | number> = {};
          for (const k of keys[l.type]) {
            const v = (f.layer.paint as Record<string, unknown> | undefined)?.[k];
            if (typeof v === 'number') paint[k] = v;
            else if (v && typeof v === 'object' && 'r' in v) paint[k] = hex(v as { r: number; g: number; b: number; a: number });
          }
          out.push({ styleLayer: l.id, placeId: placeId || null, paint });
        }
      }
      return { zoom: map.getZoom(), drawn: out };
    });
    await page.close();

    const scene = sceneOfState(boundaries, summary, { ...DEFAULT_STATE, place }, zoom);
    const layers = new Set(drawn.map((d) => d.styleLayer));
    for (const id of ['context-fill', 'context-line', 'districts-fill', 'districts-line', 'districts-selected', 'science-cities-fill', 'science-cities-line', 'province-outline', 'sub-parks-halo', 'sub-parks-dot', 'facilities-halo', 'facilities-dot']) {
      expect(layers.has(id), id).toBe(true);
    }
    let compared = 0;
    for (const d of drawn) {
      const s = scene.shapes.find((x) => x.styleLayer === d.styleLayer && x.placeId === d.placeId);
      // The selection outline holds every district with a width of 0 but the selected one: the scene keeps only what is drawn.
      if (!s && d.paint['line-width'] === 0) continue;
      expect(s, `${d.styleLayer} ${d.placeId}`).toBeDefined();
      const near = (a: number | undefined, b: unknown, what: string) => expect(a ?? 1, `${d.styleLayer} ${d.placeId} ${what}`).toBeCloseTo(Number(b ?? 1), 4);
      const same = (a: string | undefined, b: unknown, what: string) => expect(a, `${d.styleLayer} ${d.placeId} ${what}`).toBe(b);
      const p = d.paint;
      if ('fill-color' in p) {
        same(s!.fill, p['fill-color'], 'fill');
        near(s!.fillOpacity, p['fill-opacity'], 'fill opacity');
      } else if ('line-color' in p) {
        same(s!.stroke, p['line-color'], 'stroke');
        near(s!.strokeWidth, p['line-width'], 'width');
        near(s!.strokeOpacity, p['line-opacity'], 'opacity');
      } else {
        same(s!.fill, p['circle-color'], 'fill');
        near(s!.radius, p['circle-radius'], 'radius');
        near(s!.fillOpacity, p['circle-opacity'], 'opacity');
        near(s!.strokeWidth, p['circle-stroke-width'], 'stroke width');
        if (s!.strokeWidth) same(s!.stroke, p['circle-stroke-color'], 'stroke');
      }
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(30);
  }, 60_000);
});

describe('the scene and the SVG map', () => {
  it('agree on the looks the SVG map draws: context dashes, extents, links, halos and dots', async () => {
    const w = await watchedPage(browser);
    await withoutWebgl(w.page);
    await w.page.goto(baseUrl);
    expect(await awaitReady(w.page)).toBe('ready');
    const drawn = await w.page.evaluate(() => {
      const attrs = (sel: string, names: string[]) =>
        [...document.querySelectorAll(sel)].slice(0, 40).map(
          (e): Record<string, string | null> => ({
            place: e.closest('[data-place]')?.getAttribute('data-place') ?? null,
            ...Object.fromEntries(names.map((n) => [n, e.getAttribute(n) ?? e.parentElement?.getAttribute(n) ?? null])),
          }),
        );
      return {
        context: attrs('#map g.context path', ['stroke', 'stroke-width', 'stroke-dasharray']),
        extents: attrs('#map .extent-line', ['stroke', 'stroke-width', 'stroke-dasharray']),
        extentFills: attrs('#map .extent-fill', ['fill', 'fill-opacity']),
        links: attrs('#map .link-line', ['stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity']),
        halos: attrs('#map .halos circle', ['fill', 'fill-opacity', 'stroke-opacity', 'stroke-width']),
        dots: attrs('#map .pin .dot', ['fill', 'fill-opacity', 'stroke-width']),
      };
    });
    await w.page.close();
    // The SVG map draws lines and dots in screen pixels and its shapes in units of REF_ZOOM.
    const scene = sceneOfState(boundaries, summary, DEFAULT_STATE, REF_ZOOM);
    const shape = (styleLayer: string, place: string | null) => scene.shapes.find((x) => x.styleLayer === styleLayer && (place === null || x.placeId === place));
    const dash = (d: number[] | undefined) => (d ? d.map((n) => Math.round(n * 10) / 10).join(' ') : null);
    let compared = 0;
    // Context lines: each of the two widths the style gives, with its dash in pixels.
    for (const c of drawn.context) {
      const widths = scene.shapes.filter((x) => x.styleLayer === 'context-line').map((x) => x.strokeWidth);
      expect(widths).toContain(Number(c['stroke-width']));
      const s = scene.shapes.find((x) => x.styleLayer === 'context-line' && x.strokeWidth === Number(c['stroke-width']))!;
      expect(c.stroke).toBe(s.stroke);
      expect(c['stroke-dasharray']).toBe(dash(s.dash));
      compared++;
    }
    for (const e of drawn.extents) {
      const s = shape('science-cities-line', e.place)!;
      expect([e.stroke, Number(e['stroke-width']), e['stroke-dasharray']], String(e.place)).toEqual([s.stroke, s.strokeWidth, dash(s.dash)]);
      compared++;
    }
    for (const e of drawn.extentFills) {
      const s = shape('science-cities-fill', e.place)!;
      expect([e.fill, Number(e['fill-opacity'])], String(e.place)).toEqual([s.fill, s.fillOpacity]);
      compared++;
    }
    for (const l of drawn.links) {
      const s = scene.shapes.find((x) => x.styleLayer.startsWith('jjj-arcs-') && x.placeId === l.place)!;
      expect(s, String(l.place)).toBeDefined();
      expect([l.stroke, Number(l['stroke-width']), l['stroke-dasharray'], Number(l['stroke-opacity'])], String(l.place)).toEqual([s.stroke, Math.round(s.strokeWidth! * 10) / 10, dash(s.dash), s.strokeOpacity]);
      compared++;
    }
    for (const h of drawn.halos) {
      const s = scene.shapes.find((x) => x.styleLayer.endsWith('-halo') && x.placeId === h.place) ?? scene.shapes.find((x) => x.styleLayer.endsWith('-halo') && x.fill === h.fill);
      expect(s, String(h.place)).toBeDefined();
      expect([h.fill, Number(h['fill-opacity']), Number(h['stroke-opacity']), Number(h['stroke-width'])]).toEqual([s!.fill, s!.fillOpacity, s!.strokeOpacity, s!.strokeWidth]);
      compared++;
    }
    for (const d of drawn.dots) {
      const s = scene.shapes.find((x) => x.styleLayer.endsWith('-dot') || x.styleLayer === 'jjj-nodes' ? x.placeId === d.place : false);
      expect(s, String(d.place)).toBeDefined();
      expect([d.fill, Number(d['fill-opacity']), Number(d['stroke-width'])], String(d.place)).toEqual([s!.fill, s!.fillOpacity, s!.strokeWidth]);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(60);
  }, 60_000);
});
