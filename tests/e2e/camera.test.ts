/**
 * The camera shows the subject: every tour step (opened directly and by stepping) at a projector's
 * and a laptop's size, and every way of selecting a place (map, list, search, link, reader, a
 * camera written into the link), beside the panel or above the phone's bottom sheet — never
 * under the caption card or the sheet. Motion is reduced, so each move is a jump.
 */
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { parseBoundaries } from '../../src/app/data/load-boundaries.ts';
import { parseSummary } from '../../src/app/data/load-site.ts';
import { beijingBounds, placeCamera } from '../../src/app/map/place-camera.ts';
import { awaitReady, watchedPage } from './browser.ts';
import { useBrowser } from './use-browser.ts';

const baseUrl = inject('baseUrl');
const boundaries = parseBoundaries(JSON.parse(readFileSync('dist/data/boundaries.topo.json', 'utf8')));
const summary = parseSummary(JSON.parse(readFileSync('dist/data/summary.json', 'utf8')));
const story = JSON.parse(readFileSync('dist/data/story.json', 'utf8')) as { steps: Array<{ fit?: string; camera?: { lng: number; lat: number } }> };
let browser: Browser;
useBrowser((b) => (browser = b));

type LonLat = [number, number];
interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The subject as points to find on screen: a place's extent (centre and corners) or its point. */
function subjectOfPlace(id: string, orBeijing = false): { centre: LonLat; corners: LonLat[] } {
  const target = placeCamera(summary, boundaries, id) ?? (orBeijing ? { bounds: beijingBounds(boundaries) } : null);
  if (!target) throw new Error(`no camera target for ${id}`);
  if ('center' in target) return { centre: target.center, corners: [] };
  const [w, s, e, n] = target.bounds;
  return { centre: [(w + e) / 2, (s + n) / 2], corners: [[w, s], [e, n]] };
}

const subjectOfStep = (n: number) => {
  const step = story.steps[n - 1];
  // A step whose place has no extent of its own (北京) shows all of Beijing.
  if (step.fit) return subjectOfPlace(step.fit, true);
  return { centre: [step.camera!.lng, step.camera!.lat] as LonLat, corners: [] };
};

async function open(url: string, viewport: { width: number; height: number }): Promise<Page> {
  const { page } = await watchedPage(browser, viewport);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(url);
  expect(await awaitReady(page)).toBe('ready');
  return page;
}

/** Waits until the camera has stopped (the selection's move follows the panel by a frame or two). */
async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const map = window.atlas.map!;
    let last = '';
    for (let i = 0; i < 60; i++) {
      await new Promise((r) => setTimeout(r, 120));
      const now = `${map.getCenter().lng.toFixed(5)},${map.getCenter().lat.toFixed(5)},${map.getZoom().toFixed(3)}`;
      if (now === last && !map.isMoving()) return;
      last = now;
    }
  });
}

/** Where the subject is on screen, and what covers the map. */
async function onScreen(page: Page, subject: { centre: LonLat; corners: LonLat[] }) {
  return page.evaluate(({ centre, corners }) => {
    const map = window.atlas.map!;
    const c = map.getContainer().getBoundingClientRect();
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const covers = ['#panel', '#tour', '#reader .reader']
      .flatMap((sel) => [...document.querySelectorAll(sel)])
      .filter((el) => !el.closest('[hidden]') && el.getClientRects().length > 0)
      .map(rect);
    const px = (p: [number, number]) => {
      const q = map.project(p);
      return [c.left + q.x, c.top + q.y] as [number, number];
    };
    return { map: rect(map.getContainer()), covers, centre: px(centre), corners: corners.map(px) };
  }, subject);
}

const inside = ([x, y]: [number, number], r: Rect, margin = 0) => x >= r.left + margin && x <= r.right - margin && y >= r.top + margin && y <= r.bottom - margin;

/** The subject's centre is on the map and under no cover; an extent is mostly on the map and not a speck. */
async function expectSubjectInView(page: Page, subject: { centre: LonLat; corners: LonLat[] }, what: string) {
  await settled(page);
  const s = await onScreen(page, subject);
  expect(inside(s.centre, s.map, 8), `${what}: centre ${s.centre} on the map ${JSON.stringify(s.map)}`).toBe(true);
  for (const cover of s.covers) expect(inside(s.centre, cover), `${what}: centre ${s.centre} under ${JSON.stringify(cover)}`).toBe(false);
  if (s.corners.length) {
    const [[x0, y1], [x1, y0]] = s.corners;
    const area = (x1 - x0) * (y1 - y0);
    const ix = Math.max(0, Math.min(x1, s.map.right) - Math.max(x0, s.map.left));
    const iy = Math.max(0, Math.min(y1, s.map.bottom) - Math.max(y0, s.map.top));
    expect(ix * iy, `${what}: the extent mostly on the map`).toBeGreaterThanOrEqual(0.6 * area);
    expect(Math.min(x1 - x0, y1 - y0), `${what}: the extent is not a speck`).toBeGreaterThan(40);
  }
}

