/**
 * Tiny DOM helpers: elements built with createElement and text set with textContent only,
 * every string shown by the inert-text rule (document text never reorders or hides).
 */
import { inertText } from './inert-text.ts';

export type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') e.className = String(v);
    else if (k === 'text') e.textContent = inertText(String(v));
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    e.append(typeof c === 'string' ? document.createTextNode(inertText(c)) : c);
  }
  return e;
}

let uid = 0;
/** A document-unique id with a readable prefix. */
export function uniqueId(prefix: string): string {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** Runs `fn` on Enter or Space, as a native button would (for role="button" elements). */
export function onActivate(target: HTMLElement, fn: (ev: Event) => void): void {
  target.addEventListener('click', fn);
  target.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      fn(ev);
    }
  });
}

/**
 * Runs `render` (which replaces what is inside `root`) and, when keyboard focus was inside,
 * puts it back on the new element with the same `data-focus` key: a view re-rendered by the
 * change its own control made (a checkbox, the theme select, a topic chip) must not drop focus
 * to <body>. Returns whether focus was put back.
 */
export function keepingFocus(root: HTMLElement, render: () => void): boolean {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && root.contains(active) ? active.closest<HTMLElement>('[data-focus]')?.dataset.focus : undefined;
  render();
  if (key === undefined) return false;
  const next = [...root.querySelectorAll<HTMLElement>('[data-focus]')].find((e) => e.dataset.focus === key);
  next?.focus();
  return next !== undefined;
}
