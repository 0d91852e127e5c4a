/**
 * The export feature wired to the atlas: one call from main.ts mounts the menu on the header's
 * export button, with PNG (current view), SVG (the districts, current counts) and print. PNG
 * and the print snapshot read the WebGL canvas: with the SVG map (no WebGL) PNG is not offered
 * and print prints the page as it is (an SVG prints as drawn).
 */
import type { AtlasIndex } from '../data/atlas-data.ts';
import type { Boundaries } from '../data/load-boundaries.ts';
import type { AtlasState } from '../state/state.ts';
import { exportFilename, exportFrame, layoutFrame } from './frame.ts';
import { colourOfCounts } from '../map/choropleth.ts';
import { type ExportMenu, download, mountExportMenu } from './export-menu.ts';
import { exportPng } from './png-export.ts';
import { enablePrintSnapshot, printMap } from './print.ts';
import { exportSvg } from './svg-export.ts';
import type { MapView } from '../map/map-view.ts';

export { download, mountExportMenu, type ExportHandlers, type ExportMenu } from './export-menu.ts';
export { exportPng, lastExportSize, pngSize, type PngScale } from './png-export.ts';
export { enablePrintSnapshot, printMap, snapshotMap } from './print.ts';
export { exportSvg, type SvgExportOptions } from './svg-export.ts';

/** The SVG of the current state: the districts with the topic's counts, the size of the map on screen. */
export function svgOfState(view: MapView, b: Boundaries, data: AtlasIndex, s: AtlasState): string {
  const counts = data.districtCounts(s.topic);
  const frame = exportFrame(counts, s.topic, s.lang);
  const c = view.container;
  const width = Math.max(600, Math.floor(c.clientWidth));
  const mapH = Math.max(450, Math.floor(c.clientHeight));
  const layout = layoutFrame(width, frame);
  // A moved camera exports what is on screen; the default view, all of Beijing.
  const bounds = s.camera ? view.visibleBounds() : undefined;
  return exportSvg(b, counts, colourOfCounts(counts.values()), { ...frame, lang: s.lang, width, height: layout.header + mapH + layout.footer, bounds });
}

export interface AtlasExport extends ExportMenu {
  /** The map's renderer changed (WebGL context lost): offer what the new one can export. */
  viewChanged(): void;
}

/** `view` gives the map shown now. */
export function mountAtlasExport(button: HTMLButtonElement, view: () => MapView, b: Boundaries, data: AtlasIndex, state: () => AtlasState): AtlasExport {
  const menu = mountExportMenu(
    button,
    {
      async png(scale) {
        const map = view().map;
        if (!map) throw new Error('no WebGL map');
        const s = state();
        const blob = await exportPng(map, scale, exportFrame(data.districtCounts(s.topic), s.topic, s.lang));
        download(blob, exportFilename('png', s.topic, new Date(), scale));
      },
      svg() {
        const s = state();
        download(svgOfState(view(), b, data, s), exportFilename('svg', s.topic, new Date()));
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
  return {
    ...menu,
    viewChanged: follow,
    destroy() {
      removePrint();
      menu.destroy();
    },
  };
}
