/**
 * Every point source the layer modules build (sub-parks, facilities, JJJ nodes, the arrows towards
 * national partners, and any new one), from the same features as the WebGL map (placeSources).
 * A point with a `bearing` is an arrow, any other a dot. Precision halos are drawn in map units (their
 * size is a ground distance); dots and arrows are "pins": groups placed at their point and
 * scaled back to screen pixels at every zoom, so they keep their size as the map zooms.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { GeoProjection } from 'd3-geo';
import type { Lang } from '../i18n/strings.ts';
import { LAYER_CATALOG, layerOfSource } from '../map/layer-catalog.ts';
import { haloLayerOf } from './scene-looks.ts';
import { METRES_PER_PIXEL_Z0 } from '../map/layers/point-style.ts';
import type { LayerId } from '../state/state.ts';
import { REF_ZOOM } from './viewport.ts';
import { r1, svgEl, svgTitle } from './svg-dom.ts';
import { featureName, localeOf } from '../i18n/locale.ts';

export interface PinShape {
  placeId: string;
  /** The style source it comes from. */
  source: string;
  layer: LayerId;
  /** Projected units. */
  x: number;
  y: number;
  quiet: boolean;
  factCount: number;
  name: string;
  /** The tooltip and accessible name: the name, and for national arrows the distance. */
  title: string;
  /** Radius of the position uncertainty in projected units, when the place has one. */
  halo: number | null;
  /** National arrows: the map bearing they point along (degrees clockwise from north). */
  bearing: number | null;
}

/** Dot pixels, clickable: a 3–5 px dot is too small to hit. */
const HIT_RADIUS_PX = 8;

/** A ground distance in projected units (the WebGL halo's formula at REF_ZOOM). */
export const metresToUnits = (m: number) => m / (METRES_PER_PIXEL_Z0 / 2 ** REF_ZOOM);

/** The WebGL dot radius: 3 → 5 px from zoom 7 to 12, 6 → 8 px when selected. */
export function dotRadius(zoom: number, selected: boolean): number {
  const t = Math.min(1, Math.max(0, (zoom - 7) / 5));
  return (selected ? 6 : 3) + 2 * t;
}

/** `sources`: the place sources by id (placeSources); those of points become pins, in their layer. */
export function pinShapes(sources: Record<string, FeatureCollection>, projection: GeoProjection, lang: Lang): PinShape[] {
  return Object.entries(sources).flatMap(([source, fc]) => {
    const layer = layerOfSource(source);
    // Only what the map draws as a mark (a label point, say, is not a pin).
    if (!layer || !LAYER_CATALOG[layer].markSources.includes(source)) return [];
    const points = fc.features.filter((f): f is Feature<Point> => f.geometry?.type === 'Point');
    // A halo where the layer draws one (the style layer scene-looks.ts takes its looks from).
    const halos = LAYER_CATALOG[layer].styleLayers.includes(haloLayerOf(source));
    return points.map((feature): PinShape => {
      const p = feature.properties ?? {};
      const [x, y] = projection(feature.geometry.coordinates as [number, number])!;
      const factCount = Number(p.factCount ?? 0);
      const quiet = factCount === 0;
      const name = featureName(p, localeOf(lang), String(p.placeId));
      const km = typeof p.distanceKm === 'number' ? `${name} ${p.distanceKm.toLocaleString(localeOf(lang).tag)} km` : name;
      return {
        placeId: String(p.placeId),
        source,
        layer,
        x,
        y,
        quiet,
        factCount,
        name: km,
        title: km,
        halo: halos && typeof p.precisionM === 'number' ? metresToUnits(p.precisionM) : null,
        bearing: typeof p.bearing === 'number' ? p.bearing : null,
      };
    });
  });
}

/** Halos of one layer's pins: faint discs the size of the position uncertainty (their looks from the scene). */
export function drawHalos(pins: PinShape[], layer: LayerId): SVGGElement {
  const g = svgEl('g', { class: 'halos', 'data-layer': layer });
  for (const p of pins) {
    if (p.layer !== layer || p.halo === null) continue;
    g.append(
      svgEl('circle', {
        'data-place': p.placeId,
        'data-source': p.source,
        cx: r1(p.x),
        cy: r1(p.y),
        r: r1(p.halo),
      }),
    );
  }
  return g;
}

/**
 * One layer's dots (or arrows): each a pin with a <title>, keyed by data-place and data-source;
 * data-x/data-y hold its projected position for the view to place it at every zoom.
 */
export function drawPins(pins: PinShape[], layer: LayerId): SVGGElement {
  const g = svgEl('g', { class: 'pins', 'data-layer': layer });
  for (const p of pins) {
    if (p.layer !== layer) continue;
    const pin = svgEl('g', { class: 'pin', 'data-place': p.placeId, 'data-source': p.source, 'data-x': p.x, 'data-y': p.y }, svgTitle(p.title));
    if (p.bearing !== null) {
      // "→" points east: turned to the bearing (clockwise from north), as the WebGL arrow.
      const arrow = svgEl('text', { class: 'arrow', transform: `rotate(${r1(p.bearing - 90)})`, 'text-anchor': 'middle', 'dominant-baseline': 'central' });
      arrow.textContent = '→';
      pin.append(arrow);
    } else {
      pin.append(svgEl('circle', { class: 'dot' }));
    }
    pin.append(svgEl('circle', { class: 'hit', r: HIT_RADIUS_PX, fill: 'transparent' }));
    g.append(pin);
  }
  return g;
}
