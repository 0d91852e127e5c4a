import { describe, expect, it } from 'vitest';
import { geoPath } from 'd3-geo';
import { METRES_PER_PIXEL_Z0 } from '../../../src/app/map/layers/point-style.ts';
import { PALETTE } from '../../../src/app/map/map-theme.ts';
import { contextShapes, outlineShapes } from '../../../src/app/svg-map/base.ts';
import { districtLooks, districtShapes } from '../../../src/app/svg-map/districts.ts';
import { extentShapes, extentTitle } from '../../../src/app/svg-map/extents.ts';
import { districtLabelSizes, labelBox, labelSpecs, layoutLabels } from '../../../src/app/svg-map/labels.ts';
import { linkShapes } from '../../../src/app/svg-map/links.ts';
import { LOOK_RULES, shapesByPlace } from '../../../src/app/svg-map/scene-looks.ts';
import { sceneOfState } from '../../../src/app/scene/scene-of-state.ts';
import { fallbackNotice } from '../../../src/app/svg-map/notice.ts';
import { dotRadius, metresToUnits, pinShapes } from '../../../src/app/svg-map/points.ts';
import { atlasProjection, fitBox, projectBounds, uppAt, zoomOf } from '../../../src/app/svg-map/viewport.ts';
import { DEFAULT_STATE, LAYER_IDS } from '../../../src/app/state/state.ts';
import { overlaps } from '../../../src/app/map/label-placement.ts';
import { boundaries, data, placeFeatures } from './map-fixtures.ts';

const projection = atlasProjection();
const path = geoPath(projection).digits(1);
const features = placeFeatures(null);

/** Every number pair in a path's d attribute. */
function points(d: string): Array<[number, number]> {
  const nums = (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 1 < nums.length; i += 2) out.push([nums[i], nums[i + 1]]);
  return out;
}

describe('districts', () => {
  it('draws each of the 16 districts as a closed path in Beijing’s projected box (rings wound for d3-geo)', () => {
    const shapes = districtShapes(boundaries, path);
    expect(shapes.map((s) => s.id).sort()).toEqual(boundaries.districts.features.map((f) => String(f.properties!.id)).sort());
    const box = projectBounds([115.3, 39.3, 117.6, 41.2], projection);
    for (const s of shapes) {
      const pts = points(s.d);
      expect(pts.length, s.id).toBeGreaterThan(10);
      for (const [x, y] of pts) {
        expect(x).toBeGreaterThan(box[0]);
        expect(x).toBeLessThan(box[2]);
        expect(y).toBeGreaterThan(box[1]);
        expect(y).toBeLessThan(box[3]);
      }
    }
    expect(shapes.find((s) => s.id === 'haidian')!.adcode).toBe('110108');
  });

  it('names each district with its count for the topic (its fill comes from the scene)', () => {
    for (const topic of [null, 'ai', 'quantum'] as const) {
      const counts = data.districtCounts(topic);
      const looks = districtLooks(boundaries, counts, 'zh');
      expect(looks.size).toBe(16);
      for (const [id, look] of looks) expect(look.count).toBe(counts.get(id) ?? 0);
    }
    const en = districtLooks(boundaries, data.districtCounts(null), 'en').get('haidian')!;
    expect(en.title).toBe(`Haidian District, ${en.count} facts`);
    expect(districtLooks(boundaries, new Map(), 'zh').get('miyun')!.count).toBe(0);
  });

  it('draws the Tianjin/Hebei frame and the province outlines as paths', () => {
    const context = contextShapes(boundaries, path);
    expect(context.length).toBe(boundaries.context.features.length);
    expect(context.some((c) => c.county)).toBe(true);
    expect(outlineShapes(boundaries, path).length).toBe(boundaries.outlines.features.length);
  });
});

describe('三城一区 extents', () => {
  it('has the four schematic extents, each with an area and an outline', () => {
    const shapes = extentShapes(boundaries, path);
    expect(shapes.map((s) => s.id).sort()).toEqual(['beijing-etda', 'future-science-city', 'huairou-science-city', 'zgc-science-city']);
    for (const s of shapes) {
      expect(s.area).toMatch(/Z$/);
      expect(s.outline).not.toMatch(/Z/);
      expect(points(s.outline).length).toBeGreaterThan(4);
    }
  });

  it('says in its name that the extent is schematic, in either language', () => {
    const s = { nameZhHans: '怀柔科学城', nameEn: 'Huairou Science City' };
    expect(extentTitle(s, 'zh')).toBe('怀柔科学城（示意范围）');
    expect(extentTitle(s, 'en')).toBe('Huairou Science City (Schematic extent)');
  });
});

