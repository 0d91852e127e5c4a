/**
 * The place panel's view model: pure, built from the indexed facts file. Every quote is a
 * fact's exact text; nothing here paraphrases or re-derives pipeline results.
 */
import type { Fact, FactPlace, Names, PlaceKind, Script, Topic } from '../../../types.ts';
import type { AtlasData, PlaceRecord } from '../../data/atlas-data.ts';
import { type Lang, t } from '../../i18n/strings.ts';
import { TOPIC_ORDER, kindLabel, placeName, topicLabel } from '../../ui/labels.ts';
import { headCap, headOf, primaryTopic, tallyCount, tallyListed, type Tally } from '../../../place-facts.ts';
import { localeOf } from '../../i18n/locale.ts';
import { factDocOf } from '../../../contract.ts';
import { linkLabelKey } from '../../map/layers/jjj-layers.ts';
import { type Citation, type QuoteLang, citationOf, quoteLang } from '../../ui/citation.ts';

export type Relation = 'district' | 'parent' | 'child' | 'link' | 'linked-from';

export interface RelatedPlace {
  id: string;
  name: string;
  relation: Relation;
  kind: PlaceKind;
}

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

/** A role sentence; `of` when it is the role of a place inside this one (a district's science city). */
export interface RoleItem extends FactItem {
  of?: { id: string; name: string };
}

/** The facts about one other place, shown under this one (a place in it, or one spanning it). */
export interface PlaceSection {
  placeId: string;
  name: string;
  facts: FactItem[];
}

