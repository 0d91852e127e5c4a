/**
 * The map as a standalone SVG document: the scene of the current state (src/app/scene/, the
 * WebGL map's own style evaluated shape by shape) drawn with d3-geo, one `<g>` per style layer
 * in the map's drawing order, so every visible layer — context, districts, extents, links,
 * precision halos, dots, arrows and labels — is there and editable in a slide tool. Then title,
 * legend (a symbol for every kind of shape drawn), notice and attribution as text. Pure (no
 * DOM): runs and is tested in Node. Coordinates have one decimal; the same input always gives
 * the same string.
 */
import type { Feature, Geometry, Position } from 'geojson';
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Lang } from '../../i18n/strings.ts';
import { forD3, ringsAsLines } from '../../map/d3-geometry.ts';
import { placeGreedy, type Box } from '../../map/label-placement.ts';
import { localIdeographFontFamily } from '../../map/map-theme.ts';
import { estimateTextWidth } from '../../map/text-measure.ts';
import type { MapScene, SceneShape } from '../../scene/map-scene.ts';
import { FRAME, LEGEND_SYMBOL, layoutFrame, type LegendItem } from './frame.ts';
import { localeOf } from '../../i18n/locale.ts';

export { forD3 } from '../../map/d3-geometry.ts';

export interface SvgExportOptions {
  title: string;
  subtitle?: string;
  notice: string;
  attribution: string;
  lang: Lang;
  /** The whole document, header and footer bands included (CSS px). */
  width: number;
  height: number;
  /** Map extent [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  /** Legend rows (symbol, colour and label); none when absent. */
  legend?: LegendItem[];
  /** District names by id, for each district path's <title> ("海淀区: 51"). */
  names?: Map<string, string>;
  /** District counts by id, kept on each district path as data-count. */
  counts?: Map<string, number>;
}

