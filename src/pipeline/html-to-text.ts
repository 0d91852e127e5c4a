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

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isNameChar = (c: number) => isLetter(c) || (c >= 48 && c <= 57) || c === 58 || c === 45;

/** The end of a tag name ([A-Za-z][A-Za-z0-9:-]*) starting at `at`, or `at` when none starts there. */
function nameEnd(html: string, at: number): number {
  if (!isLetter(html.charCodeAt(at))) return at;
  let j = at + 1;
  while (j < html.length && isNameChar(html.charCodeAt(j))) j++;
  return j;
}

/**
 * Where the tag whose attributes start at `from` ends (the index of its '>'), or -1: outside
 * quotes the first '>' ends it, a quote runs to its partner, and no partner means no tag. The
 * answer from a position (per quoting state) is kept, so no stretch of the page is read twice.
 */
function tagEnds(html: string): (from: number) => number {
  // memo[i * 3 + state]: the answer from position i in quoting state 0 (none), 1 (") or 2 ('); -2 unknown.
  const memo = new Int32Array(3 * (html.length + 1)).fill(-2);
  const QUOTE = [0, 34, 39]; // ", '
  /** The quoting state after the character at i, or -1 where a '>' outside quotes ends the tag. */
  const next = (i: number, state: number) => {
    const c = html.charCodeAt(i);
    if (state === 0) return c === 62 ? -1 : c === 34 ? 1 : c === 39 ? 2 : 0;
    return c === QUOTE[state] ? 0 : state;
  };
  return (from) => {
    // Walk until an answer is known, the tag ends or the page does...
    let i = from;
    let state = 0;
    let result = -1;
    for (;;) {
      const known = memo[i * 3 + state];
      if (known !== -2) {
        result = known;
        break;
      }
      if (i >= html.length) break;
      const after = next(i, state);
      if (after < 0) {
        result = i;
        break;
      }
      state = after;
      i++;
    }
    // ...then walk the same steps again to record the answer (no list of steps is kept: a page of
    // unclosed tags would make it as long as the page, and allocating it cost more than the walk).
    const stopAt = i;
    const stopState = state;
    i = from;
    state = 0;
    for (;;) {
      memo[i * 3 + state] = result;
      if (i === stopAt && state === stopState) break;
      state = next(i, state);
      i++;
    }
    return result;
  };
}

export function htmlToText(html: string): string {
  const parts: string[] = [];
  const tagEnd = tagEnds(html);
  // Where no '>' remains, nothing after can close: a declaration or a dropped element's end search stops at once.
  const lastGt = html.lastIndexOf('>');
  // Whitespace runs become one space; a lone space is left alone (a page of a million of them need not be rebuilt).
  const text = (s: string) => parts.push(decodeReferences(s).replace(/[ \t\n\r\f]{2,}|[\t\n\r\f]/g, ' '));
  // Text runs from `run` to the next real tag: a '<' that starts no tag stays inside the run, so a
  // page of a million stray '<' costs one text pass, not a million.
  let run = 0;
  const flush = (to: number) => {
    if (to > run) text(html.slice(run, to));
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    i = lt;
    if (html.startsWith('<!--', i)) {
      flush(i);
      const close = html.indexOf('-->', i + 4);
      i = run = close < 0 ? html.length : close + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      flush(i);
      const close = i < lastGt ? html.indexOf('>', i) : -1;
      i = run = close < 0 ? html.length : close + 1;
      continue;
    }
    const end = html[i + 1] === '/';
    const nameStart = i + (end ? 2 : 1);
    const nameStop = nameEnd(html, nameStart);
    const close = nameStop > nameStart ? tagEnd(nameStop) : -1;
    if (close < 0) {
      // A '<' that starts no tag is text: the run goes on.
      i++;
      continue;
    }
    flush(i);
    const tag = html.slice(nameStart, nameStop).toLowerCase();
    const selfClosing = html[close - 1] === '/';
    i = run = close + 1;
    if (!end && !selfClosing && DROPPED.has(tag)) {
      const closing = new RegExp(`</${tag}(?:\\s[^>]*)?>`, 'ig');
      closing.lastIndex = i;
      const found = i <= lastGt ? closing.exec(html) : null;
      // An element never closed drops the rest of the page.
      if (!found) {
        run = html.length;
        break;
      }
      i = run = found.index + found[0].length;
    } else if (BLOCK.has(tag)) parts.push('\n');
  }
  flush(html.length);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').replace(/^ | $/g, ''))
    .filter((line) => line !== '')
    .join('\n');
}

export const isHtmlFile = (file: string) => /\.html?$/i.test(file);
