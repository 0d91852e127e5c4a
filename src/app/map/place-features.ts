/**
 * The point and link data the map draws, derived from the facts file (pure). Presence is decided
 * by the documents as a whole (a place with no fact is not drawn); `factCount` is within the
 * state's topic, so a topic dims what it does not mention instead of making the map jump.
 */
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { PlaceKind, Topic } from '../../types.ts';
import type { AtlasIndex, PlaceRecord } from '../data/atlas-data.ts';
import type { Boundaries } from '../data/load-boundaries.ts';
import { BEIJING_REFERENCE, type LonLat, alongBearing, arc, distanceKm, screenBearing } from './geo-math.ts';

export type LinkKind = 'zgc-park' | 'integration' | 'cooperation';

export interface PlaceFeatures {
  subParks: FeatureCollection<Point>;
  facilities: FeatureCollection<Point>;
  jjjArcs: FeatureCollection<LineString>;
  jjjNodes: FeatureCollection<Point>;
  national: FeatureCollection<Point>;
}

/** Point kinds drawn on the facilities layer; sub-parks, JJJ and national nodes have their own. */
export const FACILITY_KINDS: ReadonlySet<PlaceKind> = new Set(['facility', 'institute', 'university', 'park', 'development-zone', 'company', 'town']);

/** Off-map arrows sit on a ring this many (Mercator) degrees around Beijing, just outside its frame. */
export const NATIONAL_RING_DEG = 2.2;
/** Arrows whose bearings are closer than this are stacked outwards so each stays clickable. */
const STACK_BEARING_DEG = 8;
const STACK_STEP_DEG = 0.45;

const fc = <G extends Point | LineString>(features: Feature<G>[]): FeatureCollection<G> => ({ type: 'FeatureCollection', features });
const pointOf = (p: PlaceRecord): LonLat | null => (p.geometry.type === 'point' ? p.geometry.lonLat : null);
const names = (p: PlaceRecord) => ({ nameZhHans: p.names.zhHans, nameEn: p.names.en });

export function buildPlaceFeatures(data: AtlasIndex, b: Pick<Boundaries, 'labels' | 'extents'>, topic: Topic | null): PlaceFeatures {
  const count = (id: string) => data.count(id, topic);
  // Drawn when the documents cite it at all, group mentions included (北三县's three counties).
  const cited = (id: string) => data.isCited(id);
  const labelAt = new Map(b.labels.features.map((f) => [String(f.properties?.id), f.geometry.coordinates as LonLat]));
  const extentIds = new Set(b.extents.features.map((f) => String(f.properties?.id)));
  const places = [...data.places.values()];

  const point = (p: PlaceRecord, at: LonLat, props: Record<string, unknown>): Feature<Point> => ({
    type: 'Feature',
    properties: { placeId: p.id, ...names(p), ...props },
    geometry: { type: 'Point', coordinates: [...at] },
  });
  const precise = (p: PlaceRecord) => (p.geometry.type === 'point' ? { precisionM: p.geometry.precisionM } : {});

  const subParks = places
    .filter((p) => p.kind === 'sub-park' && pointOf(p))
    .map((p) => point(p, pointOf(p)!, { ...precise(p), factCount: count(p.id), district: p.district ?? null }));

  // A place drawn as a schematic extent (北京经济技术开发区) is not drawn a second time as a point.
  const facilities = places
    .filter((p) => FACILITY_KINDS.has(p.kind) && pointOf(p) && !extentIds.has(p.id) && cited(p.id))
    .map((p) => point(p, pointOf(p)!, { kind: p.kind, ...precise(p), factCount: count(p.id) }));

  const jjj = jjjFeatures(data, places, labelAt, count, cited, point);
  return { subParks: fc(subParks), facilities: fc(facilities), ...jjj, national: fc(nationalArrows(places, count, cited, point)) };
}

type PointMaker = (p: PlaceRecord, at: LonLat, props: Record<string, unknown>) => Feature<Point>;