const SIZES = [
  { name: 'projector', width: 1920, height: 1080 },
  { name: 'laptop', width: 1280, height: 800 },
] as const;

describe('the tour keeps each step’s subject on the visible map', () => {
  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}, every step opened directly`, async () => {
      for (let n = 1; n <= story.steps.length; n++) {
        const page = await open(`${baseUrl}#tour=default&step=${n}`, size);
        await expect.poll(() => page.locator('#tour .tour-progress-text').innerText()).toMatch(new RegExp(`^${n} /`));
        await expectSubjectInView(page, subjectOfStep(n), `${size.name} step ${n} (direct)`);
        await page.close();
      }
    }, 240_000);

    it(`at ${size.width}×${size.height}, every step reached by stepping`, async () => {
      const page = await open(`${baseUrl}#tour=default&step=1`, size);
      for (let n = 1; n <= story.steps.length; n++) {
        if (n > 1) await page.keyboard.press('ArrowRight');
        await expect.poll(() => page.locator('#tour .tour-progress-text').innerText()).toMatch(new RegExp(`^${n} /`));
        await expectSubjectInView(page, subjectOfStep(n), `${size.name} step ${n} (stepping)`);
      }
      await page.close();
    }, 240_000);
  }
});

describe('every selection path brings the subject into view', () => {
  const laptop = { width: 1280, height: 800 };

  it('a link naming a place and no camera opens on the place (#place=binhai)', async () => {
    const page = await open(`${baseUrl}#place=binhai`, laptop);
    await expectSubjectInView(page, subjectOfPlace('binhai'), 'link');
    await page.close();
  });

  it('after 雄安新区中关村科技园, the place list and the search move the map to 海淀区 and a science city', async () => {
    const page = await open(`${baseUrl}#place=xiongan-zgc-park`, laptop);
    await expectSubjectInView(page, subjectOfPlace('xiongan-zgc-park'), 'xiongan');
    await page.locator('#place-list [data-place="haidian"]').click();
    await expectSubjectInView(page, subjectOfPlace('haidian'), 'list → haidian');
    await page.locator('#search').fill('怀柔科学城');
    await page.locator('#search-results [data-place="huairou-science-city"]').first().click();
    await expectSubjectInView(page, subjectOfPlace('huairou-science-city'), 'search → huairou science city');
    await page.close();
  });

  it('a click on the map selects the district under it and keeps it in view beside the panel', async () => {
    const page = await open(`${baseUrl}#place=xiongan-zgc-park`, laptop);
    await settled(page);
    // Back to the overview, then click Miyun's label point.
    await page.evaluate(() => window.atlas.map!.jumpTo({ center: [116.55, 40.25], zoom: 7.6 }));
    const [lng, lat] = subjectOfPlace('miyun').centre;
    const at = await page.evaluate(([x, y]) => {
      const c = window.atlas.map!.getContainer().getBoundingClientRect();
      const q = window.atlas.map!.project([x, y]);
      return { x: c.left + q.x, y: c.top + q.y };
    }, [lng, lat]);
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => page.evaluate(() => window.atlas.state()?.place)).toBe('miyun');
    await expectSubjectInView(page, subjectOfPlace('miyun'), 'map click → miyun');
    await page.close();
  });

  it('a national partner is framed with Beijing and its arrow, not left off the map', async () => {
    const page = await open(`${baseUrl}#place=hefei-ncsc`, laptop);
    await settled(page);
    const s = await onScreen(page, subjectOfPlace('hefei-ncsc'));
    // Beijing's centre and the arrow's ring point are both on the map.
    expect(inside(s.centre, s.map)).toBe(true);
    expect(await page.evaluate(() => window.atlas.map!.getZoom())).toBeLessThan(8);
    await page.close();
  });

  it('on a phone, a selected district sits above the bottom sheet', async () => {
    const page = await open(`${baseUrl}#place=tongzhou`, { width: 390, height: 844 });
    await expect.poll(() => page.locator('#panel').isVisible()).toBe(true);
    await expectSubjectInView(page, subjectOfPlace('tongzhou'), 'phone → tongzhou');
    await page.close();
  });

  it('a camera written into the link moves the map', async () => {
    const page = await open(`${baseUrl}`, laptop);
    await page.evaluate(() => {
      location.hash = 'cam=117.2,39.1,9';
    });
    await expect.poll(() => page.evaluate(() => window.atlas.map!.getCenter().lng), { timeout: 10_000 }).toBeCloseTo(117.2, 1);
    expect(await page.evaluate(() => window.atlas.map!.getZoom())).toBeCloseTo(9, 1);
    await page.close();
  });
});
