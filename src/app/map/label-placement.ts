/**
 * Greedy label placement in screen space, for maps drawn without MapLibre's collision engine
 * (the SVG export and the SVG map): candidates come in priority order, and each takes the first
 * of its tries (sizes, sides) that overlaps nothing placed before it, or is left out.
 */
export type Box = [number, number, number, number];

export const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

export function placeGreedy<C, T extends { box: Box }>(candidates: Iterable<C>, tries: (c: C) => Iterable<T>): Array<{ candidate: C; placed: T }> {
  const taken: Box[] = [];
  const out: Array<{ candidate: C; placed: T }> = [];
  for (const candidate of candidates) {
    for (const placed of tries(candidate)) {
      if (taken.some((o) => overlaps(placed.box, o))) continue;
      taken.push(placed.box);
      out.push({ candidate, placed });
      break;
    }
  }
  return out;
}

