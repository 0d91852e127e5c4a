/**
 * The place panel's view model: pure, built from the indexed facts file. Every quote is a
 * fact's exact text; nothing here paraphrases or re-derives pipeline results.
 */
import type { DocumentRecord, Fact, FactPlace, Names, PlaceKind, Script, Topic } from '../../types.ts';
import type { AtlasData, PlaceRecord } from '../data/atlas-data.ts';
import { type Lang, t } from '../i18n/strings.ts';
import { TOPIC_ORDER, kindLabel, placeName, topicLabel } from './labels.ts';

export type Relation = 'district' | 'parent' | 'child' | 'link' | 'linked-from';

export interface RelatedPlace {
  id: string;
  name: string;
  relation: Relation;
  kind: PlaceKind;
}

export interface Citation {
  docId: string;
  title: string;
  publisher: string;
  /** As in the manifest; may be partial ('2025'). */
  date: string;
  url?: string;
}

export type QuoteLang = 'zh-Hans' | 'zh-Hant';

export interface FactItem {
  factId: string;
  docId: string;
  /** The exact sentence (fact.text). */
  text: string;
  script: Script;
  /** BCP 47 tag for the quote element's lang attribute. */
  lang: QuoteLang;
  how: FactPlace['how'];
  /** The group term (三城一区 …) the place was reached through, or the town a district was named through. */
  via?: string;
  topics: Topic[];
  heading: boolean;
  citation: Citation;
}

export interface TopicChip {
  topic: Topic;
  label: string;
  count: number;
  active: boolean;
}

export interface FactGroup {
  topic: Topic | 'other';
  label: string;
  facts: FactItem[];
}

export type GeometryKind = 'boundary' | 'schematic' | 'point' | 'none';

export interface PanelModel {
  placeId: string;
  /** Name in the UI language (heading) and every written form. */
  name: string;
  names: Names;
  kind: PlaceKind;
  kindLabel: string;
  geometry: { kind: GeometryKind; note: string };
  district: RelatedPlace | null;
  parent: RelatedPlace | null;
  children: RelatedPlace[];
  links: RelatedPlace[];
  linkedFrom: RelatedPlace[];
  topic: Topic | null;
  topicLabel: string | null;
  /** The pipeline's ranked role sentences (within the topic when one is set). */
  role: FactItem[];
  chips: TopicChip[];
  groups: FactGroup[];
  /** Facts shown (within the topic) and in all. */
  factCount: number;
  totalFactCount: number;
  /** A line such as "12 facts" or "3 facts on “AI” (12 in all)". */
  countLine: string;
  /** Set when there is nothing to show: says why, honestly. */
  empty: { reason: string } | null;
  /** True when some quote is in Traditional script (the panel then offers a 简/繁 toggle). */
  hasTraditional: boolean;
}

export function quoteLang(script: Script): QuoteLang {
  return script === 'zhHant' ? 'zh-Hant' : 'zh-Hans';
}

export function formatKm(precisionM: number): string {
  const km = precisionM / 1000;
  if (km >= 10) return String(Math.round(km));
  return String(Math.round(km * 10) / 10);
}

export function geometryNote(p: PlaceRecord, lang: Lang): { kind: GeometryKind; note: string } {
  const g = p.geometry;
  switch (g.type) {
    case 'schematic':
      return { kind: 'schematic', note: t('geo.schematic', lang) };
    case 'point':
      return { kind: 'point', note: t('geo.point', lang, { km: formatKm(g.precisionM) }) };
    case 'boundary':
      return { kind: 'boundary', note: t('geo.boundary', lang) };
    case 'none':
      return { kind: 'none', note: t('geo.none', lang, { reason: g.reason }) };
  }
}

export function citationOf(doc: DocumentRecord | undefined, docId: string): Citation {
  if (!doc) return { docId, title: docId, publisher: '', date: '' };
  return { docId, title: doc.title, publisher: doc.publisher, date: doc.date, ...(doc.url ? { url: doc.url } : {}) };
}

/** "《title》，publisher，date" / "“title”, publisher, date"; missing parts are left out. */
export function formatCitation(c: Citation, lang: Lang): string {
  const full = t('citation', lang, { title: c.title, publisher: c.publisher, date: c.date });
  if (c.publisher && c.date) return full;
  const sep = lang === 'zh' ? '，' : ', ';
  const title = lang === 'zh' ? `《${c.title}》` : `“${c.title}”`;
  return [title, c.publisher, c.date].filter((s) => s !== '').join(sep);
}

