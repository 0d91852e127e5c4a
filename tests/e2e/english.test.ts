/**
 * English complete: after the EN switch, no interface text is Chinese. Walks the overview, a
 * district's panel (a Traditional quote, so the script toggle shows), the reader, search, the
 * legend, every tour step, the charts and documents views and the export menu and SVG, and
 * collects the visible text and the aria-label / title / placeholder attributes of the chrome.
 *
 * Left out, because they are Chinese by design: text as published (quotes, document titles,
 * publishers, figures, a place's native names, document terms), marked `data-source-text` by
 * the views (and tagged with a zh lang, checked here); the schematic-map notice, bilingual by
 * design (strings.ts `notice`); the language switch, which names Chinese in Chinese. A label
 * (aria-label, title) may quote a document's title or publisher or a figure whole: that text is
 * taken out before the check. The gazetteer's English fields hold no Han (a unit test checks
 * the data: tests/unit/gazetteer-english.test.ts), so a place's English name is chrome here.
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DOMParser } from '@xmldom/xmldom';
import { openAtlas } from './browser.ts';
import { useBrowser } from './use-browser.ts';
import { t } from '../../src/app/i18n/strings.ts';

const baseUrl = inject('baseUrl');
const HAN = /\p{Script=Han}/u;

const documents: Array<{ title: string; publisher: string }> = JSON.parse(readFileSync('public/data/documents.json', 'utf8')).documents;
const figureFacts: Array<{ figures: Array<{ text: string }> }> = JSON.parse(readFileSync('public/data/figures.json', 'utf8')).facts;
type SummaryPlace = { id: string; names: { en: string }; geometry: { type: string; reason?: string } };
const places: SummaryPlace[] = JSON.parse(readFileSync('public/data/summary.json', 'utf8')).places;
/**
 * Published text a label may quote whole: document titles and publishers ("Open the document
 * “…”"), figures as written ("Read in document: 3500多家"). Longest first, so a title holding
 * another's is taken out whole.
 */
const quotedInAttributes = [...new Set([...documents.flatMap((d) => [d.title, d.publisher]), ...figureFacts.flatMap((f) => f.figures.map((g) => g.text))])]
  .filter((s) => HAN.test(s))
  .sort((a, b) => b.length - a.length);

let browser: Browser;
useBrowser((b) => (browser = b));

interface Found {
  /** Where it was: a short CSS path, and the attribute's name when it was in one. */
  at: string;
  text: string;
}

/**
 * The chrome's Chinese left on the page: text nodes of rendered elements and the naming
 * attributes of any element, outside the exempt subtrees; attributes without the published
 * text they quote. Also every source-text element that does not say it is Chinese (lang).
 */
