/** One headless Chromium per test file: launched before its tests, closed after them. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser.ts';

/** Registers the file's hooks; `set` receives the browser once it is up. */
export function useBrowser(set: (browser: Browser) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
    set(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });
}
