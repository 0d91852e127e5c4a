/**
 * Second baseline: bare MapLibre drawing the app's own first view — the style the app builds for
 * its default state, every layer, label and inline source, written to same-map.json by the bench
 * from the built data — in a box the size of the app's map (?w=&h=), with none of the app's code
 * (no data loading, UI or state). App time / this time is what the app adds to drawing its map.
 */
/// <reference path="./bare-window.d.ts" />
import { Map as MapLibreMap, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

setWorkerUrl(workerUrl);

window.bareReady = (async () => {
  const query = new URLSearchParams(location.search);
  const box = document.getElementById('map')!;
  for (const [side, key] of [['width', 'w'], ['height', 'h']] as const) if (query.get(key)) box.style[side] = `${Number(query.get(key))}px`;
  const { style, bounds, fontFamily } = (await (await fetch('same-map.json')).json()) as {
    style: StyleSpecification;
    bounds: [number, number, number, number];
    fontFamily: string;
  };
  const map = new MapLibreMap({ container: box, style, bounds, fitBoundsOptions: { padding: 24 }, localIdeographFontFamily: fontFamily, fadeDuration: 0 });
  window.bareMap = map;
  await new Promise<void>((resolve) => map.once('load', () => map.once('idle', () => resolve())));
})();
