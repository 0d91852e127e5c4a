/**
 * The figures the documents state (percentages, amounts, counts …), from the facts' `figures`:
 * the figures table's view model. Pure; every text is an exact slice of a fact's sentence.
 *
 * Years are not rows: they put the figures in year groups. A figure belongs to the nearest
 * year written before it in its sentence (从2014年的12.6%提升至2019年的15.9% → 2014, 2019);
 * failing that, to the fact's year — a target year (later than the document's own date)
 * first, else its latest. A year later than the document's date makes the row a target. Rows are ordered target first, then share, amount, count (firms, labs,
 * projects first), area, multiple, other, then document order.
 */
import type { Fact, Figure, Script, Topic, FactPlace } from '../../../types.ts';
import type { AtlasData } from '../../data/atlas-data.ts';
import { type Lang, t } from '../../i18n/strings.ts';
import { placeName, topicLabel } from '../../ui/labels.ts';
import { type Citation, type QuoteLang, citationOf, formatCitation, quoteLang } from '../../ui/citation.ts';
import { localeOf } from '../../i18n/locale.ts';

export type FigureKind = 'share' | 'money' | 'count' | 'area' | 'multiple' | 'other';

export const KIND_ORDER: readonly FigureKind[] = ['share', 'money', 'count', 'area', 'multiple', 'other'];

/** Counts of firms, labs, projects … rank above other counts. */
const KEY_COUNT_UNITS = new Set(['家', '个', '個', '项', '項']);

export interface FigurePlace {
  id: string;
  name: string;
  how: FactPlace['how'];
}

export interface FigureRow {
  /** factId#index of the figure in fact.figures. */
  key: string;
  factId: string;
  docId: string;
  /** The figure as written (exact slice of the document at start…end). */
  text: string;
  value: number;
  max?: number;
  unit: string;
  kind: FigureKind;
  /** What it measures (the pipeline's words before the figure), or '' when not a slice of the sentence. */
  measure: string;
  /** The fact's sentence split around the figure: before + text + after === fact.text. */
  before: string;
  after: string;
  /** The year group (figureYear), and whether that year is later than the document's date. */
  year: number | null;
  target: boolean;
  places: FigurePlace[];
  citation: Citation;
  citationText: string;
  script: Script;
  lang: QuoteLang;
  start: number;
  end: number;
}

export interface FigureGroup {
  /** Calendar year the rows' facts name, or null. */
  year: number | null;
  target: boolean;
  label: string;
  rows: FigureRow[];
}

export interface FiguresModel {
  topic: Topic | null;
  title: string;
  caption: string;
  countLine: string;
  groups: FigureGroup[];
  rowCount: number;
  /** Set when there are no rows: says why. */
  empty: string | null;
}

export const isYearFigure = (f: Figure): boolean => f.unit === '年';

/** The kind of figure, or null for years and durations (unit 年), which are never rows. */
export function figureKind(f: Figure): FigureKind | null {
  const u = f.unit;
  if (u === '年') return null;
  if (u === '%' || u === '‰' || u === 'fraction' || u === '成') return 'share';
  if (/元$/.test(u)) return 'money';
  if (u === '倍') return 'multiple';
  if (/平方|亩|畝|公顷|公頃/.test(u) || /平方/.test(f.text)) return 'area';
  if (/^(家|个|個|项|項|所|件|条|條|批|类|類|位|名|人|人次|座|台|只|支|万|萬|亿|億)$/.test(u)) return 'count';
  return 'other';
}

/** Calendar years a fact names through its year figures (both ends of a range), ascending. */
export function yearsOf(fact: Fact): number[] {
  const ys = new Set<number>();
  for (const f of fact.figures) {
    if (!isYearFigure(f)) continue;
    for (const v of [f.value, f.max]) if (v !== undefined && Number.isInteger(v) && v >= 1900 && v <= 2100) ys.add(v);
  }
  return [...ys].sort((a, b) => a - b);
}

/** The first four-digit year in a document date ('2021-11-24', '2025'), or null. */
export function docYear(date: string): number | null {
  const m = /(19|20)\d\d/.exec(date);
  return m ? Number(m[0]) : null;
}

/** The year a fact's rows are grouped under, and whether it is a target (after the document's date). */
export function factYear(fact: Fact, documentDate: string): { year: number | null; target: boolean } {
  const ys = yearsOf(fact);
  if (!ys.length) return { year: null, target: false };
  const dy = docYear(documentDate);
  const future = dy === null ? [] : ys.filter((y) => y > dy);
  if (future.length) return { year: future[future.length - 1], target: true };
  return { year: ys[ys.length - 1], target: false };
}

function rank(r: FigureRow): number {
  const k = KIND_ORDER.indexOf(r.kind) * 2 + (r.kind === 'count' && !KEY_COUNT_UNITS.has(r.unit) ? 1 : 0);
  return (r.target ? 0 : 100) + k;
}

