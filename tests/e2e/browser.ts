/** Debian's Chromium, headless, driven by playwright-core; collects what a test needs to assert on. */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

export interface Watched {
  page: Page;
  requests: string[];
  consoleErrors: string[];
}

/** A page that records every request and every console error or uncaught exception. */
export async function watchedPage(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<Watched> {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return { page, requests, consoleErrors };
}

/** Waits for `atlas.ready`; returns 'ready' or the error message it rejected with. */
export function awaitReady(page: Page): Promise<string> {
  return page.evaluate(async () => {
    try {
      await window.atlas.ready;
      return 'ready';
    } catch (e) {
      return `error: ${e instanceof Error ? e.message : String(e)}`;
    }
  });
}

/** Opens the atlas at `url` in a watched page and waits for `atlas.ready`; throws if it rejects. */
export async function openAtlas(browser: Browser, url: string, viewport?: { width: number; height: number }): Promise<Watched> {
  const w = await watchedPage(browser, viewport);
  await w.page.goto(url);
  const ready = await awaitReady(w.page);
  if (ready !== 'ready') throw new Error(`atlas did not get ready at ${url}: ${ready}`);
  return w;
}

/** From the next navigation on, no canvas of `page` gives out a WebGL context, as in a browser without WebGL: the SVG map is drawn. */
export async function withoutWebgl(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      if (type === 'webgl' || type === 'webgl2' || type === 'experimental-webgl') return null;
      return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
    } as typeof original;
  });
}
