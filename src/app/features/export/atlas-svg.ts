/**
 * The atlas state as an SVG document: its scene (every layer the map shows, evaluated from the
 * map's own style at the document's scale) with the frame — title, theme line, a legend of every
 * symbol drawn, notice and attribution. Pure; loaded by the export menu only when asked for.
 */
import bbox from '@turf/bbox';
import type { AtlasIndex } from '../../data/atlas-data.ts';
import type { Boundaries } from '../../data/load-boundaries.ts';
import type { AtlasState } from '../../state/state.ts';
import { sceneOfState } from '../../scene/scene-of-state.ts';
import { exportFrame, layoutFrame } from './frame.ts';
import { exportSvg } from './svg-export.ts';
import { featureName, localeOf } from '../../i18n/locale.ts';

export interface AtlasSvgSize {
  /** Document width and the map box's height (CSS px); the bands come on top of it. */
  width: number;
  mapHeight: number;
  /** [west, south, east, north]; null for all of Beijing. */
  bounds: [number, number, number, number] | null;
}

export function atlasSvg(b: Boundaries, data: AtlasIndex, s: AtlasState, size: AtlasSvgSize): string {
  const counts = data.districtCounts(s.topic);
  const beijing = b.outlines.features.find((f) => f.properties?.id === 'beijing');
  const bounds = size.bounds ?? (bbox(beijing ?? b.districts) as [number, number, number, number]);
  const frame = exportFrame(counts, s.topic, s.lang, s.layers);
  const layout = layoutFrame(size.width, frame);
  const names = new Map(b.districts.features.map((f) => [String(f.properties?.id), featureName(f.properties, localeOf(s.lang), String(f.properties?.id))]));
  return exportSvg((zoom) => sceneOfState(b, data, s, zoom), {
    ...frame, lang: s.lang, width: size.width, height: layout.header + size.mapHeight + layout.footer, bounds, names, counts,
  });
}
