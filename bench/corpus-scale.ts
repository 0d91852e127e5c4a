/**
 * `npm run bench` section 6: the atlas at 1× and 100× the seeds, side by side, same run, same
 * machine. The 100× site is the built app with its data/ folder made by `npm run data` from a
 * seeds folder of 100 copies of every seed; each copy has its own id, publisher and date (so the
 * documents list and the filter have a real spread), the texts are the seeds'.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import type { ManifestEntry } from '../src/types.ts';

export const COPIES = 100;

/** The seeds folder again, `copies` times: file x<i>-<name>, id <id>-x<i>, publisher and year varied per copy. */
export function writeReplicatedSeeds(seeds: string, into: string, copies: number): void {
  const manifest = JSON.parse(readFileSync(join(seeds, 'manifest.json'), 'utf8')) as ManifestEntry[];
  const entries: ManifestEntry[] = [];
  for (let i = 0; i < copies; i++) {
    for (const e of manifest) {
      const file = i === 0 ? e.file : `x${i}-${e.file}`;
      writeFileSync(join(into, file), readFileSync(join(seeds, e.file)));
      if (i === 0) entries.push(e);
      else {
        const year = 2011 + (i % 15);
        entries.push({ ...e, file, id: `${e.id}-x${i}`, publisher: i % 4 === 0 ? e.publisher : `${e.publisher}（转载 ${i % 9}）`, date: e.date.replace(/^\d{4}/, String(year)) });
      }
    }
  }
  writeFileSync(join(into, 'manifest.json'), JSON.stringify(entries, null, 1));
}

/** dist/ with its data/ folder made from 100 copies of the seeds (the app's code is the same build). */
export function buildScaledSite(appDist: string, copies: number): string {
  const work = mkdtempSync(join(tmpdir(), 'atlas-scale-'));
  const seeds = join(work, 'seeds');
  mkdirSync(seeds);
  writeReplicatedSeeds('seeds', seeds, copies);
  const dist = join(work, 'dist');
  cpSync(appDist, dist, { recursive: true });
  rmSync(join(dist, 'data'), { recursive: true, force: true });
  mkdirSync(join(dist, 'data'));
  for (const keep of ['boundaries.topo.json', 'story.json']) cpSync(join(appDist, 'data', keep), join(dist, 'data', keep));
  execFileSync(process.execPath, ['--import', 'tsx', 'src/pipeline/cli.ts', '--seeds', seeds, '--out', join(dist, 'data', 'facts.json')], { stdio: 'ignore' });
  return dist;
}

export function folderBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? folderBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return n;
}

export interface ScaleFigures {
  firstViewBeyondMapLibre: number;
  ready: number;
  listClickP95: number;
  searchP95: number;
  tourLongest: number;
  distBytes: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

/** The path of every asset that finished loading before `atlas.ready` resolved. */
export async function loadedBeforeReady(browser: Browser, url: string): Promise<string[]> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const loaded: string[] = [];
  let ready = false;
  page.on('requestfinished', (r) => ready || loaded.push(new URL(r.url()).pathname));
  await page.goto(url);
  await page.evaluate(() => window.atlas.ready);
  ready = true;
  await ctx.close();
  return [...new Set(loaded)];
}

/** A served path's file in a build folder. */
export const fileOf = (dist: string, path: string) => join(dist, path.endsWith('/') ? `${path}index.html` : path);

/** Everything loaded before ready, beyond MapLibre's JS, worker and CSS, gzipped at level 9. */
export async function firstViewBytes(browser: Browser, url: string, dist: string): Promise<number> {
  return (await loadedBeforeReady(browser, url))
    .filter((p) => !/maplibre/.test(p))
    .reduce((sum, p) => sum + gzipSync(readFileSync(fileOf(dist, p)), { level: 9 }).length, 0);
}

export async function readyTime(browser: Browser, url: string): Promise<number> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(url);
  const t = await page.evaluate(async () => {
    await window.atlas.ready;
    return performance.now();
  });
  await ctx.close();
  return t;
}

type ProbePage = Awaited<ReturnType<Awaited<ReturnType<Browser['newContext']>>['newPage']>>;

/** Place list → panel painted, a different place each time (the cited places in list order). */
export async function listClicks(page: ProbePage, clicks: number): Promise<number[]> {
  const names = await page.$$eval('#place-list button', (bs) => bs.map((b) => (b as HTMLElement).dataset.place ?? ''));
  const targets = names.filter((n) => n !== '').slice(0, 40);
  const times: number[] = [];
  for (let i = 0; i < clicks; i++) {
    const id = targets[i % targets.length];
    const button = page.locator(`#place-list button[data-place="${id}"]`).first();
    await button.hover();
    await page.evaluate(() => window.__bench.idleCamera(window.atlas.map));
    const title = await page.evaluate((place) => window.__bench.placeTitle(place), id);
    await page.evaluate((name) => {
      window.__pending = window.__bench.panelPainted(name);
    }, title);
    await button.click();
    times.push(await page.evaluate(() => window.__pending));
    await page.evaluate(() => window.__bench.idleCamera(window.atlas.map));
  }
  return times;
}

/** Typing realistic queries a character at a time; each keystroke timed until its results are complete and painted. */
export const QUERIES = ['中关村科学城', '怀柔科学城', '人工智能', '集成电路', '量子信息', '国家实验室', '生物医药', '科技成果转化', '京津冀协同', '未来科学城', '全国科技创新中心', '轨道交通'];

export async function typing(page: ProbePage): Promise<number[]> {
  await page.focus('#search');
  const times: number[] = [];
  for (const q of QUERIES) {
    const chars = [...q];
    for (let i = 1; i <= chars.length; i++) times.push(await page.evaluate((x) => window.__bench.searchTyped(x), chars.slice(0, i).join('')));
  }
  return times;
}

export function report(one: ScaleFigures, hundred: ScaleFigures, copies: number, fmt: { KB: (n: number) => string; ms: (n: number) => string }) {
  const rows: Array<[string, (f: ScaleFigures) => number, (n: number) => string, string]> = [
    ['first-view bytes beyond MapLibre (gz)', (f) => f.firstViewBeyondMapLibre, fmt.KB, '≤ 1.1×'],
    ['navigation → ready (median)', (f) => f.ready, fmt.ms, '≤ 1.1×'],
    ['click → panel, place list (p95)', (f) => f.listClickP95, fmt.ms, '< 50 ms, ≤ 1.2×'],
    ['search as you type (p95)', (f) => f.searchP95, fmt.ms, '< 100 ms'],
    ['tour: longest main-thread task', (f) => f.tourLongest, fmt.ms, '—'],
    ['dist/ size', (f) => f.distBytes, (n) => `${(n / 1024 / 1024).toFixed(1)} MB`, '—'],
  ];
  console.log(`\n6. Corpus scale: the seeds (1×) and ${copies} copies of them (${copies}×), same run`);
  console.log(`  ${''.padEnd(40)} ${'1×'.padStart(12)} ${`${copies}×`.padStart(12)} ${'ratio'.padStart(8)}   budget`);
  for (const [name, get, show, budget] of rows) {
    const a = get(one);
    const b = get(hundred);
    console.log(`  ${name.padEnd(40)} ${show(a).padStart(12)} ${show(b).padStart(12)} ${`${(b / Math.max(a, 1e-9)).toFixed(2)}×`.padStart(8)}   ${budget}`);
  }
}

export { median, percentile };
