import type { Map as MapLibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    /** Resolves when the baseline map has loaded and gone idle. */
    bareReady: Promise<void>;
    /** For the benchmark's flights (the same cameras as the app's tour). */
    bareMap: MapLibreMap;
  }
}
