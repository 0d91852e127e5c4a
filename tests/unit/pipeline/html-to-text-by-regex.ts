/**
 * The regular-expression tokenizer htmlToText used before it was made linear, kept as an
 * independent reference for the tokenizer (the tag sets and reference decoding are shared): on
 * small pages the two must give the same text. (Quadratic on a page of
 * unclosed tags, which is why it was replaced.)
 */

import { BLOCK, decodeReferences, DROPPED } from '../../../src/pipeline/html-to-text.ts';

/** One token: a comment, a <!…> or <?…> declaration, a tag (group 1 = name; attributes may quote '>'), text, or a lone '<'. */
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<[!?][^>]*>?|<\/?([A-Za-z][A-Za-z0-9:-]*)(?:"[^"]*"|'[^']*'|[^"'>])*>|[^<]+|</g;

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
    parts.push(decodeReferences(token).replace(/[ \t\n\r\f]+/g, ' '));
  }
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').replace(/^ | $/g, ''))
    .filter((line) => line !== '')
    .join('\n');
}


