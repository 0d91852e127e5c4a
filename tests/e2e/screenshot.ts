/**
 * Screenshot comparison against stored references (tests/e2e/reference/*.png), MapLibre
 * render-test style: pixelmatch with a tolerance. UPDATE=1 rewrites a reference; a missing
 * reference is created locally but never in CI (CI must compare, not record).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { expect } from 'vitest';

const DIR = 'tests/e2e/reference';
const OUT = 'tests/e2e/__output__';

export interface Comparison {
  diffRatio: number;
  created: boolean;
}

export function compareWithReference(name: string, png: Buffer): Comparison {
  const ref = `${DIR}/${name}.png`;
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}/${name}.png`, png);
  if (process.env.UPDATE === '1' || !existsSync(ref)) {
    if (process.env.CI && process.env.UPDATE !== '1') throw new Error(`missing screenshot reference ${ref}; run the tests locally with UPDATE=1 and commit it`);
    mkdirSync(DIR, { recursive: true });
    writeFileSync(ref, png);
    return { diffRatio: 0, created: true };
  }
  const a = PNG.sync.read(readFileSync(ref));
  const b = PNG.sync.read(png);
  if (a.width !== b.width || a.height !== b.height) return { diffRatio: 1, created: false };
  const diff = new PNG({ width: a.width, height: a.height });
  const changed = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.15 });
  writeFileSync(`${OUT}/${name}.diff.png`, PNG.sync.write(diff));
  return { diffRatio: changed / (a.width * a.height), created: false };
}

/** How many distinct colours a screenshot has: a blank or single-colour page has very few. */
export function distinctColours(png: Buffer): number {
  const img = PNG.sync.read(png);
  const seen = new Set<number>();
  for (let i = 0; i < img.data.length; i += 4 * 7) seen.add((img.data[i] << 16) | (img.data[i + 1] << 8) | img.data[i + 2]);
  return seen.size;
}

/** The one screenshot check: not blank, and within 3% of the stored reference's pixels. */
export function expectLikeReference(name: string, png: Buffer): void {
  expect(distinctColours(png)).toBeGreaterThan(20);
  expect(compareWithReference(name, png).diffRatio).toBeLessThan(0.03);
}
