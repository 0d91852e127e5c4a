/**
 * MapLibre's own control labels (zoom buttons, the canvas's name) in the UI language. Its
 * `locale` option is read once, at construction; the language can change later, so the labels
 * are also set on the controls' buttons when it does.
 */
import { t, type Lang } from '../i18n/strings.ts';

export function mapLocale(lang: Lang): Record<string, string> {
  return {
    'Map.Title': t('mapLabel', lang),
    'NavigationControl.ZoomIn': t('map.zoomIn', lang),
    'NavigationControl.ZoomOut': t('map.zoomOut', lang),
  };
}

const CONTROLS: Array<[selector: string, key: string]> = [
  ['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn'],
  ['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut'],
];

export function labelMapControls(container: HTMLElement, lang: Lang): void {
  const locale = mapLocale(lang);
  for (const [selector, key] of CONTROLS) {
    for (const button of container.querySelectorAll<HTMLElement>(selector)) {
      button.title = locale[key];
      button.setAttribute('aria-label', locale[key]);
    }
  }
  container.querySelector('canvas.maplibregl-canvas')?.setAttribute('aria-label', locale['Map.Title']);
}
