/**
 * Facts per Beijing district, stacked by topic: the chart's view model. Pure.
 *
 * Counting rule: the atlas's one rule (src/place-facts.ts; the summary's tallies, whose `p` counts each fact under its first topic): a fact
 * counts for a district when it is about the district or about a place located in it; group
 * mentions and spanning places' other hosts do not count. Without a theme filter a fact counts once per district, under its FIRST topic in
 * the fixed topic order (primaryTopic), so a bar's length is the number of facts about the
 * district; the largest topics get their own colour and the rest (and facts with no topic)
 * are grouped as 'other'. With a theme filter a bar counts every fact having that topic.
 */
import type { Topic } from '../../../types.ts';
import type { AtlasIndex } from '../../data/atlas-data.ts';
import { type Lang, t } from '../../i18n/strings.ts';
import { TOPIC_ORDER, placeName, topicLabel } from '../../ui/labels.ts';

export type SeriesKey = Topic | 'other';

/**
 * Qualitative, colour-blind-safe palette: CARTOColors "Safe" (after Paul Tol's "muted"),
 * 11 colours, plus its neutral grey for 'other'. Segments are also separated by thin white
 * gaps and labelled (title / aria), so no reading depends on telling two hues apart.
 */
export const CHART_PALETTE = [
  '#88CCEE', '#CC6677', '#DDCC77', '#117733', '#332288', '#AA4499',
  '#44AA99', '#999933', '#882255', '#661100', '#6699CC',
] as const;
export const OTHER_COLOUR = '#888888';

export interface ChartSegment {
  topic: SeriesKey;
  label: string;
  colour: string;
  count: number;
}

export interface ChartBar {
  district: string;
  name: string;
  /** Facts about the district (within the theme when one is set). */
  total: number;
  /** Stack order: the legend's order; zero-count series are left out. */
  segments: ChartSegment[];
  /** "海淀区：37 条事实". */
  label: string;
}

export interface LegendEntry {
  topic: SeriesKey;
  label: string;
  colour: string;
}

export interface DistrictChartModel {
  topic: Topic | null;
  title: string;
  caption: string;
  bars: ChartBar[];
  legend: LegendEntry[];
  /** The largest bar total (0 when nothing counts). */
  max: number;
}

/** Beijing district ids, in the facts file's order. */
export function districtIds(data: AtlasIndex): string[] {
  return data.file.places.filter((p) => p.kind === 'district').map((p) => p.id);
}

/** Per district, per first topic ('other' = no topic): the unfiltered stack counts. */
export function primaryTopicCounts(data: AtlasIndex): Map<string, Map<SeriesKey, number>> {
  const out = new Map<string, Map<SeriesKey, number>>();
  for (const d of districtIds(data)) {
    const byPrimary = data.tally(d)?.p ?? {};
    out.set(d, new Map(Object.entries(byPrimary).filter(([, n]) => n > 0) as Array<[SeriesKey, number]>));
  }
  return out;
}

/**
 * Which topics get their own colour: the CHART_PALETTE.length largest first topics over all
 * districts (ties in topic order), each with a fixed colour; everything else is 'other'.
 * Depends on the data only, so colours stay put when the theme or language changes.
 */
export function topicColours(data: AtlasIndex): Map<Topic, string> {
  const totals = new Map<Topic, number>();
  for (const m of primaryTopicCounts(data).values()) {
    for (const [k, n] of m) if (k !== 'other') totals.set(k, (totals.get(k) ?? 0) + n);
  }
  const top = TOPIC_ORDER.filter((tp) => (totals.get(tp) ?? 0) > 0)
    .sort((a, b) => totals.get(b)! - totals.get(a)! || TOPIC_ORDER.indexOf(a) - TOPIC_ORDER.indexOf(b))
    .slice(0, CHART_PALETTE.length);
  // Colours follow the topic order (not the rank), so neighbouring topics stay apart predictably.
  const ordered = TOPIC_ORDER.filter((tp) => top.includes(tp));
  return new Map(ordered.map((tp, i) => [tp, CHART_PALETTE[i]]));
}

/** The colour of one topic when it is the only series shown (a theme filter). */
export function filteredColour(colours: Map<Topic, string>, topic: Topic): string {
  return colours.get(topic) ?? CHART_PALETTE[4];
}

export function districtTopicModel(data: AtlasIndex, topic: Topic | null, lang: Lang): DistrictChartModel {
  const colours = topicColours(data);
  const names = new Map(districtIds(data).map((id) => [id, placeName(data.places.get(id)!, lang)]));
  let legend: LegendEntry[];
  let stacks: Map<string, Map<SeriesKey, number>>;
  if (topic) {
    legend = [{ topic, label: topicLabel(topic, lang), colour: filteredColour(colours, topic) }];
    const counts = data.districtCounts(topic);
    stacks = new Map(districtIds(data).map((id) => [id, new Map<SeriesKey, number>([[topic, counts.get(id) ?? 0]])]));
  } else {
    legend = [...colours].map(([tp, colour]) => ({ topic: tp, label: topicLabel(tp, lang), colour }));
    legend.push({ topic: 'other', label: t('charts.otherTopics', lang), colour: OTHER_COLOUR });
    stacks = new Map();
    for (const [d, m] of primaryTopicCounts(data)) {
      const lumped = new Map<SeriesKey, number>();
      for (const [k, n] of m) {
        const key: SeriesKey = k !== 'other' && colours.has(k) ? k : 'other';
        lumped.set(key, (lumped.get(key) ?? 0) + n);
      }
      stacks.set(d, lumped);
    }
  }
  const order = districtIds(data);
  const bars: ChartBar[] = order.map((district) => {
    const m = stacks.get(district) ?? new Map<SeriesKey, number>();
    const segments = legend
      .filter((e) => (m.get(e.topic) ?? 0) > 0)
      .map((e) => ({ topic: e.topic, label: e.label, colour: e.colour, count: m.get(e.topic)! }));
    const total = segments.reduce((a, s) => a + s.count, 0);
    const name = names.get(district)!;
    return { district, name, total, segments, label: t('charts.bar', lang, { name, n: String(total) }) };
  });
  bars.sort((a, b) => b.total - a.total || order.indexOf(a.district) - order.indexOf(b.district));
  return {
    topic,
    title: topic ? t('charts.headingTopic', lang, { topic: topicLabel(topic, lang) }) : t('charts.heading', lang),
    caption: topic ? t('charts.captionTopic', lang, { topic: topicLabel(topic, lang) }) : t('charts.caption', lang),
    bars,
    legend,
    max: bars.reduce((a, b) => Math.max(a, b.total), 0),
  };
}
