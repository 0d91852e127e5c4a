/**
 * The point and link data the map draws, derived from the facts file (pure). Presence is decided
 * by the documents as a whole (a place with no fact is not drawn); `factCount` is within the
 * state's topic, so a topic dims what it does not mention instead of making the map jump.
 */
import type { Feature, FeatureCollection, LineString, Point, Position } from 'geojson';
import type { LinkKind, PlaceKind } from '../../types.ts';
import type { PlaceRecord } from '../data/atlas-data.ts';
import type { SourceInput } from './layer-descriptor.ts';
import { BEIJING_REFERENCE, type LonLat, alongBearing, arc, distanceKm, screenBearing } from './geo-math.ts';

export type { LinkKind };
/** A drawn link's kind, or 'mention': a place the documents only name as a location (a dot, no line). */
export type LinkLook = LinkKind | 'mention';

/** Point kinds drawn on the facilities layer; sub-parks, JJJ and national nodes have their own. */
export const FACILITY_KINDS: ReadonlySet<PlaceKind> = new Set(['facility', 'institute', 'university', 'park', 'development-zone', 'company', 'town']);

/** A ring's area (signed, planar) and centroid, by the shoelace formula. */
function ringCentroid(ring: Position[]): { area: number; at: LonLat } {
  let a = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    a += f;
    x += (ring[j][0] + ring[i][0]) * f;
    y += (ring[j][1] + ring[i][1]) * f;
  }
  return a === 0 ? { area: 0, at: [ring[0][0], ring[0][1]] } : { area: Math.abs(a / 2), at: [x / (3 * a), y / (3 * a)] };
}

/**
 * One label point per schematic extent, at the centre of its largest part: labelled from its
 * polygon, MapLibre repeats a label on every tile the polygon crosses (three 北京经济技术开发区 at once).
 */
export function extentLabelPoints(input: SourceInput): FeatureCollection<Point> {
  return fc(
    input.boundaries.extents.features.flatMap((f): Feature<Point>[] => {
      const g = f.geometry;
      const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
      const parts = polygons.map((rings) => ringCentroid(rings[0])).sort((a, b) => b.area - a.area);
      if (!parts.length) return [];
      const p = f.properties ?? {};
      const place = input.data.places.get(String(p.id));
      return [{ type: 'Feature', properties: { placeId: String(p.id), ...(place ? names(place) : { nameZhHans: p.nameZhHans, nameEn: p.nameEn }) }, geometry: { type: 'Point', coordinates: [...parts[0].at] } }];
    }),
  );
}

/** Off-map arrows sit on a ring this many (Mercator) degrees around Beijing, just outside its frame. */
export const NATIONAL_RING_DEG = 2.2;
/** Arrows whose bearings are closer than this are stacked outwards so each stays clickable. */
const STACK_BEARING_DEG = 8;
const STACK_STEP_DEG = 0.45;

const fc = <G extends Point | LineString>(features: Feature<G>[]): FeatureCollection<G> => ({ type: 'FeatureCollection', features });
const pointOf = (p: PlaceRecord): LonLat | null => (p.geometry.type === 'point' ? p.geometry.lonLat : null);
/** The names a map label shows: the short English form where the gazetteer gives one (the panel keeps the full name). */
const names = (p: PlaceRecord) => ({ nameZhHans: p.names.zhHans, nameEn: p.names.enShort ?? p.names.en });

const point = (p: PlaceRecord, at: LonLat, props: Record<string, unknown>): Feature<Point> => ({
  type: 'Feature',
  properties: { placeId: p.id, ...names(p), ...props },
  geometry: { type: 'Point', coordinates: [...at] },
});
const precise = (p: PlaceRecord) => (p.geometry.type === 'point' ? { precisionM: p.geometry.precisionM } : {});
const countIn = ({ data, topic }: SourceInput) => (id: string) => data.count(id, topic);

/**
 * The places with a point whose kind `wanted` picks, as dots: `factCount` within the theme, the
 * precision for the halo. A place drawn as a schematic extent (北京经济技术开发区) is not drawn
 * again as a point; unless `all`, only places the documents cite at all are drawn.
 */
export function placePoints(input: SourceInput, wanted: (kind: PlaceKind) => boolean, opts: { all?: boolean; props?: (p: PlaceRecord) => Record<string, unknown> } = {}): FeatureCollection<Point> {
  const count = countIn(input);
  const extentIds = new Set(input.boundaries.extents.features.map((f) => String(f.properties?.id)));
  return fc(
    [...input.data.places.values()]
      .filter((p) => wanted(p.kind) && pointOf(p) && !extentIds.has(p.id) && (opts.all || input.data.isCited(p.id)))
      .map((p) => point(p, pointOf(p)!, { ...(opts.props?.(p) ?? {}), ...precise(p), factCount: count(p.id) })),
  );
}

