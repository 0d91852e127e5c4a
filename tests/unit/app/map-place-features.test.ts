import { describe, expect, it } from 'vitest';
import type { Feature, Point } from 'geojson';
import { FACILITY_KINDS, jjjFeatures, linkKindOf, nationalArrows } from '../../../src/app/map/place-features.ts';
import { BEIJING_REFERENCE, arc, distanceKm, screenBearing } from '../../../src/app/map/geo-math.ts';
import type { PlaceRecord } from '../../../src/app/data/atlas-data.ts';
import { boundaries, data, placeFeatures } from './map-fixtures.ts';

const all = placeFeatures(null);
const byId = <G extends Feature>(fs: G[]) => new Map(fs.map((f) => [String(f.properties?.placeId), f]));
const place = (id: string) => data.places.get(id)!;
const input = { data, boundaries, topic: null };

describe('sub-parks', () => {
  it('draws the 16 sub-parks at their gazetteer points with their precision', () => {
    expect(all.subParks.features).toHaveLength(16);
    for (const f of all.subParks.features) {
      const p = place(f.properties!.placeId);
      expect(p.kind).toBe('sub-park');
      expect(p.geometry).toMatchObject({ type: 'point', lonLat: f.geometry.coordinates, precisionM: f.properties!.precisionM });
      expect(f.properties).toMatchObject({ nameZhHans: p.names.zhHans, nameEn: p.names.en, district: p.district });
    }
  });

  it('counts facts within the topic, so a topic mutes parks it does not mention', () => {
    const quantum = placeFeatures('quantum');
    for (const f of quantum.subParks.features) expect(f.properties!.factCount).toBe(data.count(f.properties!.placeId, 'quantum'));
    expect(quantum.subParks.features).toHaveLength(16);
  });
});

describe('facilities', () => {
  it('draws cited point places of the facility kinds only, once', () => {
    expect(all.facilities.features.length).toBeGreaterThan(10);
    for (const f of all.facilities.features) {
      const p = place(f.properties!.placeId);
      expect(FACILITY_KINDS.has(p.kind)).toBe(true);
      expect(p.geometry.type).toBe('point');
      expect(data.count(p.id)).toBeGreaterThan(0);
      expect(f.properties!.precisionM).toBeGreaterThan(0);
    }
    // 北京经济技术开发区 is drawn as its schematic extent, not again as a point.
    expect(byId(all.facilities.features).has('beijing-etda')).toBe(false);
    expect(byId(all.facilities.features).has('huairou-ncsc')).toBe(true);
  });
});

