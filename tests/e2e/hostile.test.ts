/**
 * A hostile document end to end. tests/fixtures/hostile/hostile-page.html (raw <script>,
 * <img onerror>, javascript: links, escaped markup, bidi control characters, around real
 * places) goes through the pipeline with the real seeds into a temp folder; the page is served
 * those facts, reader texts and a story whose last step quotes the hostile facts, in place of
 * the built ones. Then the panel, reader, tour, search, documents, charts and exports show the
 * hostile text — and every one of them shows it as inert text: nothing runs, no element comes
 * from it, the escaped markup reads literally, and bidi controls appear as [U+…] markers.
 *
 * The page runs with CSP bypassed, so what is tested is the rendering itself, not the policy
 * catching a mistake (tests/e2e/csp.test.ts covers the policy).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DOMParser } from '@xmldom/xmldom';
import { awaitReady, launch } from './browser.ts';
import { runCli } from '../../src/pipeline/cli.ts';
import type { Fact, FactsFile } from '../../src/types.ts';

const baseUrl = inject('baseUrl');
const MARKUP = '<img src=x onerror=alert(1)>';
const BIDI = /\p{Bidi_Control}/u;

let tmp: string;
let facts: FactsFile;
let story: string;
let hostile: { markup: Fact; script: Fact; bidi: Fact; open: Fact };
let storySteps: number;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'atlas-hostile-'));
  const seeds = join(tmp, 'seeds');
  mkdirSync(seeds);
  for (const f of readdirSync('seeds').filter((n) => n.endsWith('.txt'))) copyFileSync(join('seeds', f), join(seeds, f));
  copyFileSync('tests/fixtures/hostile/hostile-page.html', join(seeds, 'hostile-page.html'));
  const manifest = [...JSON.parse(readFileSync('seeds/manifest.json', 'utf8')), ...JSON.parse(readFileSync('tests/fixtures/hostile/manifest.json', 'utf8'))];
  writeFileSync(join(seeds, 'manifest.json'), JSON.stringify(manifest));
  const log: string[] = [];
  const code = runCli(['--seeds', seeds, '--out', join(tmp, 'out', 'facts.json')], { log: (l) => log.push(l), error: (l) => log.push(l) });
  expect(code, log.join('\n')).toBe(0);
  facts = JSON.parse(readFileSync(join(tmp, 'out', 'facts.json'), 'utf8'));
  const find = (part: string) => facts.facts.find((f) => f.doc === 'hostile' && f.text.includes(part))!;
  hostile = { markup: find(MARKUP), script: find('脚本标签不留痕迹'), bidi: find('\u202e打造'), open: find('\u2067') };
  expect(Object.values(hostile).every(Boolean)).toBe(true);

  const s = JSON.parse(readFileSync('seeds/story.json', 'utf8'));
  s.steps.push({
    title: { zh: '安全测试 <script>alert(1)</script>', en: 'Hostile \u202etest' },
    fit: 'zgc-science-city',
    layers: ['districts', 'science-cities'],
    topic: null,
    highlight: ['zgc-science-city'],
    facts: [hostile.markup.id, hostile.bidi.id, hostile.open.id],
  });
  storySteps = s.steps.length;
  story = JSON.stringify(s);
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true, acceptDownloads: true });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  dialogs: string[];
  errors: string[];
}

/** The atlas with the hostile build's data served in place of the built one. */
async function open(hash: string): Promise<Opened> {
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  // Every data file the pipeline wrote for this build (summary, place files, documents, search
  // index, reader texts …) in place of the built one; the story with its hostile step; the
  // boundaries are the build's.
  await page.route('**/data/**', (r) => {
    const path = decodeURIComponent(new URL(r.request().url()).pathname).replace(/^.*?\/data\//, '');
    if (path === 'story.json') return r.fulfill({ contentType: 'application/json', body: story });
    if (path === 'boundaries.topo.json') return r.continue();
    const file = join(tmp, 'out', path);
    const type = path.endsWith('.txt') ? 'text/plain; charset=utf-8' : 'application/json';
    return existsSync(file) ? r.fulfill({ contentType: type, body: readFileSync(file, 'utf8') }) : r.fulfill({ status: 404, body: '' });
  });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${baseUrl}${hash}`);
  expect(await awaitReady(page)).toBe('ready');
  return { page, dialogs, errors };
}

/** Nothing ran and nothing from the document became an element. */
async function expectInert({ page, dialogs, errors }: Opened) {
  await page.waitForTimeout(200); // an onerror would fire on the next tasks
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  const dom = await page.evaluate(() => ({
    inlineScripts: [...document.scripts].filter((s) => !s.src).length,
    foreignScripts: [...document.scripts].filter((s) => s.src && new URL(s.src).origin !== location.origin).length,
    // The fixture's images have src "x"; the app's own would be same-origin files.
    images: [...document.images].filter((i) => i.getAttribute('src') === 'x' || new URL(i.src, location.href).origin !== location.origin).length,
    handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}[${a.name}]`)),
    jsLinks: document.querySelectorAll('a[href^="javascript:" i], [src^="javascript:" i], iframe, object, embed').length,
  }));
  expect(dom).toEqual({ inlineScripts: 0, foreignScripts: 0, images: 0, handlers: [], jsLinks: 0 });
}

