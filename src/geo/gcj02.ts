/**
 * GCJ-02 → WGS84 for the boundary data, via gcoord (MIT; iterative inverse,
 * round-trip error well under a metre). The ECharts grid is also shifted half
 * a cell to the north-east, which `fromEchartsGrid` undoes first.
 */
import gcoord from 'gcoord';
import type { Position } from 'geojson';

export const ECHARTS_HALF_CELL = 1 / 2048;

export function gcj02ToWgs84(p: Position): Position {
  const [x, y] = gcoord.transform([p[0], p[1]] as [number, number], gcoord.GCJ02, gcoord.WGS84);
  return [x, y];
}

export function wgs84ToGcj02(p: Position): Position {
  const [x, y] = gcoord.transform([p[0], p[1]] as [number, number], gcoord.WGS84, gcoord.GCJ02);
  return [x, y];
}

/** A point of the ECharts 1/1024° grid (GCJ-02, shifted) to WGS84. */
export function fromEchartsGrid(p: Position): Position {
  return gcj02ToWgs84([p[0] - ECHARTS_HALF_CELL, p[1] - ECHARTS_HALF_CELL]);
}