/** The facts that reach this place only through one group term (三城一区, 一区多园). */
export interface GroupSection {
  term: string;
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
  /** For a place beyond Beijing: the tie the documents state (or that they only name it), and the fact that says so. */
  tie: { label: string; doc: string; fact: string } | null;
  topic: Topic | null;
  topicLabel: string | null;
  /**
   * At most three role sentences, the pipeline's ranking (within the topic when one is set); a
   * district with none of its own shows its science cities' roles, each labelled (`of`).
   */
  role: RoleItem[];
  chips: TopicChip[];
  /** Facts about the place itself, by topic. */
  groups: FactGroup[];
  /** Facts about places located in it, by place, most facts first: counted for it. */
  within: PlaceSection[];
  /** Facts about places that span it but lie mainly elsewhere: shown, not counted. */
  shared: PlaceSection[];
  /** Facts that reach it only through a group term: shown, not counted. */
  groupMentions: GroupSection[];
  /** Facts counted (about it and places in it; within the topic) and in all topics. */
  factCount: number;
  totalFactCount: number;
  /** Facts shown but not counted (shared and group), within the topic. */
  listedCount: number;
  /** A line such as "12 facts" or "3 facts on “AI” (12 in all)". */
  countLine: string;
  /** Facts (counted and listed, within the topic) not shown yet: the panel offers "show all". */
  more: number;
  /** Set when there is nothing to show: says why, honestly. */
  empty: { reason: string } | null;
  /** True when some quote is in Traditional script (the panel then offers a 简/繁 toggle). */
  hasTraditional: boolean;
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

export { primaryTopic };

/** The most a panel shows as the place's role; the rest stays under its facts. */
export const ROLE_SHOWN = 3;

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

export interface PanelOptions {
  /**
   * The place's numbers from the first view (or a document filter's): when `data` holds only the
   * panel's first facts (a place file's head), the counts come from here, never from what is shown.
   */
  tally?: Tally;
  /** Show only the first facts (headOf, the pipeline's selection for the head file); false: all of them. */
  head?: boolean;
}

export function panelModel(data: AtlasData, placeId: string, topic: Topic | null, lang: Lang, opts: PanelOptions = {}): PanelModel | null {
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

  // One rule for every number (src/place-facts.ts): counted = about it + about places in it.
  const everything = data.placeFacts(placeId);
  const inTopicAll = topic ? data.placeFacts(placeId, topic) : everything;
  const inTopic = opts.head ? headOf(inTopicAll, headCap(topic)) : inTopicAll;
  const all = everything.counted.map((x) => x.fact);
  const totals = opts.tally
    ? { all: tallyCount(opts.tally), topic: tallyCount(opts.tally, topic), listed: tallyListed(opts.tally, topic) }
    : { all: all.length, topic: inTopicAll.counted.length, listed: inTopicAll.listed.length };
  const fact = (id: string) => data.facts.get(id);
  const inTheme = (f: Fact | undefined): f is Fact => f !== undefined && (!topic || f.topics.includes(topic));

  const roleOf = (p: PlaceRecord, of?: RoleItem['of']): RoleItem[] =>
    p.role.map((r) => fact(r.fact)).filter(inTheme).map((f) => (of ? { ...factItem(data, f, p.id), of } : factItem(data, f, p.id)));
  let role = roleOf(place);
  if (role.length === 0 && place.kind === 'district') {
    // A district covered by a science city says its role through it (海淀区: 中关村科学城).
    const cities = data.file.places.filter((p) => p.kind === 'science-city' && (p.hosts ? p.hosts[0] : p.district) === placeId);
    role = cities.flatMap((c) => roleOf(c, { id: c.id, name: placeName(c, lang) }).slice(0, 1));
  }
  role = role.slice(0, ROLE_SHOWN);

  const counts = new Map<Topic, number>();
  if (opts.tally) for (const [tp, [n]] of Object.entries(opts.tally.t) as Array<[Topic, [number, number]]>) n > 0 && counts.set(tp, n);
  else for (const f of all) for (const tp of f.topics) counts.set(tp, (counts.get(tp) ?? 0) + 1);
  const chips: TopicChip[] = TOPIC_ORDER.filter((tp) => counts.has(tp))
    .map((tp) => ({ topic: tp, label: topicLabel(tp, lang), count: counts.get(tp)!, active: tp === topic }))
    .sort((a, b) => b.count - a.count || TOPIC_ORDER.indexOf(a.topic) - TOPIC_ORDER.indexOf(b.topic));

  const self = inTopic.counted.filter((x) => x.reach === 'self').map((x) => x.fact);
  const groups: FactGroup[] = [];
  if (topic) {
    if (self.length) groups.push({ topic, label: topicLabel(topic, lang), facts: self.map((f) => factItem(data, f, placeId)) });
  } else {
    const byTopic = new Map<Topic | 'other', FactItem[]>();
    for (const f of self) {
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

  /** Facts reaching this place through another (`via`), by that place, most first. */
  const byPlace = (xs: typeof inTopic.listed): PlaceSection[] => {
    const m = new Map<string, FactItem[]>();
    for (const x of xs) m.set(x.via!, [...(m.get(x.via!) ?? []), factItem(data, x.fact, x.via!)]);
    return [...m].map(([id, facts]) => ({ placeId: id, name: placeName(data.places.get(id)!, lang), facts }))
      .sort((a, b) => b.facts.length - a.facts.length || a.name.localeCompare(b.name, localeOf(lang).tag));
  };
  const within = byPlace(inTopic.counted.filter((x) => x.reach === 'within'));
  const shared = byPlace(inTopic.listed.filter((x) => x.reach === 'shared'));
  const groupMentions: GroupSection[] = [];
  for (const x of inTopic.listed.filter((y) => y.reach === 'group')) {
    const term = x.via ?? '';
    let g = groupMentions.find((y) => y.term === term);
    if (!g) groupMentions.push((g = { term, facts: [] }));
    const entry = x.fact.places.find((p) => p.how === 'group' && p.via === term);
    g.facts.push({ ...factItem(data, x.fact, entry?.id ?? placeId), how: 'group', via: term });
  }
  const listedCount = totals.listed;
  const more = Math.max(0, totals.topic + totals.listed - inTopic.counted.length - inTopic.listed.length);

  const name = placeName(place, lang);
  const tLabel = topic ? topicLabel(topic, lang) : null;
  let empty: PanelModel['empty'] = null;
  if (totals.all === 0) {
    // Say which places lie in it, so an empty district is not a dead end (密云区: 密云园, 怀柔科学城).
    const inside = data.file.places.filter((p) => p.id !== placeId && (p.district === placeId || p.hosts?.includes(placeId) || p.parent === placeId));
    const names = inside.map((p) => placeName(p, lang)).join(localeOf(lang).listSeparator);
    empty = { reason: names ? t('emptyAllPlacesIn', lang, { name, places: names }) : t('emptyAll', lang, { name }) };
  } else if (totals.topic === 0) empty = { reason: t('emptyTopic', lang, { name, topic: tLabel!, n: String(totals.all) }) };

  const counted = topic
    ? t('factCountTopic', lang, { n: String(totals.topic), topic: tLabel!, total: String(totals.all) })
    : t('factCountAll', lang, { n: String(totals.all) });
  const countLine = listedCount ? `${counted}${t('factCountListed', lang, { n: String(listedCount) })}` : counted;

  const hasTraditional = [...role, ...groups.flatMap((g) => g.facts), ...[...within, ...shared, ...groupMentions].flatMap((x) => x.facts)].some((f) => f.script === 'zhHant');

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
    tie: place.link ? { label: t(linkLabelKey(place.link.kind), lang), doc: factDocOf(place.link.fact) ?? '', fact: place.link.fact } : null,
    topic,
    topicLabel: tLabel,
    role,
    chips,
    groups,
    within,
    shared,
    groupMentions,
    factCount: totals.topic,
    totalFactCount: totals.all,
    listedCount,
    countLine,
    more,
    empty,
    hasTraditional,
  };
}