function chineseChrome(page: Page): Promise<{ found: Found[]; untagged: Found[] }> {
  return page.evaluate((quoted) => {
    const han = /\p{Script=Han}/u;
    const EXEMPT = '[data-source-text], #notice, #lang-toggle, script, style';
    const ATTRS = ['aria-label', 'title', 'placeholder', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'alt'];
    const path = (e: Element): string => {
      const parts: string[] = [];
      for (let x: Element | null = e; x && x !== document.body && parts.length < 3; x = x.parentElement) {
        parts.unshift(`${x.tagName.toLowerCase()}${x.id ? `#${x.id}` : ''}${x.classList.length ? `.${[...x.classList].join('.')}` : ''}`);
      }
      return parts.join(' > ');
    };
    const unquote = (s: string) => quoted.reduce((acc, p) => acc.split(p).join(''), s);
    const found: Found[] = [];
    const visit = (e: Element) => {
      if (e.matches(EXEMPT)) return;
      // Not rendered (display: none, hidden): neither seen nor read out. Visually hidden live
      // regions are rendered (clipped) and count.
      if (!e.checkVisibility()) return;
      for (const a of ATTRS) {
        const v = e.getAttribute(a);
        if (v && han.test(unquote(v))) found.push({ at: `${path(e)} [${a}]`, text: v });
      }
      for (const n of e.childNodes) {
        if (n.nodeType === Node.TEXT_NODE && han.test(n.textContent ?? '')) found.push({ at: path(e), text: (n.textContent ?? '').trim() });
        else if (n instanceof Element) visit(n);
      }
    };
    visit(document.body);
    const untagged = [...document.querySelectorAll('[data-source-text]')]
      .filter((e) => han.test(e.textContent ?? '') && !(e.closest('[lang]')?.getAttribute('lang') ?? '').startsWith('zh'))
      .map((e) => ({ at: path(e), text: e.textContent ?? '' }));
    return { found, untagged };
  }, quotedInAttributes);
}

/** Collects the Chinese chrome of every point of a walk. */
class Walk {
  readonly findings: string[] = [];
  readonly untagged: string[] = [];
  constructor(readonly page: Page) {}

  async check(where: string): Promise<void> {
    const { found, untagged } = await chineseChrome(this.page);
    for (const f of found) this.findings.push(`${where}: ${f.at}: ${f.text.slice(0, 120)}`);
    for (const u of untagged) this.untagged.push(`${where}: ${u.at}: ${u.text.slice(0, 60)}`);
  }

  expectEnglish(): void {
    expect([...new Set(this.findings)]).toEqual([]);
    expect([...new Set(this.untagged)]).toEqual([]);
  }
}

/** Opens the atlas in Chinese and switches it with the EN button, as a reader would. */
async function inEnglish(hash = ''): Promise<{ page: Page; walk: Walk }> {
  const { page } = await openAtlas(browser, `${baseUrl}${hash}`);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.locator('#lang-toggle').click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
  await expect.poll(() => page.locator('#legend .legend-title').innerText()).toBe(t('legendHeading', 'en'));
  return { page, walk: new Walk(page) };
}

const settled = (page: Page) => page.evaluate(() => window.atlas.sentences());

describe('English complete', () => {
  it('has no Chinese chrome at the overview, in a district’s panel (both scripts), the reader, search and the legend', async () => {
    const { page, walk } = await inEnglish();
    // Notice and language switch are exempt, but must still say what they say.
    expect(await page.locator('#notice').innerText()).toBe(t('notice', 'en'));
    expect(await page.locator('#lang-toggle').innerText()).toBe(t('langToggle', 'en'));
    await walk.check('overview');

    // A district from the place list: its panel in English, every section opened.
    await page.locator('#place-list [data-place="huairou"]').click();
    await expect.poll(() => page.locator('#panel .panel-title').innerText()).toBe(places.find((p) => p.id === 'huairou')!.names.en);
    await settled(page);
    for (const summary of await page.locator('#panel details > summary').all()) await summary.click();
    await walk.check('panel');

    // The 简/繁 toggle (a Traditional quote is in the panel), both ways.
    const toggle = page.locator('#panel .script-toggle');
    await expect.poll(() => toggle.count()).toBe(1);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('#panel .quote.converted').count()).toBeGreaterThan(0);
    await walk.check('panel, Traditional quotes shown in Simplified');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await walk.check('panel, Traditional quotes as written');

    // A place with no map position: its note says why.
    await page.evaluate(() => (location.hash = location.hash.replace(/place=[^&]*/, 'place=zgc-nidz')));
    await expect.poll(() => page.locator('#panel .panel-title').innerText()).toBe(places.find((p) => p.id === 'zgc-nidz')!.names.en);
    await settled(page);
    await walk.check('panel of a place without a map position');

    // The reader, from the panel's first quote.
    await page.locator('#panel .read-button').first().click();
    await expect.poll(() => page.locator('#reader .reader-body').count(), { timeout: 10_000 }).toBe(1);
    await walk.check('reader');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#reader').isHidden()).toBe(true);

    // Search: an English name, then Chinese (aliases and sentences answer).
    for (const q of ['Huairou', '怀柔']) {
      await page.locator('#search').fill(q);
      await expect.poll(() => page.locator('#search-results').getAttribute('data-settled'), { timeout: 10_000 }).toBe(q);
      await walk.check(`search “${q}”`);
    }
    await page.locator('#search').fill('');

    // The legend with a theme chosen.
    await page.locator('#legend .theme-select').selectOption('ai');
    await walk.check('legend, a theme chosen');
    walk.expectEnglish();
    await page.close();
  }, 120_000);

  it('says again in English what was shown before the switch: a place’s panel and its announcement, a link’s notices, a tour step', async () => {
    const { page, walk } = await inEnglish('#place=huairou&layers=districts,nowhere&view=maze');
    await settled(page);
    await walk.check('a link’s place and notices, after the switch');
    walk.expectEnglish();
    const notices = await page.locator('#notices .notice span').allInnerTexts();
    expect(notices).toEqual([t('url.unknownLayer', 'en', { value: 'nowhere' }), t('url.unknownView', 'en', { value: 'maze' })]);
    await page.close();

    const tour = await inEnglish('#tour=default&step=2');
    await expect.poll(() => tour.page.locator('#tour .tour-overlay').getAttribute('data-step'), { timeout: 10_000 }).toBe('2');
    await tour.walk.check('a tour step, after the switch');
    tour.walk.expectEnglish();
    await tour.page.close();
  }, 120_000);

  it('has no Chinese chrome in any tour step', async () => {
    const { page, walk } = await inEnglish();
    await page.locator('#tour-button').click();
    await expect.poll(() => page.locator('#tour .tour-overlay').getAttribute('data-step'), { timeout: 10_000 }).toBe('1');
    const count = Number((await page.locator('#tour .tour-progress-text').innerText()).split('/')[1]);
    for (let n = 1; n <= count; n++) {
      await expect.poll(() => page.locator('#tour .tour-overlay').getAttribute('data-step')).toBe(String(n));
      await walk.check(`tour step ${n}`);
      await page.keyboard.press('ArrowRight');
    }
    await page.keyboard.press('Escape');
    walk.expectEnglish();
    await page.close();
  }, 120_000);

  it('has no Chinese chrome in the charts and documents views, the export menu and the exported SVG', async () => {
    const { page, walk } = await inEnglish();
    await page.locator('#charts-button').click();
    await expect.poll(() => page.locator('#overlay .figures-table').count(), { timeout: 20_000 }).toBe(1);
    await walk.check('charts');
    await page.locator('#docs-button').click();
    await expect.poll(() => page.locator('#overlay .docs-table').count(), { timeout: 20_000 }).toBe(1);
    await walk.check('documents');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#overlay').isHidden()).toBe(true);

    await page.locator('#export-button').click();
    await expect.poll(() => page.locator('.export-menu').isVisible()).toBe(true);
    await walk.check('export menu');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.locator('[data-export="svg"]').click()]);
    const svg = readFileSync((await download.path())!, 'utf8');
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const texts = [...Array.from(doc.getElementsByTagName('text')), ...Array.from(doc.getElementsByTagName('title'))].map((e) => e.textContent ?? '');
    // The notice is bilingual by design; the export may wrap it over lines.
    const notice = t('notice', 'en');
    for (const s of texts) {
      if (HAN.test(s) && !notice.includes(s.trim())) walk.findings.push(`exported SVG: ${s}`);
    }
    walk.expectEnglish();
    await page.close();
  }, 150_000);
});
