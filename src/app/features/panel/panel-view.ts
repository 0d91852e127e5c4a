/**
 * The place panel: renders a PanelModel with createElement/textContent only (quotes are
 * document text and never parsed as HTML).
 */
import type { Topic } from '../../../types.ts';
import { type Lang, t, tParts } from '../../i18n/strings.ts';
import { el, keepingFocus, uniqueId } from '../../ui/dom.ts';
import { inertText } from '../../ui/inert-text.ts';
import { type FactItem, type PanelModel, type PlaceSection, type RelatedPlace} from './panel-model.ts';
import { citationParts } from '../../ui/citation.ts';
import { citationNodes, sourceAttrs, sourceSpan } from '../../ui/source-text.ts';
import { type Convert, loadT2S } from '../../ui/script-convert.ts';
import { localeOf } from '../../i18n/locale.ts';

export interface PanelHandlers {
  onSelect(placeId: string): void;
  /** A topic chip was pressed: the theme to filter by, or null to show all. */
  onTopic(topic: Topic | null): void;
  onRead(docId: string, factId: string): void;
  onClose(): void;
  /** "Show all" was pressed: the panel's first facts are not all of them. */
  onShowAll?(): void;
}

export interface PanelOptions {
  /** Move focus to the heading. Default: when a different place than last time is shown. */
  focus?: boolean;
}

interface PanelState {
  placeId: string | null;
  handlers: PanelHandlers | null;
  /** The language of the last announcement in the live region. */
  said: Lang | null;
}

const states = new WeakMap<HTMLElement, PanelState>();
/** Quote element → its text as written (the 简/繁 toggle only changes what is displayed). */
const originals = new WeakMap<HTMLElement, string>();
/** The reader's choice of script for Traditional quotes, kept across panels. */
let showSimplified = false;
let converter: Convert | null = null;

function uiLang(lang: Lang): string {
  return localeOf(lang).tag;
}

/** Closes the panel the way its close button does (the caller wires Esc to this). */
export function closePanel(root: HTMLElement): void {
  states.get(root)?.handlers?.onClose();
}