const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text or attribute value safe inside XML: the five special characters escaped, invalid ones dropped. */
export function escapeXml(s: string): string {
  return s.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** One decimal, never "-0". */
const r1 = (n: number) => String(Math.round(n * 10) / 10 + 0);
/** Two decimals for widths and opacities. */
const r2 = (n: number) => String(Math.round(n * 100) / 100 + 0);

/** MapLibre's zoom at which the map has `scale` pixels per radian (its world is 512 px wide at zoom 0). */
export const zoomOfScale = (scale: number) => Math.log2((2 * Math.PI * scale) / 512);

const attrs = (a: Record<string, string | number | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

/** Attributes every drawn shape shares: which place it stands for, for slide tools and tests. */
const placeAttrs = (s: SceneShape) => (s.placeId ? { 'data-place': s.placeId } : {});
const opacity = (x: number | undefined) => (x === undefined || x >= 1 ? undefined : r2(x));

interface LabelCandidate {
  shape: SceneShape;
  order: number;
  x: number;
  y: number;
  lines: string[];
  width: number;
  height: number;
}

/** Where a label beside its point goes for one of MapLibre's anchors (the anchor is the label's side nearest the point). */
function besideBox(c: LabelCandidate, anchor: string, gap: number): { box: Box; x: number; y: number; textAnchor: string } {
  const { x, y, width: w, height: h } = c;
  switch (anchor) {
    case 'top':
      return { box: [x - w / 2, y + gap, x + w / 2, y + gap + h], x, y: y + gap + h / 2, textAnchor: 'middle' };
    case 'bottom':
      return { box: [x - w / 2, y - gap - h, x + w / 2, y - gap], x, y: y - gap - h / 2, textAnchor: 'middle' };
    case 'left':
      return { box: [x + gap, y - h / 2, x + gap + w, y + h / 2], x: x + gap, y, textAnchor: 'start' };
    case 'right':
      return { box: [x - gap - w, y - h / 2, x - gap, y + h / 2], x: x - gap, y, textAnchor: 'end' };
    default:
      return { box: [x - w / 2, y - h / 2, x + w / 2, y + h / 2], x, y, textAnchor: 'middle' };
  }
}

function legendSymbol(item: LegendItem, x: number, y: number): string {
  const { swatchW: w, swatchH: h } = FRAME;
  const L = LEGEND_SYMBOL;
  const c = item.colour;
  const mid = r1(y + h / 2);
  const cx = r1(x + w / 2);
  switch (item.symbol) {
    case 'line': {
      const line = item.line ?? { width: L.lineWidth, dash: [], cap: 'butt' };
      // A round cap overhangs each end by half a width: inset so the sample keeps the swatch's length.
      const inset = line.cap === 'round' ? line.width / 2 : 0;
      return `<line${attrs({ x1: r1(x + inset), y1: mid, x2: r1(x + w - inset), y2: mid, stroke: c, 'stroke-width': line.width, 'stroke-dasharray': line.dash.length ? line.dash.map(r1).join(' ') : undefined, 'stroke-linecap': line.cap === 'round' ? 'round' : undefined })}/>`;
    }
    case 'circle':
      return `<circle${attrs({ cx, cy: mid, r: L.dotRadius, fill: c, stroke: '#ffffff', 'stroke-width': 1 })}/>`;
    case 'halo':
      return `<circle${attrs({ cx, cy: mid, r: L.haloRadius, fill: c, 'fill-opacity': L.haloFillOpacity, stroke: c, 'stroke-opacity': L.haloStrokeOpacity })}/>`;
    case 'arrow':
      return `<text${attrs({ x: cx, y: mid, 'font-size': L.arrowSize, 'text-anchor': 'middle', 'dominant-baseline': 'central', fill: c })}>→</text>`;
    default:
      return `<rect${attrs({ x: r1(x), y: r1(y), width: w, height: h, fill: c, stroke: L.swatchStroke, 'stroke-width': 0.6 })}/>`;
  }
}

/** The largest polygon of an area, for its label point. */
function largestPart(g: Geometry): Geometry {
  if (g.type !== 'MultiPolygon') return g;
  const ringArea = (r: Position[]) => Math.abs(r.reduce((a, p, i) => a + p[0] * r[(i + 1) % r.length][1] - r[(i + 1) % r.length][0] * p[1], 0));
  const best = [...g.coordinates].sort((a, b) => ringArea(b[0]) - ringArea(a[0]))[0];
  return { type: 'Polygon', coordinates: best };
}

/** `sceneAt(zoom)`: the scene of the state to export, at the zoom the document's scale matches. */
export function exportSvg(sceneAt: (zoom: number) => MapScene, opts: SvgExportOptions): string {
  const { width: W, height: H, lang, bounds } = opts;
  const { pad: PAD, legendSize: LEGEND_FONT, legendRow: LEGEND_ROW, smallSize: SMALL_FONT, smallLine: SMALL_LINE } = FRAME;
  const layout = layoutFrame(W, { legend: opts.legend ?? [], notice: opts.notice, attribution: opts.attribution });
  const { notice, attribution } = layout;
  const top = layout.header;
  const bottom = Math.max(top + 1, H - layout.footer);

  // Projection: Mercator (as the web map) fitted to the bounds, clipped to the map box.
  const [w, s, e, n] = bounds;
  const target: GeoPermissibleObjects = { type: 'MultiPoint', coordinates: [[w, s], [e, n], [w, n], [e, s]] };
  const projection = geoMercator().fitExtent([[PAD, top + PAD], [W - PAD, bottom - PAD]], target).clipExtent([[0, top], [W, bottom]]);
  const path = geoPath(projection).digits(1);
  // The zoom is kept on the root (data-zoom) so the drawing can be checked against the scene.
  const zoom = Math.round(zoomOfScale(projection.scale()) * 1e6) / 1e6;
  const scene = sceneAt(zoom);
  const inBox = (x: number, y: number, margin = 0) => x >= -margin && x <= W + margin && y >= top - margin && y <= bottom + margin;
  const feature = (geometry: Geometry): Feature => ({ type: 'Feature', properties: {}, geometry });

  const font = escapeXml(localIdeographFontFamily);
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" xml:lang="${localeOf(lang).tag}" font-family="${font}" data-zoom="${zoom}" role="img" aria-labelledby="svg-title">`,
  );
  out.push(`<title id="svg-title">${escapeXml(opts.title)}</title>`);
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<rect x="0" y="${top}" width="${W}" height="${r1(bottom - top)}" fill="${escapeXml(scene.background)}"/>`);

  // Shapes, one group per style layer, in the map's order; labels are placed after, above all.
  const labels: LabelCandidate[] = [];
  let group: string | null = null;
  /** Opens the group of the shape's style layer, closing the one before; `extra`: the group's own attributes. */
  const open = (sh: SceneShape, extra: Record<string, string> = {}) => {
    if (group === sh.styleLayer) return;
    if (group !== null) out.push('</g>');
    group = sh.styleLayer;
    out.push(`<g${attrs({ id: `layer-${sh.styleLayer}`, 'data-layer': sh.layer ?? 'backdrop', ...extra })}>`);
  };
  scene.shapes.forEach((sh, order) => {
    if (sh.kind === 'text') {
      const g = largestPart(sh.geometry);
      const xy = g.type === 'Point' ? projection(g.coordinates as [number, number]) : path.centroid(forD3(feature(g)) as GeoPermissibleObjects);
      if (!xy || !Number.isFinite(xy[0]) || !inBox(xy[0], xy[1])) return;
      const size = sh.textSize ?? 12;
      const lines = (sh.text ?? '').split('\n');
      labels.push({ shape: sh, order, x: xy[0], y: xy[1], lines, width: Math.max(...lines.map((l) => estimateTextWidth(l, size))), height: lines.length * size * 1.2 });
      return;
    }
    if (sh.kind === 'circle') {
      if (sh.geometry.type !== 'Point') return;
      const xy = projection(sh.geometry.coordinates as [number, number]);
      if (!xy || !inBox(xy[0], xy[1], sh.radius ?? 0)) return;
      open(sh);
      out.push(
        `<circle${attrs({
          ...placeAttrs(sh),
          cx: r1(xy[0]), cy: r1(xy[1]), r: r2(sh.radius ?? 0),
          fill: sh.fill, 'fill-opacity': opacity(sh.fillOpacity),
          stroke: sh.strokeWidth ? sh.stroke : undefined, 'stroke-width': sh.strokeWidth ? r2(sh.strokeWidth) : undefined, 'stroke-opacity': sh.strokeWidth ? opacity(sh.strokeOpacity) : undefined,
        })}/>`,
      );
      return;
    }
    const f = feature(sh.geometry);
    if (sh.kind === 'area') {
      const d = path(forD3(f) as GeoPermissibleObjects);
      if (!d) return;
      open(sh);
      if (sh.styleLayer === 'districts-fill' && sh.placeId) {
        const count = opts.counts?.get(sh.placeId) ?? 0;
        const name = opts.names?.get(sh.placeId) ?? sh.placeId;
        out.push(`<path${attrs({ id: `district-${sh.placeId}`, 'data-place': sh.placeId, 'data-count': count, fill: sh.fill, 'fill-opacity': opacity(sh.fillOpacity), d })}><title>${escapeXml(`${name}: ${count}`)}</title></path>`);
      } else out.push(`<path${attrs({ ...placeAttrs(sh), fill: sh.fill, 'fill-opacity': opacity(sh.fillOpacity), d })}/>`);
      return;
    }
    // A line layer over polygons strokes their rings; clipped to the box, they leave no edge.
    const lines = sh.geometry.type === 'Polygon' || sh.geometry.type === 'MultiPolygon' ? ringsAsLines(f) : f;
    const d = lines ? path(lines as GeoPermissibleObjects) : null;
    if (!d) return;
    open(sh);
    out.push(
      `<path${attrs({
        ...placeAttrs(sh),
        fill: 'none', stroke: sh.stroke, 'stroke-width': r2(sh.strokeWidth ?? 1), 'stroke-opacity': opacity(sh.strokeOpacity),
        'stroke-dasharray': sh.dash?.map(r2).join(' '), 'stroke-linejoin': 'round', d,
      })}/>`,
    );
  });
  if (group !== null) out.push('</g>');

  // Labels: as MapLibre, the topmost label layer is placed first; a label that would overlap
  // one already placed is left out (arrows always stay); beside a point, the first free anchor.
  // Within a layer, features in their order; a label that fits nowhere is tried once smaller
  // (0.85×) before it is left out, so that small neighbours (东城区, 西城区) both keep a name.
  const layerIndex = new Map<string, number>();
  for (const c of labels) layerIndex.set(c.shape.styleLayer, Math.max(layerIndex.get(c.shape.styleLayer) ?? 0, c.order));
  const smaller = (c: LabelCandidate): LabelCandidate => ({ ...c, width: c.width * 0.85, height: c.height * 0.85, shape: { ...c.shape, textSize: (c.shape.textSize ?? 12) * 0.85 } });
  const placed = placeGreedy(
    [...labels].sort((a, b) => layerIndex.get(b.shape.styleLayer)! - layerIndex.get(a.shape.styleLayer)! || a.order - b.order),
    (c) => {
      const tries = [c, smaller(c)].flatMap((v) => {
        const gap = (v.shape.offsetEm ?? 0) * (v.shape.textSize ?? 12) + 2;
        return (v.shape.anchors ?? ['center']).map((a) => ({ ...besideBox(v, a, gap), size: v.shape.textSize ?? 12 }));
      });
      // An overlapping-allowed label takes a box nothing else can hit.
      return c.shape.overlap ? [{ ...tries[0], box: [0, 0, 0, 0] as Box }] : tries;
    },
  ).sort((a, b) => a.candidate.order - b.candidate.order);
  group = null;
  for (const { candidate: c, placed: p } of placed) {
    const sh = c.shape;
    open(sh, { 'dominant-baseline': 'central', 'stroke-linejoin': 'round', 'paint-order': 'stroke' });
    const size = p.size;
    const firstDy = -((c.lines.length - 1) * size * 1.2) / 2;
    const tspans = c.lines.length === 1 ? escapeXml(c.lines[0]) : c.lines.map((l, i) => `<tspan x="${r1(p.x)}" dy="${r1(i === 0 ? firstDy : size * 1.2)}">${escapeXml(l)}</tspan>`).join('');
    out.push(
      `<text${attrs({
        ...placeAttrs(sh),
        x: r1(p.x), y: r1(p.y), 'font-size': r2(size), 'text-anchor': p.textAnchor, fill: sh.textColour,
        stroke: sh.haloWidth ? sh.haloColour : undefined, 'stroke-width': sh.haloWidth ? r2(2 * sh.haloWidth) : undefined,
        transform: sh.rotate ? `rotate(${r1(sh.rotate)} ${r1(p.x)} ${r1(p.y)})` : undefined,
      })}>${tspans}</text>`,
    );
  }
  if (group !== null) out.push('</g>');

  // Header: title and subtitle.
  out.push(`<g id="header" fill="#1f1b14">`);
  out.push(`<text x="${PAD}" y="26" font-size="${FRAME.titleSize}" font-weight="700">${escapeXml(opts.title)}</text>`);
  if (opts.subtitle) out.push(`<text x="${PAD}" y="47" font-size="${FRAME.subtitleSize}" fill="#5d5646">${escapeXml(opts.subtitle)}</text>`);
  out.push('</g>');

  // Footer: legend rows, then the notice and the attribution.
  out.push(`<g id="footer" fill="#1f1b14">`);
  let y = bottom + PAD;
  for (const c of layout.legend) {
    const ry = y + c.row * LEGEND_ROW;
    out.push(legendSymbol(c.item, c.x, ry));
    out.push(`<text x="${r1(c.x + 19)}" y="${r1(ry + 9.5)}" font-size="${LEGEND_FONT}">${escapeXml(c.item.label)}</text>`);
  }
  y += layout.legendRows * LEGEND_ROW;
  for (const [i, line] of notice.entries()) out.push(`<text x="${PAD}" y="${r1(y + 11 + i * SMALL_LINE)}" font-size="${SMALL_FONT}" font-weight="700">${escapeXml(line)}</text>`);
  y += notice.length * SMALL_LINE;
  for (const [i, line] of attribution.entries()) out.push(`<text x="${PAD}" y="${r1(y + 11 + i * SMALL_LINE)}" font-size="${SMALL_FONT}" fill="#5d5646">${escapeXml(line)}</text>`);
  out.push('</g>');
  out.push('</svg>');
  return out.join('\n') + '\n';
}
