/**
 * The regular-expression tokenizer htmlToText used before it was made linear, kept as an
 * independent reference: on small pages the two must give the same text. (Quadratic on a page of
 * unclosed tags, which is why it was replaced.)
 */

const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'iframe', 'object', 'svg', 'math']);

const BLOCK = new Set([
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

/** One token: a comment, a <!…> or <?…> declaration, a tag (group 1 = name; attributes may quote '>'), text, or a lone '<'. */
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<[!?][^>]*>?|<\/?([A-Za-z][A-Za-z0-9:-]*)(?:"[^"]*"|'[^']*'|[^"'>])*>|[^<]+|</g;
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]*));?/g;

/** A code point a reference may stand for: not NUL, a control character, a surrogate or beyond Unicode. */
function referable(cp: number): boolean {
  if (cp === 9 || cp === 10 || cp === 12 || cp === 13) return true;
  return cp > 0x1f && !(cp >= 0x7f && cp <= 0x9f) && !(cp >= 0xd800 && cp <= 0xdfff) && cp <= 0x10ffff;
}

function decodeReferencesOld(s: string): string {
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

/** Tag name of a start or end tag token, lower case, and whether it is an end tag. */
function tagOf(token: string, name: string): { name: string; end: boolean; selfClosing: boolean } {
  return { name: name.toLowerCase(), end: token[1] === '/', selfClosing: token.endsWith('/>') };
}

export function htmlToTextByRegex(html: string): string {
  const parts: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const token = m[0];
    if (m[1] !== undefined) {
      const tag = tagOf(token, m[1]);
      if (!tag.end && !tag.selfClosing && DROPPED.has(tag.name)) {
        const close = new RegExp(`</${tag.name}(?:\\s[^>]*)?>`, 'ig');
        close.lastIndex = TOKEN.lastIndex;
        const found = close.exec(html);
        if (!found) break;
        TOKEN.lastIndex = found.index + found[0].length;
      } else if (BLOCK.has(tag.name)) parts.push('\n');
      continue;
    }
    if (token.startsWith('<') && token.length > 1) continue; // comment or declaration
    parts.push(decodeReferencesOld(token).replace(/[ \t\n\r\f]+/g, ' '));
  }
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').replace(/^ | $/g, ''))
    .filter((line) => line !== '')
    .join('\n');
}


