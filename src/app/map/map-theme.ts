/** Colours and type shared by the map layers (and by the legend, through the layer catalog). */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Lang } from '../i18n/strings.ts';

export const PALETTE = {
  background: '#dfe6ea',
  contextFill: '#f1efe9',
  contextLine: '#b9b3a6',
  contextText: '#7a7466',
  provinceLine: '#8f8878',
  districtFill: '#fbf7ec',
  /** Hover is an outline over the choropleth: dark, so it reads on every class. */
  districtHover: '#4a3f2c',
  districtLine: '#6b604c',
  districtSelected: '#1f1a10',
  districtText: '#2b2618',
  halo: '#ffffff',
  /** Districts the documents say nothing about (in the topic): a neutral grey, not the ramp's start. */
  choroplethZero: '#e4e4e1',
  /** Science cities and the 一区: blue, apart from the orange choropleth beneath them. */
  extentFill: '#3f6fb5',
  extentLine: '#24497f',
  extentText: '#1d3a66',
  subPark: '#7a3e9d',
  facility: '#1b7f6b',
  muted: '#9a978f',
  pointText: '#222222',
  selected: '#111111',
  linkZgcPark: '#c2410c',
  linkIntegration: '#2563a8',
  linkCooperation: '#4b5563',
  national: '#7c2d12',
} as const;

/**
 * Sequential single-hue orange ramp (light → dark) for 1…4 classes of fact counts: single-hue
 * ramps are read correctly under every common colour-vision deficiency, and the darkest class
 * still gives the dark label text ≥ 4.5:1 contrast (checked in the unit tests).
 */
export const CHOROPLETH_RAMP = ['#fdeac0', '#fbcb7c', '#f5a54a', '#de7b2e'] as const;

/** Drawn from the browser's own fonts (no glyph server): CJK first, then a Latin fallback. */
export const labelFont = ['Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'sans-serif'];
export const localIdeographFontFamily = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

export function nameField(lang: Lang): ExpressionSpecification {
  return ['get', lang === 'en' ? 'nameEn' : 'nameZhHans'];
}

/** BCP 47 locale for numbers drawn on the map (thousands separators). */
export const numberLocale = (lang: Lang) => (lang === 'en' ? 'en-US' : 'zh-CN');
