/** Colours and type shared by the map layers (and by the legend, through the layer catalog). */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Lang } from '../i18n/strings.ts';
import { localeOf } from '../i18n/locale.ts';

export const PALETTE = {
  background: '#dfe6ea',
  /**
   * Tianjin and Hebei, a shade darker than Beijing's palest class (was #f1efe9) so the subject
   * stays the lightest land; their names reach 4.5:1 on it even without the halo (was #7a7466).
   */
  contextFill: '#ecebe5',
  contextLine: '#b9b3a6',
  contextText: '#68635a',
  provinceLine: '#8f8878',
  districtFill: '#fbf7ec',
  /** Hover is an outline over the choropleth: dark, so it reads on every class. */
  districtHover: '#4a3f2c',
  districtLine: '#6b604c',
  districtSelected: '#1f1a10',
  districtText: '#2b2618',
  halo: '#ffffff',
  /**
   * Districts the documents say nothing about (in the topic): a pale neutral grey, not the ramp's
   * start, and lighter than every class so the fill reads in order (was #e4e4e1, darker than the
   * first class; see tests/unit/app/palette.test.ts).
   */
  choroplethZero: '#f8f7f4',
  /** Science cities and the 一区: blue, apart from the orange choropleth beneath them. */
  extentFill: '#3f6fb5',
  extentLine: '#24497f',
  extentText: '#1d3a66',
  subPark: '#7a3e9d',
  /** Green, not teal (was #1b7f6b): apart from the grey dots and the sub-parks' purple under every simulated deficiency. */
  facility: '#187048',
  /** Dots of places the documents say nothing about (in the topic): quiet, drawn at 0.6 opacity. */
  muted: '#9a978f',
  /** Names and arrows of those places: still quiet, but text needs 4.5:1 on the white halo (the dot grey gives 2.9:1). */
  mutedText: '#6b675e',
  pointText: '#222222',
  selected: '#111111',
  linkZgcPark: '#c2410c',
  linkIntegration: '#2563a8',
  linkCooperation: '#4b5563',
  national: '#7c2d12',
  /** Places the documents only name as a location (a launch site): no tie stated, so no partner colour. */
  mention: '#5f6b7a',
} as const;

/**
 * Sequential single-hue orange ramp (light → dark) for 1…4 classes of fact counts: single-hue
 * ramps are read correctly under every common colour-vision deficiency, and the darkest class
 * still gives the dark label text ≥ 4.5:1 contrast. The middle classes are spaced so adjacent
 * classes stay ≥ 14 ΔE76 apart under each simulated deficiency (was #fdeac0 … #f5a54a, 10.3 at
 * worst); all of it is checked in tests/unit/app/palette.test.ts.
 */
export const CHOROPLETH_RAMP = ['#f6e2b8', '#fbcb7c', '#fcac4f', '#de7b2e'] as const;

/** Drawn from the browser's own fonts (no glyph server): CJK first, then a Latin fallback. */
export const labelFont = ['Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'sans-serif'];
export const localIdeographFontFamily = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

export function nameField(lang: Lang): ExpressionSpecification {
  return ['get', localeOf(lang).nameProperty];
}

/** A district's map label: its name, short where the locale drops a suffix (as mapDistrictName). */
export function districtNameField(lang: Lang): ExpressionSpecification {
  const loc = localeOf(lang);
  if (!loc.mapDropsSuffix) return nameField(lang);
  const suffix = loc.mapDropsSuffix;
  const name: ExpressionSpecification = ['to-string', nameField(lang)];
  const cut: ExpressionSpecification = ['-', ['length', name], suffix.length];
  return ['case', ['all', ['>', cut, 0], ['==', ['slice', name, cut], suffix]], ['slice', name, 0, cut], name];
}