describe('Jing-Jin-Ji links', () => {
  it('includes exactly the Tianjin/Hebei nodes the documents cite', () => {
    const nodes = byId(all.jjjNodes.features);
    for (const p of data.places.values()) {
      if (p.kind !== 'jjj-node') continue;
      expect(nodes.has(p.id), p.id).toBe(data.count(p.id) + data.listed(p.id) > 0);
    }
    expect(nodes.has('tianjin-binhai-zgc-park')).toBe(false); // no fact
    expect([...nodes.keys()]).toEqual(expect.arrayContaining(['tianjin', 'hebei', 'xiongan', 'binhai', 'sanhe']));
  });

  it('takes the kind of link from what the documents say (the pipeline’s link), and draws no line for a mere mention', () => {
    const kinds = new Map(all.jjjArcs.features.map((f) => [f.properties!.placeId, f.properties!.linkKind]));
    // 推进中关村在滨海、宝坻、保定的合作园区: co-built parks, though the gazetteer links none of them to 中关村.
    for (const id of ['xiongan-zgc-park', 'binhai', 'baodi', 'baoding']) expect(kinds.get(id), id).toBe('zgc-park');
    expect(kinds.get('sanhe')).toBe('integration');
    expect(kinds.get('tianjin')).toBe('cooperation');
    expect(linkKindOf({ ...place('tianjin'), link: { kind: 'integration', fact: 'x' } } as PlaceRecord)).toBe('integration');
    const unsaid = { ...place('tianjin') } as PlaceRecord;
    delete unsaid.link;
    expect(linkKindOf(unsaid)).toBe('mention');
    // A mentioned node keeps its dot and loses its line.
    const mentioned = new Map([...data.places].map(([id, p]) => [id, id === 'xiongan' ? { ...p, link: { kind: 'mention' as const, fact: p.link!.fact } } : p]));
    const drawn = jjjFeatures({ ...input, data: Object.create(data, { places: { value: mentioned } }) as typeof data });
    expect(drawn.nodes.features.find((f) => f.properties!.placeId === 'xiongan')?.properties!.linkKind).toBe('mention');
    expect(drawn.arcs.features.some((f) => f.properties!.placeId === 'xiongan')).toBe(false);
  });

  it('draws a national place the documents only name as a location as a mention arrow (西昌卫星发射中心)', () => {
    const arrows = new Map(nationalArrows(input).features.map((f) => [f.properties!.placeId, f.properties!.linkKind]));
    expect(arrows.get('xichang-slc')).toBe('mention');
    expect(arrows.get('hefei-ncsc')).toBe('cooperation');
  });

  it('starts each arc in Beijing (the linked Beijing place, else Tiananmen) and ends it at the node', () => {
    const nodes = byId(all.jjjNodes.features);
    for (const f of all.jjjArcs.features) {
      const line = f.geometry.coordinates;
      expect(line.length).toBe(33);
      expect(line.at(-1)).toEqual((nodes.get(f.properties!.placeId) as Feature<Point>).geometry.coordinates);
    }
    const start = (id: string) => all.jjjArcs.features.find((f) => f.properties!.placeId === id)!.geometry.coordinates[0];
    expect(start('sanhe')).toEqual((place('zgc-tongzhou-park').geometry as { lonLat: number[] }).lonLat);
    expect(start('tianjin')).toEqual(BEIJING_REFERENCE);
  });

  it('anchors boundary-only nodes at their unit’s label point', () => {
    const labels = new Map(boundaries.labels.features.map((f) => [f.properties!.id, f.geometry.coordinates]));
    const nodes = byId(all.jjjNodes.features);
    for (const id of ['binhai', 'baodi', 'tianjin', 'hebei']) expect((nodes.get(id) as Feature<Point>).geometry.coordinates, id).toEqual(labels.get(id));
  });
});

describe('national arrows', () => {
  const arrows = byId(all.national.features);

  it('draws the cited national nodes as arrows near Beijing with bearing and distance', () => {
    expect(arrows.size).toBe([...data.places.values()].filter((p) => p.kind === 'national-node' && data.count(p.id) > 0).length);
    for (const f of all.national.features) {
      const d = distanceKm(BEIJING_REFERENCE, f.geometry.coordinates as [number, number]);
      expect(d).toBeGreaterThan(150);
      expect(d).toBeLessThan(500);
    }
  });

  it('points to Shanghai in the south-east, about 1,070 km away', () => {
    const sh = arrows.get('shanghai')!.properties!;
    expect(sh.bearing).toBeGreaterThan(135);
    expect(sh.bearing).toBeLessThan(170);
    expect(sh.distanceKm).toBeGreaterThan(1030);
    expect(sh.distanceKm).toBeLessThan(1110);
    // The arrow itself lies in that direction from Beijing.
    const at = (arrows.get('shanghai') as Feature<Point>).geometry.coordinates as [number, number];
    expect(Math.abs(screenBearing(BEIJING_REFERENCE, at) - sh.bearing)).toBeLessThan(1);
  });

  it('points to Xinjiang to the west and Shenyang to the north-east', () => {
    expect(arrows.get('xinjiang')!.properties!.bearing).toBeGreaterThan(250);
    expect(arrows.get('shenyang')!.properties!.bearing).toBeGreaterThan(30);
    expect(arrows.get('shenyang')!.properties!.bearing).toBeLessThan(90);
  });
});

describe('arc', () => {
  it('bulges to the left of its direction, the same way for every link', () => {
    const line = arc([0, 0], [2, 0]);
    expect(line[16][1]).toBeGreaterThan(0.1);
    const back = arc([2, 0], [0, 0]);
    expect(back[16][1]).toBeLessThan(-0.1);
  });
});
