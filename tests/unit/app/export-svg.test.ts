import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { geoArea, type GeoPermissibleObjects } from 'd3-geo';
import type { Boundaries } from '../../../src/app/data/load-boundaries.ts';
import { exportSvg, escapeXml, forD3, type SvgExportOptions } from '../../../src/app/export/svg-export.ts';
import { exportFrame } from '../../../src/app/export/frame.ts';
import { colourOfCounts } from '../../../src/app/map/choropleth.ts';
import { classBreaks, classColours } from '../../../src/app/map/choropleth.ts';
import { PALETTE } from '../../../src/app/map/map-theme.ts';
import { boundaries, data } from './map-fixtures.ts';

const W = 900;
const H = 800;

function render(b: Boundaries = boundaries, lang: 'zh' | 'en' = 'zh', extra: Partial<SvgExportOptions> = {}) {
  const counts = data.districtCounts(null);
  const frame = exportFrame(counts, null, lang);
  return { counts, svg: exportSvg(b, counts, colourOfCounts(counts.values()), { ...frame, lang, width: W, height: H, ...extra }) };
}

function parse(svg: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => errors.push(`${level}: ${msg}`) }).parseFromString(svg, 'image/svg+xml');
  return { doc, errors };
}

const districtPaths = (doc: ReturnType<typeof parse>['doc']) =>
  Array.from(doc.getElementsByTagName('path')).filter((p) => (p.getAttribute('id') ?? '').startsWith('district-'));

/** Every number pair in a path's d attribute. */
function points(d: string): Array<[number, number]> {
  const nums = (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 1 < nums.length; i += 2) out.push([nums[i], nums[i + 1]]);
  return out;
}

describe('exportSvg', () => {
  it('is well-formed XML with an svg root of the requested size', () => {
    const { doc, errors } = parse(render().svg);
    expect(errors).toEqual([]);
    const root = doc.documentElement!;
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${W} ${H}`);
  });

  it('has one path per district, with its id, adcode, name and the fill of its count class', () => {
    const { counts, svg } = render();
    const { doc } = parse(svg);
    const paths = districtPaths(doc);
    expect(paths).toHaveLength(16);
    const breaks = classBreaks([...counts.values()]);
    const colours = classColours(breaks);
    for (const f of boundaries.districts.features) {
      const p = paths.find((x) => x.getAttribute('id') === `district-${f.properties!.id}`);
      expect(p, String(f.properties!.id)).toBeDefined();
      expect(p!.getAttribute('data-adcode')).toBe(f.properties!.adcode);
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

  it('colours more facts at least as dark (ramp order follows counts)', () => {
    const { counts, svg } = render();
    const { doc } = parse(svg);
    const rank = (c: string) => (c === PALETTE.choroplethZero ? -1 : classColours([1, 2, 3, 4]).indexOf(c));
    const rows = districtPaths(doc).map((p) => ({ count: counts.get(p.getAttribute('id')!.slice('district-'.length))!, r: rank(p.getAttribute('fill')!) }));
    for (const a of rows) for (const b of rows) if (a.count < b.count) expect(a.r).toBeLessThanOrEqual(b.r);
  });

  it('keeps every district inside the map box (rings wound for d3-geo)', () => {
    const { doc } = parse(render().svg);
    for (const p of districtPaths(doc)) {
      const pts = points(p.getAttribute('d')!);
      expect(pts.length).toBeGreaterThan(10);
      for (const [x, y] of pts) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(W);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(H);
      }
      // Not the whole box either: a district wound the wrong way is clipped to the full rectangle.
      const xs = pts.map((q) => q[0]);
      expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(W * 0.6);
    }
    for (const f of boundaries.districts.features) expect(geoArea(forD3(f) as GeoPermissibleObjects)).toBeLessThan(2 * Math.PI);
  });

  it('rounds coordinates to one decimal', () => {
    const { svg } = render();
    const ds = [...svg.matchAll(/ d="([^"]*)"/g)].map((m) => m[1]);
    expect(ds.length).toBeGreaterThan(16);
    for (const d of ds) expect(d).not.toMatch(/\d\.\d\d/);
  });

  it('labels districts, and draws title, notice, attribution and the legend as text', () => {
    const { svg } = render(boundaries, 'en');
    const { doc } = parse(svg);
    const texts = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent);
    expect(texts).toContain('Beijing Innovation Atlas');
    expect(texts).toContain('Haidian');
    expect(texts.join(' ')).toContain('Schematic map, not an official map');
    expect(texts.join(' ')).toContain('ECharts');
    expect(texts).toContain('0 (no facts)');
    expect(doc.documentElement!.getAttribute('xml:lang')).toBe('en');
  });

  it('escapes text that comes from data', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    const evil: Boundaries = {
      ...boundaries,
      districts: {
        ...boundaries.districts,
        features: boundaries.districts.features.map((f, i) => (i === 0 ? { ...f, properties: { ...f.properties, nameZhHans: '<script>alert("x")</script>&' } } : f)),
      },
      labels: {
        ...boundaries.labels,
        features: boundaries.labels.features.map((f) => (f.properties?.id === 'dongcheng' ? { ...f, properties: { ...f.properties, nameZhHans: '<script>' } } : f)),
      },
    };
    const { svg } = render(evil, 'zh', { title: 'A & B <c>' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('A &amp; B &lt;c&gt;');
    const { doc, errors } = parse(svg);
    expect(errors).toEqual([]);
    expect(doc.getElementById('district-dongcheng')!.getElementsByTagName('title')[0].textContent).toContain('<script>alert("x")</script>&');
  });

  it('fits given bounds and clips everything to the box', () => {
    const { svg } = render(boundaries, 'zh', { bounds: [116.2, 39.9, 116.45, 40.05] });
    const { doc, errors } = parse(svg);
    expect(errors).toEqual([]);
    for (const p of Array.from(doc.getElementsByTagName('path'))) {
      for (const [x, y] of points(p.getAttribute('d') ?? '')) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(W);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(H);
      }
    }
  });

  it('is deterministic', () => {
    expect(render().svg).toBe(render().svg);
  });
});