/** Text of the views that show document text. */
const shownText = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((e) => e.textContent ?? '').join('\n'));

/** The bidi display rule: no control character reaches the screen; each is a visible marker. */
function expectBidiShown(text: string, markers: string[]) {
  expect(text).not.toMatch(BIDI);
  for (const m of markers) expect(text).toContain(m);
}

describe('a hostile document', () => {
  it('shows its facts in the panel as text, with the escaped markup literal and bidi controls as markers', async () => {
    const o = await open('#place=zgc-science-city');
    const quotes = await o.page.locator(`#panel .quote[data-fact="${hostile.markup.id}"]`).allTextContents();
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes[0]).toBe(hostile.markup.text);
    expect(quotes[0]).toContain(MARKUP);
    // The citation carries the manifest title and its markup, as text.
    expect(await o.page.locator(`#panel .fact[data-fact="${hostile.markup.id}"] cite`).first().textContent()).toContain('<b onmouseover="window.__pwned=1">标题</b>');
    await expectInert(o);

    await o.page.evaluate(() => (location.hash = '#place=huairou-science-city'));
    await expect.poll(() => o.page.locator('#panel .panel-title').innerText()).toBe('怀柔科学城');
    // Every quote of the place: all of them ("show all", when the panel shows its first only), every section open.
    const all = o.page.locator('#panel .panel-show-all');
    if (await all.count()) {
      await all.click();
      await expect.poll(() => all.count()).toBe(0);
    }
    for (const summary of await o.page.locator('#panel details > summary').all()) await summary.click();
    const bidiQuote = o.page.locator(`#panel .quote[data-fact="${hostile.bidi.id}"]`).first();
    await expect.poll(() => bidiQuote.count()).toBe(1);
    expectBidiShown((await bidiQuote.textContent())!, ['[U+202E]', '[U+202C]', '[U+2066]', '[U+2069]', '[U+200F]']);
    expectBidiShown(await shownText(o.page, '#panel'), []);
    await expectInert(o);
    await o.page.close();
  });

  it('opens in the reader as text: the cited sentence, title, publisher and body markup all literal', async () => {
    const o = await open('#place=zgc-science-city');
    await o.page.locator(`#panel .read-button[data-fact="${hostile.markup.id}"]`).first().click();
    const mark = o.page.locator('#reader mark');
    await expect.poll(() => mark.count(), { timeout: 5000 }).toBe(1);
    expect(await mark.textContent()).toBe(hostile.markup.text);
    expect(await o.page.locator('#reader .reader-title').textContent()).toBe(facts.documents.find((d) => d.id === 'hostile')!.title);
    expect(await o.page.locator('#reader .reader-meta').textContent()).toContain('测试网 <img src=x onerror=alert(1)>');
    expect(await o.page.locator('#reader .reader-meta a').count()).toBe(0);
    const body = await shownText(o.page, '#reader .reader-body');
    expect(body).toContain('<script>alert(1)</script>');
    expect(body).not.toContain('__pwned'); // the raw tags never reached the text
    expectBidiShown(body, ['[U+202E]', '[U+2067]', '[U+200F]']);
    await expectInert(o);
    await o.page.close();
  });

  it('is quoted by the tour as text, the step title included', async () => {
    const o = await open(`#tour=default&step=${storySteps}`);
    await expect.poll(() => o.page.locator('#tour .tour-progress-text').textContent()).toMatch(new RegExp(`^${storySteps} /`));
    const captions = await o.page.locator('#tour .tour-captions blockquote').allTextContents();
    expect(captions[0]).toBe(hostile.markup.text);
    expectBidiShown(captions.join('\n'), ['[U+202E]', '[U+2067]']);
    expect(await o.page.locator('#tour .tour-title').textContent()).toBe('安全测试 <script>alert(1)</script>');
    await o.page.evaluate(() => (location.hash = location.hash.replace(/$/, '&lang=en')));
    await expect.poll(() => o.page.locator('#tour .tour-title').textContent()).toBe('Hostile [U+202E]test');
    expectBidiShown(await shownText(o.page, '#tour'), []);
    await expectInert(o);
    await o.page.close();
  });

  it('is found by search and listed as text', async () => {
    const o = await open('');
    await o.page.locator('#search').fill('onerror');
    const detail = o.page.locator(`#search-results .search-detail`);
    await expect.poll(() => detail.count()).toBeGreaterThan(0);
    expect(await detail.first().textContent()).toBe(hostile.markup.text);
    expect(await detail.first().getAttribute('dir')).toBe('auto');
    await o.page.locator('#search').fill('打造人工智能创新高地');
    await expect.poll(() => shownText(o.page, '#search-results .search-detail')).toContain('[U+202E]打造人工智能创新高地[U+202C]');
    expectBidiShown(await shownText(o.page, '#search-results'), []);
    await expectInert(o);
    await o.page.close();
  });

  it('is listed in the documents and figures views as text', async () => {
    const o = await open('#view=docs');
    const row = o.page.locator('#overlay tr[data-doc="hostile"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('th').textContent()).toContain('<b onmouseover="window.__pwned=1">标题</b>');
    await o.page.evaluate(() => (location.hash = '#view=charts'));
    const figure = o.page.locator(`#overlay tr[data-fact="${hostile.script.id}"] .figure-sentence`);
    await expect.poll(() => figure.count()).toBe(1);
    expect(await figure.textContent()).toBe(hostile.script.text);
    expectBidiShown(await shownText(o.page, '#overlay'), []);
    await expectInert(o);
    await o.page.close();
  });

  it('leaves the exports clean: the SVG parses, holds no script or handler, and the PNG is written', async () => {
    const o = await open('#place=haidian&topic=ai');
    const exportVia = async (item: string) => {
      await o.page.locator('#export-button').click();
      const [download] = await Promise.all([o.page.waitForEvent('download', { timeout: 60_000 }), o.page.locator(`[data-export="${item}"]`).click()]);
      return readFileSync((await download.path())!);
    };
    const svg = (await exportVia('svg')).toString('utf8');
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, msg) => errors.push(`${level}: ${msg}`) }).parseFromString(svg, 'image/svg+xml');
    expect(errors).toEqual([]);
    expect(doc.documentElement?.nodeName).toBe('svg');
    for (const tag of ['script', 'foreignObject', 'image', 'a', 'iframe']) expect(doc.getElementsByTagName(tag).length, tag).toBe(0);
    expect(svg).not.toMatch(/\son[a-z]+=|javascript:|<img|\p{Bidi_Control}/u);
    // The counts of the hostile facts are in: 海淀区 has the hostile AI facts too.
    expect(svg).toMatch(/id="district-haidian"[^>]*data-count="\d+"/);
    const png = await exportVia('png-1');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    await expectInert(o);
    await o.page.close();
  }, 120_000);
});
