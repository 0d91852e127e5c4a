/**
 * The export menu button (WAI-ARIA menu button): PNG 1×/2×/4×, SVG, Print. Arrow keys, Home and
 * End move between items, Esc closes and returns focus to the button, Tab or a click outside
 * closes. While an export runs the button is marked busy and further choices are ignored.
 */
import { type Lang, t } from '../../i18n/strings.ts';
import type { PngScale } from './png-export.ts';

export interface ExportHandlers {
  png(scale: PngScale): Promise<void>;
  svg(): void | Promise<void>;
  print(): void;
}

export interface ExportMenu {
  setLang(lang: Lang): void;
  /** Offers or withdraws the PNG items (they read the WebGL canvas, which the SVG map has not). */
  showPng(on: boolean): void;
  open(focus?: 'first' | 'last'): void;
  close(refocus?: boolean): void;
  destroy(): void;
}

type Item = { kind: 'png'; scale: PngScale } | { kind: 'svg' } | { kind: 'print' };
const ITEMS: Item[] = [{ kind: 'png', scale: 1 }, { kind: 'png', scale: 2 }, { kind: 'png', scale: 4 }, { kind: 'svg' }, { kind: 'print' }];

function itemLabel(item: Item, lang: Lang): string {
  if (item.kind === 'png') return t('export.png', lang, { n: String(item.scale) });
  return t(item.kind === 'svg' ? 'export.svg' : 'export.print', lang);
}

/** The item index a key moves to from `i` among `n` items (wrapping), or null when the key is not a move. */
export function menuMove(key: string, i: number, n: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return (i + 1) % n;
    case 'ArrowUp':
      return (i - 1 + n) % n;
    case 'Home':
    case 'PageUp':
      return 0;
    case 'End':
    case 'PageDown':
      return n - 1;
    default:
      return null;
  }
}

let menuCount = 0;

export function mountExportMenu(button: HTMLButtonElement, handlers: ExportHandlers, lang: Lang): ExportMenu {
  const menuId = `export-menu-${++menuCount}`;
  const menu = document.createElement('ul');
  menu.id = menuId;
  menu.className = 'export-menu';
  menu.setAttribute('role', 'menu');
  menu.hidden = true;
  const status = document.createElement('span');
  status.className = 'export-status visually-hidden';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const buttons = ITEMS.map((item) => {
    const li = document.createElement('li');
    li.setAttribute('role', 'none');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'export-item';
    b.setAttribute('role', 'menuitem');
    b.tabIndex = -1;
    b.dataset.export = item.kind === 'png' ? `png-${item.scale}` : item.kind;
    li.append(b);
    menu.append(li);
    return b;
  });
  button.after(menu, status);
  button.setAttribute('aria-haspopup', 'menu');
  button.setAttribute('aria-controls', menuId);
  button.setAttribute('aria-expanded', 'false');
  // The page ships the button hidden until the menu is wired.
  button.hidden = false;

  let currentLang = lang;
  let busy = false;
  const setLang = (l: Lang) => {
    currentLang = l;
    button.textContent = t('exportOpen', l);
    menu.setAttribute('aria-label', t('export.menu', l));
    ITEMS.forEach((item, i) => (buttons[i].textContent = itemLabel(item, l)));
  };
  setLang(lang);

  const shown = () => buttons.filter((b) => !b.parentElement!.hidden);
  const showPng = (on: boolean) => {
    ITEMS.forEach((item, i) => {
      if (item.kind === 'png') buttons[i].parentElement!.hidden = !on;
    });
  };

  const isOpen = () => !menu.hidden;
  const place = () => {
    const r = button.getBoundingClientRect();
    menu.style.top = `${Math.round(r.bottom + 2)}px`;
    menu.style.right = `${Math.max(4, Math.round(document.documentElement.clientWidth - r.right))}px`;
  };
  const open = (focus: 'first' | 'last' = 'first') => {
    if (busy) return;
    place();
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    const items = shown();
    items[focus === 'first' ? 0 : items.length - 1].focus();
  };
  const close = (refocus = true) => {
    if (!isOpen()) return;
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (refocus) button.focus();
  };

  const run = async (item: Item) => {
    close();
    if (busy) return;
    busy = true;
    button.setAttribute('aria-busy', 'true');
    button.classList.add('is-busy');
    status.textContent = item.kind === 'print' ? '' : t('export.busy', currentLang);
    try {
      if (item.kind === 'png') await handlers.png(item.scale);
      else if (item.kind === 'svg') await handlers.svg();
      else handlers.print();
      status.textContent = item.kind === 'print' ? '' : t('export.done', currentLang);
    } catch (e) {
      status.textContent = t('export.failed', currentLang, { reason: e instanceof Error ? e.message : String(e) });
      // The failure must be seen, not only heard.
      button.title = status.textContent;
    } finally {
      busy = false;
      button.removeAttribute('aria-busy');
      button.classList.remove('is-busy');
    }
  };

  const onButtonClick = () => (isOpen() ? close() : open());
  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      open(e.key === 'ArrowDown' ? 'first' : 'last');
    }
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const items = shown();
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = menuMove(e.key, Math.max(0, i), items.length);
    if (next !== null) {
      e.preventDefault();
      items[next].focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      // Handled here: the page's own Escape (closing the place panel) must not fire too.
      e.stopPropagation();
      close();
    } else if (e.key === 'Tab') close(false);
  };
  const onMenuClick = (e: MouseEvent) => {
    const i = buttons.indexOf((e.target as Element).closest('button') as HTMLButtonElement);
    if (i >= 0) void run(ITEMS[i]);
  };
  const onDocPointer = (e: PointerEvent) => {
    if (isOpen() && !menu.contains(e.target as Node) && e.target !== button && !button.contains(e.target as Node)) close(false);
  };
  const onResize = () => close(false);

  button.addEventListener('click', onButtonClick);
  button.addEventListener('keydown', onButtonKey);
  menu.addEventListener('keydown', onMenuKey);
  menu.addEventListener('click', onMenuClick);
  document.addEventListener('pointerdown', onDocPointer);
  window.addEventListener('resize', onResize);

  return {
    setLang,
    showPng,
    open,
    close,
    destroy() {
      button.removeEventListener('click', onButtonClick);
      button.removeEventListener('keydown', onButtonKey);
      document.removeEventListener('pointerdown', onDocPointer);
      window.removeEventListener('resize', onResize);
      menu.remove();
      status.remove();
      button.hidden = true;
    },
  };
}

/** Saves a Blob (or SVG text) under `filename` through a temporary object URL and <a download>. */
export function download(data: Blob | string, filename: string): void {
  const blob = typeof data === 'string' ? new Blob([data], { type: 'image/svg+xml;charset=utf-8' }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked once the click has been handed to the download (Firefox needs it a moment later).
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
