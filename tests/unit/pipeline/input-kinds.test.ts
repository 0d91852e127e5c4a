/**
 * Every kind of document file someone might drop into seeds/, through the CLI: each has a
 * defined outcome. Either it is read and gives facts (or says why it gives none), or the run
 * stops with a one-line error naming the file and the previous output — facts and reader
 * texts — stays exactly as it was.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/pipeline/cli.ts';
import { MAX_DOCUMENT_BYTES } from '../../../src/pipeline/validate-inputs.ts';

const FIX = new URL('../../fixtures/pipeline/', import.meta.url).pathname;
const HOSTILE = new URL('../../fixtures/hostile/', import.meta.url).pathname;
const ROOT = new URL('../../../', import.meta.url).pathname;
let dir: string;
let seeds: string;
let lines: string[];
const out = () => join(dir, 'out', 'facts.json');
const docs = () => join(dir, 'out', 'docs');
const io = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
const cli = (places = join(FIX, 'gazetteer.json')) =>
  runCli(['--seeds', seeds, '--out', out(), '--places', places, '--topics', join(FIX, 'topics.json')], io);

interface Facts {
  documents: Array<{ id: string; file: string; length: number; bodyStart: number; bodyEnd: number }>;
  facts: Array<{ id: string; doc: string; start: number; end: number; text: string; places: Array<{ id: string }> }>;
}
const facts = (): Facts => JSON.parse(readFileSync(out(), 'utf8'));
const docText = (id: string) => readFileSync(join(docs(), `${id}.txt`), 'utf8');
const factsOf = (doc: string) => facts().facts.filter((f) => f.doc === doc);
const manifest = (entries: unknown[]) => writeFileSync(join(seeds, 'manifest.json'), JSON.stringify(entries));

const SENTENCE = '海淀区聚焦人工智能产业，打造具有全球影响力的创新高地。';

/** GBK bytes for `s`, from the inverse of the WHATWG GBK decoding table (ASCII as is). */
function gbk(s: string): Uint8Array {
  const table = new Map<string, [number, number]>();
  const decoder = new TextDecoder('gbk');
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      const ch = decoder.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  const bytes: number[] = [];
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else if (table.has(ch)) bytes.push(...table.get(ch)!);
    else throw new Error(`no GBK bytes for ${ch}`);
  }
  return new Uint8Array(bytes);
}

const utf16 = (s: string, le: boolean) => {
  const bytes = [le ? 0xff : 0xfe, le ? 0xfe : 0xff];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    bytes.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return new Uint8Array(bytes);
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-kinds-'));
  seeds = join(dir, 'seeds');
  mkdirSync(seeds);
  lines = [];
  // A good document, so a run has previous output to leave alone.
  writeFileSync(join(seeds, 'good.txt'), `菜单\n${SENTENCE}\n页脚`);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Snapshot of everything in the output folder (facts, reader texts, anything written beside them). */
function outputFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, 'out', rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else files.set(path, readFileSync(join(dir, 'out', path), 'utf8'));
    }
  };
  walk('');
  return files;
}

