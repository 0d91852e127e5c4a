import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import area from '@turf/area';
import { buildBoundaryTopology, labelPoint } from '../../../src/geo/boundary-topology.ts';
import { parseBoundaries } from '../../../src/app/data/load-boundaries.ts';

const read = (name: string) => JSON.parse(readFileSync(`geo/${name}.geojson`, 'utf8')) as FeatureCollection;
const input = { districts: read('beijing-districts'), context: read('jjj-context'), outlines: read('jjj-outlines'), extents: read('schematic-extents') };
const topo = buildBoundaryTopology(input);
const objectOf = (name: string) => feature(topo, topo.objects[name] as GeometryCollection) as FeatureCollection;
const vertices = (fc: FeatureCollection) => JSON.stringify(fc.features.map((f) => f.geometry)).split('],[').length;

describe('buildBoundaryTopology', () => {
  it('keeps every district and its properties', () => {
    const districts = objectOf('districts');
    expect(districts.features.map((f) => f.properties?.id).sort()).toEqual(input.districts.features.map((f) => f.properties?.id).sort());
  });

  it('keeps Beijing’s district borders at full detail and district areas within 0.1%', () => {
    const districts = objectOf('districts');
    expect(vertices(districts)).toBeGreaterThan(0.98 * vertices(input.districts));
    for (const f of districts.features) {
      const src = input.districts.features.find((g) => g.properties?.id === f.properties?.id)!;
      expect(Math.abs(area(f) - area(src)) / area(src)).toBeLessThan(0.001);
    }
  });

  it('simplifies the context units to well under their source detail', () => {
    expect(vertices(objectOf('context'))).toBeLessThan(0.6 * vertices(input.context));
  });

  it('places each label inside its own unit', () => {
    const labels = objectOf('labels') as FeatureCollection<Point>;
    for (const f of input.districts.features) {
      const label = labels.features.find((l) => l.properties?.id === f.properties?.id)!;
      expect(booleanPointInPolygon(label.geometry.coordinates, f as never), f.properties?.id).toBe(true);
    }
  });

  it('round-trips through the browser loader', () => {
    const b = parseBoundaries(JSON.parse(JSON.stringify(topo)));
    expect(b.districts.features).toHaveLength(16);
    expect(b.labels.features.length).toBe(input.districts.features.length + input.context.features.length + input.outlines.features.length);
    expect(b.extents.features.map((f) => f.properties?.id).sort()).toEqual(['beijing-etda', 'future-science-city', 'huairou-science-city', 'zgc-science-city']);
  });

  it('keeps the schematic extents at their cited areas, with only the properties the map uses', () => {
    for (const f of objectOf('extents').features) {
      expect(Object.keys(f.properties ?? {}).sort()).toEqual(['areaKm2', 'id', 'nameEn', 'nameZhHans', 'schematic', 'targetKm2']);
      expect(f.properties?.schematic).toBe(true);
      expect(Math.abs(area(f) / 1e6 - f.properties?.areaKm2) / f.properties?.areaKm2, f.properties?.id).toBeLessThan(0.01);
    }
  });

  it('labels Tianjin and Hebei as a whole, for the links anchored there', () => {
    const ids = objectOf('labels').features.map((f) => f.properties?.id);
    expect(ids).toContain('tianjin');
    expect(ids).toContain('hebei');
  });
});

describe('labelPoint', () => {
  it('uses the largest part of a MultiPolygon', () => {
    const g: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [[[0, 0], [0.1, 0], [0.1, 0.1], [0, 0.1], [0, 0]]],
        [[[10, 10], [12, 10], [12, 12], [10, 12], [10, 10]]],
      ],
    };
    const [x, y] = labelPoint(g);
    expect(x).toBeCloseTo(11, 1);
    expect(y).toBeCloseTo(11, 1);
  });

  it('lands inside a concave polygon where the centroid would not', () => {
    const u: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]] };
    expect(booleanPointInPolygon(labelPoint(u), u)).toBe(true);
  });
});
