/**
 * The place list's model: which places it lists, in which sections and order, with their counts
 * (within the theme), and how the arrow keys move among them. Pure.
 */
import type { PlaceKind, Topic } from '../../../types.ts';
import type { AtlasIndex, PlaceRecord } from '../../data/atlas-data.ts';
import { type Lang, type StringKey, t } from '../../i18n/strings.ts';
import { LAYER_CATALOG } from '../../map/layer-catalog.ts';
import { LAYER_IDS, type LayerId } from '../../state/state.ts';
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

/** Districts and 三城一区 first, then one section per map layer that lists places (its id), then the rest. */
export type PlaceListKey = 'districts' | 'sancheng-yiqu' | LayerId | 'others';

export interface PlaceListSection {
  key: PlaceListKey;
  title: string;
  items: PlaceListItem[];
}

/** The layers that list places, in the layers' order. */
const LISTING = LAYER_IDS.filter((id) => LAYER_CATALOG[id].lists);

/** Which section a place other than a district or one of 三城一区 belongs to: the first map layer that lists its kind. */
export function sectionOf(kind: PlaceKind): LayerId | 'others' {
  return listingLayer(kind) ?? 'others';
}
const listingLayer = (kind: PlaceKind): LayerId | undefined => LISTING.find((id) => LAYER_CATALOG[id].lists!.kinds(kind));

const titleKey = (key: PlaceListKey): StringKey =>
  key === 'districts' ? 'placeListDistricts' : key === 'sancheng-yiqu' ? 'placeListSanchengYiqu' : key === 'others' ? 'placeListOthers' : LAYER_CATALOG[key].labelKey;

export function placeListModel(data: AtlasIndex, topic: Topic | null, lang: Lang): PlaceListSection[] {
  const item = (p: PlaceRecord): PlaceListItem => ({ id: p.id, name: placeName(p, lang), count: data.count(p.id, topic) });
  const byCount = (a: PlaceListItem, b: PlaceListItem) => b.count - a.count || a.name.localeCompare(b.name, localeOf(lang).tag);
  const districts = data.file.places.filter((p) => p.kind === 'district').map(item);
  const sy = SANCHENG_YIQU.map((id) => data.places.get(id)).filter((p): p is PlaceRecord => !!p).map(item);
  const taken = new Set([...districts, ...sy].map((x) => x.id));
  const keys = [...LISTING, 'others'] as const;
  const rest = new Map<PlaceListKey, PlaceListItem[]>(keys.map((k) => [k, []]));
  for (const p of data.file.places) {
    if (taken.has(p.id)) continue;
    const layer = listingLayer(p.kind);
    // As the map draws them: a layer that draws all its places lists them all; others only what the documents cite.
    if (!(layer && LAYER_CATALOG[layer].lists!.uncited) && !data.isCited(p.id)) continue;
    rest.get(layer ?? 'others')!.push(item(p));
  }
  const section = (key: PlaceListKey, items: PlaceListItem[]): PlaceListSection => ({ key, title: t(titleKey(key), lang), items });
  return [section('districts', districts), section('sancheng-yiqu', sy), ...keys.map((k) => section(k, rest.get(k)!.sort(byCount)))];
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
