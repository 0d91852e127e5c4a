/**
 * The place list's model: which places it lists, in which sections and order, with their counts
 * (within the theme), and how the arrow keys move among them. Pure.
 */
import type { PlaceKind, Topic } from '../../../types.ts';
import type { AtlasIndex, PlaceRecord } from '../../data/atlas-data.ts';
import { type Lang, type StringKey, t } from '../../i18n/strings.ts';
import { FACILITY_KINDS } from '../../map/place-features.ts';
import { placeName } from '../../ui/labels.ts';
import { localeOf } from '../../i18n/locale.ts';

/** 三城一区 as the gazetteer's group lists it, with 北京经济技术开发区 (the 一区 in seeds 000 and 003). */
export const SANCHENG_YIQU = ['zgc-science-city', 'huairou-science-city', 'future-science-city', 'innovation-cluster-zone', 'beijing-etda'];

export interface PlaceListItem {
  id: string;
  name: string;
  /** Facts about the place (within the theme when one is set), as the panel lists them. */
  count: number;
}

export type PlaceListKey = 'districts' | 'sancheng-yiqu' | 'sub-parks' | 'links' | 'facilities' | 'others';

export interface PlaceListSection {
  key: PlaceListKey;
  title: string;
  items: PlaceListItem[];
}

/** Which section a place other than a district or one of 三城一区 belongs to: its map layer's. */
export function sectionOf(kind: PlaceKind): Exclude<PlaceListKey, 'districts' | 'sancheng-yiqu'> {
  if (kind === 'sub-park') return 'sub-parks';
  if (kind === 'jjj-node' || kind === 'national-node') return 'links';
  if (FACILITY_KINDS.has(kind)) return 'facilities';
  return 'others';
}

const SECTION_TITLE: Record<PlaceListKey, StringKey> = {
  districts: 'placeListDistricts',
  'sancheng-yiqu': 'placeListSanchengYiqu',
  'sub-parks': 'layer.sub-parks',
  links: 'layer.jjj',
  facilities: 'layer.facilities',
  others: 'placeListOthers',
};

export function placeListModel(data: AtlasIndex, topic: Topic | null, lang: Lang): PlaceListSection[] {
  const item = (p: PlaceRecord): PlaceListItem => ({ id: p.id, name: placeName(p, lang), count: data.count(p.id, topic) });
  const byCount = (a: PlaceListItem, b: PlaceListItem) => b.count - a.count || a.name.localeCompare(b.name, localeOf(lang).tag);
  const districts = data.file.places.filter((p) => p.kind === 'district').map(item);
  const sy = SANCHENG_YIQU.map((id) => data.places.get(id)).filter((p): p is PlaceRecord => !!p).map(item);
  const taken = new Set([...districts, ...sy].map((x) => x.id));
  const rest: Record<ReturnType<typeof sectionOf>, PlaceListItem[]> = { 'sub-parks': [], links: [], facilities: [], others: [] };
  for (const p of data.file.places) {
    if (taken.has(p.id)) continue;
    const key = sectionOf(p.kind);
    // Every sub-park is drawn; other places only when the documents say something about them at all.
    if (key !== 'sub-parks' && !data.isCited(p.id)) continue;
    rest[key].push(item(p));
  }
  const section = (key: PlaceListKey, items: PlaceListItem[]): PlaceListSection => ({ key, title: t(SECTION_TITLE[key], lang), items });
  return [
    section('districts', districts),
    section('sancheng-yiqu', sy),
    ...(['sub-parks', 'links', 'facilities', 'others'] as const).map((k) => section(k, rest[k].sort(byCount))),
  ];
}

/**
 * Where a key moves the focus among `n` items from `i` (sections start at `starts`), or null
 * when the key is not a move: ↑/↓ one place, Home/End the ends, PageUp/PageDown a section.
 */
export function listMove(key: string, i: number, n: number, starts: readonly number[]): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(n - 1, i + 1);
    case 'ArrowUp':
      return Math.max(0, i - 1);
    case 'Home':
      return 0;
    case 'End':
      return n - 1;
    case 'PageDown':
      return starts.find((s) => s > i) ?? n - 1;
    case 'PageUp':
      return [...starts].reverse().find((s) => s < i) ?? 0;
    default:
      return null;
  }
}