/** A Tianjin/Hebei place: a JJJ node, or any place drawn as a Tianjin/Hebei boundary unit. */
function isJjjNode(p: PlaceRecord): boolean {
  if (p.kind === 'jjj-node') return true;
  const g = p.geometry;
  return g.type === 'boundary' && (g.layer === 'context' || (g.layer === 'province' && g.unit !== 'beijing'));
}

/** The kind of link the documents state for a place (the pipeline's `link`, classify-links.ts); none stated: a mention. */
export function linkKindOf(p: PlaceRecord): LinkLook {
  return p.link?.kind ?? 'mention';
}

/**
 * The Tianjin/Hebei places the documents cite, as nodes, and as arcs from their Beijing end when
 * the documents state a link; drawn when cited at all, group mentions included (北三县's three counties).
 */
export function jjjFeatures(input: SourceInput): { arcs: FeatureCollection<LineString>; nodes: FeatureCollection<Point> } {
  const { data } = input;
  const count = countIn(input);
  const labelAt = new Map(input.boundaries.labels.features.map((f) => [String(f.properties?.id), f.geometry.coordinates as LonLat]));
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
  for (const p of data.places.values()) {
    if (!isJjjNode(p) || !data.isCited(p.id)) continue;
    const at = positionOf(p);
    if (!at) continue;
    const props = { linkKind: linkKindOf(p), factCount: count(p.id) };
    nodes.push(point(p, at, props));
    if (props.linkKind === 'mention') continue;
    arcs.push({
      type: 'Feature',
      properties: { placeId: p.id, ...names(p), ...props },
      geometry: { type: 'LineString', coordinates: arc(anchorOf(p), at) },
    });
  }
  return { arcs: fc(arcs), nodes: fc(nodes) };
}

/** National nodes as arrows on a ring round Beijing, pointing where they lie, nearest first. */
export function nationalArrows(input: SourceInput): FeatureCollection<Point> {
  const count = countIn(input);
  const nodes = [...input.data.places.values()]
    .filter((p) => p.kind === 'national-node' && pointOf(p) && input.data.isCited(p.id))
    .map((p) => ({ p, at: pointOf(p)!, km: distanceKm(BEIJING_REFERENCE, pointOf(p)!), bearing: screenBearing(BEIJING_REFERENCE, pointOf(p)!) }))
    .sort((a, b) => a.km - b.km || a.p.id.localeCompare(b.p.id));
  const placed: number[] = [];
  return fc(nodes.map(({ p, km, bearing }) => {
    const near = placed.filter((b) => Math.abs(((b - bearing + 540) % 360) - 180) < STACK_BEARING_DEG).length;
    placed.push(bearing);
    const at = alongBearing(BEIJING_REFERENCE, bearing, NATIONAL_RING_DEG + near * STACK_STEP_DEG);
    return point(p, at, { bearing: Math.round(bearing), distanceKm: Math.round(km / 10) * 10, factCount: count(p.id), linkKind: linkKindOf(p) });
  }));
}

/**
 * The selected place's name where the map marks it, for the subject label: its dot or arrow, its
 * extent's label point, else its district's or unit's label point (`area`: centred, not beside).
 * Empty when nothing is selected or the place is drawn nowhere.
 */
export function subjectLabel(place: string | null, sources: Record<string, FeatureCollection>, labels: FeatureCollection<Point>): FeatureCollection<Point> {
  if (!place) return fc([]);
  const extentLabel = sources['extent-labels']?.features.find((f) => f.properties?.placeId === place);
  const mark = Object.entries(sources)
    .filter(([id]) => id !== 'extent-labels')
    .flatMap(([, c]) => c.features)
    .find((f) => f.geometry?.type === 'Point' && f.properties?.placeId === place);
  const unit = labels.features.find((f) => f.properties?.id === place);
  const at = extentLabel ?? mark ?? unit;
  if (!at || at.geometry?.type !== 'Point') return fc([]);
  const p = at.properties ?? {};
  return fc([{ type: 'Feature', properties: { placeId: place, nameZhHans: p.nameZhHans, nameEn: p.nameEn, area: at !== mark }, geometry: { type: 'Point', coordinates: [...at.geometry.coordinates] } }]);
}
