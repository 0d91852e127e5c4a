/** What the legend says in words: the theme line and each choropleth class's range. Pure. */
import type { Topic } from '../../../types.ts';
import { type Lang, t } from '../../i18n/strings.ts';
import { topicLabel } from '../../ui/labels.ts';

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
