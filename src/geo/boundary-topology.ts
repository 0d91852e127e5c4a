/**
 * The compact boundary file the browser loads: the committed GeoJSON in geo/ as one
 * quantised TopoJSON (shared borders stored once), plus a label point per unit.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { quantize } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import polylabel from 'polylabel';
import area from '@turf/area';

type SimplifiableTopology = Parameters<typeof presimplify>[0];

export { BOUNDARY_OBJECTS } from '../boundary-objects.ts';
import { EXTENT_PROPS } from '../boundary-objects.ts';

/** The visual centre of the largest part (a pole of inaccessibility), rounded to ~1 m. */
export function labelPoint(g: Polygon | MultiPolygon): Position {
  const parts = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const largest = parts.reduce((a, b) => (area({ type: 'Polygon', coordinates: b }) > area({ type: 'Polygon', coordinates: a }) ? b : a));
  const p = polylabel(largest as [number, number][][], 0.0005);
  return [Math.round(p[0] * 1e5) / 1e5, Math.round(p[1] * 1e5) / 1e5];
}

export function buildBoundaryTopology(input: {
  districts: FeatureCollection;
  context: FeatureCollection;
  outlines: FeatureCollection;
  extents: FeatureCollection;
}): Topology {
  // Province labels too: the map anchors Tianjin's and Hebei's links at them.
  const labels: FeatureCollection<Point> = {
    type: 'FeatureCollection',
    features: [...input.districts.features, ...input.context.features, ...input.outlines.features].map((f): Feature<Point> => ({
      type: 'Feature',
      properties: f.properties,
      geometry: { type: 'Point', coordinates: labelPoint(f.geometry as Polygon | MultiPolygon) },
    })),
  };
  // topojson's typings disagree on property types (null vs {}); the objects are plain GeoJSON.
  const objects = { ...input, extents: slimExtents(input.extents), labels } as unknown as Parameters<typeof topology>[0];
  const topo = presimplify(topology(objects) as unknown as SimplifiableTopology);
  keepArcsOf(topo as unknown as Topology, 'districts');
  // Extents are sized to cited areas: simplifying them would change the area they stand for.
  keepArcsOf(topo as unknown as Topology, 'extents');
  const simple = simplify(topo, CONTEXT_MIN_WEIGHT) as unknown as Topology;
  simple.arcs = simple.arcs.map((arc) => arc.map((p) => [p[0], p[1]]));
  return quantize(simple as unknown as Parameters<typeof quantize>[0], 1e5) as unknown as Topology;
}

/**
 * Context units are drawn quietly at low zoom, so their arcs are simplified (Visvalingam
 * weight in squared degrees ≈ 1 km²); arcs Beijing's districts use are kept in full.
 */
export const CONTEXT_MIN_WEIGHT = 1e-4;

function keepArcsOf(topo: Topology, object: string) {
  const walk = (x: unknown): void => {
    if (typeof x === 'number') {
      const arc = topo.arcs[x < 0 ? ~x : x] as unknown as number[][];
      for (const p of arc) p[2] = Infinity;
    } else if (Array.isArray(x)) x.forEach(walk);
  };
  for (const g of (topo.objects[object] as { geometries: GeometryObject[] }).geometries) walk((g as { arcs?: unknown }).arcs);
}

/** Extents keep only what the map draws and labels; their long basis and sources stay in geo/. */
function slimExtents(fc: FeatureCollection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      type: 'Feature',
      properties: Object.fromEntries(EXTENT_PROPS.map((k) => [k, f.properties?.[k]])),
      geometry: f.geometry,
    })),
  };
}