describe('points', () => {
  const pins = pinShapes(features.sources, projection, 'zh');

  it('has one pin per WebGL point feature, at its projected position, in the layer that toggles it', () => {
    expect(pins.filter((p) => p.source === 'sub-parks')).toHaveLength(features.subParks.features.length);
    expect(pins.filter((p) => p.source === 'facilities')).toHaveLength(features.facilities.features.length);
    expect(pins.filter((p) => p.source === 'jjj-nodes')).toHaveLength(features.jjjNodes.features.length);
    expect(pins.filter((p) => p.source === 'national')).toHaveLength(features.national.features.length);
    for (const p of pins) expect(LAYER_IDS).toContain(p.layer);
    expect(new Set(pins.filter((p) => p.source === 'jjj-nodes' || p.source === 'national').map((p) => p.layer))).toEqual(new Set(['jjj']));
    const f = features.subParks.features[0];
    const pin = pins.find((p) => p.placeId === f.properties!.placeId)!;
    const [x, y] = projection(f.geometry.coordinates as [number, number])!;
    expect([pin.x, pin.y]).toEqual([x, y]);
    expect(pin.quiet).toBe(Number(f.properties!.factCount) === 0);
  });

  it('draws a halo the size of the position uncertainty on the ground, as the WebGL halo', () => {
    const f = features.facilities.features.find((x) => typeof x.properties?.precisionM === 'number')!;
    const pin = pins.find((p) => p.placeId === f.properties!.placeId)!;
    // At zoom z the WebGL halo is precisionM / (METRES_PER_PIXEL_Z0 / 2^z) px; here units × (1 / upp).
    const zoom = 11;
    expect(pin.halo! / uppAt(zoom)).toBeCloseTo(f.properties!.precisionM / (METRES_PER_PIXEL_Z0 / 2 ** zoom), 6);
    expect(metresToUnits(0)).toBe(0);
  });

  it('greys out points the topic does not mention, and turns national arrows to their bearing', () => {
    const quantum = pinShapes(placeFeatures('quantum').sources, projection, 'en');
    const quiet = quantum.filter((p) => p.quiet);
    expect(quiet.length).toBeGreaterThan(0);
    for (const p of quiet) expect(p.factCount).toBe(0);
    const national = quantum.filter((p) => p.source === 'national');
    for (const p of national) {
      expect(p.bearing).toBeGreaterThanOrEqual(0);
      expect(p.bearing).toBeLessThan(360);
      expect(p.title).toMatch(/ [\d,]+ km$/);
    }
  });

  it('sizes dots as the WebGL map: 3 → 5 px from zoom 7 to 12, 6 → 8 px selected', () => {
    expect(dotRadius(5, false)).toBe(3);
    expect(dotRadius(9.5, false)).toBe(4);
    expect(dotRadius(14, false)).toBe(5);
    expect(dotRadius(7, true)).toBe(6);
    expect(dotRadius(12, true)).toBe(8);
  });
});

describe('Jing-Jin-Ji links', () => {
  it('draws every arc as a path keyed by its place and kind (its looks come from the scene)', () => {
    const shapes = linkShapes(features.sources, path, 'zh');
    expect(shapes).toHaveLength(features.jjjArcs.features.length);
    for (const s of shapes) {
      expect(['zgc-park', 'integration', 'cooperation']).toContain(s.kind);
      expect(points(s.d).length).toBeGreaterThan(10);
      expect(s.title.length).toBeGreaterThan(0);
    }
  });
});

