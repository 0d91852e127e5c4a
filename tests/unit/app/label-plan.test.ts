/** What the map labels, from the scene (the style evaluated): short English district names, one label per extent. */
import { describe, expect, it } from 'vitest';
import { sceneOfState } from '../../../src/app/scene/scene-of-state.ts';
import { DEFAULT_STATE } from '../../../src/app/state/state.ts';
import { boundaries, data } from './map-fixtures.ts';

const labels = (lang: 'zh' | 'en', styleLayer: string, zoom = 9) =>
  sceneOfState(boundaries, data, { ...DEFAULT_STATE, lang }, zoom)
    .shapes.filter((s) => s.styleLayer === styleLayer)
    .map((s) => s.text!);

describe('the label plan', () => {
  it('names all 16 districts, short in English (Haidian, not Haidian District), in full in Chinese', () => {
    const en = labels('en', 'districts-label');
    const zh = labels('zh', 'districts-label');
    expect(en).toHaveLength(16);
    expect(zh).toHaveLength(16);
    expect(en).toContain('Haidian');
    expect(en).toContain('Xicheng');
    for (const name of en) expect(name).not.toMatch(/ District$/);
    expect(zh).toContain('海淀区');
    expect(zh).toContain('西城区');
  });

  it('lets district names move beside their point, so close ones (东城区, 西城区) both fit', () => {
    const shape = sceneOfState(boundaries, data, DEFAULT_STATE, 7.6).shapes.find((s) => s.styleLayer === 'districts-label')!;
    expect(shape.anchors).toEqual(expect.arrayContaining(['center', 'left', 'right']));
  });

  it('labels each schematic extent once, at a point inside its largest part', () => {
    const shapes = sceneOfState(boundaries, data, DEFAULT_STATE, 9).shapes.filter((s) => s.styleLayer === 'science-cities-label');
    const ids = shapes.map((s) => s.placeId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(boundaries.extents.features.map((f) => String(f.properties?.id)).sort());
    for (const s of shapes) {
      expect(s.geometry.type).toBe('Point');
      const [x, y] = (s.geometry as { coordinates: number[] }).coordinates;
      const extent = boundaries.extents.features.find((f) => f.properties?.id === s.placeId)!;
      // Inside the extent's bounding box (and, for these shapes, inside the shape: checked in the browser).
      const g = extent.geometry;
      const points = (g.type === 'Polygon' ? g.coordinates.flat(1) : g.type === 'MultiPolygon' ? g.coordinates.flat(2) : []) as number[][];
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      expect(x).toBeGreaterThan(Math.min(...xs));
      expect(x).toBeLessThan(Math.max(...xs));
      expect(y).toBeGreaterThan(Math.min(...ys));
      expect(y).toBeLessThan(Math.max(...ys));
    }
  });
});
