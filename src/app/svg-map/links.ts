/**
 * Jing-Jin-Ji links: the same arcs as the WebGL map (buildPlaceFeatures); their colour, dash,
 * width and opacity come from the scene (scene-looks.ts).
 */
import type { FeatureCollection, LineString } from 'geojson';
import type { GeoPath } from 'd3-geo';
import type { Lang } from '../i18n/strings.ts';
import type { LinkKind } from '../map/place-features.ts';
import { LINE_HIT_PX } from './extents.ts';
import { svgEl, svgTitle } from './svg-dom.ts';
import { featureName, localeOf } from '../i18n/locale.ts';

export interface LinkShape {
  placeId: string;
  kind: LinkKind;
  d: string;
  title: string;
}

export function linkShapes(arcs: FeatureCollection<LineString>, path: GeoPath, lang: Lang): LinkShape[] {
  return arcs.features.map((f) => {
    const p = f.properties ?? {};
    return {
      placeId: String(p.placeId),
      kind: p.linkKind as LinkKind,
      d: path(f) ?? '',
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
        svgEl('path', { class: 'link-line', d: s.d }),
        svgEl('path', { class: 'hit', d: s.d, stroke: 'transparent', 'stroke-width': LINE_HIT_PX }),
      ),
    );
  }
  return g;
}
