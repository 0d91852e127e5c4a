/**
 * Printing the map without `preserveDrawingBuffer`: a WebGL canvas prints blank once its frame
 * has been composited, so on 'beforeprint' (window.print() or Ctrl+P) the map is drawn once
 * more at print resolution and copied, in the same task, into a 2D canvas that the print
 * stylesheet shows in its place. 'afterprint' restores the pixel ratio's owner and frees it.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export type Paper = 'a4' | 'a3';

/** Pixel ratio of the printed map: enough for ~200 dpi on A4 from a typical screen-sized map. */
const PRINT_RATIO = 2;

/** Draws the map now (synchronously) into `target`, at `ratio` × its CSS size. */
export function snapshotMap(map: MapLibreMap, target: HTMLCanvasElement, ratio = PRINT_RATIO): void {
  const followsDevice = map.getPixelRatio() === window.devicePixelRatio;
  const before = map.getPixelRatio();
  const gl = map.getCanvas();
  try {
    if (ratio !== before) map.setPixelRatio(ratio);
    map.redraw();
    target.width = gl.width;
    target.height = gl.height;
    target.getContext('2d')?.drawImage(gl, 0, 0);
  } finally {
    if (ratio !== before) map.setPixelRatio(followsDevice ? (null as unknown as number) : before);
  }
}

/**
 * Keeps a print snapshot of the map: installs the before/after print listeners and returns
 * a function that removes them (and the snapshot canvas).
 */
export function enablePrintSnapshot(map: MapLibreMap): () => void {
  const snapshot = document.createElement('canvas');
  snapshot.className = 'print-snapshot';
  snapshot.setAttribute('aria-hidden', 'true');
  map.getContainer().append(snapshot);
  const before = () => {
    try {
      snapshotMap(map, snapshot);
    } catch {
      // Nothing to print but the live canvas: leave it to the browser.
    }
  };
  const after = () => {
    snapshot.width = 0;
    snapshot.height = 0;
    document.documentElement.classList.remove('print-a3');
  };
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
    snapshot.remove();
  };
}

/** Prints the page on A4 (default) or A3 landscape (the print stylesheet's `.print-a3`). */
export function printMap(paper: Paper = 'a4'): void {
  document.documentElement.classList.toggle('print-a3', paper === 'a3');
  window.print();
}
