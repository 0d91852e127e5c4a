/**
 * The palettes, checked: UI text and focus rings against their backgrounds (WCAG contrast, the
 * colours read from styles.css's :root), map labels against their halo, the choropleth's order
 * and spacing, and the link and point categories under simulated colour-vision deficiencies.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { LayerSpecification } from 'maplibre-gl';
import {
  DEFICIENCIES, VISIONS, closestPair, contrastRatio, deltaE76, lightness, over, parseHex, seenAs, simulate, toLab,
} from './colour-checks.ts';
import { CHOROPLETH_RAMP, PALETTE } from '../../../src/app/map/map-theme.ts';
import { LAYER_CATALOG } from '../../../src/app/map/layer-catalog.ts';
import { facilityLayers } from '../../../src/app/map/layers/facility-layers.ts';
import { jjjLinkLayers } from '../../../src/app/map/layers/jjj-layers.ts';
import { subParkLayers } from '../../../src/app/map/layers/sub-park-layers.ts';
import { buildStyle } from '../../../src/app/map/build-style.ts';
import { DEFAULT_STATE } from '../../../src/app/state/state.ts';
import { boundaries, data } from './map-fixtures.ts';
import { parsePaint } from './paint-expressions.ts';

/**
 * ΔE76 thresholds. About 2.3 is a just-noticeable difference between large patches seen side
 * by side; a map is read by matching an area or a mark against a legend some way off, and small
 * marks need several times the difference large ones do (Szafir 2018, "Modeling Color
 * Difference for Visualization Design", IEEE TVCG 24(1)). So: ≥ 10 between neighbouring classes
 * of the district fill (large areas, also ordered by lightness), ≥ 20 between categories of
 * dots and lines (a few pixels wide).
 */
const AREA_CLASS_DE = 10;
const MARK_CATEGORY_DE = 20;
const fmt = (n: number) => n.toFixed(2);

describe('colour arithmetic', () => {
  it('gives the WCAG contrast ratios of known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#123456', '#123456')).toBe(1);
  });

  it('converts to CIE L*a*b* (D65) and measures ΔE76', () => {
    const red = toLab('#ff0000');
    expect(red[0]).toBeCloseTo(53.24, 1);
    expect(red[1]).toBeCloseTo(80.09, 1);
    expect(red[2]).toBeCloseTo(67.2, 1);
    expect(lightness('#808080')).toBeCloseTo(53.59, 1);
    expect(deltaE76('#000000', '#ffffff')).toBeCloseTo(100, 3);
  });

  it('simulates deficiencies: greys stay, red and green merge for deuteranopes, blue and green for tritanopes', () => {
    for (const d of DEFICIENCIES) for (const g of ['#000000', '#808080', '#ffffff']) expect(simulate(g, d)).toBe(g);
    expect(deltaE76('#cc3333', '#669933')).toBeGreaterThan(90);
    expect(deltaE76(simulate('#cc3333', 'deuteranopia'), simulate('#669933', 'deuteranopia'))).toBeLessThan(10);
    expect(deltaE76(simulate('#3366ff', 'tritanopia'), simulate('#33cc99', 'tritanopia'))).toBeLessThan(40);
  });

  it('composites a translucent colour and rejects what is not a hex colour', () => {
    expect(over('#000000', 0.5, '#ffffff')).toBe('#808080');
    expect(() => parseHex('red')).toThrow();
    expect(() => parseHex('#12345')).toThrow();
  });
});

// ——— The interface: styles.css keeps every screen colour in :root custom properties ———

const css = readFileSync('src/app/styles.css', 'utf8');

