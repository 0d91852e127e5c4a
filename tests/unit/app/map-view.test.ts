import { describe, expect, it } from 'vitest';
import type { MapView } from '../../../src/app/map/map-view.ts';
import { showPlace } from '../../../src/app/map/map-view.ts';
import { beijingBounds } from '../../../src/app/map/place-camera.ts';
import { boundaries, data } from './map-fixtures.ts';

/** A map view that records the camera calls showPlace makes. */
function recorder() {
  const calls: Array<[string, unknown, unknown]> = [];
  const view = {
    fitBounds: (bounds: unknown, o: unknown) => calls.push(['fitBounds', bounds, o]),
    flyTo: (camera: unknown, o: unknown) => calls.push(['flyTo', camera, o]),
  } as unknown as MapView;
  return { view, calls };
}

const padding = { top: 40, right: 300, bottom: 40, left: 40 };

describe('showPlace (either renderer)', () => {
  it('fits a district’s extent, clear of the padding, no closer than zoom 11.5', () => {
    const { view, calls } = recorder();
    showPlace(view, data, boundaries, 'haidian', padding);
    expect(calls).toHaveLength(1);
    const [kind, bounds, o] = calls[0];
    expect(kind).toBe('fitBounds');
    const [w, s, e, n] = bounds as number[];
    expect(w).toBeLessThan(116.3);
    expect(e).toBeGreaterThan(116.3);
    expect(s).toBeLessThan(40);
    expect(n).toBeGreaterThan(40);
    expect(o).toMatchObject({ padding, maxZoom: 11.5 });
  });

  it('flies to a point place at a zoom that fits its precision', () => {
    const point = [...data.places.values()].find((p) => p.kind === 'sub-park' && p.geometry.type === 'point')!;
    const { view, calls } = recorder();
    showPlace(view, data, boundaries, point.id, padding);
    expect(calls).toHaveLength(1);
    const [kind, camera] = calls[0];
    expect(kind).toBe('flyTo');
    expect(camera).toMatchObject({ lng: (point.geometry as { lonLat: number[] }).lonLat[0], lat: (point.geometry as { lonLat: number[] }).lonLat[1] });
  });

  it('leaves the camera alone for a place without a position', () => {
    const { view, calls } = recorder();
    showPlace(view, data, boundaries, 'no-such-place', padding);
    expect(calls).toEqual([]);
  });

  it('frames a national partner with Beijing and its arrow: the bounds hold both', () => {
    const national = [...data.places.values()].find((p) => p.kind === 'national-node' && p.geometry.type === 'point')!;
    const { view, calls } = recorder();
    showPlace(view, data, boundaries, national.id, padding);
    expect(calls).toHaveLength(1);
    const [kind, bounds] = calls[0] as [string, [number, number, number, number], unknown];
    expect(kind).toBe('fitBounds');
    const [w, s, e, n] = beijingBounds(boundaries);
    expect(bounds[0]).toBeLessThanOrEqual(w);
    expect(bounds[1]).toBeLessThanOrEqual(s);
    expect(bounds[2]).toBeGreaterThanOrEqual(e);
    expect(bounds[3]).toBeGreaterThanOrEqual(n);
    // The arrow sits outside Beijing's frame, so the bounds reach beyond it on some side.
    expect(bounds[0] < w || bounds[1] < s || bounds[2] > e || bounds[3] > n).toBe(true);
  });
});