function placesOf(data: AtlasData, fact: Fact, lang: Lang): FigurePlace[] {
  const seen = new Set<string>();
  const out: FigurePlace[] = [];
  for (const how of ['explicit', 'group', 'context'] as const) {
    for (const fp of fact.places) {
      if (fp.how !== how || seen.has(fp.id)) continue;
      const p = data.places.get(fp.id);
      if (!p) continue;
      seen.add(fp.id);
      out.push({ id: fp.id, name: placeName(p, lang), how });
    }
  }
  return out;
}

/** Calendar years a year figure names (both ends of a range). */
function calendarYears(f: Figure): number[] {
  if (!isYearFigure(f)) return [];
  return [f.value, f.max].filter((v): v is number => v !== undefined && Number.isInteger(v) && v >= 1900 && v <= 2100);
}

/**
 * The year group of one figure of a fact: the nearest year written before it in the
 * sentence, else the fact's year (factYear); target when later than the document's date.
 */
export function figureYear(fact: Fact, figure: Figure, documentDate: string): { year: number | null; target: boolean } {
  const before = fact.figures.filter((g) => g.end <= figure.start && calendarYears(g).length).sort((a, b) => a.end - b.end).at(-1);
  if (!before) return factYear(fact, documentDate);
  const year = Math.max(...calendarYears(before));
  const dy = docYear(documentDate);
  return { year, target: dy !== null && year > dy };
}

export function figureRows(data: AtlasData, topic: Topic | null, lang: Lang): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const fact of data.file.facts) {
    if (topic && !fact.topics.includes(topic)) continue;
    if (!fact.figures.length) continue;
    const doc = data.documents.get(fact.doc);
    const script: Script = doc?.script ?? 'zhHans';
    const citation = citationOf(doc, fact.doc);
    const places = placesOf(data, fact, lang);
    fact.figures.forEach((fig, i) => {
      const a = fig.start - fact.start;
      const b = fig.end - fact.start;
      // Only figures that are exactly where they say they are in the sentence.
      if (a < 0 || b > fact.text.length || fact.text.slice(a, b) !== fig.text) return;
      const kind = figureKind(fig);
      if (!kind) return;
      const { year, target } = figureYear(fact, fig, doc?.date ?? '');
      rows.push({
        key: `${fact.id}#${i}`,
        factId: fact.id,
        docId: fact.doc,
        text: fig.text,
        value: fig.value,
        ...(fig.max !== undefined ? { max: fig.max } : {}),
        unit: fig.unit,
        kind,
        measure: fig.measure && fact.text.includes(fig.measure) ? fig.measure : '',
        before: fact.text.slice(0, a),
        after: fact.text.slice(b),
        year,
        target,
        places,
        citation,
        citationText: formatCitation(citation, lang),
        script,
        lang: quoteLang(script),
        start: fig.start,
        end: fig.end,
      });
    });
  }
  return rows;
}

export function kindLabel(kind: FigureKind, lang: Lang): string {
  return t(`figures.kind.${kind}`, lang);
}

export function figuresModel(data: AtlasData, topic: Topic | null, lang: Lang): FiguresModel {
  const rows = figureRows(data, topic, lang);
  const byYear = new Map<string, FigureGroup>();
  const docOrder = [...data.documents.keys()];
  const factOrder = new Map(data.file.facts.map((f, i) => [f.id, i]));
  for (const r of rows) {
    const { year, target } = r;
    const k = `${year ?? 'none'}|${target}`;
    let g = byYear.get(k);
    if (!g) {
      const label = year === null ? t('figures.noYear', lang) : t(target ? 'figures.yearTarget' : 'figures.year', lang, { year: String(year) });
      g = { year, target, label, rows: [] };
      byYear.set(k, g);
    }
    g.rows.push(r);
  }
  const groups = [...byYear.values()].sort((a, b) =>
    (a.year === null ? 1 : 0) - (b.year === null ? 1 : 0) || (a.year ?? 0) - (b.year ?? 0) || Number(a.target) - Number(b.target));
  for (const g of groups) {
    g.rows.sort((a, b) => rank(a) - rank(b)
      || docOrder.indexOf(a.docId) - docOrder.indexOf(b.docId)
      || (factOrder.get(a.factId)! - factOrder.get(b.factId)!)
      || a.start - b.start);
  }
  const tl = topic ? topicLabel(topic, lang) : '';
  return {
    topic,
    title: t('figures.heading', lang),
    caption: topic ? [t('figures.caption', lang), t('figures.captionTopic', lang, { topic: tl })].join(localeOf(lang).phraseJoin) : t('figures.caption', lang),
    countLine: t('figures.count', lang, { n: String(rows.length) }),
    groups,
    rowCount: rows.length,
    empty: rows.length ? null : topic ? t('figures.emptyTopic', lang, { topic: tl }) : t('figures.empty', lang),
  };
}
