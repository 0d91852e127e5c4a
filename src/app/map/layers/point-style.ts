/** Paint and label layout shared by the point layers: honest precision halos, muted zero-count points, selection. */
import type { ExpressionSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { Lang } from '../../i18n/strings.ts';
import { PALETTE, labelFont, nameField } from '../map-theme.ts';

/**
 * Metres per pixel at zoom 0 at Beijing's latitude (40°N). MapLibre's world is 512 px wide at
 * zoom 0 (not 256 as in raster tiling), so this is 40 075 016.686 m × cos 40° / 512.
 */
export const METRES_PER_PIXEL_Z0 = (40075016.686 * Math.cos((40 * Math.PI) / 180)) / 512;

/**
 * A circle whose radius in pixels is the place's position uncertainty (`precisionM`) on the
 * ground at the current zoom: r(z) = precisionM / (METRES_PER_PIXEL_Z0 / 2^z), i.e. exponential
 * base 2 over zoom between the two ends.
 */
export function precisionRadius(): ExpressionSpecification {
  const r0: ExpressionSpecification = ['/', ['to-number', ['get', 'precisionM'], 0], METRES_PER_PIXEL_Z0];
  return ['interpolate', ['exponential', 2], ['zoom'], 0, r0, 20, ['*', r0, 2 ** 20]];
}

/** Dots and halos: a point the topic does not mention is quieter (HALO_LOOK is also the legend's halo symbol). */
const DOT_LOOK = { quietOpacity: 0.6, strokeWidth: 1, selectedStrokeWidth: 2.5 } as const;
export const HALO_LOOK = { fillOpacity: { cited: 0.12, quiet: 0.05 }, strokeOpacity: { cited: 0.45, quiet: 0.2 }, strokeWidth: 1 } as const;

export const isSelected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
export const isQuiet: ExpressionSpecification = ['==', ['to-number', ['get', 'factCount'], 0], 0];

/** The point's own colour, or grey when the documents say nothing about it in the topic. */
export function pointColour(colour: string | ExpressionSpecification): ExpressionSpecification {
  return ['case', isQuiet, PALETTE.muted, colour];
}

/** Most-cited places are placed first, so they win label collisions. */
export const citedFirst: ExpressionSpecification = ['-', 0, ['to-number', ['get', 'factCount'], 0]];

export function dotPaint(colour: string | ExpressionSpecification) {
  return {
    'circle-color': pointColour(colour),
    // A zoom curve must be the outermost expression, so the selection case sits inside each stop.
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, ['case', isSelected, 6, 3], 12, ['case', isSelected, 8, 5]] as ExpressionSpecification,
    'circle-stroke-color': ['case', isSelected, PALETTE.selected, PALETTE.halo] as ExpressionSpecification,
    'circle-stroke-width': ['case', isSelected, DOT_LOOK.selectedStrokeWidth, DOT_LOOK.strokeWidth] as ExpressionSpecification,
    'circle-opacity': ['case', isQuiet, DOT_LOOK.quietOpacity, 1] as ExpressionSpecification,
  };
}

export function haloPaint(colour: string) {
  return {
    'circle-radius': precisionRadius(),
    'circle-color': pointColour(colour),
    'circle-opacity': ['case', isQuiet, HALO_LOOK.fillOpacity.quiet, HALO_LOOK.fillOpacity.cited] as ExpressionSpecification,
    'circle-stroke-color': pointColour(colour),
    'circle-stroke-width': HALO_LOOK.strokeWidth,
    'circle-stroke-opacity': ['case', isQuiet, HALO_LOOK.strokeOpacity.quiet, HALO_LOOK.strokeOpacity.cited] as ExpressionSpecification,
  };
}

export function labelPaint(colour: string) {
  return {
    'text-color': ['case', isQuiet, PALETTE.mutedText, colour] as ExpressionSpecification,
    'text-halo-color': PALETTE.halo,
    'text-halo-width': 1.5,
  };
}

/** Point names: small, free to sit on whichever side has room, most-cited first. */
export function pointLabelLayout(lang: Lang, extra: SymbolLayerSpecification['layout'] = {}): SymbolLayerSpecification['layout'] {
  return {
    'text-field': nameField(lang),
    'text-font': labelFont,
    'text-size': 11,
    'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
    'text-radial-offset': 0.7,
    'text-max-width': 8,
    'symbol-sort-key': citedFirst,
    ...extra,
  };
}