describe('looks from the scene', () => {
  const scene = (place: string | null, zoom = 9) => sceneOfState(boundaries, data, { ...DEFAULT_STATE, place }, zoom);
  const rule = (select: string) => LOOK_RULES.find((r) => r.select === select)!;
  const lookOf = (select: string, source: string, place: string, s = scene(null)) => {
    const r = rule(select);
    const shape = shapesByPlace(s).get(`${r.layer(source)}|${place}`);
    return shape ? r.look(shape) : undefined;
  };

  it('finds a shape for every kind of element the SVG map keys by place', () => {
    const arc = features.jjjArcs.features[0].properties!.placeId as string;
    const halo = features.facilities.features.find((f) => typeof f.properties?.precisionM === 'number')!.properties!.placeId as string;
    expect(lookOf('path.district', 'districts', 'haidian')?.fill).toMatch(/^#/);
    expect(lookOf('.extent .extent-line', 'extents', 'zgc-science-city')?.['stroke-dasharray']).toMatch(/^[\d.]+ [\d.]+$/);
    expect(lookOf('.link .link-line', 'jjj-arcs', arc)?.stroke).toMatch(/^#/);
    expect(lookOf('.halos circle', 'facilities', halo)?.['fill-opacity']).toBeDefined();
    // A halo's radius is a ground distance the SVG map draws in map units: the scene does not set it.
    expect(lookOf('.halos circle', 'facilities', halo)?.r).toBeUndefined();
    expect(lookOf('.pin .dot', 'sub-parks', 'zgc-haidian-park')?.r).toBeDefined();
  });

  it('draws a selected dot larger and outlined, as the WebGL map, and sizes dots by zoom', () => {
    const plain = lookOf('.pin .dot', 'sub-parks', 'zgc-haidian-park')!;
    const selected = lookOf('.pin .dot', 'sub-parks', 'zgc-haidian-park', scene('zgc-haidian-park'))!;
    expect(Number(selected.r)).toBeGreaterThan(Number(plain.r));
    expect(selected.stroke).toBe(PALETTE.selected);
    expect(Number(lookOf('.pin .dot', 'sub-parks', 'zgc-haidian-park', scene(null, 12))!.r)).toBeGreaterThan(Number(lookOf('.pin .dot', 'sub-parks', 'zgc-haidian-park', scene(null, 7))!.r));
    // The selected district's outline exists only for the selected district.
    expect(lookOf('.marked-outline.is-selected', 'districts', 'haidian', scene('haidian'))?.stroke).toMatch(/^#/);
    expect(lookOf('.marked-outline.is-selected', 'districts', 'haidian')).toBeUndefined();
  });
});

describe('labels', () => {
  const size = { width: 1000, height: 700 };
  const pins = pinShapes(features.sources, projection, 'zh');
  const specs = labelSpecs(boundaries, pins, projection, path, 'zh');
  const home = fitBox(projectBounds([115.42, 39.44, 117.51, 41.06], projection), size);

  it('puts district names first, then extents, sub-parks, JJJ nodes, national partners, facilities, the frame', () => {
    const order = specs.map((s) => s.id.split(':')[0]);
    const firsts = [...new Set(order)];
    expect(firsts).toEqual(['district', 'extent', 'sub-parks', 'jjj-nodes', 'national', 'facilities', 'context']);
    const facilities = specs.filter((s) => s.id.startsWith('facilities:'));
    const counts = facilities.map((s) => pins.find((p) => p.placeId === s.placeId && p.source === 'facilities')!.factCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('lays out labels that never overlap, only for visible layers and from their zoom on', () => {
    const laid = layoutLabels(specs, LAYER_IDS, home, size, zoomOf(home));
    expect(laid.length).toBeGreaterThan(10);
    for (let i = 0; i < laid.length; i++) for (let j = i + 1; j < laid.length; j++) expect(overlaps(laid[i].placed.box, laid[j].placed.box)).toBe(false);
    expect(laid.filter((l) => l.spec.id.startsWith('district:')).length).toBeGreaterThanOrEqual(14);
    // At the Beijing-wide view (zoom < 9) sub-park and facility names wait, as on the WebGL map.
    expect(zoomOf(home)).toBeLessThan(9);
    expect(laid.some((l) => l.spec.id.startsWith('sub-parks:') || l.spec.id.startsWith('facilities:'))).toBe(false);
    const noDistricts = layoutLabels(specs, ['jjj'], home, size, zoomOf(home));
    expect(noDistricts.some((l) => l.spec.layer === 'districts')).toBe(false);
    const closer = { ...home, upp: uppAt(10.5) };
    expect(layoutLabels(specs, LAYER_IDS, closer, size, 10.5).some((l) => l.spec.id.startsWith('facilities:'))).toBe(true);
  });

  it('places text relative to its anchor: beside a dot, or centred on a label point', () => {
    const below = labelBox(100, 100, 40, 11, 'below', 5);
    expect(below.anchor).toBe('middle');
    expect(below.box[1]).toBe(105);
    expect(below.y).toBeGreaterThan(105);
    const right = labelBox(100, 100, 40, 11, 'right', 5);
    expect(right.anchor).toBe('start');
    expect(right.box[0]).toBe(105);
    const left = labelBox(100, 100, 40, 11, 'left', 5);
    expect(left.anchor).toBe('end');
    expect(left.box[2]).toBe(95);
    const centre = labelBox(100, 100, 40, 11, 'center');
    expect([centre.x, centre.y]).toEqual([100, 100]);
    expect(centre.box).toEqual([78, 93.5, 122, 106.5]);
  });

  it('grows district names with the zoom, with a smaller size to fall back on', () => {
    expect(districtLabelSizes(6)).toEqual([11, 9]);
    expect(districtLabelSizes(10)).toEqual([15, 13]);
  });
});

describe('the fallback notice', () => {
  it('says in one sentence that the map is a simplified SVG and why', () => {
    expect(fallbackNotice({ kind: 'unsupported' }, 'en')).toBe('Simplified SVG map: this browser has no WebGL2.');
    expect(fallbackNotice({ kind: 'lost' }, 'zh')).toBe('简化的 SVG 地图：WebGL 图形上下文已丢失。');
    const gpu = Object.assign(new Error('WebGL2 is required to display this map. We are sorry…'), { name: 'GPUInitializationError' });
    expect(fallbackNotice({ kind: 'failed', error: gpu }, 'en')).toBe('Simplified SVG map: this browser has no WebGL2.');
    expect(fallbackNotice({ kind: 'failed', error: new Error('boom') }, 'en')).toBe('Simplified SVG map: the WebGL map could not start (boom).');
    const long = fallbackNotice({ kind: 'failed', error: new Error('x'.repeat(500)) }, 'en');
    expect(long.length).toBeLessThan(200);
    expect(long).not.toMatch(/\n/);
  });
});
