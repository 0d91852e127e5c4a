/**
 * GeoJSON made ready for d3-geo, shared by the SVG export and the SVG map (the no-WebGL
 * fallback): the two draw the same boundaries and must agree on winding and outlines.
 */
import type { Feature, Geometry, MultiLineString, Position } from 'geojson';
import { geoArea, type GeoPermissibleObjects } from 'd3-geo';

/**
 * The geometry with its rings reversed, as d3-geo wants them: GeoJSON (RFC 7946) winds exterior
 * rings anticlockwise, d3-geo's spherical polygons clockwise — unreversed, a district would be
 * the whole globe outside it. Kept as is when reversing would make it cover more than a hemisphere.
 */
export function forD3<F extends Feature>(f: F): F {
  const g = f.geometry;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return f;
  const rev = (rings: Position[][]) => rings.map((r) => [...r].reverse());
  const geometry: Geometry = g.type === 'Polygon' ? { type: 'Polygon', coordinates: rev(g.coordinates) } : { type: 'MultiPolygon', coordinates: g.coordinates.map(rev) };
  const out = { ...f, geometry };
  return geoArea(out as GeoPermissibleObjects) <= 2 * Math.PI ? out : f;
}

/** A polygon's rings as lines: clipped to a map box, they leave no stroke along its edge. */
export function ringsAsLines(f: Feature): Feature<MultiLineString> | null {
  const g = f.geometry;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return null;
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  return { type: 'Feature', properties: f.properties, geometry: { type: 'MultiLineString', coordinates: rings } };
}
