/**
 * A saved web page (`*.html`, `*.htm`) → the text a reader sees on it. That text is the
 * document from here on: offsets index it, the reader is served it, facts are cut from it.
 *
 * - Elements whose content is not page text are dropped with their content: script, style,
 *   noscript, template, textarea, iframe, object, svg, math. A `<script>` in a page therefore
 *   never becomes fact text. An element left open drops the rest of the page, as a browser would.
 * - Comments, doctypes and processing instructions are dropped.
 * - Every other tag is removed with all its attributes (href, src, on…): only text survives.
 *   Block-level tags and `<br>` end a line, so paragraphs stay lines.
 * - Character references are decoded after the tags are gone, so `&lt;script&gt;` is the
 *   literal text "<script>" — which the app shows as text, like any other.
 * - Whitespace (also from references like `&#10;`) collapses to one space as a browser renders
 *   it; lines are trimmed and blank lines dropped. No-break and ideographic spaces stay.
 * A `<` that starts no tag (`a < b`, a tag never closed by `>`) is text.
 * Linear in the page: the tokenizer never rescans what it has read (a page of a million
 * unclosed `<a ` takes as long as an ordinary one) — each position is scanned for a tag's end
 * once per quoting state, and a search that reached the end of the page is not repeated.
 */

/** Elements dropped with their content. */
export const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'iframe', 'object', 'svg', 'math']);

/** Elements that end a line. */
export const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'legend', 'li', 'main', 'nav', 'ol', 'option', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'title', 'tr', 'ul',
]);

/** Named references worth knowing in Chinese news pages; an unknown name stays as written. */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', laquo: '«', raquo: '»', mdash: '—', ndash: '–', hellip: '…',
  middot: '·', bull: '•', copy: '©', reg: '®', trade: '™', times: '×', divide: '÷', deg: '°', plusmn: '±',
  yen: '¥', euro: '€', pound: '£', cent: '¢', sect: '§', para: '¶', shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c',
  lrm: '\u200e', rlm: '\u200f',
};
/** Names browsers also decode without the semicolon (legacy pages write `&nbsp` and `&amp`). */
const LEGACY = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg']);

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]*));?/g;

/** A code point a reference may stand for: not NUL, a control character, a surrogate or beyond Unicode. */
function referable(cp: number): boolean {
  if (cp === 9 || cp === 10 || cp === 12 || cp === 13) return true;
  return cp > 0x1f && !(cp >= 0x7f && cp <= 0x9f) && !(cp >= 0xd800 && cp <= 0xdfff) && cp <= 0x10ffff;
}

export function decodeReferences(s: string): string {
  return s.replace(REFERENCE, (whole: string, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined || hex !== undefined) {
      const cp = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
      return referable(cp) ? String.fromCodePoint(cp) : '\ufffd';
    }
    const value = NAMED[name!];
    if (value === undefined) return whole;
    return whole.endsWith(';') || LEGACY.has(name!) ? value : whole;
  });
}

const NAME = /[A-Za-z][A-Za-z0-9:-]*/y;

/**
 * Where the tag whose attributes start at `from` ends (the index of its '>'), or -1: outside
 * quotes the first '>' ends it, a quote runs to its partner, and no partner means no tag. The
 * answer from a position (per quoting state) is kept, so no stretch of the page is read twice.
 */
function tagEnds(html: string): (from: number) => number {
  const memo = [new Int32Array(html.length + 1).fill(-2), new Int32Array(html.length + 1).fill(-2), new Int32Array(html.length + 1).fill(-2)];
  const QUOTE = ['', '"', "'"];
  return (from) => {
    const path: Array<[number, number]> = [];
    let [i, state] = [from, 0];
    let result = -1;
    for (;;) {
      const known = memo[state][i];
      if (known !== -2) {
        result = known;
        break;
      }
      path.push([state, i]);
      if (i >= html.length) break;
      const c = html[i];
      if (state === 0 && c === '>') {
        result = i;
        break;
      }
      if (state === 0 && (c === '"' || c === "'")) state = c === '"' ? 1 : 2;
      else if (state !== 0 && c === QUOTE[state]) state = 0;
      i++;
    }
    for (const [st, at] of path) memo[st][at] = result;
    return result;
  };
}

export function htmlToText(html: string): string {
  const parts: string[] = [];
  const tagEnd = tagEnds(html);
  // Where no '>' remains, nothing after can close: a declaration or a dropped element's end search stops at once.
  const lastGt = html.lastIndexOf('>');
  const text = (s: string) => parts.push(decodeReferences(s).replace(/[ \t\n\r\f]+/g, ' '));
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt !== i) {
      text(html.slice(i, lt < 0 ? html.length : lt));
      if (lt < 0) break;
      i = lt;
      continue;
    }
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      const close = i < lastGt ? html.indexOf('>', i) : -1;
      i = close < 0 ? html.length : close + 1;
      continue;
    }
    const end = html[i + 1] === '/';
    NAME.lastIndex = i + (end ? 2 : 1);
    const name = NAME.exec(html)?.[0];
    const close = name ? tagEnd(NAME.lastIndex) : -1;
    if (!name || close < 0) {
      // A '<' that starts no tag is text.
      text('<');
      i++;
      continue;
    }
    const tag = name.toLowerCase();
    const selfClosing = html[close - 1] === '/';
    i = close + 1;
    if (!end && !selfClosing && DROPPED.has(tag)) {
      const closing = new RegExp(`</${tag}(?:\\s[^>]*)?>`, 'ig');
      closing.lastIndex = i;
      const found = i <= lastGt ? closing.exec(html) : null;
      if (!found) break;
      i = found.index + found[0].length;
    } else if (BLOCK.has(tag)) parts.push('\n');
  }
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').replace(/^ | $/g, ''))
    .filter((line) => line !== '')
    .join('\n');
}

export const isHtmlFile = (file: string) => /\.html?$/i.test(file);