export function renderPanel(
  root: HTMLElement,
  model: PanelModel | null,
  lang: Lang,
  handlers: PanelHandlers,
  options: PanelOptions = {},
): void {
  const state: PanelState = states.get(root) ?? { placeId: null, handlers: null, said: null };
  states.set(root, state);
  state.handlers = handlers;
  const status = statusOf(root);

  if (!model) {
    const wasOpen = state.placeId !== null;
    state.placeId = null;
    root.hidden = true;
    root.replaceChildren();
    root.removeAttribute('aria-labelledby');
    status.textContent = wasOpen ? t('panelClosed', lang) : '';
    state.said = lang;
    return;
  }

  const opened = state.placeId !== model.placeId;
  state.placeId = model.placeId;
  const headingId = uniqueId('panel-heading');
  // The panel's own element (an <aside>: a complementary landmark) is named by its heading.
  const section = el('div', { class: 'panel', lang: uiLang(lang) });

  // Heading and close button.
  const heading = el('h2', { id: headingId, class: 'panel-title', tabindex: '-1', lang: uiLang(lang), text: model.name });
  const close = el('button', { type: 'button', class: 'panel-close', 'data-focus': 'close', 'aria-label': t('closePanel', lang), title: t('close', lang), text: '×' });
  close.addEventListener('click', () => handlers.onClose());
  section.append(el('div', { class: 'panel-head' }, heading, close));

  // Other written forms of the name.
  const names = el('p', { class: 'panel-names' });
  const others = localeOf(lang).otherNames.map(([key, tag]): [string, string] => [model.names[key], tag]);
  const shown = new Set([model.name]);
  for (const [text, tag] of others) {
    if (shown.has(text)) continue;
    shown.add(text);
    if (names.childNodes.length) names.append(' · ');
    names.append(sourceSpan('name', tag, text));
  }
  if (names.childNodes.length) section.append(names);

  section.append(
    el('p', { class: 'panel-meta' },
      el('span', { class: 'panel-kind', text: model.kindLabel }),
      ' · ',
      el('span', { class: `panel-geometry geometry-${model.geometry.kind}`, text: model.geometry.note })),
  );

  // Related places.
  const relatedRows: Array<[string, RelatedPlace[]]> = [
    [t('hostDistrict', lang), model.district ? [model.district] : []],
    [t('parentPlace', lang), model.parent ? [model.parent] : []],
    [t('childPlaces', lang), model.children],
    [t('linkedPlaces', lang), model.links],
    [t('linkedFrom', lang), model.linkedFrom],
  ];
  const dl = el('dl', { class: 'panel-related' });
  for (const [row, [label, places]] of relatedRows.entries()) {
    if (!places.length) continue;
    const dd = el('dd');
    for (const p of places) {
      const b = el('button', { type: 'button', class: 'related-place', 'data-place': p.id, 'data-focus': `related-${row}-${p.id}`, text: p.name });
      b.addEventListener('click', () => handlers.onSelect(p.id));
      dd.append(b);
    }
    dl.append(el('dt', { text: label }), dd);
  }
  if (dl.childNodes.length) section.append(dl);

  // The tie to Beijing the documents state, with the sentence that states it.
  if (model.tie) {
    const { doc, fact } = model.tie;
    const read = el('button', { type: 'button', class: 'read-button', 'data-doc': doc, 'data-fact': fact, 'data-focus': 'tie-read', text: t('readInDocument', lang) });
    read.addEventListener('click', () => handlers.onRead(doc, fact));
    section.append(el('p', { class: 'panel-tie' }, t('panel.tie', lang, { kind: model.tie.label }), ' ', read));
  }

  section.append(el('p', { class: 'panel-count', text: model.countLine }));

  // Script toggle (only when some quote is Traditional).
  const scriptNote = el('p', { class: 'panel-script-note', role: 'status', 'aria-live': 'polite' });
  if (model.hasTraditional) {
    const toggle = el('button', { type: 'button', class: 'script-toggle', 'data-focus': 'script', 'aria-pressed': String(showSimplified) });
    const label = () => {
      toggle.textContent = showSimplified ? `${t('toTraditional', lang)}` : `${t('toSimplified', lang)}`;
      toggle.title = t(showSimplified ? 'scriptToggleToTraditional' : 'scriptToggleToSimplified', lang);
      toggle.setAttribute('aria-label', toggle.title);
      toggle.setAttribute('aria-pressed', String(showSimplified));
    };
    label();
    toggle.addEventListener('click', async () => {
      const want = !showSimplified;
      if (want && !converter) {
        scriptNote.textContent = t('scriptLoading', lang);
        toggle.disabled = true;
        try {
          converter = await loadT2S();
        } catch (e) {
          scriptNote.textContent = t('scriptFailed', lang, { reason: e instanceof Error ? e.message : String(e) });
          return;
        } finally {
          toggle.disabled = false;
        }
      }
      showSimplified = want;
      label();
      applyScript(section, scriptNote, lang);
    });
    section.append(el('div', { class: 'panel-tools' }, toggle, scriptNote));
  }

  if (model.empty) section.append(el('p', { class: 'panel-empty', role: 'note', text: model.empty.reason }));

  // Role summary.
  if (model.role.length) {
    const roleId = uniqueId('panel-role');
    const box = el('section', { class: 'panel-role', 'aria-labelledby': roleId }, el('h3', { id: roleId, text: t('roleSummary', lang) }));
    for (const f of model.role) {
      if (f.of) box.append(el('p', { class: 'role-of', text: t('roleOf', lang, { name: f.of.name }) }));
      box.append(factBlock(f, lang, handlers, 'role'));
    }
    section.append(box);
  }

  // Topic chips.
  if (model.chips.length) {
    const chipsId = uniqueId('panel-topics');
    const list = el('div', { class: 'topic-chips' });
    for (const c of model.chips) {
      const b = el('button', {
        type: 'button',
        class: 'topic-chip',
        'data-topic': c.topic,
        'data-focus': `topic-${c.topic}`,
        'aria-pressed': String(c.active),
        title: c.active ? t('showAllTopics', lang) : t('topicFilterChip', lang, { topic: c.label, n: String(c.count) }),
      }, el('span', { text: c.label }), ' ', el('span', { class: 'chip-count', text: String(c.count) }));
      b.addEventListener('click', () => handlers.onTopic(c.active ? null : c.topic));
      list.append(b);
    }
    section.append(el('section', { class: 'panel-topics', 'aria-labelledby': chipsId }, el('h3', { id: chipsId, text: t('topicsHeading', lang) }), list));
  }

  // Every fact about the place itself, grouped by topic.
  if (model.groups.length) {
    const factsId = uniqueId('panel-facts');
    const box = el('section', { class: 'panel-facts', 'aria-labelledby': factsId }, el('h3', { id: factsId, class: 'panel-facts-title', text: t('factsAbout', lang, { name: model.name }) }));
    for (const g of model.groups) {
      const gid = uniqueId('panel-group');
      box.append(el('section', { class: 'fact-group', 'data-topic': g.topic, 'aria-labelledby': gid },
        el('h3', { id: gid, class: 'fact-group-title' }, g.label, ' ', el('span', { class: 'group-count', text: `(${g.facts.length})` })),
        factList(g.facts, lang, handlers)));
    }
    section.append(box);
  }

  // A collapsed section's quotes are built when it is first opened (a click on its summary, by
  // mouse or key, runs before it opens): a district's panel can hold dozens of them, unseen.
  const whenOpened = (details: HTMLElement, summary: HTMLElement, build: () => HTMLElement[]) => {
    let built = false;
    const fill = () => {
      if (built) return;
      built = true;
      details.append(...build());
      if (showSimplified && converter) applyScript(section, scriptNote, lang);
    };
    summary.addEventListener('click', fill);
    details.addEventListener('toggle', fill); // opened another way (a script, find in page)
    return details;
  };

  // Places in it (counted), places spanning it (shown only), and group mentions (shown only):
  // each count is the number of quotes its disclosure opens.
  const places = (kind: 'within' | 'shared', sections: PlaceSection[], title: string, note: string) => {
    if (!sections.length) return;
    const id = uniqueId(`panel-${kind}`);
    const box = el('section', { class: `panel-${kind}`, 'aria-labelledby': id },
      el('h3', { id, class: 'panel-facts-title' }, title, ' ', el('span', { class: 'panel-note', text: note })));
    for (const p of sections) {
      const summary = el('summary', { 'data-focus': `${kind}-${p.placeId}` }, p.name, ' ', el('span', { class: 'group-count', 'data-count': String(p.facts.length), text: `(${p.facts.length})` }));
      const go = el('button', { type: 'button', class: 'related-place', 'data-place': p.placeId, 'data-focus': `${kind}-go-${p.placeId}`, text: t('openPlace', lang, { name: p.name }) });
      go.addEventListener('click', () => handlers.onSelect(p.placeId));
      box.append(whenOpened(el('details', { class: 'place-facts', 'data-place': p.placeId }, summary), summary, () => [go, factList(p.facts, lang, handlers)]));
    }
    section.append(box);
  };
  places('within', model.within, t('factsWithin', lang), t('factsWithinNote', lang));
  places('shared', model.shared, t('factsShared', lang), t('factsSharedNote', lang));
  if (model.groupMentions.length) {
    const n = model.groupMentions.reduce((a, g) => a + g.facts.length, 0);
    const summary = el('summary', { 'data-focus': 'group-mentions' }, t('factsGroup', lang, { n: String(n) }));
    const details = el('details', { class: 'panel-group-mentions' }, summary);
    section.append(whenOpened(details, summary, () => model.groupMentions.flatMap((g) => [
      el('h4', { class: 'fact-group-title' }, ...via(g.term, lang), ' ', el('span', { class: 'group-count', text: `(${g.facts.length})` })),
      factList(g.facts, lang, handlers),
    ])));
  }
  if (model.more > 0 && handlers.onShowAll) {
    const total = model.factCount + model.listedCount;
    const all = el('button', { type: 'button', class: 'panel-show-all', 'data-focus': 'show-all', text: t('showAll', lang, { n: String(total), more: String(model.more) }) });
    all.addEventListener('click', () => handlers.onShowAll?.());
    section.append(el('p', { class: 'panel-more' }, el('span', { text: t('showingFirst', lang, { shown: String(total - model.more), n: String(total) }) }), ' ', all));
  }

  root.hidden = false;
  root.setAttribute('aria-labelledby', headingId);
  const focus = options.focus ?? opened;
  // The same place again (a theme or language change, maybe from a chip in here): the control
  // that made the change keeps focus; a new place moves focus to its heading instead.
  keepingFocus(root, () => root.replaceChildren(section));
  root.scrollTop = 0;
  if (showSimplified && converter) applyScript(section, scriptNote, lang);
  if (focus) heading.focus({ preventScroll: false });
  // Said whether or not focus moved (a link or the back button also opens a panel).
  if (opened || focus) {
    status.textContent = t('panelOpened', lang, { name: model.name, count: model.countLine });
    state.said = lang;
  } else if (state.said !== lang) {
    // The same place in another language (a switch): the last announcement's words would linger, unread.
    status.textContent = '';
    state.said = lang;
  }
}