/** The custom properties of the first `:root { … }` block whose values are hex colours. */
function rootColours(source: string): Record<string, string> {
  const block = /:root\s*\{([^}]*)\}/.exec(source)?.[1] ?? '';
  return Object.fromEntries([...block.matchAll(/--([\w-]+)\s*:\s*(#[0-9a-fA-F]{3,6})\s*;/g)].map((m) => [m[1], m[2]]));
}

/** The source without its first `@media print { … }` block (paper has its own black on white). */
function withoutPrint(source: string): string {
  const start = source.indexOf('@media print');
  if (start < 0) return source;
  let depth = 0;
  for (let i = source.indexOf('{', start); i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return source.slice(0, start) + source.slice(i + 1);
  }
  return source;
}

const ui = rootColours(css);
const v = (name: string) => {
  const c = ui[name];
  if (!c) throw new Error(`--${name} is not a hex colour in styles.css :root`);
  return c;
};

/** [text, background, where] — every text colour on every background it is set on. */
const TEXT_PAIRS: Array<[string, string, string]> = [
  ['ink', 'paper', 'body text, header, legend, overlay, reader'],
  ['ink', 'panel-bg', 'the place panel'],
  ['ink', 'field-bg', 'search box, theme select, export menu'],
  ['ink', 'chip-bg', 'topic chips, hovered buttons, figure groups'],
  ['ink', 'current-bg', 'the selected place in the list'],
  ['ink', 'option-bg', 'the active search result or export item'],
  ['ink', 'role-bg', 'role sentences in the panel'],
  ['ink', 'empty-bg', '“no facts” note'],
  ['ink', 'reading-bg', 'the sentence being read'],
  ['ink', 'mark', 'the cited sentence, targets'],
  ['ink', 'notice-bg', 'notices'],
  ['ink', 'chart-selected-bg', 'the selected district’s bar label'],
  ['muted', 'paper', 'notes, counts, chart ticks'],
  ['muted', 'panel-bg', 'panel names, meta, citations'],
  ['muted', 'chip-bg', 'counts on hovered rows'],
  ['muted', 'current-bg', 'the selected place’s count'],
  ['muted', 'option-bg', 'search result details'],
  ['muted', 'role-bg', 'citations of role sentences'],
  ['muted', 'empty-bg', 'citations in the empty note'],
  ['muted', 'reading-bg', 'the reader’s sentence being read'],
  ['muted', 'chart-selected-bg', 'the selected bar’s total'],
  ['accent', 'paper', 'the error screen title'],
  ['on-accent', 'accent-ink', 'the pressed topic chip'],
  ['explicit', 'panel-bg', '“explicit” badges'],
  ['explicit', 'chip-bg', 'figure place buttons'],
  ['explicit', 'reading-bg', 'mentions in the sentence being read'],
  ['explicit', 'mark', 'mentions in the cited sentence'],
  ['explicit', 'paper', 'mentions in the reader'],
  ['context', 'panel-bg', '“context” badges'],
  ['context', 'chip-bg', 'figure place buttons (context)'],
  ['error-ink', 'paper', 'reader errors'],
];

/** The presenting theme promises ≥ 7:1 (a projector washes contrast out). */
const TOUR_PAIRS: Array<[string, string, string]> = [
  ['tour-ink', 'tour-bg', 'captions, title, buttons'],
  ['tour-muted', 'tour-bg', 'citations and the keys line'],
  ['tour-muted', 'tour-raised', 'disabled buttons'],
  ['tour-ink', 'tour-raised', 'hovered and pressed buttons'],
  ['on-tour-primary', 'tour-primary', 'the Next button'],
  ['on-tour-primary', 'tour-primary-hover', 'the Next button, hovered'],
];

/** Non-text contrast (WCAG 1.4.11, 3:1): focus rings and control borders against what is around them. */
const RING_PAIRS: Array<[string, string, string]> = [
  ['focus', 'paper', 'focus ring in the header, side column, overlay and reader'],
  ['focus', 'panel-bg', 'focus ring in the panel'],
  ['focus', 'field-bg', 'focus ring in menus and lists'],
  ['focus', 'chip-bg', 'focus ring on a chip row'],
  ['focus', 'option-bg', 'the active option’s outline'],
  ['focus', 'current-bg', 'focus ring on the selected place'],
  ['focus', 'tour-bg', 'focus ring on the presenting overlay'],
  ['control-line', 'paper', 'button and field borders'],
  ['control-line', 'field-bg', 'search and select borders'],
];

describe('interface colours (styles.css)', () => {
  it('reads the colours from :root', () => {
    expect(Object.keys(ui).length).toBeGreaterThan(20);
  });

  it('sets screen colours only through the :root custom properties', () => {
    const screen = withoutPrint(css).replace(/:root\s*\{[^}]*\}/, '');
    const bodies = [...screen.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]);
    const literals = bodies.flatMap((b) => [...b.matchAll(/#[0-9a-fA-F]{3,8}\b/g)].map((m) => m[0]));
    expect(literals).toEqual([]);
    const textColours = bodies.flatMap((b) => [...b.matchAll(/(?:^|[;\s])color\s*:\s*([^;]+)/g)].map((m) => m[1].trim()));
    expect(textColours.length).toBeGreaterThan(20);
    for (const c of textColours) expect(c).toMatch(/^(var\(--[\w-]+\)|currentColor|inherit|CanvasText)$/);
  });

  it.each(TEXT_PAIRS)('%s on %s reaches 4.5:1 (%s)', (fg, bg) => {
    expect(contrastRatio(v(fg), v(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(TOUR_PAIRS)('%s on %s reaches 7:1 while presenting (%s)', (fg, bg) => {
    expect(contrastRatio(v(fg), v(bg))).toBeGreaterThanOrEqual(7);
  });

  it.each(RING_PAIRS)('%s against %s reaches 3:1 (%s)', (fg, bg) => {
    expect(contrastRatio(v(fg), v(bg))).toBeGreaterThanOrEqual(3);
  });

  it('keeps the map’s own focus ring visible on the map background', () => {
    expect(contrastRatio(v('accent'), PALETTE.background)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(v('focus'), PALETTE.background)).toBeGreaterThanOrEqual(3);
  });
});

// ——— The map ———

type Paint = Record<string, unknown>;
const style = buildStyle(boundaries, data, { ...DEFAULT_STATE });
const symbolLayers = style.layers.filter((l): l is Extract<LayerSpecification, { type: 'symbol' }> => l.type === 'symbol');

/** Every literal colour an expression can yield (case/match branches, plain strings). */
function coloursIn(value: unknown): string[] {
  if (typeof value === 'string') return /^#[0-9a-f]{3,6}$/i.test(value) ? [value] : [];
  return Array.isArray(value) ? value.flatMap(coloursIn) : [];
}

/** The halo width a label layer draws at a zoom, for a feature with no properties (the style spec's own evaluation). */
const haloWidth = (value: unknown, zoom: number) => parsePaint('symbol', 'text-halo-width', value).evaluate({ zoom }, { type: 1, properties: {} } as never) as number;

describe('map labels', () => {
  it('draws every label colour at ≥ 4.5:1 on its halo', () => {
    const seen: string[] = [];
    for (const l of symbolLayers) {
      const paint = (l.paint ?? {}) as Paint;
      expect(coloursIn(paint['text-halo-color']), `${l.id} has a halo`).toEqual([PALETTE.halo]);
      for (const zoom of [5, 8, 11, 14]) expect(haloWidth(paint['text-halo-width'], zoom), `${l.id} halo width`).toBeGreaterThanOrEqual(1);
      for (const c of coloursIn(paint['text-color'])) {
        seen.push(c);
        expect(contrastRatio(c, PALETTE.halo), `${l.id} ${c}`).toBeGreaterThanOrEqual(4.5);
      }
    }
    expect(new Set(seen).size).toBeGreaterThanOrEqual(6);
  });

  it('names Tianjin’s and Hebei’s units at ≥ 4.5:1 on their own fill, even where the halo is thin', () => {
    expect(contrastRatio(PALETTE.contextText, PALETTE.contextFill)).toBeGreaterThanOrEqual(4.5);
  });

  it('leaves district names readable on every class of the fill itself (≥ 4.5:1, the fill at its 0.95 opacity)', () => {
    for (const c of [PALETTE.choroplethZero, ...CHOROPLETH_RAMP]) {
      expect(contrastRatio(over(c, 0.95, PALETTE.background), PALETTE.districtText), c).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('the choropleth', () => {
  const classes = [PALETTE.choroplethZero, ...CHOROPLETH_RAMP];

  it.each(VISIONS)('runs from light to dark, zero class lightest, and keeps neighbouring classes ≥ 10 ΔE76 apart (%s)', (vision) => {
    const seen = classes.map((c) => seenAs(c, vision));
    const steps = seen.slice(1).map((c, i) => ({ dL: lightness(seen[i]) - lightness(c), dE: deltaE76(seen[i], c) }));
    console.log(`choropleth, ${vision}: L* ${seen.map((c) => fmt(lightness(c))).join(' > ')}; ΔE76 ${steps.map((s) => fmt(s.dE)).join(', ')}`);
    for (const s of steps) {
      expect(s.dL).toBeGreaterThan(0);
      expect(s.dE).toBeGreaterThanOrEqual(AREA_CLASS_DE);
    }
  });
});

describe('link kinds', () => {
  const links = jjjLinkLayers().filter((l) => l.id.startsWith('jjj-arcs-')) as Array<Extract<LayerSpecification, { type: 'line' }>>;
  const colourOf = (l: (typeof links)[number]) => (l.paint as Paint)['line-color'] as string;
  const dashOf = (l: (typeof links)[number]) => JSON.stringify((l.paint as Paint)['line-dasharray'] ?? null);

  it.each(VISIONS)('are ≥ 20 ΔE76 apart in colour (%s)', (vision) => {
    expect(links.length).toBe(3);
    const pair = closestPair(Object.fromEntries(links.map((l) => [l.id, colourOf(l)])), vision);
    console.log(`links, ${vision}: closest ${pair.a} / ${pair.b} ΔE76 ${fmt(pair.deltaE)}`);
    expect(pair.deltaE).toBeGreaterThanOrEqual(MARK_CATEGORY_DE);
  });

  it('also differ in dash pattern, on the map and in the legend (a second channel)', () => {
    expect(new Set(links.map(dashOf)).size).toBe(links.length);
    const legend = LAYER_CATALOG.jjj.legend.filter((e) => links.some((l) => colourOf(l) === e.colour));
    expect(legend).toHaveLength(links.length);
    // The legend draws each link's own dash and cap (the map's look), so the samples differ as the lines do.
    const drawnDash = (l: (typeof links)[number]) => JSON.stringify(((l.paint as Paint)['line-dasharray'] as unknown[] | undefined)?.[1] ?? null);
    expect(legend.map((e) => JSON.stringify(e.line?.dash ?? null))).toEqual(links.map(drawnDash));
    expect(legend.map((e) => e.line?.cap)).toEqual(links.map((l) => (l.layout as Record<string, unknown>)['line-cap']));
  });
});

describe('point categories', () => {
  /** The dot colours of the point layers: each layer's own colour and the grey of places quiet in the theme. */
  const dots = [...subParkLayers(), ...facilityLayers(), ...jjjLinkLayers()].filter((l) => l.type === 'circle' && (l.id.endsWith('-dot') || l.id === 'jjj-nodes'));
  const categories: Record<string, string> = {};
  for (const l of dots) {
    const [quiet, own] = coloursIn((l.paint as Paint)['circle-color']);
    categories[l.id] = own;
    categories.quiet = quiet;
  }

  it.each(VISIONS)('are pairwise ≥ 20 ΔE76 apart (%s)', (vision) => {
    expect(Object.keys(categories)).toHaveLength(4);
    const pair = closestPair(categories, vision);
    console.log(`points, ${vision}: closest ${pair.a} / ${pair.b} ΔE76 ${fmt(pair.deltaE)}`);
    expect(pair.deltaE).toBeGreaterThanOrEqual(MARK_CATEGORY_DE);
  });

  it('match their legend swatches', () => {
    expect(LAYER_CATALOG['sub-parks'].legend[0].colour).toBe(categories['sub-parks-dot']);
    expect(LAYER_CATALOG.facilities.legend[0].colour).toBe(categories['facilities-dot']);
  });
});
