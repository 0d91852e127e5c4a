/**
 * The district map as a standalone SVG document, drawn with d3-geo: pure (no DOM), so it runs
 * and is tested in Node. Context units underneath, the districts filled by count class (one
 * `<path id="district-…">` each, with its name as `<title>`), province outlines, district
 * labels, then title, legend, notice and attribution as text. Coordinates have one decimal;
 * the same input always gives the same string.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Boundaries } from '../data/load-boundaries.ts';
import type { Lang } from '../i18n/strings.ts';
import { forD3, ringsAsLines } from '../map/d3-geometry.ts';
import { centredBox, placeGreedy } from '../map/label-placement.ts';
import { PALETTE, localIdeographFontFamily } from '../map/map-theme.ts';
import { FRAME, layoutFrame, type LegendItem } from './frame.ts';
import { estimateTextWidth } from '../map/text-measure.ts';

export { forD3 } from '../map/d3-geometry.ts';

export interface SvgExportOptions {
  title: string;
  subtitle?: string;
  notice: string;
  attribution: string;
  lang: Lang;
  /** The whole document, header and footer bands included (CSS px). */
  width: number;
  height: number;
  /** Map extent [west, south, east, north] in degrees; the Beijing outline when absent. */
  bounds?: [number, number, number, number];
  /** Legend rows (colour and label), e.g. from legendItems(counts, lang); none when absent. */
  legend?: LegendItem[];
}

const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text or attribute value safe inside XML: the five special characters escaped, invalid ones dropped. */
export function escapeXml(s: string): string {
  return s.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** One decimal, never "-0". */
const r1 = (n: number) => String(Math.round(n * 10) / 10 + 0);

const nameOf = (p: Feature['properties'], lang: Lang) => String((lang === 'en' ? p?.nameEn : p?.nameZhHans) ?? p?.id ?? '');
/** On the map a district needs no "District": "Haidian", as Chinese maps print 海淀区 in full. */
const labelText = (p: Feature['properties'], lang: Lang) => (lang === 'en' ? nameOf(p, lang).replace(/ District$/, '') : nameOf(p, lang));

export function exportSvg(b: Boundaries, counts: Map<string, number>, colourOf: (count: number) => string, opts: SvgExportOptions): string {
  const { width: W, height: H, lang } = opts;
  const { pad: PAD, legendSize: LEGEND_FONT, legendRow: LEGEND_ROW, smallSize: SMALL_FONT, smallLine: SMALL_LINE } = FRAME;
  const layout = layoutFrame(W, { legend: opts.legend ?? [], notice: opts.notice, attribution: opts.attribution });
  const { notice, attribution } = layout;
  const top = layout.header;
  const bottom = Math.max(top + 1, H - layout.footer);

  // Projection: Mercator (as the web map) fitted to the outline or the bounds, clipped to the map box.
  const beijing = b.outlines.features.find((f) => f.properties?.id === 'beijing');
  const target: GeoPermissibleObjects = opts.bounds
    ? { type: 'MultiPoint', coordinates: [[opts.bounds[0], opts.bounds[1]], [opts.bounds[2], opts.bounds[3]], [opts.bounds[0], opts.bounds[3]], [opts.bounds[2], opts.bounds[1]]] }
    : ({ type: 'FeatureCollection', features: (beijing ? [beijing] : b.districts.features).map(forD3) } as FeatureCollection);
  const projection = geoMercator()
    .fitExtent([[PAD, top + PAD], [W - PAD, bottom - PAD]], target)
    .clipExtent([[0, top], [W, bottom]]);
  const path = geoPath(projection).digits(1);
  const d = (f: Feature | null) => (f ? path(f as GeoPermissibleObjects) ?? '' : '');

  const font = escapeXml(localIdeographFontFamily);
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" xml:lang="${lang === 'en' ? 'en' : 'zh-Hans'}" font-family="${font}" role="img" aria-labelledby="svg-title">`,
  );
  out.push(`<title id="svg-title">${escapeXml(opts.title)}</title>`);
  out.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<rect x="0" y="${top}" width="${W}" height="${r1(bottom - top)}" fill="${PALETTE.background}"/>`);

  out.push(`<g id="context" fill="${PALETTE.contextFill}" stroke="${PALETTE.contextLine}" stroke-width="0.6">`);
  for (const f of b.context.features) {
    const pd = d(forD3(f));
    if (pd) out.push(`<path data-adcode="${escapeXml(String(f.properties?.adcode ?? ''))}" d="${pd}"/>`);
  }
  out.push('</g>');

  out.push(`<g id="districts" stroke="${PALETTE.districtLine}" stroke-width="0.8" stroke-linejoin="round">`);
  for (const f of b.districts.features) {
    const p = f.properties ?? {};
    const id = String(p.id);
    const count = counts.get(id) ?? 0;
    out.push(
      `<path id="district-${escapeXml(id)}" data-adcode="${escapeXml(String(p.adcode))}" data-count="${count}" fill="${escapeXml(colourOf(count))}" d="${d(forD3(f))}">` +
        `<title>${escapeXml(`${nameOf(p, lang)}: ${count}`)}</title></path>`,
    );
  }
  out.push('</g>');

  out.push(`<g id="outlines" fill="none" stroke="${PALETTE.provinceLine}" stroke-width="1.6" stroke-linejoin="round">`);
  for (const f of b.outlines.features) {
    const pd = d(ringsAsLines(f));
    if (pd) out.push(`<path data-adcode="${escapeXml(String(f.properties?.adcode ?? ''))}" d="${pd}"/>`);
  }
  out.push('</g>');

  // District labels at their label points; one that would overlap a placed label is tried
  // smaller, then left out (the district keeps its <title>). Larger districts are placed first.
  const byId = new Map(b.districts.features.map((f) => [String(f.properties?.id), f]));
  const labels = b.labels.features
    .filter((f) => byId.has(String(f.properties?.id)))
    .map((f, order) => ({ f, order, text: labelText(f.properties, lang), area: path.area(forD3(byId.get(String(f.properties?.id))!) as GeoPermissibleObjects), xy: projection(f.geometry.coordinates as [number, number]) }))
    .filter(({ xy }) => xy && xy[0] >= 0 && xy[0] <= W && xy[1] >= top && xy[1] <= bottom)
    .sort((a, b2) => b2.area - a.area || String(a.f.properties?.id).localeCompare(String(b2.f.properties?.id)));
  const texts = placeGreedy(labels, ({ xy, text }) => [12, 10].map((size) => ({ size, box: centredBox(xy![0], xy![1], estimateTextWidth(text, size), size) })))
    .sort((a, b2) => a.candidate.order - b2.candidate.order)
    .map(({ candidate: { xy, text }, placed: { size } }) => `<text x="${r1(xy![0])}" y="${r1(xy![1])}"${size === 12 ? '' : ` font-size="${size}"`}>${escapeXml(text)}</text>`);
  out.push(
    `<g id="labels" font-size="12" text-anchor="middle" dominant-baseline="central" fill="${PALETTE.districtText}" stroke="${PALETTE.halo}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`,
  );
  out.push(...texts);
  out.push('</g>');

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
    out.push(`<rect x="${r1(c.x)}" y="${r1(ry)}" width="${FRAME.swatchW}" height="${FRAME.swatchH}" fill="${escapeXml(c.item.colour)}" stroke="#5d5646" stroke-width="0.6"/>`);
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