/**
 * The panel's live region: beside the panel, not in it, so it exists (empty) before the first
 * announcement and is not hidden with the panel — a live region inserted or hidden together
 * with its text is not reliably read.
 */
function statusOf(root: HTMLElement): HTMLElement {
  const next = root.nextElementSibling;
  if (next instanceof HTMLElement && next.classList.contains('panel-status')) return next;
  const s = el('div', { class: 'panel-status visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  root.after(s);
  return s;
}

function factList(facts: FactItem[], lang: Lang, handlers: PanelHandlers): HTMLElement {
  const ol = el('ol', { class: 'fact-list' });
  for (const f of facts) ol.append(el('li', {}, factBlock(f, lang, handlers, 'fact')));
  return ol;
}

function factBlock(f: FactItem, lang: Lang, handlers: PanelHandlers, kind: 'role' | 'fact'): HTMLElement {
  const quote = el('blockquote', { class: `quote${f.heading ? ' quote-heading' : ''}`, ...sourceAttrs('quote', f.lang), 'data-script': f.script, 'data-fact': f.factId, text: f.text });
  originals.set(quote, f.text);
  const badge = el('span', {
    class: `badge badge-${f.how}`,
    title: t(`how.${f.how}Hint`, lang),
    text: t(`how.${f.how}`, lang),
  });
  const meta = el('div', { class: 'fact-meta' }, badge);
  if (f.via) meta.append(' ', el('span', { class: 'fact-via' }, ...via(f.via, lang)));
  meta.append(' ', el('cite', { class: 'citation' }, ...citationNodes(citationParts(f.citation, lang), f.lang)));
  const read = el('button', { type: 'button', class: 'read-button', 'data-doc': f.docId, 'data-fact': f.factId, 'data-focus': `read-${kind}-${f.factId}`, text: t('readInDocument', lang) });
  read.addEventListener('click', () => handlers.onRead(f.docId, f.factId));
  meta.append(' ', read);
  return el('figure', { class: `fact fact-${kind}`, 'data-fact': f.factId }, quote, el('figcaption', {}, meta));
}

/** "via “三城一区”": the group term as the documents write it (the gazetteer's Simplified form), inside the UI's words. */
function via(term: string, lang: Lang): Array<string | HTMLElement> {
  return tParts<HTMLElement>('via', lang, { term: sourceSpan('term', 'zh-Hans', term) });
}

function applyScript(section: HTMLElement, note: HTMLElement, lang: Lang): void {
  for (const q of section.querySelectorAll<HTMLElement>('.quote[data-script="zhHant"]')) {
    const original = originals.get(q) ?? q.textContent ?? '';
    if (showSimplified && converter) {
      q.textContent = inertText(converter(original));
      q.lang = 'zh-Hans';
      q.classList.add('converted');
    } else {
      q.textContent = inertText(original);
      q.lang = 'zh-Hant';
      q.classList.remove('converted');
    }
  }
  note.textContent = showSimplified ? t('scriptConverted', lang) : '';
}
