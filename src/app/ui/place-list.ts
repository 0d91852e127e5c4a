/**
 * The list of places beside the map: districts, then 三城一区, then other places with facts
 * (within the theme), each a button showing its fact count. The selected one has aria-current.
 */
import type { Topic } from '../../types.ts';
import type { AtlasData } from '../data/atlas-data.ts';
import { type Lang, t } from '../i18n/strings.ts';
import type { AtlasState } from '../state/state.ts';
import { el, uniqueId } from './dom.ts';
import { placeName } from './labels.ts';

/** 三城一区 as the gazetteer's group lists it, with 北京经济技术开发区 (the 一区 in seeds 000 and 003). */
export const SANCHENG_YIQU = ['zgc-science-city', 'huairou-science-city', 'future-science-city', 'innovation-cluster-zone', 'beijing-etda'];

export interface PlaceListItem {
  id: string;
  name: string;
  /** Facts about the place (within the theme when one is set), as the panel lists them. */
  count: number;
}

export interface PlaceListSection {
  key: 'districts' | 'sancheng-yiqu' | 'others';
  title: string;
  items: PlaceListItem[];
}

export function placeListModel(data: AtlasData, topic: Topic | null, lang: Lang): PlaceListSection[] {
  const item = (id: string): PlaceListItem | null => {
    const p = data.places.get(id);
    return p ? { id, name: placeName(p, lang), count: data.factsOf(id, topic).length } : null;
  };
  const districts = data.file.places.filter((p) => p.kind === 'district').map((p) => item(p.id)!);
  const sy = SANCHENG_YIQU.map(item).filter((x): x is PlaceListItem => x !== null);
  const taken = new Set([...districts, ...sy].map((x) => x.id));
  const others = data.file.places
    .filter((p) => !taken.has(p.id))
    .map((p) => item(p.id)!)
    .filter((x) => x.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, lang === 'zh' ? 'zh-Hans' : 'en'));
  return [
    { key: 'districts', title: t('placeListDistricts', lang), items: districts },
    { key: 'sancheng-yiqu', title: t('placeListSanchengYiqu', lang), items: sy },
    { key: 'others', title: t('placeListOthers', lang), items: others },
  ];
}

export function renderPlaceList(
  root: HTMLElement,
  data: AtlasData,
  state: Pick<AtlasState, 'place' | 'topic'>,
  lang: Lang,
  onSelect: (placeId: string) => void,
): void {
  const headingId = uniqueId('place-list-heading');
  const nav = el('nav', { class: 'place-list', 'aria-labelledby': headingId, lang: lang === 'en' ? 'en' : 'zh-Hans' },
    el('h2', { id: headingId, class: 'place-list-title', text: t('placeListHeading', lang) }));
  for (const section of placeListModel(data, state.topic, lang)) {
    if (!section.items.length) continue;
    const sid = uniqueId('place-list-section');
    const ul = el('ul', { class: 'place-list-items', 'aria-labelledby': sid });
    for (const it of section.items) {
      const b = el('button', {
        type: 'button',
        class: it.count === 0 ? 'place-item place-item-empty' : 'place-item',
        'data-place': it.id,
        'aria-label': t('placeListCountLabel', lang, { name: it.name, n: String(it.count) }),
        'aria-current': state.place === it.id ? 'true' : undefined,
      }, el('span', { class: 'place-name', text: it.name }), el('span', { class: 'place-count', 'aria-hidden': 'true', text: t('placeListCount', lang, { n: String(it.count) }) }));
      b.addEventListener('click', () => onSelect(it.id));
      ul.append(el('li', {}, b));
    }
    nav.append(el('h3', { id: sid, class: 'place-list-section', text: section.title }), ul);
  }
  root.replaceChildren(nav);
}
