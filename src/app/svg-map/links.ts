/**
 * Jing-Jin-Ji links: the same arcs as the WebGL map (buildPlaceFeatures), one colour and dash
 * per kind (LINK_STYLE), wider the more facts cite them, faded when the topic does not.
 */
import type { FeatureCollection, LineString } from 'geojson';
import type { GeoPath } from 'd3-geo';
import type { Lang } from '../i18n/strings.ts';
import { LINK_OPACITY, LINK_STYLE } from '../map/layers/jjj-layers.ts';
import type { LinkKind } from '../map/place-features.ts';
import { LINE_HIT_PX } from './extents.ts';
import { r1, svgEl, svgTitle } from './svg-dom.ts';
import { featureName, localeOf } from '../i18n/locale.ts';

export interface LinkShape {
  placeId: string;
  kind: LinkKind;
  d: string;
  colour: string;
  /** stroke-dasharray in px, or null for a solid line. */
  dash: string | null;
  width: number;
  quiet: boolean;
  title: string;
}

/** The WebGL line width: 1.2 px for an uncited link to 3.5 px at 20 facts and more. */
export function linkWidth(factCount: number): number {
  return 1.2 + (2.3 * Math.min(20, Math.max(0, factCount))) / 20;
}

export function linkShapes(arcs: FeatureCollection<LineString>, path: GeoPath, lang: Lang): LinkShape[] {
  return arcs.features.map((f) => {
    const p = f.properties ?? {};
    const kind = p.linkKind as LinkKind;
    const factCount = Number(p.factCount ?? 0);
    const width = linkWidth(factCount);
    const { colour, dash } = LINK_STYLE[kind] ?? LINK_STYLE.cooperation;
    return {
      placeId: String(p.placeId),
      kind,
      d: path(f) ?? '',
      colour,
      // MapLibre's dash lengths are in line widths.
      dash: dash ? dash.map((n) => r1(n * width)).join(' ') : null,
      width,
      quiet: factCount === 0,
      title: featureName(p, localeOf(lang), String(p.placeId)),
    };
  });
}

export function drawLinks(shapes: LinkShape[]): SVGGElement {
  const g = svgEl('g', { class: 'links', 'data-layer': 'jjj', fill: 'none', 'stroke-linecap': 'round' });
  for (const s of shapes) {
    g.append(
      svgEl(
        'g',
        { class: 'link', 'data-place': s.placeId, 'data-source': 'jjj-arcs', 'data-kind': s.kind },
        svgTitle(s.title),
        svgEl('path', { class: 'link-line', d: s.d, stroke: s.colour, 'stroke-width': r1(s.width), 'stroke-dasharray': s.dash, 'stroke-opacity': s.quiet ? LINK_OPACITY.quiet : LINK_OPACITY.cited }),
        svgEl('path', { class: 'hit', d: s.d, stroke: 'transparent', 'stroke-width': LINE_HIT_PX }),
      ),
    );
  }
  return g;
}