/** A Tianjin/Hebei place: a JJJ node, or any place drawn as a Tianjin/Hebei boundary unit. */
function isJjjNode(p: PlaceRecord): boolean {
  if (p.kind === 'jjj-node') return true;
  const g = p.geometry;
  return g.type === 'boundary' && (g.layer === 'context' || (g.layer === 'province' && g.unit !== 'beijing'));
}

/** What kind of link the gazetteer records, read from `links` rather than typed per node. */
export function linkKindOf(p: PlaceRecord, places: Map<string, PlaceRecord>): LinkKind {
  const links = p.links ?? [];
  if (links.includes('zgc-nidz')) return 'zgc-park';
  if (links.some((id) => places.get(id)?.kind === 'district')) return 'integration';
  return 'cooperation';
}

function jjjFeatures(
  data: AtlasIndex,
  places: PlaceRecord[],
  labelAt: Map<string, LonLat>,
  count: (id: string) => number,
  cited: (id: string) => boolean,
  point: PointMaker,
): Pick<PlaceFeatures, 'jjjArcs' | 'jjjNodes'> {
  const positionOf = (p: PlaceRecord): LonLat | null => {
    if (p.geometry.type === 'point') return p.geometry.lonLat;
    if (p.geometry.type === 'boundary') return labelAt.get(p.geometry.unit) ?? null;
    return null;
  };
  // The Beijing end: the first linked Beijing place with a point, else a linked district's label.
  const anchorOf = (p: PlaceRecord): LonLat => {
    const linked = (p.links ?? []).map((id) => data.places.get(id)).filter((q): q is PlaceRecord => !!q);
    const inBeijing = linked.filter((q) => q.kind === 'district' || q.district);
    const withPoint = inBeijing.find((q) => q.geometry.type === 'point');
    if (withPoint) return pointOf(withPoint)!;
    const district = inBeijing.find((q) => q.kind === 'district');
    return (district && positionOf(district)) || BEIJING_REFERENCE;
  };
  const arcs: Feature<LineString>[] = [];
  const nodes: Feature<Point>[] = [];
  for (const p of places) {
    if (!isJjjNode(p) || !cited(p.id)) continue;
    const at = positionOf(p);
    if (!at) continue;
    const props = { linkKind: linkKindOf(p, data.places), factCount: count(p.id) };
    arcs.push({
      type: 'Feature',
      properties: { placeId: p.id, ...names(p), ...props },
      geometry: { type: 'LineString', coordinates: arc(anchorOf(p), at) },
    });
    nodes.push(point(p, at, props));
  }
  return { jjjArcs: fc(arcs), jjjNodes: fc(nodes) };
}

/** National nodes as arrows on a ring round Beijing, pointing where they lie, nearest first. */
function nationalArrows(places: PlaceRecord[], count: (id: string) => number, cited: (id: string) => boolean, point: PointMaker): Feature<Point>[] {
  const nodes = places
    .filter((p) => p.kind === 'national-node' && pointOf(p) && cited(p.id))
    .map((p) => ({ p, at: pointOf(p)!, km: distanceKm(BEIJING_REFERENCE, pointOf(p)!), bearing: screenBearing(BEIJING_REFERENCE, pointOf(p)!) }))
    .sort((a, b) => a.km - b.km || a.p.id.localeCompare(b.p.id));
  const placed: number[] = [];
  return nodes.map(({ p, km, bearing }) => {
    const near = placed.filter((b) => Math.abs(((b - bearing + 540) % 360) - 180) < STACK_BEARING_DEG).length;
    placed.push(bearing);
    const at = alongBearing(BEIJING_REFERENCE, bearing, NATIONAL_RING_DEG + near * STACK_STEP_DEG);
    return point(p, at, { bearing: Math.round(bearing), distanceKm: Math.round(km / 10) * 10, factCount: count(p.id) });
  });
}
