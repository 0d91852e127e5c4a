import { describe, expect, it } from 'vitest';
import {
  MAX_ZOOM,
  MIN_ZOOM,
  REF_ZOOM,
  atlasProjection,
  cameraOf,
  clampViewport,
  fitBox,
  interpolateViewport,
  panBy,
  projectBounds,
  uppAt,
  viewBoxOf,
  viewportOfCamera,
  visibleBounds,
  zoomAround,
  zoomOf,
} from '../../../src/app/svg-map/viewport.ts';

const projection = atlasProjection();
const size = { width: 1000, height: 600 };
const BEIJING: [number, number, number, number] = [115.42, 39.44, 117.51, 41.06];

describe('the SVG map projection', () => {
  it('has MapLibre’s scale: at zoom z the world is 512·2^z CSS px wide', () => {
    for (const zoom of [6, 9.5, 12]) {
      const [x0] = projection([116, 40])!;
      const [x1] = projection([117, 40])!;
      const px = (x1 - x0) / uppAt(zoom);
      expect(px).toBeCloseTo((512 * 2 ** zoom) / 360, 6);
    }
    expect(uppAt(REF_ZOOM)).toBe(1);
  });

  it('puts north up and Beijing near the origin', () => {
    const [, yNorth] = projection([116.4, 41])!;
    const [, ySouth] = projection([116.4, 39])!;
    expect(yNorth).toBeLessThan(ySouth);
    const [x, y] = projection([116.4, 40])!;
    expect(Math.abs(x) + Math.abs(y)).toBeLessThan(1e-6);
  });
});

describe('cameras and viewports', () => {
  it('round-trips a camera (the URL’s cam=) through a viewport', () => {
    const cam = { lng: 116.31, lat: 39.98, zoom: 9.25 };
    const back = cameraOf(viewportOfCamera(cam, projection), projection);
    expect(back.lng).toBeCloseTo(cam.lng, 9);
    expect(back.lat).toBeCloseTo(cam.lat, 9);
    expect(back.zoom).toBeCloseTo(cam.zoom, 9);
  });

  it('shows the camera’s centre in the middle of the padded area, as MapLibre pads', () => {
    const cam = { lng: 116.4, lat: 40, zoom: 10 };
    const v = viewportOfCamera(cam, projection, { top: 0, right: 200, bottom: 0, left: 0 });
    const [x, , w] = viewBoxOf(v, size);
    // The free part is 800 px wide: its middle is at 400 px.
    const [cx] = projection([cam.lng, cam.lat])!;
    expect((cx - x) / v.upp).toBeCloseTo(400, 6);
    expect(w).toBeCloseTo(1000, 6);
  });

  it('fits a box inside the padding, centred, no closer than maxZoom', () => {
    const box = projectBounds(BEIJING, projection);
    const pad = { top: 24, right: 24, bottom: 24, left: 24 };
    const v = fitBox(box, size, pad);
    const [x, y, w, h] = viewBoxOf(v, size);
    expect(x).toBeLessThanOrEqual(box[0] - 24 * v.upp + 1e-6);
    expect(x + w).toBeGreaterThanOrEqual(box[2] + 24 * v.upp - 1e-6);
    expect(y).toBeLessThanOrEqual(box[1] + 1e-6);
    expect(y + h).toBeGreaterThanOrEqual(box[3] - 1e-6);
    // Tight on the limiting side (height here: Beijing is taller than 1000 × 600 is wide).
    expect(Math.min(box[0] - x, y + h - box[3], box[1] - y) / v.upp).toBeCloseTo(24, 6);
    const tiny = fitBox([0, 0, 1, 1], size, pad, 11.5);
    expect(zoomOf(tiny)).toBeCloseTo(11.5, 9);
  });

  it('reports the geographic bounds on screen', () => {
    const v = fitBox(projectBounds(BEIJING, projection), size);
    const [w, s, e, n] = visibleBounds(v, size, projection);
    expect(w).toBeLessThanOrEqual(BEIJING[0] + 1e-9);
    expect(s).toBeLessThanOrEqual(BEIJING[1] + 1e-9);
    expect(e).toBeGreaterThanOrEqual(BEIJING[2] - 1e-9);
    expect(n).toBeGreaterThanOrEqual(BEIJING[3] - 1e-9);
    expect(Math.min(e - BEIJING[2], n - BEIJING[3])).toBeLessThan(1e-6);
  });
});

describe('moving the view', () => {
  const v = { cx: 100, cy: -50, upp: 2 };

  it('zooms around a point: the map under the pointer stays under it', () => {
    const at: [number, number] = [250, 420];
    const unitsAt = (vp: typeof v) => {
      const [x, y] = viewBoxOf(vp, size);
      return [x + at[0] * vp.upp, y + at[1] * vp.upp];
    };
    for (const factor of [2, 0.5, 1.37]) {
      const z = zoomAround(v, factor, at, size);
      expect(z.upp).toBeCloseTo(v.upp / factor, 12);
      expect(unitsAt(z)[0]).toBeCloseTo(unitsAt(v)[0], 9);
      expect(unitsAt(z)[1]).toBeCloseTo(unitsAt(v)[1], 9);
    }
    expect(zoomOf(zoomAround(v, 2, at, size))).toBeCloseTo(zoomOf(v) + 1, 12);
  });

  it('pans with the pointer: dragging right shows what lay to the left', () => {
    expect(panBy(v, 10, -5)).toEqual({ cx: 80, cy: -40, upp: 2 });
  });

  it('keeps the zoom range and the centre inside the pannable area', () => {
    const area: [number, number, number, number] = [-1000, -1000, 1000, 1000];
    expect(clampViewport({ cx: 5000, cy: -5000, upp: 1 }, area)).toEqual({ cx: 1000, cy: -1000, upp: 1 });
    expect(zoomOf(clampViewport({ cx: 0, cy: 0, upp: 1e9 }, area))).toBe(MIN_ZOOM);
    expect(zoomOf(clampViewport({ cx: 0, cy: 0, upp: 1e-9 }, area))).toBe(MAX_ZOOM);
  });

  it('interpolates from one view to another, the zoom at an even pace', () => {
    const a = { cx: 0, cy: 0, upp: 8 };
    const b = { cx: 100, cy: 50, upp: 2 };
    expect(interpolateViewport(a, b, 0)).toEqual(a);
    expect(interpolateViewport(a, b, 1)).toEqual(b);
    const mid = interpolateViewport(a, b, 0.5);
    expect(mid.upp).toBeCloseTo(4, 12);
    expect(mid.cx).toBe(50);
  });
});
