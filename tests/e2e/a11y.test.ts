/**
 * Accessibility in the browser: axe-core on the main views (no serious or critical violation),
 * the whole atlas driven from the keyboard alone, visible focus, the panel announced, reduced
 * motion and the page language.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launch, openAtlas } from './browser.ts';

const baseUrl = inject('baseUrl');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
/** Moderate and minor findings, by view: reported, not failed. */
const minor: string[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  console.log(`axe, moderate/minor findings: ${minor.length ? `\n  ${minor.join('\n  ')}` : 'none'}`);
  await browser?.close();
});

const open = async (hash = '', viewport?: { width: number; height: number }) => {
  const w = await openAtlas(browser, `${baseUrl}${hash}`, viewport);
  await w.page.emulateMedia({ reducedMotion: 'reduce' });
  return w;
};

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe on the whole document. Evaluated through the DevTools protocol rather than added as
 * a <script>, so a page Content-Security-Policy does not stop it. Nothing is excluded: the
 * MapLibre canvas and controls are checked like the rest (and pass).
 */
async function audit(page: Page, view: string): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const found: Finding[] = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  for (const f of found) if (f.impact !== 'serious' && f.impact !== 'critical') minor.push(`${view}: ${f.id} (${f.impact}) ${f.help} — ${f.targets.join(', ')}`);
  return found.filter((f) => f.impact === 'serious' || f.impact === 'critical');
}

const hashParam = (page: Page, key: string) => page.evaluate((k) => new URLSearchParams(location.hash.slice(1)).get(k), key);
const idle = (page: Page) =>
  expect.poll(() => page.evaluate(() => window.atlas.map!.loaded() && !window.atlas.map!.isMoving()), { timeout: 10_000 }).toBe(true);

