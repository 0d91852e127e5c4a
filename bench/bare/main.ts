/**
 * Baseline for the benchmark: the same district data drawn with bare MapLibre — one fill
 * and one line layer, no labels, no UI. `window.bareReady` resolves when the map is idle.
 */
/// <reference path="./bare-window.d.ts" />
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

setWorkerUrl(workerUrl);

window.bareReady = (async () => {
  const topo = (await (await fetch('data/boundaries.topo.json')).json()) as Topology;
  const districts = feature(topo, topo.objects.districts as GeometryCollection);
  const map = new MapLibreMap({
    container: 'map',
    style: {
      version: 8,
      sources: { d: { type: 'geojson', data: districts } },
      layers: [
        { id: 'f', type: 'fill', source: 'd', paint: { 'fill-color': '#fbf7ec' } },
        { id: 'l', type: 'line', source: 'd', paint: { 'line-color': '#6b604c' } },
      ],
    },
    bounds: [115.42, 39.44, 117.51, 41.06],
  });
  window.bareMap = map;
  await new Promise<void>((resolve) => map.once('load', () => map.once('idle', () => resolve())));
})();
