import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { geoArea, type GeoPermissibleObjects } from 'd3-geo';
import type { Boundaries } from '../../../src/app/data/load-boundaries.ts';
import { atlasSvg } from '../../../src/app/features/export/atlas-svg.ts';
import { escapeXml, forD3 } from '../../../src/app/features/export/svg-export.ts';
import { t } from '../../../src/app/i18n/strings.ts';
import { classBreaks, classColours } from '../../../src/app/map/choropleth.ts';
import { LINK_STYLE } from '../../../src/app/map/layers/jjj-layers.ts';
import { METRES_PER_PIXEL_Z0 } from '../../../src/app/map/layers/point-style.ts';
import { PALETTE } from '../../../src/app/map/map-theme.ts';
import { sceneOfState } from '../../../src/app/scene/scene-of-state.ts';
import { DEFAULT_STATE, type AtlasState } from '../../../src/app/state/state.ts';
import { dotRadius } from '../../../src/app/svg-map/points.ts';
import { boundaries, data } from './map-fixtures.ts';

const W = 900;
const MAP_H = 700;

function render(b: Boundaries = boundaries, state: Partial<AtlasState> = {}, bounds: [number, number, number, number] | null = null) {
  const s = { ...DEFAULT_STATE, ...state };
  return { counts: data.districtCounts(s.topic), svg: atlasSvg(b, data, s, { width: W, mapHeight: MAP_H, bounds }) };
}

function parse(svg: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => errors.push(`${level}: ${msg}`) }).parseFromString(svg, 'image/svg+xml');
  return { doc, errors };
}
type Doc = ReturnType<typeof parse>['doc'];

const byTag = (doc: Doc, tag: string) => Array.from(doc.getElementsByTagName(tag));
const districtPaths = (doc: Doc) => byTag(doc, 'path').filter((p) => (p.getAttribute('id') ?? '').startsWith('district-'));
/** The drawn elements of one style layer's group. */
const inLayer = (doc: Doc, styleLayer: string) => {
  const g = doc.getElementById(`layer-${styleLayer}`);
  return g ? (Array.from(g.childNodes).filter((n) => n.nodeType === 1) as unknown as ReturnType<Doc['getElementsByTagName']>[number][]) : [];
};
const size = (doc: Doc) => ({ w: Number(doc.documentElement!.getAttribute('width')), h: Number(doc.documentElement!.getAttribute('height')) });

/** Every number pair in a path's d attribute. */
function points(d: string): Array<[number, number]> {
  const nums = (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 1 < nums.length; i += 2) out.push([nums[i], nums[i + 1]]);
  return out;
}

