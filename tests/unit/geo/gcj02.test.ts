import { describe, expect, it } from 'vitest';
import { ECHARTS_HALF_CELL, fromEchartsGrid, gcj02ToWgs84, wgs84ToGcj02 } from '../../../src/geo/gcj02.ts';

const metres = (a: number[], b: number[]) => {
  const dy = (a[1] - b[1]) * 111_320;
  const dx = (a[0] - b[0]) * 111_320 * Math.cos((a[1] * Math.PI) / 180);
  return Math.hypot(dx, dy);
};

describe('GCJ-02 conversion', () => {
  // Published test vector of the widely used coordtransform library (wandergis/coordtransform, test/app.js):
  // wgs84togcj02(116.404, 39.915) = [116.41024449916938, 39.91640428150164].
  it('matches the published WGS84 → GCJ-02 value for central Beijing', () => {
    const [x, y] = wgs84ToGcj02([116.404, 39.915]);
    expect(x).toBeCloseTo(116.41024449916938, 9);
    expect(y).toBeCloseTo(39.91640428150164, 9);
  });

  it('shifts Beijing points by the known 500–700 m offset, mostly to the east', () => {
    const gcj = wgs84ToGcj02([116.3913, 39.9075]);
    expect(metres(gcj, [116.3913, 39.9075])).toBeGreaterThan(400);
    expect(metres(gcj, [116.3913, 39.9075])).toBeLessThan(800);
    expect(gcj[0]).toBeGreaterThan(116.3913);
  });

  it('inverts the forward transform to within half a metre around Beijing', () => {
    for (const p of [[116.3913, 39.9075], [115.9, 40.5], [117.4, 39.5], [116.6, 41.0]]) {
      expect(metres(gcj02ToWgs84(wgs84ToGcj02(p)), p)).toBeLessThan(0.5);
    }
  });

  it('leaves points outside China unchanged', () => {
    expect(gcj02ToWgs84([2.35, 48.85])).toEqual([2.35, 48.85]);
  });

  it('removes the ECharts half-cell shift before converting', () => {
    const p = [116.4, 39.9];
    expect(fromEchartsGrid(p)).toEqual(gcj02ToWgs84([p[0] - ECHARTS_HALF_CELL, p[1] - ECHARTS_HALF_CELL]));
    expect(ECHARTS_HALF_CELL).toBe(1 / 2048);
  });
});
