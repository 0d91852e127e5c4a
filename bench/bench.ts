/**
 * `npm run bench`: sizes of everything the first view loads, and time from navigation to
 * ready for the app and for a bare-MapLibre page on the same data. Prints figures and
 * ratios; asserts nothing (budgets are read, not enforced, here).
 */
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build, preview, type PreviewServer } from 'vite';
import { launch } from '../tests/e2e/browser.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const KB = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function serve(outDir: string): Promise<[PreviewServer, string]> {
  const server = await preview({ build: { outDir }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
  const a = server.httpServer.address();
  if (!a || typeof a === 'string') throw new Error('no port');
  return [server, `http://127.0.0.1:${a.port}/`];
}

function category(path: string): string {
  if (/maplibre-gl-worker/.test(path)) return 'MapLibre worker';
  if (/maplibre.*\.js$/.test(path)) return 'MapLibre JS';
  if (/maplibre.*\.css$/.test(path)) return 'MapLibre CSS';
  if (/\/data\//.test(path)) return 'data';
  if (/\.js$|\.mjs$/.test(path)) return 'app JS';
  if (/\.css$/.test(path)) return 'app CSS';
  if (/\.html$|\/$/.test(path)) return 'HTML';
  return 'other';
}

async function main() {
  await build({ configFile: 'bench/vite.bare.config.ts' });
  const [appServer, appUrl] = await serve('dist');
  const [bareServer, bareUrl] = await serve('dist-bench');
  const browser = await launch();
  try {
    // 1. What the first view loads.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const loaded: string[] = [];
    page.on('requestfinished', (r) => loaded.push(new URL(r.url()).pathname));
    await page.goto(appUrl);
    await page.evaluate(() => window.atlas.ready);
    await context.close();
    const rows = [...new Set(loaded)].map((p) => {
      const file = `dist${p.endsWith('/') ? `${p}index.html` : p}`;
      const bytes = readFileSync(file);
      return { path: p, cat: category(p), raw: statSync(file).size, gz: gzipSync(bytes, { level: 9 }).length };
    });
    console.log('\nFirst view: every asset loaded (gzip -9)');
    for (const r of rows.sort((a, b) => b.gz - a.gz)) console.log(`  ${r.cat.padEnd(16)} ${KB(r.gz).padStart(10)} gz  ${KB(r.raw).padStart(10)} raw  ${r.path}`);
    const sum = (pred: (c: string) => boolean) => rows.filter((r) => pred(r.cat)).reduce((s, r) => s + r.gz, 0);
    const maplibre = sum((c) => c.startsWith('MapLibre'));
    const rest = sum((c) => !c.startsWith('MapLibre'));
    console.log(`  MapLibre (JS + worker + CSS): ${KB(maplibre)} gz`);
    console.log(`  everything else (app, data, styles, HTML): ${KB(rest)} gz  — ${((rest / (150 * 1024)) * 100).toFixed(0)}% of the 150 KB budget`);

    // 2. Navigation → ready, app vs bare MapLibre, alternating, fresh context each run.
    const time = async (url: string, ready: string) => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const p = await ctx.newPage();
      await p.goto(url);
      const ms = await p.evaluate(async (expr) => {
        await (0, eval)(expr);
        return performance.now();
      }, ready);
      await ctx.close();
      return ms;
    };
    const app: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      app.push(await time(appUrl, 'window.atlas.ready'));
      bare.push(await time(bareUrl, 'window.bareReady'));
    }
    console.log(`\nNavigation → ready, median of ${RUNS} runs each (same browser, alternating)`);
    console.log(`  app:          ${median(app).toFixed(0)} ms   (runs: ${app.map((x) => x.toFixed(0)).join(', ')})`);
    console.log(`  bare MapLibre: ${median(bare).toFixed(0)} ms   (runs: ${bare.map((x) => x.toFixed(0)).join(', ')})`);
    console.log(`  ratio app / bare: ${(median(app) / median(bare)).toFixed(2)}×  (budget 1.25×)`);
  } finally {
    await browser.close();
    appServer.httpServer.close();
    bareServer.httpServer.close();
  }
}

main().catch((e) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
