/**
 * Classes for the district choropleth: a zero class of its own (the documents say nothing) and
 * up to four classes over the positive counts, at quartiles so each class holds about as many
 * districts — sixteen districts with a few very cited ones would leave equal intervals empty.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { CHOROPLETH_RAMP, PALETTE } from './map-theme.ts';

export const CLASS_COUNT = CHOROPLETH_RAMP.length;

/**
 * Lower bounds of the positive classes, strictly increasing (a count c falls in the last class
 * whose bound is ≤ c). Every bound is a count that occurs, so no class is empty; the first is
 * the smallest positive count (1 when there is none). Fewer than four when counts do not differ.
 */
export function classBreaks(counts: number[]): number[] {
  const positive = counts.filter((c) => c > 0).sort((a, b) => a - b);
  const breaks = [positive[0] ?? 1];
  for (let i = 1; i < CLASS_COUNT && positive.length > 0; i++) {
    const q = positive[Math.floor((i * positive.length) / CLASS_COUNT)];
    if (q !== undefined && q > breaks[breaks.length - 1]) breaks.push(q);
  }
  return breaks;
}

/** Ramp colours for the given breaks, spread from the lightest to the darkest. */
export function classColours(breaks: number[]): string[] {
  if (breaks.length === 1) return [CHOROPLETH_RAMP[CLASS_COUNT - 1]];
  return breaks.map((_, i) => CHOROPLETH_RAMP[Math.round((i * (CLASS_COUNT - 1)) / (breaks.length - 1))]);
}

/** The fill colour as a step over feature-state `count` (set by applyState); unset counts read 0. */
export function choroplethColour(breaks: number[]): ExpressionSpecification {
  const colours = classColours(breaks);
  // The first class starts at 1 whatever its bound: any positive count must leave the zero class.
  const stops = breaks.flatMap((b, i) => [i === 0 ? 1 : b, colours[i]]);
  return ['step', ['coalesce', ['feature-state', 'count'], 0], PALETTE.choroplethZero, ...stops] as unknown as ExpressionSpecification;
}

export interface ChoroplethClass {
  colour: string;
  /** Inclusive count range (the top class ends at the largest count). */
  min: number;
  max: number;
}

/** The legend for a set of counts: the zero class first, then each positive class with its range. */
export function choroplethLegend(counts: number[]): ChoroplethClass[] {
  const breaks = classBreaks(counts);
  const colours = classColours(breaks);
  const top = Math.max(0, ...counts);
  if (top === 0) return [{ colour: PALETTE.choroplethZero, min: 0, max: 0 }];
  // Between 0 and the first bound no district occurs: the zero class is shown as just 0.
  return [
    { colour: PALETTE.choroplethZero, min: 0, max: 0 },
    ...breaks.map((b, i) => ({ colour: colours[i], min: b, max: i + 1 < breaks.length ? breaks[i + 1] - 1 : top })),
  ];
}

/**
 * count → fill colour, as the map's step expression (choroplethColour) paints it: 0 is the
 * neutral zero class, any positive count is at least the first class.
 */
export function colourOfCounts(counts: Iterable<number>): (count: number) => string {
  const breaks = classBreaks([...counts]);
  const colours = classColours(breaks);
  return (count) => {
    if (!(count >= 1)) return PALETTE.choroplethZero;
    let colour = colours[0];
    for (let i = 1; i < breaks.length; i++) if (count >= breaks[i]) colour = colours[i];
    return colour;
  };
}
