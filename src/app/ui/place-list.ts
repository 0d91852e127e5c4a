/**
 * The list of places beside the map, the keyboard's way to everything a click on the map can
 * select: districts, 三城一区, then one section per point layer (sub-parks; Jing-Jin-Ji and
 * national links, whose nodes stand for their arcs; facilities and institutions), then other
 * places with facts. Each place is a button showing its fact count (within the theme); a place
 * the map still draws but the theme says nothing about stays listed, greyed, as on the map.
 * The selected one has aria-current. One Tab stop: arrow keys move within the list.
 */
import type { PlaceKind, Topic } from '../../types.ts';
import type { AtlasIndex, PlaceRecord } from '../data/atlas-data.ts';
import { type Lang, type StringKey, t } from '../i18n/strings.ts';
import { FACILITY_KINDS } from '../map/place-features.ts';
import type { AtlasState } from '../state/state.ts';
import { el, keepingFocus, uniqueId } from './dom.ts';
import { placeName } from './labels.ts';
import { localeOf } from '../i18n/locale.ts';

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

export function renderPlaceList(
  root: HTMLElement,
  data: AtlasIndex,
  state: Pick<AtlasState, 'place' | 'topic'>,
  lang: Lang,
  onSelect: (placeId: string) => void,
): void {
  const headingId = uniqueId('place-list-heading');
  const hintId = uniqueId('place-list-hint');
  const nav = el('nav', { class: 'place-list', 'aria-labelledby': headingId, lang: localeOf(lang).tag },
    el('h2', { id: headingId, class: 'place-list-title', text: t('placeListHeading', lang) }),
    el('p', { id: hintId, class: 'place-list-hint', text: t('placeListKeys', lang) }));
  const buttons: HTMLButtonElement[] = [];
  const starts: number[] = [];
  for (const section of placeListModel(data, state.topic, lang)) {
    if (!section.items.length) continue;
    starts.push(buttons.length);
    const sid = uniqueId('place-list-section');
    const ul = el('ul', { class: 'place-list-items', 'aria-labelledby': sid, 'data-section': section.key });
    for (const it of section.items) {
      // The visible name and count, separated by a space, begin the accessible name (WCAG 2.5.3).
      const b = el('button', {
        type: 'button',
        class: it.count === 0 ? 'place-item place-item-empty' : 'place-item',
        'data-place': it.id,
        'data-focus': `place-${it.id}`,
        tabindex: '-1',
        'aria-label': t('placeListCountLabel', lang, { name: it.name, n: String(it.count) }),
      }, el('span', { class: 'place-name', text: it.name }), ' ', el('span', { class: 'place-count', 'aria-hidden': 'true', text: t('placeListCount', lang, { n: String(it.count) }) }));
      b.addEventListener('click', () => onSelect(it.id));
      b.addEventListener('focus', () => setTabStop(buttons, b));
      buttons.push(b);
      ul.append(el('li', {}, b));
    }
    nav.append(el('h3', { id: sid, class: 'place-list-section', text: section.title }), ul);
  }
  nav.addEventListener('keydown', (ev) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const i = buttons.indexOf(ev.target as HTMLButtonElement);
    if (i < 0) return;
    const to = listMove(ev.key, i, buttons.length, starts);
    if (to === null) return;
    ev.preventDefault();
    buttons[to].focus();
  });
  markCurrent(buttons, state.place, buttons[0]);
  keepingFocus(root, () => root.replaceChildren(nav));
}

/**
 * A new selection with the same topic and language: the current marker and the Tab stop move,
 * and the list (every place, by layer) is not rebuilt on the way to painting the panel.
 */
export function markCurrentPlace(root: HTMLElement, place: string | null): void {
  markCurrent([...root.querySelectorAll<HTMLButtonElement>('button.place-item')], place);
}

/** aria-current on the selected place's button, which also becomes the Tab stop (else `fallback`, if any). */
function markCurrent(buttons: readonly HTMLButtonElement[], place: string | null, fallback?: HTMLButtonElement): void {
  for (const b of buttons) {
    if (b.dataset.place === place) b.setAttribute('aria-current', 'true');
    else b.removeAttribute('aria-current');
  }
  const stop = buttons.find((b) => b.dataset.place === place) ?? fallback;
  if (stop) setTabStop(buttons, stop);
}

/** The one button Tab reaches (roving tabindex). */
function setTabStop(buttons: readonly HTMLButtonElement[], stop: HTMLButtonElement | undefined): void {
  for (const b of buttons) b.tabIndex = b === stop ? 0 : -1;
}
