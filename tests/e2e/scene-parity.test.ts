/**
 * One scene, three renderers: what MapLibre draws (its queried features, with their paint
 * evaluated for each feature and its state) is what the scene says (src/app/scene/), which is
 * what the SVG export draws (tests/unit/app/export-svg.test.ts) and what the SVG map draws (its
 * looks set from the scene at its own zoom, read back here). Checked for a sample of every layer.
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { parseBoundaries } from '../../src/app/data/load-boundaries.ts';
import { parseSummary } from '../../src/app/data/load-site.ts';
import { sceneOfState } from '../../src/app/scene/scene-of-state.ts';
import { DEFAULT_STATE } from '../../src/app/state/state.ts';
import { awaitReady, openAtlas, watchedPage, withoutWebgl } from './browser.ts';
import { useBrowser } from './use-browser.ts';

const baseUrl = inject('baseUrl');
// The data the built site serves.
const boundaries = parseBoundaries(JSON.parse(readFileSync('dist/data/boundaries.topo.json', 'utf8')));
const summary = parseSummary(JSON.parse(readFileSync('dist/data/summary.json', 'utf8')));
let browser: Browser;
useBrowser((b) => (browser = b));

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
  /** The SVG map's looks, read back: the place each element stands for and the attributes it draws with. */
  const readSvgLooks = () => {
    const attrs = (sel: string, names: string[]) =>
      [...document.querySelectorAll(sel)].map(
        (e): Record<string, string | null> => ({
          place: e.closest('[data-place]')?.getAttribute('data-place') ?? null,
          ...Object.fromEntries(names.map((n) => [n, e.getAttribute(n) ?? e.parentElement?.getAttribute(n) ?? null])),
        }),
      );
    return {
      zoom: Number(document.querySelector<SVGElement>('#map svg.svg-map')!.dataset.zoom),
      context: attrs('#map g.context path', ['stroke', 'stroke-width', 'stroke-dasharray']),
      districts: attrs('#map path.district', ['fill', 'fill-opacity']),
      extents: attrs('#map .extent-line', ['stroke', 'stroke-width', 'stroke-dasharray']),
      extentFills: attrs('#map .extent-fill', ['fill', 'fill-opacity']),
      links: attrs('#map .link-line', ['stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity']),
      halos: attrs('#map .halos circle', ['fill', 'fill-opacity', 'stroke-opacity', 'stroke-width']),
      dots: attrs('#map .pin .dot', ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'r']),
      selected: attrs('#map .marked-outline.is-selected', ['stroke', 'stroke-width']),
    };
  };
  type SvgLooks = ReturnType<typeof readSvgLooks>;
  const close = (attr: string | null, value: number | undefined, what: string) => {
    expect(value, what).toBeDefined();
    // The SVG map writes two decimals.
    expect(Math.abs(Number(attr) - value!), `${what}: ${attr} for ${value}`).toBeLessThanOrEqual(0.0051);
  };
  const dash = (d: number[] | undefined) => (d ? d.map((n) => Math.round(n * 100) / 100).join(' ') : null);

  /** Compares every element read back with its shape in the scene of `state` at the SVG map's own zoom; returns how many. */
  function compare(drawn: SvgLooks, state: typeof DEFAULT_STATE): number {
    expect(drawn.zoom).toBeGreaterThan(5);
    const scene = sceneOfState(boundaries, summary, state, drawn.zoom);
    const shape = (test: (layer: string) => boolean, place: string | null) => scene.shapes.find((x) => test(x.styleLayer) && x.placeId === place);
    let compared = 0;
    // Context lines (the backdrop, not keyed by place): each width the style gives, with its dash in pixels.
    for (const c of drawn.context) {
      const s = scene.shapes.find((x) => x.styleLayer === 'context-line' && x.strokeWidth === Number(c['stroke-width']));
      expect(s, `context width ${c['stroke-width']}`).toBeDefined();
      expect(c.stroke).toBe(s!.stroke);
      compared++;
    }
    for (const d of drawn.districts) {
      const s = shape((l) => l === 'districts-fill', d.place)!;
      expect(d.fill, String(d.place)).toBe(s.fill);
      close(d['fill-opacity'], s.fillOpacity, `${d.place} fill-opacity`);
      compared++;
    }
    for (const e of drawn.extents) {
      const s = shape((l) => l === 'science-cities-line', e.place)!;
      expect([e.stroke, e['stroke-dasharray']], String(e.place)).toEqual([s.stroke, dash(s.dash)]);
      close(e['stroke-width'], s.strokeWidth, `${e.place} width`);
      compared++;
    }
    for (const e of drawn.extentFills) {
      const s = shape((l) => l === 'science-cities-fill', e.place)!;
      expect(e.fill, String(e.place)).toBe(s.fill);
      close(e['fill-opacity'], s.fillOpacity, `${e.place} fill-opacity`);
      compared++;
    }
    for (const l of drawn.links) {
      const s = shape((x) => x.startsWith('jjj-arcs-'), l.place);
      expect(s, String(l.place)).toBeDefined();
      expect([l.stroke, l['stroke-dasharray']], String(l.place)).toEqual([s!.stroke, dash(s!.dash)]);
      close(l['stroke-width'], s!.strokeWidth, `${l.place} width`);
      close(l['stroke-opacity'], s!.strokeOpacity, `${l.place} opacity`);
      compared++;
    }
    for (const h of drawn.halos) {
      const s = shape((x) => x.endsWith('-halo'), h.place);
      expect(s, String(h.place)).toBeDefined();
      expect(h.fill, String(h.place)).toBe(s!.fill);
      close(h['fill-opacity'], s!.fillOpacity, `${h.place} halo fill-opacity`);
      close(h['stroke-opacity'], s!.strokeOpacity, `${h.place} halo stroke-opacity`);
      close(h['stroke-width'], s!.strokeWidth, `${h.place} halo width`);
      compared++;
    }
    for (const d of drawn.dots) {
      const s = shape((x) => x.endsWith('-dot') || x === 'jjj-nodes', d.place);
      expect(s, String(d.place)).toBeDefined();
      expect([d.fill, d.stroke], String(d.place)).toEqual([s!.fill, s!.stroke]);
      close(d['fill-opacity'], s!.fillOpacity ?? 1, `${d.place} dot opacity`);
      close(d['stroke-width'], s!.strokeWidth, `${d.place} dot stroke`);
      close(d.r, s!.radius, `${d.place} dot radius`);
      compared++;
    }
    for (const o of drawn.selected) {
      const s = shape((x) => x === 'districts-selected', o.place)!;
      expect(o.stroke, String(o.place)).toBe(s.stroke);
      close(o['stroke-width'], s.strokeWidth, `${o.place} selected outline`);
      compared++;
    }
    return compared;
  }

  it('agree on the looks the SVG map draws: districts, context, extents, links, halos and dots', async () => {
    const w = await watchedPage(browser);
    await withoutWebgl(w.page);
    await w.page.goto(baseUrl);
    expect(await awaitReady(w.page)).toBe('ready');
    const drawn = await w.page.evaluate(readSvgLooks);
    await w.page.close();
    expect(drawn.districts).toHaveLength(16);
    expect(compare(drawn, DEFAULT_STATE)).toBeGreaterThanOrEqual(60);
  }, 60_000);

  it('draw a selection as MapLibre does: a selected dot and a selected district', async () => {
    for (const place of ['zgc-haidian-park', 'haidian']) {
      const w = await watchedPage(browser);
      await withoutWebgl(w.page);
      await w.page.goto(`${baseUrl}#place=${place}`);
      expect(await awaitReady(w.page)).toBe('ready');
      const drawn = await w.page.evaluate(readSvgLooks);
      await w.page.close();
      const state = { ...DEFAULT_STATE, place };
      expect(compare(drawn, state)).toBeGreaterThanOrEqual(60);
      if (place === 'haidian') expect(drawn.selected.map((o) => o.place)).toEqual(['haidian']);
      else {
        const dot = drawn.dots.find((d) => d.place === place)!;
        const plain = drawn.dots.find((d) => d.place !== place && d.place?.startsWith('zgc-'))!;
        // The selected dot is larger than the others, as on the WebGL map.
        expect(Number(dot.r)).toBeGreaterThan(Number(plain.r));
      }
    }
  }, 90_000);
});