describe('axe on the main views', () => {
  const views: Array<[string, string, { width: number; height: number } | undefined, ((page: Page) => Promise<void>) | undefined]> = [
    ['overview (zh)', '', undefined, undefined],
    ['overview (en)', '#lang=en', undefined, undefined],
    ['a place selected', '#place=haidian', undefined, async (page) => void (await page.locator('#panel .panel-title').waitFor())],
    ['a topic selected', '#topic=ai&place=zgc-science-city&lang=en', undefined, async (page) => void (await page.locator('#panel .topic-chip[aria-pressed="true"]').waitFor())],
    ['the reader open', '#place=fengtai', undefined, async (page) => {
      await page.locator('#panel .read-button').first().click();
      await page.locator('#reader mark').first().waitFor();
    }],
    ['the tour at a step', '#tour=default&step=3', undefined, async (page) => void (await page.locator('#tour .tour-title').waitFor())],
    ['the charts view', '#view=charts', undefined, async (page) => void (await page.locator('#overlay .chart-svg').waitFor())],
    ['the documents view', '#view=docs&lang=en', undefined, async (page) => void (await page.locator('#overlay .docs-table').waitFor())],
    ['the export menu open', '', undefined, async (page) => {
      await page.locator('#export-button').click();
      await page.locator('.export-menu [role="menuitem"]').first().waitFor();
    }],
    ['search results', '', undefined, async (page) => {
      await page.locator('#search').fill('中关村');
      await page.locator('#search-results [role="option"]').first().waitFor();
    }],
    ['phone, panel as bottom sheet', '#place=huairou-science-city', { width: 390, height: 844 }, async (page) => void (await page.locator('#panel .panel-title').waitFor())],
    ['phone, layers open', '', { width: 390, height: 844 }, async (page) => {
      await page.locator('#layers-toggle').click();
      await page.locator('#sidebar.is-open').waitFor();
    }],
  ];

  it.each(views)('%s: no serious or critical violation', async (name, hash, viewport, prepare) => {
    const { page, consoleErrors } = await open(hash, viewport);
    await prepare?.(page);
    const serious = await audit(page, name);
    expect(serious, JSON.stringify(serious, null, 1)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});

/** What has keyboard focus: enough to recognise it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return {
      tag: e?.tagName.toLowerCase() ?? '',
      id: e?.id ?? '',
      cls: e?.className && typeof e.className === 'string' ? e.className : '',
      place: e?.dataset.place ?? '',
      layer: e?.dataset.layer ?? '',
      fact: e?.dataset.fact ?? '',
      section: e?.closest('ul')?.dataset.section ?? '',
      inPanel: !!e?.closest('#panel'),
      inReader: !!e?.closest('#reader'),
      inTour: !!e?.closest('#tour'),
      inOverlay: !!e?.closest('#overlay'),
    };
  });
type Focus = Awaited<ReturnType<typeof focused>>;

/** Presses Tab (or Shift+Tab) until `want` holds for the focused element; fails after `max` presses. */
async function tabTo(page: Page, want: (f: Focus) => boolean, what: string, { back = false, max = 60 } = {}): Promise<number> {
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (want(await focused(page))) return n;
  }
  throw new Error(`${what}: not reached in ${max} ${back ? 'Shift+Tab' : 'Tab'} presses (ended on ${JSON.stringify(await focused(page))})`);
}

describe('the keyboard alone', () => {
  it('reaches every map action: places of each kind, layers, theme, reading, tour, views, export and language', async () => {
    const { page, consoleErrors } = await open();
    const state = () => page.evaluate(() => window.atlas.state()!);

    // The place list is one Tab stop, a dozen presses in; arrows move inside it.
    const presses = await tabTo(page, (f) => f.cls.includes('place-item'), 'the place list');
    expect(presses).toBeLessThanOrEqual(15);
    expect((await focused(page)).place).toBe('dongcheng');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    expect((await focused(page)).place).toBe('haidian');
    await page.keyboard.press('Enter');
    await expect.poll(() => hashParam(page, 'place')).toBe('haidian');
    // Focus moves into the panel, onto its heading, once the place's file is in.
    await expect.poll(() => page.evaluate(() => document.activeElement?.matches('#panel .panel-title'))).toBe(true);

    // Back to the list: Shift+Tab lands on the selected place (the list's one stop).
    await tabTo(page, (f) => f.cls.includes('place-item'), 'the place list again', { back: true });
    expect((await focused(page)).place).toBe('haidian');
    // A 三城一区 area, a sub-park and a Jing-Jin-Ji link, section by section with PageDown.
    await page.keyboard.press('PageDown');
    expect((await focused(page)).section).toBe('sancheng-yiqu');
    await page.keyboard.press('Enter');
    await expect.poll(() => hashParam(page, 'place')).toBe('zgc-science-city');
    for (const [section, kinds] of [['sub-parks', ['sub-park']], ['jjj', ['jjj-node', 'national-node']]] as const) {
      await tabTo(page, (f) => f.cls.includes('place-item'), `the place list for ${section}`, { back: true });
      while ((await focused(page)).section !== section) await page.keyboard.press('PageDown');
      const id = (await focused(page)).place;
      await page.keyboard.press('Enter');
      await expect.poll(() => hashParam(page, 'place')).toBe(id);
      expect(kinds).toContain(kindOf(id));
      expect(await page.locator('#panel .panel-title').isVisible()).toBe(true);
    }

    // A layer off and on again with Space; the checkbox keeps focus through the re-render.
    await tabTo(page, (f) => f.layer === 'jjj', 'the Jing-Jin-Ji layer checkbox', { back: true });
    await page.keyboard.press('Space');
    await expect.poll(async () => (await state()).layers).not.toContain('jjj');
    expect((await focused(page)).layer).toBe('jjj');
    await page.keyboard.press('Space');
    await expect.poll(async () => (await state()).layers).toContain('jjj');

    // A theme from the select with the arrows; it keeps focus too.
    await tabTo(page, (f) => f.cls.includes('theme-select'), 'the theme select', { back: true });
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await state()).topic).toBe('ai');
    expect((await focused(page)).cls).toContain('theme-select');
    await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await state()).topic).toBeNull();

    // “Read in document” from a fact in the panel; Tab stays inside the reader; Esc returns focus.
    await tabTo(page, (f) => f.cls.includes('read-button'), 'a “read in document” button', { max: 120 });
    const from = (await focused(page)).fact;
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#reader mark').count(), { timeout: 5000 }).toBeGreaterThan(0);
    expect((await focused(page)).inReader).toBe(true);
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Shift+Tab');
      expect((await focused(page)).inReader, `Shift+Tab ${i + 1} stays in the reader`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#reader').isHidden()).toBe(true);
    expect(await focused(page)).toMatchObject({ fact: from, inPanel: true });

    // The tour: start it, step it, leave it; focus comes back to its button.
    await page.keyboard.press('Escape'); // closes the panel; focus goes to the map
    await expect.poll(() => hashParam(page, 'place')).toBeNull();
    await tabTo(page, (f) => f.id === 'tour-button', 'the 演示 button', { back: true });
    await page.keyboard.press('Enter');
    await expect.poll(() => hashParam(page, 'step'), { timeout: 10_000 }).toBe('1');
    expect((await focused(page)).inTour).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => hashParam(page, 'step')).toBe('2');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#tour').isHidden()).toBe(true);
    expect((await focused(page)).id).toBe('tour-button');

    // The charts view, opened and closed from the keyboard.
    await tabTo(page, (f) => f.id === 'charts-button', 'the 图表 button');
    await page.keyboard.press('Enter');
    await page.locator('#overlay .chart-svg').waitFor();
    expect((await focused(page)).inOverlay).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#overlay').isHidden()).toBe(true);
    expect((await focused(page)).id).toBe('charts-button');

    // The export menu: open, move, close with Esc.
    await tabTo(page, (f) => f.id === 'export-button', 'the 导出 button');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).cls).toContain('export-item');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.export)).toBe('png-2');
    await page.keyboard.press('Escape');
    expect((await focused(page)).id).toBe('export-button');

    // The language, which also sets <html lang>.
    await tabTo(page, (f) => f.id === 'lang-toggle', 'the language button');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect((await focused(page)).id).toBe('lang-toggle');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-Hans');

    expect(consoleErrors).toEqual([]);
    await page.close();
  }, 120_000);

  it('keeps focus on a topic chip that filters the panel it is in', async () => {
    const { page } = await open('#place=haidian');
    await page.locator('#panel .topic-chip').first().focus();
    const topic = await page.locator('#panel .topic-chip').first().getAttribute('data-topic');
    await page.keyboard.press('Enter');
    await expect.poll(() => hashParam(page, 'topic')).toBe(topic);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.topic)).toBe(topic);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-pressed'))).toBe('true');
    await page.close();
  });

  it('meets the map as one Tab stop, the canvas whose keys move it, and returns there when the panel closes', async () => {
    const { page } = await open('#place=haidian');
    const stops = await page.evaluate(() =>
      [document.getElementById('map')!, ...document.querySelectorAll<HTMLElement>('#map *')]
        .filter((e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled)
        .map((e) => (e.classList.contains('maplibregl-canvas') ? 'canvas' : e.id ? `#${e.id}` : e.className.split(' ').find((c) => c.startsWith('maplibregl-ctrl-zoom')) ?? e.tagName)),
    );
    // The canvas, then MapLibre's controls (zoom buttons, the attribution's summary): #map itself is not a stop.
    expect(stops).toEqual(['canvas', 'maplibregl-ctrl-zoom-in', 'maplibregl-ctrl-zoom-out', 'SUMMARY']);
    await page.locator('#panel .panel-close').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#panel').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(true);
    const zoom = await page.evaluate(() => window.atlas.map!.getZoom());
    await page.keyboard.press('Equal');
    await expect.poll(() => page.evaluate(() => window.atlas.map!.getZoom()), { timeout: 5000 }).toBeGreaterThan(zoom);
    await page.close();
  });
});

