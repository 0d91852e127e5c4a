/**
 * Sub-parks, facilities, JJJ nodes and the arrows towards national partners, from the same point
 * features as the WebGL map (buildPlaceFeatures). Precision halos are drawn in map units (their
 * size is a ground distance); dots and arrows are "pins": groups placed at their point and
 * scaled back to screen pixels at every zoom, so they keep their size as the map zooms.
 */
import type { Feature, Point } from 'geojson';
import type { GeoProjection } from 'd3-geo';
import type { Lang } from '../i18n/strings.ts';
import type { PlaceFeatures } from '../map/place-features.ts';
import { METRES_PER_PIXEL_Z0 } from '../map/layers/point-style.ts';
import type { LayerId } from '../state/state.ts';
import { REF_ZOOM } from './viewport.ts';
import { r1, svgEl, svgTitle } from './svg-dom.ts';
import { featureName, localeOf } from '../i18n/locale.ts';

export type PinSource = 'sub-parks' | 'facilities' | 'jjj-nodes' | 'national';

export interface PinShape {
  placeId: string;
  source: PinSource;
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

/** The layer toggle each point source belongs to. */
const PIN_LAYER: Record<PinSource, LayerId> = { 'sub-parks': 'sub-parks', facilities: 'facilities', 'jjj-nodes': 'jjj', national: 'jjj' };

/** Dot pixels, clickable: a 3–5 px dot is too small to hit. */
const HIT_RADIUS_PX = 8;

/** A ground distance in projected units (the WebGL halo's formula at REF_ZOOM). */
export const metresToUnits = (m: number) => m / (METRES_PER_PIXEL_Z0 / 2 ** REF_ZOOM);

/** The WebGL dot radius: 3 → 5 px from zoom 7 to 12, 6 → 8 px when selected. */
export function dotRadius(zoom: number, selected: boolean): number {
  const t = Math.min(1, Math.max(0, (zoom - 7) / 5));
  return (selected ? 6 : 3) + 2 * t;
}

export function pinShapes(f: PlaceFeatures, projection: GeoProjection, lang: Lang): PinShape[] {
  const sources: Array<[PinSource, Feature<Point>[]]> = [
    ['jjj-nodes', f.jjjNodes.features],
    ['sub-parks', f.subParks.features],
    ['facilities', f.facilities.features],
    ['national', f.national.features],
  ];
  return sources.flatMap(([source, features]) =>
    features.map((feature): PinShape => {
      const p = feature.properties ?? {};
      const [x, y] = projection(feature.geometry.coordinates as [number, number])!;
      const factCount = Number(p.factCount ?? 0);
      const quiet = factCount === 0;
      const name = featureName(p, localeOf(lang), String(p.placeId));
      const km = source === 'national' ? `${name} ${Number(p.distanceKm).toLocaleString(localeOf(lang).tag)} km` : name;
      return {
        placeId: String(p.placeId),
        source,
        layer: PIN_LAYER[source],
        x,
        y,
        quiet,
        factCount,
        name: km,
        title: km,
        halo: typeof p.precisionM === 'number' ? metresToUnits(p.precisionM) : null,
        bearing: source === 'national' ? Number(p.bearing) : null,
      };
    }),
  );
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
