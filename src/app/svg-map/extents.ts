/**
 * The 三城一区 as schematic extents: a tint and an outline, looking as the scene says. The
 * tint takes no clicks (中关村科学城 covers all of Haidian, which must stay clickable): the outline
 * does, through a wide transparent stroke, and each extent is a focusable button.
 */
import type { GeoPath, GeoPermissibleObjects } from 'd3-geo';
import type { Boundaries } from '../data/load-boundaries.ts';
import { type Lang, t } from '../i18n/strings.ts';
import { forD3, ringsAsLines } from '../map/d3-geometry.ts';
import { retitle, svgEl } from './svg-dom.ts';
import { localeOf, nameIn, parenthesise } from '../i18n/locale.ts';

export interface ExtentShape {
  id: string;
  /** The area (tint) and its rings as lines (outline and hit area). */
  area: string;
  outline: string;
  nameZhHans: string;
  nameEn: string;
}

/** Clickable width of an outline, px: the dashed line itself is under 2 px. */
export const LINE_HIT_PX = 10;

export function extentShapes(b: Pick<Boundaries, 'extents'>, path: GeoPath): ExtentShape[] {
  return b.extents.features.map((f) => {
    const lines = ringsAsLines(f);
    return {
      id: String(f.properties?.id),
      area: path(forD3(f) as GeoPermissibleObjects) ?? '',
      outline: lines ? path(lines) ?? '' : '',
      nameZhHans: String(f.properties?.nameZhHans ?? ''),
      nameEn: String(f.properties?.nameEn ?? ''),
    };
  });
}

/** "中关村科学城（示意范围）" / "Zhongguancun Science City (Schematic extent)". */
export function extentTitle(s: Pick<ExtentShape, 'nameZhHans' | 'nameEn'>, lang: Lang): string {
  const loc = localeOf(lang);
  return `${nameIn({ zhHans: s.nameZhHans, en: s.nameEn }, loc)}${parenthesise(t('geo.schematic', lang), loc)}`;
}

export function drawExtents(shapes: ExtentShape[], lang: Lang): SVGGElement {
  const g = svgEl('g', { class: 'extents', 'data-layer': 'science-cities' });
  for (const s of shapes) {
    g.append(
      svgEl(
        'g',
        { class: 'extent', 'data-place': s.id, 'data-source': 'extents', tabindex: 0, role: 'button' },
        svgEl('path', { class: 'extent-fill', d: s.area, stroke: 'none' }),
        svgEl('path', { class: 'extent-line', d: s.outline, fill: 'none' }),
        svgEl('path', { class: 'hit', d: s.outline, fill: 'none', stroke: 'transparent', 'stroke-width': LINE_HIT_PX }),
      ),
    );
  }
  retitleExtents(g, shapes, lang);
  return g;
}

export function retitleExtents(g: SVGGElement, shapes: ExtentShape[], lang: Lang): void {
  const byId = new Map(shapes.map((s) => [s.id, s]));
  for (const e of g.querySelectorAll<SVGGElement>('.extent')) retitle(e, extentTitle(byId.get(e.dataset.place!)!, lang));
}
