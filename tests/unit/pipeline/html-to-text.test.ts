import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { decodeReferences, htmlToText, isHtmlFile } from '../../../src/pipeline/html-to-text.ts';
import { htmlToTextByRegex } from './html-to-text-by-regex.ts';

describe('htmlToText', () => {
  it('keeps the text of inline elements and ends a line at each block element and <br>', () => {
    expect(htmlToText('<div><p>海淀区<b>加快</b>建设</p><p>第二段<br>第三行</p></div>')).toBe('海淀区加快建设\n第二段\n第三行');
  });

  it('drops scripts, styles and other non-text elements with their content', () => {
    const html = '<p>前<script>window.__pwned=1</script>中<style>p{color:red}</style>后</p>'
      + '<noscript>请启用脚本</noscript><template><p>模板</p></template><textarea>评论</textarea>'
      + '<svg onload="x()"><text>矢量</text></svg><math><mi>x</mi></math><iframe src="a">框</iframe><object>物</object>';
    expect(htmlToText(html)).toBe('前中后');
  });

  it('finds the end of a script case-insensitively and ignores markup inside it', () => {
    expect(htmlToText('<p>a<SCRIPT type="x">if (a < b) document.write("<p>no</p>")</Script >b</p>')).toBe('ab');
  });

  it('drops the rest of the page after a script that is never closed, as a browser would', () => {
    expect(htmlToText('<p>留下</p><script>var s = "海淀区。";<p>不留</p>')).toBe('留下');
  });

  it('removes every attribute: event handlers, javascript: links and image sources leave no text', () => {
    const html = '<p onclick="x()">点<a href="javascript:window.__pwned=1" title="t">链接</a><img src=x onerror="window.__pwned=1">图</p>';
    expect(htmlToText(html)).toBe('点链接图');
  });

  it('treats a ">" inside a quoted attribute as part of the tag', () => {
    expect(htmlToText('<p><img alt="a > b" src="x">文字</p>')).toBe('文字');
  });

  it('decodes references only after the tags are gone, so escaped markup becomes literal text', () => {
    expect(htmlToText('<p>&lt;img src=x onerror=alert(1)&gt; &amp;lt; &lt;script&gt;</p>')).toBe('<img src=x onerror=alert(1)> &lt; <script>');
  });

  it('drops comments, doctypes and processing instructions', () => {
    expect(htmlToText('<!DOCTYPE html><?xml version="1.0"?><p>甲<!-- 海淀区 --><!--- x -->乙</p><!-- open to the end')).toBe('甲乙');
  });

  it('keeps a "<" that starts no tag', () => {
    expect(htmlToText('<p>1 < 2 且 a<b 不闭合 <3</p>')).toBe('1 < 2 且 a');
    expect(htmlToText('x < y')).toBe('x < y');
  });

  it('collapses whitespace as a browser renders it, keeps no-break and ideographic spaces, trims lines', () => {
    expect(htmlToText('<p>  北京\n   海淀 \t </p>\n\n<p>&nbsp;　段首</p><p> a &#10; b </p>')).toBe('北京 海淀\n\u00a0　段首\na b');
  });

  it('keeps bidi control characters, raw or by reference (the app decides how they are shown)', () => {
    expect(htmlToText('<p>a\u202eb&#x2067;c&rlm;</p>')).toBe('a\u202eb\u2067c\u200f');
  });

  it('turns the hostile fixture into text without any of its markup', () => {
    const text = htmlToText(readFileSync(new URL('../../fixtures/hostile/hostile-page.html', import.meta.url), 'utf8'));
    expect(text).not.toMatch(/__pwned|onload|<style|display: none|注释里|启用脚本|矢量图/);
    expect(text).toContain('海淀区加快建设中关村科学城，今年投入100亿元聚焦人工智能，脚本标签不留痕迹。');
    expect(text).toContain('<img src=x onerror=alert(1)> 与 <script>alert(1)</script> 都只是文字。');
  });
});

describe('decodeReferences', () => {
  it('decodes decimal, hexadecimal and named references', () => {
    expect(decodeReferences('&#28023;&#x6DC0;&#X533A; &ldquo;&mdash;&rdquo; &hellip;')).toBe('海淀区 “—” …');
  });

  it('decodes the legacy names without a semicolon, other names only with one', () => {
    expect(decodeReferences('&amp &nbsp; &lt &hellip &copy')).toBe('& \u00a0 < &hellip ©');
  });

  it('leaves unknown names as written', () => {
    expect(decodeReferences('&nosuch; & &;')).toBe('&nosuch; & &;');
  });

  it('turns references to NUL, control characters, surrogates and beyond Unicode into U+FFFD', () => {
    expect(decodeReferences('&#0;&#1;&#x7f;&#x85;&#xD800;&#x110000;&#9;')).toBe('\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\t');
  });
});

describe('isHtmlFile', () => {
  it('knows pages by their extension', () => {
    expect(['a.html', 'B.HTM', 'c.txt', 'html', 'd.html.txt'].map(isHtmlFile)).toEqual([true, true, false, false, false]);
  });
});

describe('htmlToText: linear in the page', () => {
  it('gives the same text as the regular-expression tokenizer it replaced, on any small page', () => {
    const piece = fc.constantFrom('<', '>', '"', "'", '/', '!', '?', '-', '--', '=', ' ', '\n', 'a', 'p', 'br', 'div', 'script', 'style',
      '海淀', '&lt;', '&amp;', '&#20013;', '<p>', '</p>', '<a href="x">', '<script>', '</script>', '<!--', '-->', '<!DOCTYPE html>');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const html = pieces.join('');
      expect(htmlToText(html)).toBe(htmlToTextByRegex(html));
    }), { numRuns: 3000 });
  });

  it('reads a megabyte of tags that never close without rescanning it (it took minutes before)', () => {
    const n = 250_000;
    expect(htmlToText('<a '.repeat(n))).toBe('<a '.repeat(n).trim().replace(/ +/g, ' '));
    expect(htmlToText(`<p x="${'<a "'.repeat(n)}`)).toBe(`<p x="${'<a "'.repeat(n)}`.replace(/ +/g, ' '));
    expect(htmlToText('<!'.repeat(n))).toBe('');
    expect(htmlToText(`<script>${'</script '.repeat(n)}`)).toBe('');
  }, 20_000);
});
