/** Small lon/lat helpers for the drawn links: no dependency needed for a few curves and bearings. */
export type LonLat = [number, number];

/** Tiananmen (WGS84): where a link starts when the documents name no Beijing place with a position. */
export const BEIJING_REFERENCE: LonLat = [116.3913, 39.9075];

const RAD = Math.PI / 180;
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2)) / RAD;
const round = (x: number) => Math.round(x * 1e5) / 1e5;

/** Great-circle distance in km (haversine, mean Earth radius). */
export function distanceKm(a: LonLat, b: LonLat): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Direction from a to b as drawn on the (Mercator) map, degrees clockwise from north. An arrow
 * on the map must point where the place lies on the map, i.e. along the rhumb line, not the
 * great circle's initial heading.
 */
export function screenBearing(a: LonLat, b: LonLat): number {
  const dx = b[0] - a[0];
  const dy = mercY(b[1]) - mercY(a[1]);
  return (Math.atan2(dx, dy) / RAD + 360) % 360;
}

/** The point `deg` Mercator degrees from `from` in a screen direction: a ring that looks round. */
export function alongBearing(from: LonLat, bearing: number, deg: number): LonLat {
  const x = from[0] + deg * Math.sin(bearing * RAD);
  const y = mercY(from[1]) + deg * Math.cos(bearing * RAD);
  const lat = (2 * Math.atan(Math.exp(y * RAD)) - Math.PI / 2) / RAD;
  return [round(x), round(lat)];
}

/**
 * A quadratic Bézier from a to b in Mercator space, bulging to the left of the a→b direction
 * by `bulge` × its length, so every link curves the same way and parallel links stay apart.
 */
export function arc(a: LonLat, b: LonLat, points = 32, bulge = 0.18): LonLat[] {
  const [ax, ay] = [a[0], mercY(a[1])];
  const [bx, by] = [b[0], mercY(b[1])];
  const [mx, my] = [(ax + bx) / 2, (ay + by) / 2];
  // Left normal of (dx, dy) in x-east / y-north space is (-dy, dx).
  const [cx, cy] = [mx - (by - ay) * bulge, my + (bx - ax) * bulge];
  const out: LonLat[] = [];
  for (let i = 0; i <= points; i++) {
    const t = i / points;
    const u = 1 - t;
    const x = u * u * ax + 2 * u * t * cx + t * t * bx;
    const y = u * u * ay + 2 * u * t * cy + t * t * by;
    out.push([round(x), round((2 * Math.atan(Math.exp(y * RAD)) - Math.PI / 2) / RAD)]);
  }
  // The ends are exactly the given points (no rounding drift): links must touch their places.
  out[0] = [...a];
  out[points] = [...b];
  return out;
}
