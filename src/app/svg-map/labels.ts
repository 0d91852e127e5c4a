/**
 * Labels for the SVG map, placed in screen pixels for the current view without overlaps: the
 * WebGL map's priorities (district names first, then extents, sub-parks, JJJ nodes, national
 * partners, facilities, most-cited first) and zoom thresholds, laid out again after each move.
 */
import type { GeoPath, GeoPermissibleObjects } from 'd3-geo';
import type { GeoProjection } from 'd3-geo';
import type { Boundaries } from '../data/load-boundaries.ts';
import { estimateTextWidth } from '../map/text-measure.ts';
import type { Lang } from '../i18n/strings.ts';
import { forD3 } from '../map/d3-geometry.ts';
import { type Box, placeGreedy } from '../map/label-placement.ts';
import { PALETTE } from '../map/map-theme.ts';
import type { LayerId } from '../state/state.ts';
import { extentTitle } from './extents.ts';
import type { PinShape } from './points.ts';
import { dotRadius } from './points.ts';
import { r1, svgEl } from './svg-dom.ts';
import { type Size, type Viewport, viewBoxOf } from './viewport.ts';
import { featureName, localeOf, mapDistrictName } from '../i18n/locale.ts';

export type LabelSide = 'center' | 'below' | 'above' | 'right' | 'left';

export interface PlacedLabel {
  /** Where the text goes (px), with `anchor` as its text-anchor and a central baseline. */
  x: number;
  y: number;
  anchor: 'middle' | 'start' | 'end';
  size: number;
  box: Box;
}

const PAD_X = 2;
const PAD_Y = 1;

/** The box a label `width` × `size` px takes on `side` of (x, y), `offset` px away, and where its text goes. */
export function labelBox(x: number, y: number, width: number, size: number, side: LabelSide, offset = 0): PlacedLabel {
  const w = width + 2 * PAD_X;
  const h = size + 2 * PAD_Y;
  switch (side) {
    case 'below':
      return { x, y: y + offset + h / 2, anchor: 'middle', size, box: [x - w / 2, y + offset, x + w / 2, y + offset + h] };
    case 'above':
      return { x, y: y - offset - h / 2, anchor: 'middle', size, box: [x - w / 2, y - offset - h, x + w / 2, y - offset] };
    case 'right':
      return { x: x + offset + PAD_X, y, anchor: 'start', size, box: [x + offset, y - h / 2, x + offset + w, y + h / 2] };
    case 'left':
      return { x: x - offset - PAD_X, y, anchor: 'end', size, box: [x - offset - w, y - h / 2, x - offset, y + h / 2] };
    default:
      return { x, y, anchor: 'middle', size, box: [x - w / 2, y - h / 2, x + w / 2, y + h / 2] };
  }
}

export interface LabelSpec {
  id: string;
  /** The place a click on the label selects; null for district names (the district is underneath). */
  placeId: string | null;
  source: string | null;
  /** The layer that shows it; null for the Tianjin/Hebei frame, always shown. */
  layer: LayerId | null;
  /** Anchor in projected units. */
  x: number;
  y: number;
  text: string;
  colour: string;
  /** Shown from this zoom on (the WebGL layers' minzoom). */
  minZoom: number;
  sizes: (zoom: number) => number[];
  sides: readonly LabelSide[];
  offset: (zoom: number) => number;
}

export interface LaidLabel {
  spec: LabelSpec;
  placed: PlacedLabel;
}

const POINT_SIDES: readonly LabelSide[] = ['below', 'above', 'right', 'left'];
/** District names centred, or beside their point where two lie close (东城区 and 西城区), as the WebGL map's variable anchors. */
const DISTRICT_SIDES: readonly LabelSide[] = ['center', 'left', 'right', 'above', 'below'];
const fixed = (n: number) => () => [n];
const nearDot = (zoom: number) => dotRadius(zoom, false) + 2;
/** Point labels as the WebGL label layers draw them (minzoom, colour, sides); a new point source gets the default. */
interface PinLabel {
  minZoom: number;
  colour: string;
  sides: readonly LabelSide[];
  offset: (zoom: number) => number;
}
const DEFAULT_PIN_LABEL: PinLabel = { minZoom: 10, colour: PALETTE.pointText, sides: POINT_SIDES, offset: nearDot };
const PIN_LABELS: Record<string, Partial<PinLabel>> = {
  'sub-parks': { minZoom: 9, colour: PALETTE.subPark },
  'jjj-nodes': { minZoom: 7 },
  national: { minZoom: 0, colour: PALETTE.national, sides: ['right', 'left', 'below', 'above'], offset: () => 13 },
  facilities: {},
};
const rank = (source: string) => {
  const i = Object.keys(PIN_LABELS).indexOf(source);
  return i < 0 ? Object.keys(PIN_LABELS).length : i;
};
const byCitations = (a: PinShape, b: PinShape) => b.factCount - a.factCount || a.placeId.localeCompare(b.placeId);

