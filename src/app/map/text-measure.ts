/** Text widths without a font to measure with: the SVG map's label placement and the exports' layout share one estimate. */

/** Advance width of `text` at `fontSize` px. */
export type Measure = (text: string, fontSize: number) => number;

/** Rough advance width when no font can be measured (Node): ideographs and fullwidth forms 1 em, the rest 0.56 em. */
export const estimateTextWidth: Measure = (s, fontSize) => {
  let em = 0;
  for (const ch of s) em += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.56;
  return em * fontSize;
};
