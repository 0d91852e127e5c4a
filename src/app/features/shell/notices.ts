/**
 * The notices line over the map: quiet, dismissible messages (a link naming an unknown place, a
 * story that failed to load), never an exception. One per cause: the same cause again replaces
 * its text and counts the repeat, so no link and no retry can stack notices over the map.
 */
import type { Lang, StringKey } from '../../i18n/strings.ts';
import { t } from '../../i18n/strings.ts';
import { groupNotices, type Notice } from '../../state/url-state.ts';
import { inertText } from '../../ui/inert-text.ts';
import type { Notices } from '../feature-context.ts';

export interface NoticeLine extends Notices {
  /** What parsing a link found wrong, grouped by kind. */
  showUrl(notices: Notice[]): void;
}

export function noticeLine(box: HTMLElement, lang: () => Lang): NoticeLine {
  const notify = (message: string, cause = message) => {
    const same = [...box.querySelectorAll<HTMLElement>('.notice')].find((n) => n.dataset.cause === cause);
    const item = same ?? document.createElement('p');
    const times = same ? Number(same.dataset.times) + 1 : 1;
    item.className = 'notice';
    item.dataset.cause = cause;
    item.dataset.times = String(times);
    const text = document.createElement('span');
    text.textContent = inertText(message) + (times > 1 ? ` (×${times})` : ''); // it may quote a link's value
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.textContent = '×';
    dismiss.setAttribute('aria-label', t('dismiss', lang()));
    dismiss.addEventListener('click', () => item.remove());
    item.replaceChildren(text, dismiss);
    if (!same) box.append(item);
  };
  return {
    notify,
    showUrl(notices) {
      for (const n of groupNotices(notices)) {
        const more = n.more ? ` ${t('url.more', lang(), { count: String(n.more) })}` : '';
        notify(t(`url.${n.key}` as StringKey, lang(), { value: n.value }) + more, `url.${n.key}`);
      }
    },
  };
}
