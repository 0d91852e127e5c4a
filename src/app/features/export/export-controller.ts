/**
 * The export feature wired to the store: one call from main.ts mounts the menu on the header's
 * export button, with PNG (current view), SVG (every layer of the current view, editable) and print. PNG
 * and the print snapshot read the WebGL canvas: with the SVG map (no WebGL) PNG is not offered
 * and print prints the page as it is (an SVG prints as drawn).
 */
import type { AtlasIndex } from '../../data/atlas-data.ts';
import type { Boundaries } from '../../data/load-boundaries.ts';
import type { Store } from '../../state/store.ts';
import { exportFilename, exportFrame } from './frame.ts';
import { type ExportMenu, download, mountExportMenu } from './export-menu.ts';
import { exportPng } from './png-export.ts';
import { enablePrintSnapshot, printMap } from './print.ts';
import type { MapView } from '../../map/map-view.ts';

export { download, mountExportMenu, type ExportHandlers, type ExportMenu } from './export-menu.ts';
export { exportPng, lastExportSize, pngSize, type PngScale } from './png-export.ts';
export { enablePrintSnapshot, printMap, snapshotMap } from './print.ts';

export interface AtlasExport extends ExportMenu {
  /** The map's renderer changed (WebGL context lost): offer what the new one can export. */
  viewChanged(): void;
}

/** `view` gives the map shown now; the menu follows the store's language. */
export function mountAtlasExport(button: HTMLButtonElement, view: () => MapView, b: Boundaries, data: AtlasIndex, store: Store): AtlasExport {
  const state = store.get;
  const menu = mountExportMenu(
    button,
    {
      async png(scale) {
        const map = view().map;
        if (!map) throw new Error('no WebGL map');
        const s = state();
        const blob = await exportPng(map, scale, exportFrame(data.districtCounts(s.topic), s.topic, s.lang, s.layers));
        download(blob, exportFilename('png', s.topic, new Date(), scale));
      },
      async svg() {
        const s = state();
        // The scene evaluator (MapLibre's style-spec expressions) loads only when an SVG is asked for.
        const { atlasSvg } = await import('./atlas-svg.ts');
        const c = view().container;
        const svg = atlasSvg(b, data, s, {
          width: Math.max(600, Math.floor(c.clientWidth)),
          mapHeight: Math.max(450, Math.floor(c.clientHeight)),
          // A moved camera exports what is on screen; the default view, all of Beijing.
          bounds: s.camera ? view().visibleBounds() : null,
        });
        download(svg, exportFilename('svg', s.topic, new Date()));
      },
      print: () => printMap('a4'),
    },
    state().lang,
  );
  let removePrint = () => {};
  const follow = () => {
    removePrint();
    const map = view().map;
    removePrint = map ? enablePrintSnapshot(map) : () => {};
    menu.showPng(!!map);
  };
  follow();
  store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) menu.setLang(s.lang);
  });
  return {
    ...menu,
    viewChanged: follow,
    destroy() {
      removePrint();
      menu.destroy();
    },
  };
}