/** District names grow from 11 px at zoom 7 to 15 px at zoom 10, as on the WebGL map; 2 px smaller when crowded. */
export function districtLabelSizes(zoom: number): number[] {
  const s = Math.round(11 + 4 * Math.min(1, Math.max(0, (zoom - 7) / 3)));
  return [s, s - 2];
}

/** Every label that may be shown, in placement priority. */
export function labelSpecs(b: Pick<Boundaries, 'labels' | 'extents'>, pins: PinShape[], projection: GeoProjection, path: GeoPath, lang: Lang): LabelSpec[] {
  const districts = b.labels.features
    .filter((f) => f.properties?.level === 'district')
    .map((f): LabelSpec => {
      const [x, y] = projection(f.geometry.coordinates as [number, number])!;
      const p = f.properties ?? {};
      return { id: `district:${p.id}`, placeId: null, source: null, layer: 'districts', x, y, text: mapDistrictName(featureName(p, localeOf(lang)), localeOf(lang)), colour: PALETTE.districtText, minZoom: 0, sizes: districtLabelSizes, sides: DISTRICT_SIDES, offset: () => 3 };
    });
  const context = b.labels.features
    .filter((f) => f.properties?.level === 'prefecture' || f.properties?.level === 'tianjin-district')
    .map((f): LabelSpec => {
      const [x, y] = projection(f.geometry.coordinates as [number, number])!;
      const p = f.properties ?? {};
      return { id: `context:${p.id}`, placeId: null, source: null, layer: null, x, y, text: featureName(p, localeOf(lang)), colour: PALETTE.contextText, minZoom: 7, sizes: fixed(11), sides: ['center'], offset: () => 0 };
    });
  const extents = b.extents.features.map((f): LabelSpec => {
    const [x, y] = path.centroid(forD3(f) as GeoPermissibleObjects);
    const p = f.properties ?? {};
    const text = extentTitle({ nameZhHans: String(p.nameZhHans), nameEn: String(p.nameEn) }, lang);
    return { id: `extent:${p.id}`, placeId: String(p.id), source: 'extents', layer: 'science-cities', x, y, text, colour: PALETTE.extentText, minZoom: 8, sizes: fixed(12), sides: ['center', 'below'], offset: () => 0 };
  });
  const pinLabels = (source: string) => {
    const { minZoom, colour, sides, offset } = { ...DEFAULT_PIN_LABEL, ...PIN_LABELS[source] };
    return pins
      .filter((p) => p.source === source)
      .sort(byCitations)
      .map((p): LabelSpec => ({ id: `${source}:${p.placeId}`, placeId: p.placeId, source, layer: p.layer, x: p.x, y: p.y, text: p.name, colour: p.quiet ? PALETTE.muted : colour, minZoom, sizes: fixed(11), sides, offset }));
  };
  // Known sources in the WebGL map's label priority, then any other point source.
  const sources = [...new Set(pins.map((p) => p.source))].sort((a, b) => rank(a) - rank(b));
  return [...districts, ...extents, ...sources.flatMap(pinLabels), ...context];
}

/** The labels shown for a view: visible layers, zoom thresholds, anchors on screen, no overlaps. */
export function layoutLabels(specs: LabelSpec[], layers: readonly LayerId[], v: Viewport, size: Size, zoom: number): LaidLabel[] {
  const [x0, y0] = viewBoxOf(v, size);
  const shown = specs
    .filter((s) => (s.layer === null || layers.includes(s.layer)) && zoom >= s.minZoom)
    .map((spec) => ({ spec, px: (spec.x - x0) / v.upp, py: (spec.y - y0) / v.upp }))
    .filter(({ px, py }) => px >= 0 && px <= size.width && py >= 0 && py <= size.height);
  const tries = ({ spec, px, py }: (typeof shown)[number]) =>
    spec.sizes(zoom).flatMap((size) => spec.sides.map((side) => labelBox(px, py, estimateTextWidth(spec.text, size), size, side, spec.offset(zoom))));
  // Back to offsets from the anchor: the label is drawn as a pin at its anchor.
  return placeGreedy(shown, tries).map(({ candidate: { spec, px, py }, placed }) => ({ spec, placed: { ...placed, x: placed.x - px, y: placed.y - py } }));
}

export function drawLabels(laid: LaidLabel[]): SVGGElement {
  const g = svgEl('g', { class: 'labels', 'dominant-baseline': 'central', stroke: PALETTE.halo, 'stroke-linejoin': 'round', 'paint-order': 'stroke' });
  for (const { spec, placed } of laid) {
    const text = svgEl('text', { x: r1(placed.x), y: r1(placed.y), 'text-anchor': placed.anchor, 'font-size': placed.size, fill: spec.colour, 'stroke-width': spec.placeId ? 3 : 3.5 });
    text.textContent = spec.text;
    const attrs = spec.placeId ? { 'data-place': spec.placeId, 'data-source': spec.source } : {};
    g.append(svgEl('g', { class: spec.placeId ? 'label' : 'label is-static', 'data-layer': spec.layer ?? undefined, 'data-x': spec.x, 'data-y': spec.y, ...attrs }, text));
  }
  return g;
}
