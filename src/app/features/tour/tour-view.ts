/**
 * Presenting, the DOM part: a caption overlay over the map (step title, the step's quotes with
 * their citations, progress, previous/next/full screen/leave buttons) and the presenter keys.
 * Built with createElement/textContent only: quotes are document text, never parsed as HTML.
 * The caller owns the state: the buttons and keys only call `handlers`, and the caller answers
 * with `render(step, lang)` (and moves the camera: see motionAllowed).
 */
import type { AtlasData } from '../../data/atlas-data.ts';
import { type Lang, t } from '../../i18n/strings.ts';
import { legendSymbol } from '../../ui/legend-symbol.ts';
import { el, uniqueId } from '../../ui/dom.ts';
import { inertText } from '../../ui/inert-text.ts';
import type { LegendItem } from '../legend/legend-model.ts';
import type { Story } from './story.ts';
import { actionTarget, keyAction, stepView } from './tour-model.ts';
import { localeOf } from '../../i18n/locale.ts';
import { citationNodes, sourceAttrs } from '../../ui/source-text.ts';

export interface TourHandlers {
  /** Show step n (1-based, already within the story). */
  go(step: number): void;
  exit(): void;
  fullscreen(): void;
  /** What step n's colours and symbols mean (classes, then the symbols of its layers); none when absent. */
  legend?(step: number, lang: Lang): LegendItem[];
}

export interface TourController {
  render(step: number, lang: Lang): void;
  destroy(): void;
}

/** The class on <body> while presenting: the projector theme in styles.css keys off it. */
export const PRESENTING_CLASS = 'presenting';

/**
 * Enters full screen with `target` (default: the whole page, so the map and captions stay
 * together), or leaves it when the page is already full screen. Resolves true when the switch
 * happened, false when the browser refused or cannot (headless browsers often refuse); never rejects.
 */
export async function toggleFullscreen(target: Element = document.documentElement): Promise<boolean> {
  try {
    if (document.fullscreenElement) {
      if (typeof document.exitFullscreen !== 'function') return false;
      await document.exitFullscreen();
      return true;
    }
    if (!document.fullscreenEnabled || typeof target.requestFullscreen !== 'function') return false;
    await target.requestFullscreen({ navigationUI: 'hide' });
    return true;
  } catch {
    return false;
  }
}

const uiLang = (lang: Lang) => localeOf(lang).tag;

/** Keys typed into a field, or meant for an open menu or dialog, are not presenter keys. */
function keyBelongsElsewhere(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, select, textarea, [contenteditable=""], [contenteditable="true"]')) return true;
  if (target.closest('[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"], [aria-modal="true"]')) return true;
  // Space on a button presses the button.
  if (key === ' ' && target.closest('button, a[href], summary, [role="button"]')) return true;
  return false;
}

/**
 * Shows the overlay in `root` at `initialStep`, adds the presenting class to <body> and listens
 * for presenter keys on the document until destroy(). Focus moves to the step title.
 */
