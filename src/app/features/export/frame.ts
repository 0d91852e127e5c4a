/**
 * What an exported map says around itself: the choropleth's colour per count and its legend
 * (the same classes the map and the side legend use), and file names. Pure.
 */
import type { Topic } from '../../../types.ts';
import type { Lang } from '../../i18n/strings.ts';
import { t } from '../../i18n/strings.ts';
import { HALO_LOOK } from '../../map/layers/point-style.ts';
import type { LayerId } from '../../state/state.ts';
import { estimateTextWidth, type Measure } from '../../map/text-measure.ts';
import { type LegendItem, layerLegendItems, legendItems, themeLine } from '../legend/legend-model.ts';

export type { LegendItem } from '../legend/legend-model.ts';
export { layerLegendItems, legendItems } from '../legend/legend-model.ts';

/** The text and legend drawn around an exported map. */
export interface ExportFrame {
  title: string;
  subtitle?: string;
  legend: LegendItem[];
  notice: string;
  attribution: string;
}

/** The frame of the current view: title, theme line, legend (classes, then the symbols of the shown layers), notice and attribution. */
export function exportFrame(counts: Map<string, number>, topic: Topic | null, lang: Lang, layers: readonly LayerId[] = []): ExportFrame {
  return {
    title: t('title', lang),
    subtitle: themeLine(topic, lang),
    legend: [...legendItems(counts.values(), lang), ...layerLegendItems(layers, lang)],
    notice: t('notice', lang),
    attribution: t('attribution', lang),
  };
}

/** `beijing-atlas[-topic]-2025-01-31.png`: ASCII only, safe on every file system. */
export function exportFilename(ext: 'png' | 'svg', topic: Topic | null, date: Date, scale?: number): string {
  const d = date.toISOString().slice(0, 10);
  const parts = ['beijing-atlas', topic, scale && scale !== 1 ? `${scale}x` : null, d].filter((p): p is string => !!p);
  return `${parts.join('-')}.${ext}`;
}

/** Band sizes around the map, in CSS px (the PNG multiplies them by its scale). */
export const FRAME = {
  header: 58,
  pad: 12,
  titleSize: 20,
  subtitleSize: 13,
  legendSize: 12,
  legendRow: 20,
  swatchW: 14,
  swatchH: 10,
  smallSize: 11,
  smallLine: 15,
} as const;

/**
 * How a legend row draws its symbol, in the SVG and on the PNG canvas alike (a line takes its
 * width, dash and cap from the layer's look; lineWidth is for a line without one), dot and halo radii,
 * and the halo's opacities as the map's halos have them.
 */
export const LEGEND_SYMBOL = {
  lineWidth: 2,
  dotRadius: 4,
  haloRadius: 6,
  haloFillOpacity: HALO_LOOK.fillOpacity.cited,
  haloStrokeOpacity: HALO_LOOK.strokeOpacity.cited,
  arrowSize: 14,
  swatchStroke: '#5d5646',
} as const;

/** Splits text into lines no wider than `max`, at spaces when it can, between ideographs anywhere. */
export function wrapText(s: string, fontSize: number, max: number, measure: Measure = estimateTextWidth): string[] {
  const lines: string[] = [];
  let line = '';
  // Tokens: a word with its following spaces, or a single ideograph (which may break anywhere).
  for (const token of s.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+/gu) ?? []) {
    if (line.trim() && measure((line + token).trimEnd(), fontSize) > max) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.length ? lines : [''];
}

export interface LegendCell {
  item: LegendItem;
  /** Left edge of the swatch and the row (0-based), in CSS px from the band's left. */
  x: number;
  row: number;
}

export interface FrameLayout {
  legend: LegendCell[];
  legendRows: number;
  notice: string[];
  attribution: string[];
  /** Header and footer band heights (CSS px). */
  header: number;
  footer: number;
}

export function footerHeight(legendRows: number, textLines: number): number {
  return FRAME.pad + legendRows * FRAME.legendRow + textLines * FRAME.smallLine + FRAME.pad / 2;
}

/** Where the legend cells and the wrapped notice and attribution lines go in a band `width` wide. */
export function layoutFrame(width: number, frame: Pick<ExportFrame, 'legend' | 'notice' | 'attribution'>, measure: Measure = estimateTextWidth): FrameLayout {
  const { pad } = FRAME;
  const legend: LegendCell[] = [];
  let x = pad;
  let row = 0;
  for (const item of frame.legend) {
    const w = FRAME.swatchW + 5 + measure(item.label, FRAME.legendSize) + 16;
    if (x > pad && x + w > width - pad) {
      row += 1;
      x = pad;
    }
    legend.push({ item, x, row });
    x += w;
  }
  const legendRows = frame.legend.length ? row + 1 : 0;
  const notice = wrapText(frame.notice, FRAME.smallSize, width - 2 * pad, measure);
  const attribution = wrapText(frame.attribution, FRAME.smallSize, width - 2 * pad, measure);
  return { legend, legendRows, notice, attribution, header: FRAME.header, footer: footerHeight(legendRows, notice.length + attribution.length) };
}
