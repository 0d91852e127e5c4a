/**
 * The notices line over the map: quiet, dismissible messages (a link naming an unknown place, a
 * story that failed to load), never an exception. One per cause: the same cause again replaces
 * its text and counts the repeat, so no link and no retry can stack notices over the map. Each
 * keeps what it says rather than the words, so a language switch says it again in the new one.
 */
import type { Lang, StringKey } from '../../i18n/strings.ts';
import { t } from '../../i18n/strings.ts';
import { groupNotices, type Notice } from '../../state/url-state.ts';
import { inertText } from '../../ui/inert-text.ts';
import type { Message, Notices } from '../feature-context.ts';

export interface NoticeLine extends Notices {
  /** What parsing a link found wrong, grouped by kind. */
  showUrl(notices: Notice[]): void;
  /** Says every notice shown again in the current language (after a language switch). */
  relabel(): void;
}

export function noticeLine(box: HTMLElement, lang: () => Lang): NoticeLine {
  const said = new WeakMap<HTMLElement, Message>();
  const draw = (item: HTMLElement) => {
    const message = said.get(item);
    if (!message) return;
    const times = Number(item.dataset.times);
    const text = document.createElement('span');
    text.textContent = inertText(message(lang())) + (times > 1 ? ` (×${times})` : ''); // it may quote a link's value
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.textContent = '×';
    dismiss.setAttribute('aria-label', t('dismiss', lang()));
    dismiss.addEventListener('click', () => item.remove());
    item.replaceChildren(text, dismiss);
  };
  const notify = (message: Message, cause: string) => {
    const same = [...box.querySelectorAll<HTMLElement>('.notice')].find((n) => n.dataset.cause === cause);
    const item = same ?? document.createElement('p');
    item.className = 'notice';
    item.dataset.cause = cause;
    item.dataset.times = String(same ? Number(same.dataset.times) + 1 : 1);
    said.set(item, message);
    draw(item);
    if (!same) box.append(item);
  };
  return {
    notify,
    showUrl(notices) {
      for (const n of groupNotices(notices)) {
        const more = (l: Lang) => (n.more ? ` ${t('url.more', l, { count: String(n.more) })}` : '');
        notify((l) => t(`url.${n.key}` as StringKey, l, { value: n.value }) + more(l), `url.${n.key}`);
      }
    },
    relabel: () => box.querySelectorAll<HTMLElement>('.notice').forEach(draw),
  };
}
