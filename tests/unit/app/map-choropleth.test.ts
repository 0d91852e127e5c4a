import { describe, expect, it } from 'vitest';
import { CLASS_COUNT, choroplethColour, choroplethLegend, classBreaks, classColours } from '../../../src/app/map/choropleth.ts';
import { CHOROPLETH_RAMP, PALETTE } from '../../../src/app/map/map-theme.ts';
import { data } from './map-fixtures.ts';

const classOf = (breaks: number[], c: number) => (c === 0 ? -1 : breaks.filter((b, i) => i === 0 || b <= c).length - 1);

/** WCAG relative luminance and contrast ratio. */
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

const samples: number[][] = [
  [...data.districtCounts(null).values()],
  [...data.districtCounts('ai').values()],
  [...data.districtCounts('quantum').values()],
  [0, 0, 0, 0],
  [3, 3, 3, 3],
  [1, 2, 3, 4, 5, 6, 7, 8, 100],
  [0, 0, 1, 50],
];

describe('classBreaks', () => {
  it.each(samples.map((s) => [s.join(','), s]))('gives at most four strictly increasing bounds, each a count that occurs (%s)', (_, counts) => {
    const breaks = classBreaks(counts as number[]);
    expect(breaks.length).toBeGreaterThanOrEqual(1);
    expect(breaks.length).toBeLessThanOrEqual(CLASS_COUNT);
    for (let i = 1; i < breaks.length; i++) expect(breaks[i]).toBeGreaterThan(breaks[i - 1]);
    const positive = (counts as number[]).filter((c) => c > 0);
    if (positive.length) for (const b of breaks) expect(positive).toContain(b);
  });

  it('classifies every positive count into a positive class and leaves no class empty', () => {
    for (const counts of samples) {
      const breaks = classBreaks(counts);
      const used = new Set(counts.filter((c) => c > 0).map((c) => classOf(breaks, c)));
      for (const c of counts.filter((x) => x > 0)) expect(classOf(breaks, c)).toBeGreaterThanOrEqual(0);
      if (counts.some((c) => c > 0)) expect(used.size).toBe(breaks.length);
    }
  });

  it('splits the all-topics district counts into up to four classes, each starting at a count that occurs', () => {
    const breaks = classBreaks(samples[0]);
    expect(breaks.length).toBeGreaterThanOrEqual(3);
    expect(breaks.length).toBeLessThanOrEqual(4);
    for (const b of breaks) expect(samples[0]).toContain(b);
  });

  it('is stable: the order of the counts does not matter', () => {
    expect(classBreaks([...samples[0]].reverse())).toEqual(classBreaks(samples[0]));
  });
});

describe('choropleth colours', () => {
  it('keeps zero apart from every class colour', () => {
    for (const c of CHOROPLETH_RAMP) expect(c).not.toBe(PALETTE.choroplethZero);
    const expr = choroplethColour([5, 6, 8, 18]) as unknown[];
    expect(expr.slice(0, 4)).toEqual(['step', ['coalesce', ['feature-state', 'count'], 0], PALETTE.choroplethZero, 1]);
  });

  it('runs from light to dark so more facts read as darker', () => {
    const l = CHOROPLETH_RAMP.map(luminance);
    for (let i = 1; i < l.length; i++) expect(l[i]).toBeLessThan(l[i - 1]);
  });

  it('leaves district labels readable on every class (≥ 4.5:1) and uses distinct colours per class', () => {
    for (const c of [...CHOROPLETH_RAMP, PALETTE.choroplethZero]) expect(contrast(c, PALETTE.districtText), c).toBeGreaterThanOrEqual(4.5);
    expect(new Set(classColours([1, 2, 3, 4])).size).toBe(4);
    expect(classColours([2])).toEqual([CHOROPLETH_RAMP[CLASS_COUNT - 1]]);
  });
});

describe('choroplethLegend', () => {
  it('lists the zero class and contiguous ranges up to the largest count', () => {
    const legend = choroplethLegend(samples[0]);
    expect(legend[0]).toMatchObject({ min: 0, max: 0, colour: PALETTE.choroplethZero });
    for (let i = 2; i < legend.length; i++) expect(legend[i].min).toBe(legend[i - 1].max + 1);
    expect(legend.at(-1)!.max).toBe(Math.max(...samples[0]));
  });

  it('shows only the zero class when nothing is counted', () => {
    expect(choroplethLegend([0, 0])).toHaveLength(1);
  });
});
