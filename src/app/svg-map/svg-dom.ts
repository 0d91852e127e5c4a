/** Building SVG elements: attributes by setAttribute, text by textContent only (names come from data). */
const SVG_NS = 'http://www.w3.org/2000/svg';

export type Attrs = Record<string, string | number | null | undefined>;

export function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Array<Node | null>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG_NS, tag);
  setAttrs(e, attrs);
  for (const c of children) if (c) e.append(c);
  return e;
}

export function setAttrs(e: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) e.removeAttribute(k);
    else e.setAttribute(k, String(v));
  }
}

/** A <title>: the element's tooltip and, for SVG, its accessible name. */
export function svgTitle(text: string): SVGTitleElement {
  const t = document.createElementNS(SVG_NS, 'title');
  t.textContent = text;
  return t;
}

/** Sets (or replaces) an element's <title> text. */
export function retitle(e: Element, text: string): void {
  const t = Array.from(e.children).find((c) => c.tagName === 'title');
  if (t) t.textContent = text;
  else e.prepend(svgTitle(text));
}

/** One decimal: plenty at screen scale, and small markup. */
export const r1 = (n: number) => String(Math.round(n * 10) / 10 + 0);