/** The first of a fact's topics in the fixed topic order, or 'other'. */
export function primaryTopic(f: Fact): Topic | 'other' {
  for (const topic of TOPIC_ORDER) if (f.topics.includes(topic)) return topic;
  return 'other';
}

function factItem(data: AtlasData, f: Fact, placeId: string): FactItem {
  const doc = data.documents.get(f.doc);
  const script: Script = doc?.script ?? 'zhHans';
  const fp = f.places.find((p) => p.id === placeId);
  return {
    factId: f.id,
    docId: f.doc,
    text: f.text,
    script,
    lang: quoteLang(script),
    how: fp?.how ?? 'explicit',
    ...(fp?.via ? { via: fp.via } : {}),
    topics: [...f.topics],
    heading: f.heading,
    citation: citationOf(doc, f.doc),
  };
}

export function panelModel(data: AtlasData, placeId: string, topic: Topic | null, lang: Lang): PanelModel | null {
  const place = data.places.get(placeId);
  if (!place) return null;

  const seen = new Set<string>([placeId]);
  const related = (id: string | undefined, relation: Relation): RelatedPlace | null => {
    if (!id || seen.has(id)) return null;
    const p = data.places.get(id);
    if (!p) return null;
    seen.add(id);
    return { id, name: placeName(p, lang), relation, kind: p.kind };
  };
  const many = (ids: string[], relation: Relation) =>
    ids.map((id) => related(id, relation)).filter((r): r is RelatedPlace => r !== null);

  const district = related(place.district, 'district');
  const parent = related(place.parent, 'parent');
  const children = many(data.children(placeId).map((p) => p.id), 'child');
  const links = many(place.links ?? [], 'link');
  const linkedFrom = many(
    data.file.places.filter((p) => p.links?.includes(placeId)).map((p) => p.id),
    'linked-from',
  );

  const all = data.factsOf(placeId);
  const shown = topic ? all.filter((f) => f.topics.includes(topic)) : all;

  const role = place.role
    .map((r) => data.facts.get(r.fact))
    .filter((f): f is Fact => f !== undefined && (!topic || f.topics.includes(topic)))
    .map((f) => factItem(data, f, placeId));

  const counts = new Map<Topic, number>();
  for (const f of all) for (const tp of f.topics) counts.set(tp, (counts.get(tp) ?? 0) + 1);
  const chips: TopicChip[] = TOPIC_ORDER.filter((tp) => counts.has(tp))
    .map((tp) => ({ topic: tp, label: topicLabel(tp, lang), count: counts.get(tp)!, active: tp === topic }))
    .sort((a, b) => b.count - a.count || TOPIC_ORDER.indexOf(a.topic) - TOPIC_ORDER.indexOf(b.topic));

  const groups: FactGroup[] = [];
  if (topic) {
    if (shown.length) groups.push({ topic, label: topicLabel(topic, lang), facts: shown.map((f) => factItem(data, f, placeId)) });
  } else {
    const byTopic = new Map<Topic | 'other', FactItem[]>();
    for (const f of shown) {
      const key = primaryTopic(f);
      const list = byTopic.get(key) ?? [];
      list.push(factItem(data, f, placeId));
      byTopic.set(key, list);
    }
    for (const key of [...TOPIC_ORDER, 'other' as const]) {
      const facts = byTopic.get(key);
      if (facts) groups.push({ topic: key, label: topicLabel(key, lang), facts });
    }
  }

  const name = placeName(place, lang);
  const tLabel = topic ? topicLabel(topic, lang) : null;
  let empty: PanelModel['empty'] = null;
  if (all.length === 0) empty = { reason: t('emptyAll', lang, { name }) };
  else if (shown.length === 0) empty = { reason: t('emptyTopic', lang, { name, topic: tLabel!, n: String(all.length) }) };

  const countLine = topic
    ? t('factCountTopic', lang, { n: String(shown.length), topic: tLabel!, total: String(all.length) })
    : t('factCountAll', lang, { n: String(all.length) });

  const hasTraditional = [...role, ...groups.flatMap((g) => g.facts)].some((f) => f.script === 'zhHant');

  return {
    placeId,
    name,
    names: { ...place.names },
    kind: place.kind,
    kindLabel: kindLabel(place.kind, lang),
    geometry: geometryNote(place, lang),
    district,
    parent,
    children,
    links,
    linkedFrom,
    topic,
    topicLabel: tLabel,
    role,
    chips,
    groups,
    factCount: shown.length,
    totalFactCount: all.length,
    countLine,
    empty,
    hasTraditional,
  };
}
