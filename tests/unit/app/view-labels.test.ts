import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Point } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { clipRing, viewLabelPoints, type Box } from '../../../src/app/map/view-labels.ts';
import { boundaries } from './map-fixtures.ts';

const square = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];

describe('clipRing', () => {
  it('keeps the part of a ring inside the box, closed', () => {
    const corners = (r: number[][]) => r.slice(0, -1).map((p) => p.join()).sort();
    const clipped = clipRing(square, [5, 5, 20, 20]);
    expect(clipped[0]).toEqual(clipped.at(-1));
    expect(corners(clipped)).toEqual(['10,10', '10,5', '5,10', '5,5']);
    expect(corners(clipRing(square, [-1, -1, 11, 11]))).toEqual(corners(square));
  });
  it('gives nothing for a ring wholly outside the box', () => {
    expect(clipRing(square, [20, 20, 30, 30])).toEqual([]);
  });
});

describe('viewLabelPoints', () => {
  const labels = boundaries.labels as FeatureCollection<Point>;
  const own = (id: string) => labels.features.find((f) => f.properties?.id === id)!.geometry.coordinates;

  it('names nothing at the overview: every label point is on the map', () => {
    expect(viewLabelPoints(boundaries.districts, labels, [115.2, 39.3, 117.6, 41.1]).features).toEqual([]);
  });

  it('zoomed in on 亦庄, names the districts in view whose label point is off it, inside their part in view', () => {
    const view: Box = [116.42, 39.72, 116.62, 39.84];
    const named = viewLabelPoints(boundaries.districts, labels, view);
    const ids = named.features.map((f) => f.properties?.id);
    expect(ids).toEqual(expect.arrayContaining(['chaoyang', 'daxing', 'tongzhou']));
    for (const f of named.features) {
      const [x, y] = f.geometry.coordinates;
      expect(x >= view[0] && x <= view[2] && y >= view[1] && y <= view[3], f.properties?.id).toBe(true);
      const district = boundaries.districts.features.find((d) => d.properties?.id === f.properties?.id)!;
      expect(booleanPointInPolygon([x, y], district as never), f.properties?.id).toBe(true);
      const [ox, oy] = own(f.properties?.id);
      expect(ox >= view[0] && ox <= view[2] && oy >= view[1] && oy <= view[3]).toBe(false);
      expect(f.properties?.nameZhHans).toBe(district.properties?.nameZhHans);
    }
  });

  it('places the name in the room clear of covers, and leaves a label point under a cover its own label', () => {
    const view: Box = [116.2, 39.6, 116.8, 40.1];
    const room: Box = [116.5, 39.6, 116.8, 40.1]; // the west half under a card
    const named = viewLabelPoints(boundaries.districts, labels, view, room);
    for (const f of named.features) expect(f.geometry.coordinates[0]).toBeGreaterThanOrEqual(116.5);
    // 丰台区's label point is on the map (under the card): no second 丰台区.
    expect(named.features.map((f) => f.properties?.id)).not.toContain('fengtai');
  });
});
