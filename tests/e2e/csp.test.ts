/**
 * The Content-Security-Policy in index.html: strict (no inline script, no eval, no remote
 * origin), and the whole app works under it — load, a district click, panel, reader, script
 * conversion, tour, charts, documents, PNG and SVG export, print — without one violation.
 * Violations are collected from `securitypolicyviolation` events by an init script; a last
 * test shows that an injected inline script is in fact reported (so zero means zero).
 */
import { describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { awaitReady, watchedPage, type Watched } from './browser.ts';
import { useBrowser } from './use-browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

/** A watched page that records every CSP violation (from its first script on) in window.__csp. */
async function openRecording(hash = '', init?: () => void): Promise<Watched> {
  const w = await watchedPage(browser);
  await w.page.addInitScript(() => {
    const list: Array<{ directive: string; blocked: string; sample: string }> = [];
    (window as unknown as { __csp: typeof list }).__csp = list;
    document.addEventListener('securitypolicyviolation', (e) => list.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }));
  });
  if (init) await w.page.addInitScript(init);
  await w.page.emulateMedia({ reducedMotion: 'reduce' });
  await w.page.goto(`${baseUrl}${hash}`);
  expect(await awaitReady(w.page)).toBe('ready');
  return w;
}

/** Violations so far; the event is dispatched asynchronously, so give it a moment first. */
async function violations(page: Page): Promise<Violation[]> {
  await page.waitForTimeout(300);
  return page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp);
}

const policyOf = (page: Page) => page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
const directives = (policy: string) =>
  new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name, values] as const;
  }));
const hashParam = (page: Page, key: string) => page.evaluate((k) => new URLSearchParams(location.hash.slice(1)).get(k), key);

async function exportVia(page: Page, item: string): Promise<void> {
  await page.locator('#export-button').click();
  await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.locator(`[data-export="${item}"]`).click()]);
}

describe('the Content-Security-Policy', () => {
  it('allows no inline script, no eval and no remote origin', async () => {
    const { page } = await openRecording();
    const policy = await policyOf(page);
    const d = directives(policy);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|strict-dynamic|wasm-unsafe-eval/);
    expect(policy).not.toMatch(/https?:|wss?:|\*/);
    await page.close();
  });

  it('is obeyed by the whole app: every view and export runs without a violation', async () => {
    const { page, requests, consoleErrors } = await openRecording('#layers=districts');
    // A district, clicked on the map.
    const at = await page.evaluate(() => {
      const m = window.atlas.map!;
      const f = m.querySourceFeatures('labels').find((x) => x.properties.id === 'haidian')!;
      const { x, y } = m.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
      const r = m.getCanvas().getBoundingClientRect();
      return { x: r.left + x, y: r.top + y };
    });
    await page.mouse.click(at.x, at.y);
    await expect.poll(() => hashParam(page, 'place')).toBe('haidian');
    // The reader, from the panel.
    await page.locator('#panel .read-button').first().click();
    await expect.poll(() => page.locator('#reader .reader-body').count()).toBe(1);
    await page.keyboard.press('Escape');
    // Traditional → Simplified loads its converter chunk on demand.
    await page.evaluate(() => (location.hash = '#place=huairou-science-city'));
    const toggle = page.locator('#panel .script-toggle');
    await expect.poll(() => toggle.count()).toBe(1);
    await toggle.click();
    await expect.poll(() => page.locator('#panel .quote.converted').count()).toBeGreaterThan(0);
    // The tour.
    await page.locator('#tour-button').click();
    await expect.poll(() => hashParam(page, 'step'), { timeout: 10_000 }).toBe('1');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => hashParam(page, 'step')).toBe('2');
    await page.keyboard.press('Escape');
    await expect.poll(() => hashParam(page, 'tour')).toBeNull();
    // Charts and documents (a lazily loaded chunk with its own CSS).
    await page.locator('#charts-button').click();
    await expect.poll(() => page.locator('#overlay .chart-bar').count()).toBeGreaterThan(0);
    await page.locator('#docs-button').click();
    await expect.poll(() => page.locator('#overlay tbody tr').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    // Exports, then print.
    await exportVia(page, 'png-1');
    await exportVia(page, 'svg');
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.pdf({ format: 'A4', landscape: true });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });

    expect(await violations(page)).toEqual([]);
    expect(consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    const origin = new URL(baseUrl).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    await page.close();
  }, 180_000);

  it('is obeyed by the SVG map drawn without WebGL', async () => {
    const { page } = await openRecording('#place=haidian', () => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (type === 'webgl' || type === 'webgl2' || type === 'experimental-webgl') return null;
        return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
    });
    await expect.poll(() => page.locator('#panel .panel-title').count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it('reports what it blocks: an injected inline script and a remote image are refused and seen', async () => {
    const { page } = await openRecording();
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
      const img = document.createElement('img');
      img.setAttribute('src', 'https://example.com/x.png');
      document.body.append(img);
    });
    const seen = await violations(page);
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
    expect(seen.map((v) => v.directive).sort()).toEqual(['img-src', 'script-src-elem']);
    await page.close();
  });
});