/** The file makes the run fail with one line naming it; nothing written before is changed. */
function expectRefused(name: string, bytes: Uint8Array, message: RegExp) {
  expect(cli()).toBe(0);
  const before = outputFiles();
  writeFileSync(join(seeds, name), bytes);
  lines = [];
  expect(cli()).toBe(1);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^error: ${name.replace('.', '\\.')}: `));
  expect(lines[0]).toMatch(message);
  expect(outputFiles()).toEqual(before); // same files, same contents, no temp file left
  expect(readdirSync(docs())).toEqual(['good.json', 'good.txt']);
}

/** The document was read: its facts are cut from the reader text at their offsets. */
function expectReadAs(id: string, encoding: string) {
  expect(lines.join('\n')).toMatch(new RegExp(`^${id} +\\S+ {2}read as: ${encoding}`, 'm'));
  const text = docText(id);
  for (const f of factsOf(id)) expect(text.slice(f.start, f.end)).toBe(f.text);
}

describe('document kinds', () => {
  it('an empty file: listed with no facts and a warning', () => {
    writeFileSync(join(seeds, 'empty.txt'), '');
    expect(cli()).toBe(0);
    expect(facts().documents.find((d) => d.id === 'empty')).toMatchObject({ length: 0, bodyStart: 0, bodyEnd: 0 });
    expect(factsOf('empty')).toEqual([]);
    expect(lines).toContain('warning: empty.txt: empty document: no facts');
    expect(docText('empty')).toBe('');
  });

  it('a file of whitespace only: the same as an empty one', () => {
    writeFileSync(join(seeds, 'blank.txt'), ' \n\u3000\r\n');
    expect(cli()).toBe(0);
    expect(factsOf('blank')).toEqual([]);
    expect(lines).toContain('warning: blank.txt: empty document: no facts');
  });

  it('an empty file listed in the manifest: refused, its body markers cannot be found', () => {
    expect(cli()).toBe(0);
    const before = outputFiles();
    writeFileSync(join(seeds, 'empty.txt'), '');
    manifest([{ file: 'empty.txt', id: 'e', title: 'E', publisher: '', date: '', script: 'zhHans', body: { startsWith: '海淀', endsWith: '。' } }]);
    lines = [];
    expect(cli()).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^error: empty\.txt: body start marker not found/)]);
    expect(outputFiles()).toEqual(before);
  });

  it('PNG bytes: refused as binary', () => {
    expectRefused('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /binary data \(NUL bytes\)/);
  });

  it('random bytes with NULs: refused as binary', () => {
    // A fixed linear congruential sequence: "random", yet the same on every run.
    const bytes = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      bytes[i] = x >> 23;
    }
    bytes[100] = 0;
    expectRefused('noise.txt', bytes, /binary data/);
  });

  it('control characters without NULs: refused as binary', () => {
    expectRefused('ctl.txt', new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))), /binary data \(control characters\)/);
  });

  it('bytes that are neither UTF-8 nor GB18030: refused as undecodable', () => {
    expectRefused('bad.txt', new Uint8Array([0xe6, 0xb5, 0xb7, 0xff, 0xff, 0xff]), /undecodable text/);
  });

  it('GBK: read as GB18030, with the same facts as the UTF-8 text', () => {
    // Hand-checked anchor for the table: 海淀区 is BA A3 B5 ED C7 F8 in GBK.
    expect([...gbk('海淀区')]).toEqual([0xba, 0xa3, 0xb5, 0xed, 0xc7, 0xf8]);
    writeFileSync(join(seeds, 'gbk.txt'), gbk(`菜单\n${SENTENCE}\n页脚`));
    expect(cli()).toBe(0);
    expectReadAs('gbk', 'gb18030');
    expect(docText('gbk')).toBe(docText('good'));
    expect(factsOf('gbk').map((f) => [f.text, f.places.map((p) => p.id)])).toEqual(factsOf('good').map((f) => [f.text, f.places.map((p) => p.id)]));
  });

  it('GB18030 with a four-byte character: read, offsets counted in UTF-16 units', () => {
    // 𠀀 (U+20000, two UTF-16 units) before the sentence is 95 32 82 36 in GB18030.
    writeFileSync(join(seeds, 'gb.txt'), new Uint8Array([0x95, 0x32, 0x82, 0x36, 0x0a, ...gbk(SENTENCE)]));
    expect(cli()).toBe(0);
    expectReadAs('gb', 'gb18030');
    expect(factsOf('gb')[0]).toMatchObject({ start: 3, text: SENTENCE });
  });

  it.each([['UTF-16LE', true], ['UTF-16BE', false]] as const)('%s with a byte-order mark: read, offsets counted after the mark', (name, le) => {
    const file = `u16${le ? 'le' : 'be'}`;
    writeFileSync(join(seeds, `${file}.txt`), utf16(`菜单\n${SENTENCE}\n页脚`, le));
    expect(cli()).toBe(0);
    expectReadAs(file, name.toLowerCase());
    expect(factsOf(file).map((f) => [f.start, f.text])).toEqual([[3, SENTENCE]]);
  });

  it('UTF-16 without a byte-order mark: refused, unless the manifest gives its encoding', () => {
    const bytes = utf16(`Menu\n${SENTENCE}`, true).subarray(2);
    expectRefused('nobom.txt', bytes, /UTF-16 needs a byte-order mark/);
    manifest([{ file: 'nobom.txt', id: 'nobom', title: 'T', publisher: '', date: '', script: 'zhHans', encoding: 'utf-16le', body: { startsWith: '海淀区', endsWith: '高地。' } }]);
    lines = [];
    expect(cli()).toBe(0);
    expectReadAs('nobom', 'utf-16le');
    expect(factsOf('nobom').map((f) => f.text)).toEqual([SENTENCE]);
  });

  it('a manifest encoding that is not known: refused', () => {
    manifest([{ file: 'good.txt', id: 'g', title: 'T', publisher: '', date: '', script: 'zhHans', encoding: 'latin1', body: { startsWith: '海', endsWith: '。' } }]);
    expect(cli()).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^error: .*seeds\/manifest\.json: entry g: encoding must be one of utf-8, /)]);
  });

  it(`a 5 MB file: refused before it is decoded, over the ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB limit`, () => {
    const line = new TextEncoder().encode(`${SENTENCE}\n`);
    const bytes = new Uint8Array(5 * 1024 * 1024);
    for (let i = 0; i + line.length <= bytes.length; i += line.length) bytes.set(line, i);
    bytes.fill(0x0a, bytes.length - (bytes.length % line.length));
    const t0 = performance.now();
    expectRefused('big.txt', bytes, /5\.0 MB is over the 2\.0 MB limit for one document/);
    // Reading 5 MB takes milliseconds; running the pipeline over it would take a minute.
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('a document that names no place: read, topic facts only, with a warning', () => {
    writeFileSync(join(seeds, 'noplace.txt'), '菜单\n我们聚焦人工智能产业，打造具有全球影响力的创新高地。这句话什么也没有说到。\n页脚');
    expect(cli()).toBe(0);
    expect(factsOf('noplace').map((f) => [f.text, f.places])).toEqual([['我们聚焦人工智能产业，打造具有全球影响力的创新高地。', []]]);
    expect(lines).toContainEqual(expect.stringMatching(/^warning: noplace\.txt: no place from the gazetteer is named/));
    expect(lines.filter((l) => l.startsWith('warning: good.txt'))).toEqual([]);
  });

  it('a document with text but no sentences: read, with a warning', () => {
    writeFileSync(join(seeds, 'menu.txt'), '首页\n新闻\n财经');
    expect(cli()).toBe(0);
    expect(factsOf('menu')).toEqual([]);
    expect(lines).toContainEqual(expect.stringMatching(/^warning: menu\.txt: /));
  });

  it('a file name that cannot be a document id: refused, naming the file', () => {
    expectRefused('a b#c.txt', new TextEncoder().encode(SENTENCE), /document id "a b#c" must be letters, digits/);
  });

  it('a manifest id that would write outside the reader folder: refused', () => {
    manifest([{ file: 'good.txt', id: '../../escape', title: 'T', publisher: '', date: '', script: 'zhHans', body: { startsWith: '海', endsWith: '。' } }]);
    expect(cli()).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^error: .*seeds\/manifest\.json: entry #1: id must be letters, digits/)]);
    expect(readdirSync(dir).sort()).toEqual(['seeds']);
  });

  it('a manifest url that is not http(s): refused', () => {
    manifest([{ file: 'good.txt', id: 'g', title: 'T', publisher: '', date: '', url: 'javascript:alert(1)', script: 'zhHans', body: { startsWith: '海', endsWith: '。' } }]);
    expect(cli()).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/^error: .*seeds\/manifest\.json: entry g: url is not an http\(s\) address/)]);
  });
});

describe('writing', () => {
  it('replaces no reader text when the facts file cannot be written', () => {
    expect(cli()).toBe(0);
    const before = docText('good');
    writeFileSync(join(seeds, 'good.txt'), `新菜单\n${SENTENCE}\n页脚`);
    rmSync(out());
    mkdirSync(out());
    lines = [];
    expect(cli()).toBe(1);
    expect(lines.at(-1)).toMatch(/^error: cannot write .*facts\.json: it is a folder/);
    expect(docText('good')).toBe(before);
    expect(readdirSync(docs())).toEqual(['good.json', 'good.txt']);
  });
});

describe('a saved web page with hostile markup (tests/fixtures/hostile)', () => {
  const places = join(ROOT, 'geo/places.json');
  beforeEach(() => {
    copyFileSync(join(HOSTILE, 'hostile-page.html'), join(seeds, 'hostile-page.html'));
    copyFileSync(join(HOSTILE, 'manifest.json'), join(seeds, 'manifest.json'));
    expect(cli(places)).toBe(0);
  });

  it('is read as HTML and gives facts about the places it names', () => {
    expect(lines.join('\n')).toMatch(/^hostile +hostile-page\.html {2}read as: utf-8, html → text {2}body: manifest/m);
    const named = new Set(factsOf('hostile').flatMap((f) => f.places.map((p) => p.id)));
    expect([...named].sort()).toEqual(expect.arrayContaining(['haidian', 'zgc-science-city', 'huairou-science-city', 'future-science-city']));
  });

  it('cuts every fact from the reader text, which holds no tag, attribute or script of the page', () => {
    const text = docText('hostile');
    for (const f of factsOf('hostile')) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(text).not.toMatch(/__pwned|onerror="|javascript:|<a |<p>|<div|display: none/);
  });

  it('keeps escaped markup as literal text and bidi controls as they are', () => {
    const texts = factsOf('hostile').map((f) => f.text);
    expect(texts).toContain('中关村科学城的测试说明写道：<img src=x onerror=alert(1)> 与 <script>alert(1)</script> 都只是文字。');
    expect(texts).toContain('海淀区加快建设中关村科学城，今年投入100亿元聚焦人工智能，脚本标签不留痕迹。');
    expect(texts.join('')).toMatch(/\u202e.*\u202c.*\u2066.*\u2069.*\u200f.*\u202e.*\u2067/u);
  });
});
