/**
 * The list of places beside the map, the keyboard's way to everything a click on the map can
 * select: districts, 三城一区, then one section per point layer (sub-parks; Jing-Jin-Ji and
 * national links, whose nodes stand for their arcs; facilities and institutions), then other
 * places with facts. Each place is a button showing its fact count (within the theme); a place
 * the map still draws but the theme says nothing about stays listed, greyed, as on the map.
 * The selected one has aria-current. One Tab stop: arrow keys move within the list.
 */
import type { AtlasIndex } from '../../data/atlas-data.ts';
import { type Lang, t } from '../../i18n/strings.ts';
import type { AtlasState } from '../../state/state.ts';
import { el, keepingFocus, uniqueId } from '../../ui/dom.ts';
import { listMove, placeListModel } from './place-list-model.ts';
import { localeOf } from '../../i18n/locale.ts';

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
