/** Colours and type shared by the map layers. */
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Lang } from '../i18n/strings.ts';

export const PALETTE = {
  background: '#dfe6ea',
  contextFill: '#f1efe9',
  contextLine: '#b9b3a6',
  contextText: '#7a7466',
  provinceLine: '#8f8878',
  districtFill: '#fbf7ec',
  districtHover: '#f6c760',
  districtLine: '#6b604c',
  districtText: '#2b2618',
  halo: '#ffffff',
} as const;

/** Drawn from the browser's own fonts (no glyph server): CJK first, then a Latin fallback. */
export const labelFont = ['Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'sans-serif'];
export const localIdeographFontFamily = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

export function nameField(lang: Lang): ExpressionSpecification {
  return ['get', lang === 'en' ? 'nameEn' : 'nameZhHans'];
}