const kindsById = new Map<string, string>(
  (JSON.parse(readFileSync('public/data/facts.json', 'utf8')) as { places: Array<{ id: string; kind: string }> }).places.map((p) => [p.id, p.kind]),
);
const kindOf = (id: string) => kindsById.get(id) ?? '';

describe('focus is visible', () => {
  /** The focused element's ring: an outline of at least 2px, or a box-shadow ring. */
  const ring = (page: Page) =>
    page.evaluate(() => {
      const e = document.activeElement as HTMLElement;
      const s = getComputedStyle(e);
      return {
        what: `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${typeof e.className === 'string' ? e.className.split(' ')[0] : ''}`,
        outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
        shadow: s.boxShadow !== 'none',
        colour: s.outlineColor,
        visible: e.matches(':focus-visible'),
      };
    });

  it.each([
    ['the main view with a panel', '#place=haidian', 45, 8],
    ['the charts view', '#view=charts', 40, 4],
    ['the tour', '#tour=default&step=2', 8, 3],
  ])('%s: every element reached by Tab shows a ring', async (_, hash, stops, minKinds) => {
    const { page } = await open(hash);
    if (hash.includes('charts')) await page.locator('#overlay .chart-svg').waitFor();
    const kinds = new Set<string>();
    for (let i = 0; i < stops; i++) {
      await page.keyboard.press('Tab');
      const r = await ring(page);
      if (r.what.startsWith('body')) continue;
      kinds.add(r.what.replace(/-\d+\./, '.'));
      expect(r.visible, `${r.what} matches :focus-visible`).toBe(true);
      expect(r.outline || r.shadow, `${r.what} has a focus ring`).toBe(true);
    }
    expect(kinds.size, [...kinds].join(' ')).toBeGreaterThanOrEqual(minKinds);
    await page.close();
  });

  it('rings the export menu’s items and the reader’s controls', async () => {
    const { page } = await open('#place=fengtai');
    await page.locator('#export-button').focus();
    await page.keyboard.press('Enter');
    for (let i = 0; i < 5; i++) {
      const r = await ring(page);
      expect(r.outline || r.shadow, r.what).toBe(true);
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Escape');
    await page.locator('#panel .read-button').first().focus();
    await page.keyboard.press('Enter');
    await page.locator('#reader mark').first().waitFor();
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      const r = await ring(page);
      expect(r.outline || r.shadow, r.what).toBe(true);
    }
    await page.close();
  });
});