describe('exportSvg of the atlas scene', () => {
  it('is well-formed XML with an svg root of the requested width, the map box plus its bands high', () => {
    const { doc, errors } = parse(render().svg);
    expect(errors).toEqual([]);
    const root = doc.documentElement!;
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    const { w, h } = size(doc);
    expect(w).toBe(W);
    expect(h).toBeGreaterThan(MAP_H);
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${w} ${h}`);
  });

  it('has one path per district, with its id, count, name and the fill of its count class', () => {
    const { counts, svg } = render();
    const { doc } = parse(svg);
    const paths = districtPaths(doc);
    expect(paths).toHaveLength(16);
    const breaks = classBreaks([...counts.values()]);
    const colours = classColours(breaks);
    for (const f of boundaries.districts.features) {
      const p = paths.find((x) => x.getAttribute('id') === `district-${f.properties!.id}`);
      expect(p, String(f.properties!.id)).toBeDefined();
      expect(p!.getElementsByTagName('title')[0].textContent).toContain(f.properties!.nameZhHans);
      const count = counts.get(f.properties!.id)!;
      expect(Number(p!.getAttribute('data-count'))).toBe(count);
      // The class the map's step expression would give: the last break ≤ count (the first from 1).
      let expected: string = PALETTE.choroplethZero;
      breaks.forEach((b, i) => {
        if (count >= (i === 0 ? 1 : b)) expected = colours[i];
      });
      expect(p!.getAttribute('fill')).toBe(expected);
    }
  });

  it('keeps every district inside the map box (rings wound for d3-geo)', () => {
    const { doc } = parse(render().svg);
    const { w, h } = size(doc);
    for (const p of districtPaths(doc)) {
      const pts = points(p.getAttribute('d')!);
      expect(pts.length).toBeGreaterThan(10);
      for (const [x, y] of pts) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(w);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(h);
      }
      // Not the whole box either: a district wound the wrong way is clipped to the full rectangle.
      const xs = pts.map((q) => q[0]);
      expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(w * 0.6);
    }
    for (const f of boundaries.districts.features) expect(geoArea(forD3(f) as GeoPermissibleObjects)).toBeLessThan(2 * Math.PI);
  });

  it('rounds coordinates to one decimal', () => {
    const ds = [...render().svg.matchAll(/ d="([^"]*)"/g)].map((m) => m[1]);
    expect(ds.length).toBeGreaterThan(16);
    for (const d of ds) expect(d).not.toMatch(/\d\.\d\d/);
  });

  it('carries every layer the map shows: backdrop, districts, extents, links, sub-parks, facilities with their halos, arrows and labels', () => {
    const { doc } = parse(render().svg);
    for (const id of ['context-fill', 'context-line', 'districts-fill', 'districts-line', 'province-outline', 'science-cities-fill', 'science-cities-line',
      'jjj-arcs-zgc-park', 'jjj-arcs-integration', 'jjj-arcs-cooperation', 'jjj-nodes', 'sub-parks-halo', 'sub-parks-dot', 'facilities-halo', 'facilities-dot', 'districts-label']) {
      expect(inLayer(doc, id).length, id).toBeGreaterThan(0);
    }
    // Every district is named, 东城区 too (the old export lost it to a collision).
    const names = inLayer(doc, 'districts-label').map((e) => e.textContent);
    expect(names).toContain('东城区');
    expect(names).toContain('海淀区');
    // Points carry the place they stand for.
    expect(inLayer(doc, 'sub-parks-dot').every((e) => e.getAttribute('data-place')?.startsWith('zgc-'))).toBe(true);
  });

  it('draws what the layer toggles show, and nothing of a hidden layer', () => {
    const { doc } = parse(render(boundaries, { layers: ['districts', 'sub-parks'] }).svg);
    expect(inLayer(doc, 'sub-parks-dot').length).toBeGreaterThan(0);
    for (const id of ['facilities-dot', 'facilities-halo', 'science-cities-line', 'jjj-arcs-cooperation']) expect(inLayer(doc, id), id).toHaveLength(0);
    const legend = byTag(doc, 'text').map((e) => e.textContent);
    expect(legend).toContain(t('legend.subPark', 'zh'));
    expect(legend).not.toContain(t('legend.facility', 'zh'));
  });

  it('has a legend with a symbol for every kind of shape it draws', () => {
    const { doc } = parse(render(boundaries, { lang: 'en' }).svg);
    const footer = doc.getElementById('footer')!;
    const texts = byTag(doc, 'text').map((e) => e.textContent);
    for (const key of ['legend.extent', 'legend.subPark', 'legend.precision', 'legend.facility', 'legend.linkIntegration', 'legend.linkCooperation', 'legend.national'] as const) {
      expect(texts, key).toContain(t(key, 'en'));
    }
    expect(texts).toContain('0 (no facts)');
    // The extent's symbol is a dashed line, the halo a faint disc, the link kinds their own dashes.
    const lines = Array.from(footer.getElementsByTagName('line'));
    expect(lines.some((l) => l.getAttribute('stroke') === PALETTE.extentLine && l.getAttribute('stroke-dasharray'))).toBe(true);
    expect(Array.from(footer.getElementsByTagName('circle')).some((c) => c.getAttribute('fill-opacity') === '0.12')).toBe(true);
    // Cooperation is drawn as dots (a 0-length dash with round caps, 2 widths apart): so is its sample.
    const dots = lines.find((l) => l.getAttribute('stroke') === LINK_STYLE.cooperation.colour);
    expect([dots?.getAttribute('stroke-dasharray'), dots?.getAttribute('stroke-linecap'), dots?.getAttribute('stroke-width')]).toEqual(['0 5', 'round', '2.5']);
  });

  it('draws title, theme line, notice and attribution as text, in the interface language', () => {
    const { doc } = parse(render(boundaries, { lang: 'en' }).svg);
    const texts = byTag(doc, 'text').map((t) => t.textContent).join(' ');
    expect(texts).toContain('Beijing Innovation Atlas');
    expect(texts).toContain('Schematic map, not an official map');
    expect(texts).toContain('ECharts');
    expect(doc.documentElement!.getAttribute('xml:lang')).toBe('en');
    expect(inLayer(doc, 'districts-label').map((e) => e.textContent)).toContain('Haidian');
  });

  it('escapes text that comes from data', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    const evil: Boundaries = {
      ...boundaries,
      districts: {
        ...boundaries.districts,
        features: boundaries.districts.features.map((f) => (f.properties?.id === 'dongcheng' ? { ...f, properties: { ...f.properties, nameZhHans: '<script>alert("x")</script>&' } } : f)),
      },
      labels: {
        ...boundaries.labels,
        features: boundaries.labels.features.map((f) => (f.properties?.id === 'dongcheng' ? { ...f, properties: { ...f.properties, nameZhHans: '<script>' } } : f)),
      },
    };
    const { svg } = render(evil);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    const { doc, errors } = parse(svg);
    expect(errors).toEqual([]);
    expect(doc.getElementById('district-dongcheng')!.getElementsByTagName('title')[0].textContent).toContain('<script>alert("x")</script>&');
  });

  it('fits given bounds and clips everything to the box', () => {
    const { doc, errors } = parse(render(boundaries, {}, [116.2, 39.9, 116.45, 40.05]).svg);
    expect(errors).toEqual([]);
    const { w, h } = size(doc);
    for (const p of byTag(doc, 'path')) {
      for (const [x, y] of points(p.getAttribute('d') ?? '')) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(w);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(h);
      }
    }
  });

  it('is deterministic', () => {
    expect(render().svg).toBe(render().svg);
  });
});

describe('one scene, drawn alike by every renderer', () => {
  const zoom = 9;
  const scene = sceneOfState(boundaries, data, { ...DEFAULT_STATE, place: 'zgc-haidian-park' }, zoom);
  const first = (styleLayer: string) => {
    const s = scene.shapes.find((x) => x.styleLayer === styleLayer);
    if (!s) throw new Error(`no ${styleLayer} in the scene`);
    return s;
  };

  it('resolves the WebGL style the way the SVG map draws it (dots, halos, links, extents, district classes)', () => {
    // Dots: the SVG map's radius for the zoom, the selected one larger.
    const dots = scene.shapes.filter((s) => s.styleLayer === 'sub-parks-dot');
    expect(dots.find((d) => d.placeId === 'zgc-haidian-park')!.radius).toBeCloseTo(dotRadius(zoom, true), 5);
    expect(dots.find((d) => d.placeId === 'zgc-dongcheng-park')!.radius).toBeCloseTo(dotRadius(zoom, false), 5);
    // Halos: the position uncertainty on the ground, in pixels at this zoom.
    const halo = first('facilities-halo');
    const place = data.places.get(halo.placeId!)!;
    expect(place.geometry.type).toBe('point');
    const precisionM = (place.geometry as { precisionM: number }).precisionM;
    expect(halo.radius).toBeCloseTo(precisionM / (METRES_PER_PIXEL_Z0 / 2 ** zoom), 3);
    // Links: wider the more facts cite them, MapLibre's dash (in line widths) in pixels.
    const link = first('jjj-arcs-integration');
    const count = data.places.get(link.placeId!)?.factCount ?? 0;
    // 1.2 px for an uncited link, 3.5 px at 20 facts and more, linear between.
    expect(link.strokeWidth).toBeCloseTo(1.2 + (2.3 * Math.min(20, count)) / 20, 5);
    expect(link.dash).toEqual(LINK_STYLE.integration.look.dash!.map((d) => d * link.strokeWidth!));
    // Extents: dashed, in the extent colour; districts: the choropleth colour of their count.
    const extent = first('science-cities-line');
    expect(extent.stroke).toBe(PALETTE.extentLine);
    expect(extent.dash?.length).toBe(2);
    const fills = scene.shapes.filter((s) => s.styleLayer === 'districts-fill');
    expect(new Set(fills.map((f) => f.fill)).size).toBeGreaterThan(1);
  });

  it('is what the SVG export draws, attribute for attribute, for a sample of every layer', () => {
    const { doc } = parse(atlasSvg(boundaries, data, { ...DEFAULT_STATE, place: 'zgc-haidian-park' }, { width: W, mapHeight: MAP_H, bounds: null }));
    const drawnLayers = [...new Set(scene.shapes.filter((s) => s.kind !== 'text').map((s) => s.styleLayer))];
    expect(drawnLayers.length).toBeGreaterThanOrEqual(15);
    const exportZoom = sceneZoom(doc);
    const exported = sceneOfState(boundaries, data, { ...DEFAULT_STATE, place: 'zgc-haidian-park' }, exportZoom);
    for (const styleLayer of drawnLayers) {
      const els = inLayer(doc, styleLayer);
      expect(els.length, styleLayer).toBeGreaterThan(0);
      const el = els[0];
      const shape = exported.shapes.find((s) => s.styleLayer === styleLayer && (s.placeId ?? null) === (el.getAttribute('data-place') ?? null))!;
      expect(shape, styleLayer).toBeDefined();
      const num = (a: string) => (el.getAttribute(a) === null ? undefined : Number(el.getAttribute(a)));
      // The export writes widths, radii and opacities to two decimals.
      const r2 = (x: number) => Math.round(x * 100) / 100;
      if (shape.kind === 'area') {
        expect(el.getAttribute('fill'), styleLayer).toBe(shape.fill);
        expect(num('fill-opacity') ?? 1, styleLayer).toBe(r2(shape.fillOpacity ?? 1));
      } else if (shape.kind === 'line') {
        expect(el.getAttribute('stroke'), styleLayer).toBe(shape.stroke);
        expect(num('stroke-width'), styleLayer).toBe(r2(shape.strokeWidth!));
        expect(num('stroke-opacity') ?? 1, styleLayer).toBe(r2(shape.strokeOpacity ?? 1));
        const dash = el.getAttribute('stroke-dasharray');
        expect(dash ? dash.split(' ').map(Number) : undefined, styleLayer).toEqual(shape.dash?.map(r2));
      } else {
        expect(el.getAttribute('fill'), styleLayer).toBe(shape.fill);
        expect(num('r'), styleLayer).toBe(r2(shape.radius!));
        expect(num('fill-opacity') ?? 1, styleLayer).toBe(r2(shape.fillOpacity ?? 1));
        expect(el.getAttribute('stroke') ?? undefined, styleLayer).toBe(shape.strokeWidth ? shape.stroke : undefined);
      }
    }
  });
});

/** The zoom the export drew at, which it keeps on its root. */
function sceneZoom(doc: Doc): number {
  const zoom = Number(doc.documentElement!.getAttribute('data-zoom'));
  expect(zoom).toBeGreaterThan(7);
  expect(zoom).toBeLessThan(10);
  return zoom;
}
