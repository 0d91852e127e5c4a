/**
 * Lines between places (the Jing-Jin-Ji links, and any line source a layer module builds): the
 * same features as the WebGL map (placeSources); their colour, dash, width and opacity come from
 * the scene (scene-looks.ts).
 */
import type { Feature, FeatureCollection, LineString } from 'geojson';
import type { GeoPath } from 'd3-geo';
import type { Lang } from '../i18n/strings.ts';
import { layerOfSource } from '../map/layer-catalog.ts';
import type { LinkKind } from '../map/place-features.ts';
import type { LayerId } from '../state/state.ts';
import { LINE_HIT_PX } from './extents.ts';
import { svgEl, svgTitle } from './svg-dom.ts';
import { featureName, localeOf } from '../i18n/locale.ts';

export interface LinkShape {
  placeId: string;
  /** The style source it comes from, and the layer that toggles it. */
  source: string;
  layer: LayerId;
  kind: LinkKind;
  d: string;
  title: string;
}

/** `sources`: the place sources by id (placeSources); those of lines become links, in their layer. */
export function linkShapes(sources: Record<string, FeatureCollection>, path: GeoPath, lang: Lang): LinkShape[] {
  return Object.entries(sources).flatMap(([source, fc]) => {
    const layer = layerOfSource(source);
    if (!layer) return [];
    return fc.features.filter((f): f is Feature<LineString> => f.geometry?.type === 'LineString').map((f) => {
      const p = f.properties ?? {};
      return {
        placeId: String(p.placeId),
        source,
        layer,
        kind: p.linkKind as LinkKind,
        d: path(f) ?? '',
        title: featureName(p, localeOf(lang), String(p.placeId)),
      };
    });
  });
}

/** One layer's links. */
export function drawLinks(shapes: LinkShape[], layer: LayerId): SVGGElement {
  const g = svgEl('g', { class: 'links', 'data-layer': layer, fill: 'none', 'stroke-linecap': 'round' });
  for (const s of shapes) {
    if (s.layer !== layer) continue;
    g.append(
      svgEl(
        'g',
        { class: 'link', 'data-place': s.placeId, 'data-source': s.source, 'data-kind': s.kind },
        svgTitle(s.title),
        svgEl('path', { class: 'link-line', d: s.d }),
        svgEl('path', { class: 'hit', d: s.d, stroke: 'transparent', 'stroke-width': LINE_HIT_PX }),
      ),
    );
  }
  return g;
}
