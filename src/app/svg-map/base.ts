/** The quiet frame under and over the districts: Tianjin/Hebei units, then the province outlines. */
import type { GeoPath, GeoPermissibleObjects } from 'd3-geo';
import type { Boundaries } from '../data/load-boundaries.ts';
import { forD3, ringsAsLines } from '../map/d3-geometry.ts';
import { PALETTE } from '../map/map-theme.ts';
import { CONTEXT_LINE } from '../map/layers/context-layers.ts';
import { r1, svgEl } from './svg-dom.ts';

export interface ContextShape {
  d: string;
  /** Counties are drawn as outlines only, over the prefectures that hold them. */
  county: boolean;
}

export function contextShapes(b: Pick<Boundaries, 'context'>, path: GeoPath): ContextShape[] {
  return b.context.features
    .map((f) => ({ d: path(forD3(f) as GeoPermissibleObjects) ?? '', county: f.properties?.level === 'county' }))
    .filter((s) => s.d !== '');
}

export function outlineShapes(b: Pick<Boundaries, 'outlines'>, path: GeoPath): string[] {
  return b.outlines.features.map((f) => ringsAsLines(f)).map((f) => (f ? path(f) ?? '' : '')).filter((d) => d !== '');
}

export function drawContext(shapes: ContextShape[]): SVGGElement {
  const g = svgEl('g', { class: 'context', stroke: PALETTE.contextLine });
  for (const s of shapes) {
    // The WebGL map's dash is in line widths.
    const width = s.county ? CONTEXT_LINE.width.county : CONTEXT_LINE.width.other;
    g.append(svgEl('path', { d: s.d, fill: s.county ? 'none' : PALETTE.contextFill, 'stroke-width': width, 'stroke-dasharray': CONTEXT_LINE.dash.map((n) => r1(n * width)).join(' ') }));
  }
  return g;
}

export function drawOutlines(shapes: string[]): SVGGElement {
  const g = svgEl('g', { class: 'outlines', fill: 'none', stroke: PALETTE.provinceLine, 'stroke-width': 1.6, 'stroke-linejoin': 'round' });
  for (const d of shapes) g.append(svgEl('path', { d }));
  return g;
}