describe('the panel is announced', () => {
  it('is a landmark named by its heading, takes focus, and a live region says the place and its count', async () => {
    const { page } = await open();
    await page.locator('#place-list .place-item[data-place="haidian"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('#panel .panel-title').waitFor();
    const panel = await page.evaluate(() => {
      const root = document.getElementById('panel')!;
      const heading = document.getElementById(root.getAttribute('aria-labelledby') ?? '');
      const status = root.nextElementSibling as HTMLElement;
      return {
        tag: root.tagName.toLowerCase(),
        heading: heading?.textContent,
        headingIsTitle: heading?.classList.contains('panel-title'),
        focused: document.activeElement === heading,
        count: root.querySelector('.panel-count')?.textContent,
        status: { role: status.getAttribute('role'), live: status.getAttribute('aria-live'), text: status.textContent, hidden: status.closest('[hidden]') !== null },
      };
    });
    expect(panel).toMatchObject({ tag: 'aside', heading: '海淀区', headingIsTitle: true, focused: true });
    expect(panel.status).toMatchObject({ role: 'status', live: 'polite', hidden: false });
    expect(panel.count).toMatch(/\d+ 条事实/);
    expect(panel.status.text).toBe(`已打开：海淀区，${panel.count}`);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#panel').isHidden()).toBe(true);
    expect(await page.locator('#panel + .panel-status').textContent()).toBe('已关闭地点面板');
    expect(await page.locator('#panel').getAttribute('aria-labelledby')).toBeNull();
    await page.close();
  });

  it('names the two side columns apart', async () => {
    const { page } = await open('#place=haidian&lang=en');
    expect(await page.locator('#sidebar').getAttribute('aria-label')).toBe('Layers and places');
    expect(await page.locator('#panel').getAttribute('aria-labelledby')).toBe(await page.locator('#panel .panel-title').getAttribute('id'));
    await page.close();
  });
});

describe('motion and language', () => {
  it('drops CSS transitions when reduced motion is asked for', async () => {
    const { page } = await open('#tour=default&step=2');
    const duration = () => page.locator('#tour .tour-progress-bar').evaluate((e) => getComputedStyle(e).transitionDuration);
    expect(await duration()).toBe('0s');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await duration()).not.toBe('0s');
    await page.close();
  });

  it('jumps the camera instead of flying it when reduced motion is asked for', async () => {
    const { page } = await open();
    await idle(page);
    await page.locator('#place-list .place-item[data-place="yanqing"]').focus();
    await page.keyboard.press('Enter');
    // A jump has finished by the next frame; a flight would still be moving.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await page.evaluate(() => window.atlas.map!.isMoving())).toBe(false);
    await page.close();
  });

  it('keeps <html lang> with the interface language', async () => {
    const { page } = await open('#lang=en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.locator('#lang-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-Hans');
    await page.close();
  });
});
