/** The SVG map's one-line notice: that it is a simplified map, and why WebGL is not used. */
import { type Lang, t } from '../i18n/strings.ts';
import type { FallbackReason } from '../map/map-view.ts';

const DETAIL_MAX = 120;

/** The one-line notice: what this map is and why it is shown. */
export function fallbackNotice(reason: FallbackReason, lang: Lang): string {
  return t('svgMap.notice', lang, { reason: reasonText(reason, lang) });
}

/** MapLibre throws a GPUInitializationError when it gets no WebGL2 context: that is "no WebGL2", not a failure. */
function reasonText(reason: FallbackReason, lang: Lang): string {
  if (reason.kind === 'lost') return t('svgMap.lost', lang);
  const e = reason.kind === 'failed' ? reason.error : null;
  if (reason.kind === 'unsupported' || (e instanceof Error && e.name === 'GPUInitializationError')) return t('svgMap.unsupported', lang);
  const detail = e instanceof Error ? e.message : String(e);
  return t('svgMap.failed', lang, { detail: detail.length > DETAIL_MAX ? `${detail.slice(0, DETAIL_MAX)}…` : detail });
}
