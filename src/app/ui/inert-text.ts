/**
 * The display rule for text that comes from documents (quotes, titles, search snippets) or
 * from links (notices): it is shown as text, never parsed as markup — callers put it into the
 * page with textContent or text nodes only (dom.ts `el` does, for every string) — and its
 * bidirectional control characters are shown, not obeyed.
 *
 * Why visible markers: an override such as U+202E (RLO) reverses the text after it, an
 * isolate that is never closed (U+2067) can swallow what follows, and both are invisible, so
 * a quote could read differently from what the document says, or reorder the UI text around
 * it. Each control becomes a visible "[U+202E]" instead. The stored fact text is unchanged
 * (offsets and the rule that every quote is an exact substring of its seed still hold); only
 * what the screen shows differs.
 */

/** Every character with the Unicode Bidi_Control property: ALM, LRM, RLM, LRE–RLO, LRI–PDI. */
const BIDI_CONTROL = /\p{Bidi_Control}/gu;

const marker = (c: string) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`;

/** The string as the page shows it: bidi controls replaced by visible markers, all else as is. */
export function inertText(s: string): string {
  return s.replace(BIDI_CONTROL, marker);
}
