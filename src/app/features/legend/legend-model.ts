/**
 * What a legend says: the theme line, each choropleth class's range, and a row for every kind of
 * symbol the shown layers draw. The side legend, the exports and the presenting legend use it. Pure.
 */
import type { Topic } from '../../../types.ts';
import { type Lang, t } from '../../i18n/strings.ts';
import { choroplethLegend } from '../../map/choropleth.ts';
import { LAYER_CATALOG, dashPixels, type LegendSymbol, type LineLook } from '../../map/layer-catalog.ts';
import { LAYER_IDS, type LayerId } from '../../state/state.ts';
import { topicLabel } from '../../ui/labels.ts';

export interface LegendItem {
  colour: string;
  label: string;
  /** How it is drawn; a filled swatch when absent. */
  symbol?: LegendSymbol;
  /** A line symbol's width, dash (pixels; [] is solid) and cap, as the map draws the line. */
  line?: LineSample;
}

export interface LineSample {
  width: number;
  dash: number[];
  cap: 'round' | 'butt';
}

/** A layer's line look as a legend draws it: the dash in pixels at the look's width. */
export const lineSample = (look: LineLook): LineSample => ({ width: look.width, dash: dashPixels(look), cap: look.cap });


/** One choropleth class: inclusive count range (the zero class is min = max = 0). */
export interface LegendClass {
  colour: string;
  min: number;
  max: number;
}

/** "按主题：人工智能 — 各区相关事实数" / "Facts per district about: AI". */
export function themeLine(topic: Topic | null, lang: Lang): string {
  return topic ? t('shownTopic', lang, { topic: topicLabel(topic, lang) }) : t('shownAll', lang);
}

export function classLabel(c: LegendClass, lang: Lang): string {
  if (c.max === 0) return t('classZero', lang);
  if (c.min === c.max) return t('classSingle', lang, { n: String(c.min) });
  if (!Number.isFinite(c.max)) return t('classAtLeast', lang, { n: String(c.min) });
  return t('classRange', lang, { from: String(c.min), to: String(c.max) });
}

/** Legend rows for the counts: the zero class, then each positive class with its range. */
export function legendItems(counts: Iterable<number>, lang: Lang): LegendItem[] {
  return choroplethLegend([...counts]).map((c) => ({ colour: c.colour, label: classLabel(c, lang) }));
}

/**
 * Legend rows for every kind of symbol the shown layers draw besides the district classes
 * (extents, dots, precision halos, each kind of link, arrows), from the layer catalog, each once.
 */
export function layerLegendItems(layers: readonly LayerId[], lang: Lang): LegendItem[] {
  const seen = new Set<string>();
  return LAYER_IDS.filter((id) => id !== 'districts' && layers.includes(id)).flatMap((id) =>
    LAYER_CATALOG[id].legend.flatMap((e) => {
      const item: LegendItem = { colour: e.colour, label: t(e.labelKey, lang), symbol: e.symbol, ...(e.line ? { line: lineSample(e.line) } : {}) };
      const key = `${item.symbol}|${item.colour}|${item.label}|${item.line?.dash.join(',') ?? ''}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [item];
    }),
  );
}
