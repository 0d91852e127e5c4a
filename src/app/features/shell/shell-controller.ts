/**
 * The page around the features: the static strings (title, labels, placeholders) in the state's
 * language, the language switch, the narrow-screen layers toggle, and Esc, which closes the
 * topmost thing open (given in order by the composition root).
 */
import { type Lang, type StringKey, t } from '../../i18n/strings.ts';
import { localeOf } from '../../i18n/locale.ts';
import type { Store } from '../../state/store.ts';
import { byId } from '../feature-context.ts';
import { initLayout, labelLangToggle } from './layout.ts';

/** Something Esc can close: says whether it did. */
export interface Closable {
  escape(): boolean;
}

export function applyStrings(lang: Lang): void {
  document.documentElement.lang = localeOf(lang).tag;
  document.title = `${t('title', lang)} · ${t('title', localeOf(lang).next)}`;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as StringKey, lang);
  byId('search').setAttribute('placeholder', t('searchPlaceholder', lang));
  byId('search').setAttribute('aria-label', t('searchLabel', lang));
  byId('map').setAttribute('aria-label', t('mapLabel', lang));
  labelLangToggle(byId<HTMLButtonElement>('lang-toggle'), lang);
}

/** `closeOrder`: what Esc closes, topmost first. */
export function mountShell(store: Store, closeOrder: readonly Closable[]): void {
  const layout = initLayout(byId<HTMLButtonElement>('layers-toggle'), byId('sidebar'), store.get().lang);
  const render = (lang: Lang) => {
    applyStrings(lang);
    layout.setLang(lang);
  };
  store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) render(s.lang);
  });
  render(store.get().lang);
  byId('lang-toggle').addEventListener('click', () => store.set({ lang: localeOf(store.get().lang).next }));
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    closeOrder.some((c) => c.escape());
  });
}