export function mountTour(root: HTMLElement, story: Story, data: AtlasData, lang: Lang, handlers: TourHandlers, initialStep = 1): TourController {
  const count = story.steps.length;
  let current = initialStep;
  let uiLanguage = lang;

  const titleId = uniqueId('tour-title');
  const progressText = el('span', { class: 'tour-progress-text', 'aria-hidden': 'true' });
  const bar = el('div', { class: 'tour-progress-bar' });
  const progress = el('div', { class: 'tour-progress', role: 'progressbar', 'aria-valuemin': '1', 'aria-valuemax': String(count) }, bar);
  const heading = el('h2', { id: titleId, class: 'tour-title', tabindex: '-1' });
  const captions = el('div', { class: 'tour-captions' });
  const prev = el('button', { type: 'button', class: 'tour-prev' });
  const next = el('button', { type: 'button', class: 'tour-next' });
  const full = el('button', { type: 'button', class: 'tour-fullscreen', 'aria-pressed': 'false' });
  const exit = el('button', { type: 'button', class: 'tour-exit' });
  const keys = el('p', { class: 'tour-keys' });
  // What this step's colours and symbols mean, compact: the map's own legend is hidden while presenting.
  const legend = el('ul', { class: 'tour-legend' });
  const status = el('div', { class: 'tour-status visually-hidden', role: 'status', 'aria-live': 'polite' });
  const section = el('section', { class: 'tour-overlay', role: 'region', 'aria-labelledby': titleId },
    el('div', { class: 'tour-top' }, progressText, progress),
    heading,
    captions,
    legend,
    el('div', { class: 'tour-nav' }, prev, next, el('span', { class: 'tour-nav-gap' }), full, exit),
    keys,
    status);

  prev.addEventListener('click', () => {
    if (current > 1) handlers.go(current - 1);
  });
  next.addEventListener('click', () => {
    if (current < count) handlers.go(current + 1);
  });
  full.addEventListener('click', () => handlers.fullscreen());
  exit.addEventListener('click', () => handlers.exit());

  const onFullscreenChange = () => full.setAttribute('aria-pressed', String(document.fullscreenElement !== null));
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
    if (keyBelongsElsewhere(e.target, e.key)) return;
    const action = keyAction(e.key);
    if (!action) return;
    // The presenter owns these keys while mounted: not the map's arrow-key panning, not other Esc handlers.
    e.preventDefault();
    e.stopPropagation();
    if (action === 'exit') {
      if (!e.repeat) handlers.exit();
    } else if (action === 'fullscreen') {
      if (!e.repeat) handlers.fullscreen();
    } else {
      const to = actionTarget(action, current, count);
      if (to !== null) handlers.go(to);
    }
  };

  const render = (step: number, language: Lang) => {
    uiLanguage = language;
    const view = stepView(story, data, step, language);
    current = view.step;
    section.setAttribute('lang', uiLang(language));
    section.setAttribute('aria-label', t('tour.region', language));
    section.dataset.step = String(view.step);
    progressText.textContent = view.progress;
    progress.setAttribute('aria-label', t('tour.progressLabel', language));
    progress.setAttribute('aria-valuenow', String(view.step));
    progress.setAttribute('aria-valuetext', view.progressText);
    bar.style.width = `${(100 * view.step) / view.count}%`;
    heading.textContent = inertText(view.title);
    captions.setAttribute('aria-label', t('tour.captions', language));
    captions.replaceChildren(...view.captions.map((c) =>
      el('figure', { class: 'tour-caption', 'data-fact': c.factId },
        el('blockquote', { class: `quote tour-quote${c.heading ? ' quote-heading' : ''}`, ...sourceAttrs('quote', c.lang), 'data-script': c.script, 'data-fact': c.factId, text: c.text }),
        el('figcaption', {}, el('cite', { class: 'citation' }, ...citationNodes(c.citationParts, c.lang))))));
    full.textContent = t('tour.fullscreen', language);
    exit.textContent = t('tour.exit', language);
    prev.textContent = `← ${t('tour.prev', language)}`;
    next.textContent = `${t('tour.next', language)} →`;
    const focused = document.activeElement;
    prev.disabled = view.isFirst;
    next.disabled = view.isLast;
    // A button that just became disabled drops focus to <body>: keep it on the other one.
    if (focused === prev && prev.disabled) next.focus();
    if (focused === next && next.disabled) prev.focus();
    keys.textContent = t('tour.keys', language);
    const items = handlers.legend?.(view.step, language) ?? [];
    legend.hidden = items.length === 0;
    legend.setAttribute('aria-label', t('legendHeading', language));
    legend.replaceChildren(...items.map((i) => el('li', {}, legendSymbol(i.symbol ?? 'fill', i.colour, i.line), el('span', { text: i.label }))));
    status.textContent = inertText(view.announce); // it names the step title
  };

  document.body.classList.add(PRESENTING_CLASS);
  root.replaceChildren(section);
  root.hidden = false;
  render(current, uiLanguage);
  onFullscreenChange();
  // Capture phase: the presenter sees its keys before the map and the page's own Esc handler.
  document.addEventListener('keydown', onKey, true);
  document.addEventListener('fullscreenchange', onFullscreenChange);
  heading.focus({ preventScroll: true });

  let mounted = true;
  return {
    render(step, language) {
      if (mounted) render(step, language);
    },
    destroy() {
      if (!mounted) return;
      mounted = false;
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('fullscreenchange', onFullscreenChange);
      document.body.classList.remove(PRESENTING_CLASS);
      root.replaceChildren();
      root.hidden = true;
    },
  };
}
