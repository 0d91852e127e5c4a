/**
 * Layout wiring: the narrow-screen "图层/Layers" toggle that shows and hides the side column,
 * and the language switch button's labels. CSS does the rest (styles.css).
 */
import { type Lang, t } from '../../i18n/strings.ts';
import { localeOf } from '../../i18n/locale.ts';

export interface LayoutController {
  setLang(lang: Lang): void;
  /** Opens or closes the side column on narrow screens (no effect on wide ones). */
  setSidebarOpen(open: boolean): void;
}

/** Sidebar open state lives in a class (`is-open`) and the toggle's aria-expanded. */
export function initLayout(layersToggle: HTMLButtonElement, sidebar: HTMLElement, lang: Lang): LayoutController {
  let current = lang;
  if (!sidebar.id) sidebar.id = 'sidebar';
  layersToggle.type = 'button';
  layersToggle.setAttribute('aria-controls', sidebar.id);
  const set = (open: boolean) => {
    sidebar.classList.toggle('is-open', open);
    layersToggle.setAttribute('aria-expanded', String(open));
  };
  layersToggle.addEventListener('click', () => {
    const open = !sidebar.classList.contains('is-open');
    set(open);
    if (open) sidebar.querySelector<HTMLElement>('input, select, button')?.focus();
  });
  sidebar.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && sidebar.classList.contains('is-open') && window.matchMedia('(max-width: 719.98px)').matches) {
      ev.stopPropagation();
      set(false);
      layersToggle.focus();
    }
  });
  const label = () => {
    layersToggle.textContent = t('layersToggle', current);
    // Two <aside>s (this column and the place panel): each landmark needs its own name.
    sidebar.setAttribute('aria-label', t('sidebarLabel', current));
  };
  set(false);
  label();
  return {
    setLang(next) {
      current = next;
      label();
    },
    setSidebarOpen: set,
  };
}

/** Labels the language switch: shows the other language's name, announced in that language. */
export function labelLangToggle(button: HTMLButtonElement, lang: Lang): void {
  button.type = 'button';
  button.textContent = t('langToggle', lang);
  button.lang = localeOf(localeOf(lang).next).tag;
  button.setAttribute('aria-label', t('langToggleLabel', lang));
}
