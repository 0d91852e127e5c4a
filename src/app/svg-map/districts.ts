/**
 * The 16 districts, each path a focusable button named by its <title> (name and count), keyed by
 * `data-place`; their fills come from the scene (scene-looks.ts), as every look of the SVG map.
 */
import type { GeoPath, GeoPermissibleObjects } from 'd3-geo';
import type { Boundaries } from '../data/load-boundaries.ts';
import { type Lang, t } from '../i18n/strings.ts';
import { forD3 } from '../map/d3-geometry.ts';
import { PALETTE } from '../map/map-theme.ts';
import { retitle, svgEl } from './svg-dom.ts';
import { featureName, localeOf } from '../i18n/locale.ts';

export interface DistrictShape {
  id: string;
  adcode: string;
  d: string;
}

export interface DistrictLook {
  count: number;
  title: string;
}

export function districtShapes(b: Pick<Boundaries, 'districts'>, path: GeoPath): DistrictShape[] {
  return b.districts.features.map((f) => ({
    id: String(f.properties?.id),
    adcode: String(f.properties?.adcode ?? ''),
    d: path(forD3(f) as GeoPermissibleObjects) ?? '',
  }));
}

/** Count and name per district for the topic's counts (a district missing from `counts` has 0). */
export function districtLooks(b: Pick<Boundaries, 'districts'>, counts: Map<string, number>, lang: Lang): Map<string, DistrictLook> {
  return new Map(
    b.districts.features.map((f) => {
      const id = String(f.properties?.id);
      const count = counts.get(id) ?? 0;
      const name = featureName(f.properties, localeOf(lang), id);
      return [id, { count, title: t('placeListCountLabel', lang, { name, n: String(count) }) }];
    }),
  );
}

export function drawDistricts(shapes: DistrictShape[]): SVGGElement {
  const g = svgEl('g', { class: 'districts', 'data-layer': 'districts', stroke: PALETTE.districtLine, 'stroke-width': 0.8, 'stroke-linejoin': 'round' });
  for (const s of shapes) {
    g.append(svgEl('path', { class: 'district', d: s.d, 'data-place': s.id, 'data-source': 'districts', 'data-adcode': s.adcode, tabindex: 0, role: 'button' }));
  }
  return g;
}

export function restyleDistricts(g: SVGGElement, looks: Map<string, DistrictLook>): void {
  for (const p of g.querySelectorAll<SVGPathElement>('path[data-place]')) {
    const look = looks.get(p.dataset.place!);
    if (!look) continue;
    p.dataset.count = String(look.count);
    retitle(p, look.title);
  }
}
