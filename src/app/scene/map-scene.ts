/**
 * The map as a renderer-neutral scene: every shape the current state draws, with its resolved
 * look — fill, stroke, dash, radius, opacity, label text and size — in drawing order. It is the
 * one MapLibre style (src/app/map/build-style.ts, from the layer modules) evaluated with
 * MapLibre's own expression evaluator, at one zoom, for the feature states applyState sets. So
 * what the WebGL map draws and what a scene renderer (the SVG export) draws cannot drift apart,
 * and a new layer module reaches every output with no code here. Pure: runs in Node.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { createPropertyExpression, featureFilter, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { LayerId } from '../state/state.ts';
import { LAYER_CATALOG } from '../map/layer-catalog.ts';

export type ShapeKind = 'area' | 'line' | 'circle' | 'text';

export interface SceneShape {
  kind: ShapeKind;
  /** The style layer that draws it (its z-order is the shape's index in the scene). */
  styleLayer: string;
  /** The toggleable layer it belongs to; null for the backdrop (context, outlines). */
  layer: LayerId | null;
  /** The place it stands for (districts and extents by `id`, points by `placeId`). */
  placeId: string | null;
  geometry: Geometry;
  fill?: string;
  fillOpacity?: number;
  stroke?: string;
  /** Stroke width in CSS px. */
  strokeWidth?: number;
  strokeOpacity?: number;
  /** Dash and gap lengths in CSS px (MapLibre's are in line widths: multiplied out here). */
  dash?: number[];
  /** Circle radius in CSS px. */
  radius?: number;
  text?: string;
  textSize?: number;
  textColour?: string;
  haloColour?: string;
  haloWidth?: number;
  /** Text rotation in degrees clockwise. */
  rotate?: number;
  /** Where a label may sit: centred on its point, or beside it at one of these anchors (MapLibre's `text-variable-anchor`). */
  anchors?: string[];
  /** Distance from the point to a label beside it, in ems. */
  offsetEm?: number;
  /** Drawn even where it overlaps other labels (arrows). */
  overlap?: boolean;
}

export interface MapScene {
  zoom: number;
  background: string;
  shapes: SceneShape[];
}

/** Feature states by source, then feature id: what applyState sets (`count`, `selected`). */
export type FeatureStates = Map<string, Map<string, Record<string, unknown>>>;

const dataDriven = (type: string): StylePropertySpecification =>
  ({ type, 'property-type': 'data-driven', expression: { interpolated: type !== 'formatted', parameters: ['zoom', 'feature', 'feature-state'] } }) as unknown as StylePropertySpecification;
const SPEC = { color: dataDriven('color'), number: dataDriven('number'), formatted: dataDriven('formatted') };

type Evaluated = (props: Record<string, unknown>, id: string, state: Record<string, unknown>) => unknown;
type Evaluator = (value: unknown, kind: keyof typeof SPEC, rootKey: string) => Evaluated;

/**
 * The paint and layout properties each layer type is drawn with, by the name the scene gives
 * them. Absent ones take MapLibre's defaults below (line width 1, circle radius 5, text size 16).
 */
const LOOK_PROPERTIES = {
  fill: { fill: ['paint', 'fill-color', 'color'], opacity: ['paint', 'fill-opacity', 'number'] },
  line: { colour: ['paint', 'line-color', 'color'], width: ['paint', 'line-width', 'number'], opacity: ['paint', 'line-opacity', 'number'] },
  circle: {
    fill: ['paint', 'circle-color', 'color'], radius: ['paint', 'circle-radius', 'number'], opacity: ['paint', 'circle-opacity', 'number'],
    stroke: ['paint', 'circle-stroke-color', 'color'], strokeWidth: ['paint', 'circle-stroke-width', 'number'], strokeOpacity: ['paint', 'circle-stroke-opacity', 'number'],
  },
  symbol: {
    field: ['layout', 'text-field', 'formatted'], size: ['layout', 'text-size', 'number'], rotate: ['layout', 'text-rotate', 'number'],
    colour: ['paint', 'text-color', 'color'], halo: ['paint', 'text-halo-color', 'color'], haloWidth: ['paint', 'text-halo-width', 'number'],
  },
} as const satisfies Record<string, Record<string, readonly ['paint' | 'layout', string, keyof typeof SPEC]>>;

/** Compiles a paint or layout value once per layer; evaluating it per feature is cheap. */
function evaluatorAt(zoom: number): Evaluator {
  return (value, kind, rootKey) => {
    if (value === undefined) return () => undefined;
    const compiled = createPropertyExpression(value, rootKey, SPEC[kind]);
    if (compiled.result === 'error') throw new Error(`scene: cannot evaluate ${JSON.stringify(value)}: ${compiled.value.map((e) => e.message).join('; ')}`);
    const expr = compiled.value;
    return (properties, id, state) => expr.evaluate({ zoom }, { type: 'Unknown', id, properties }, state);
  };
}

const hex2 = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 255).toString(16).padStart(2, '0');
/** A MapLibre colour as #rrggbb (its alpha goes to the opacity: see `alphaOf`). */
function hexOf(c: unknown): string | undefined {
  const rgb = (c as { rgb?: number[] } | undefined)?.rgb;
  return rgb ? `#${hex2(rgb[0])}${hex2(rgb[1])}${hex2(rgb[2])}` : undefined;
}
const alphaOf = (c: unknown) => (c as { rgb?: number[] } | undefined)?.rgb?.[3] ?? 1;
const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
const times = (a: number | undefined, b: number) => (a === undefined ? b : a * b);

/** The style layer's toggle (from the layer catalog), or null for the backdrop. */
const toggleOf = (() => {
  const byStyleLayer = new Map<string, LayerId>();
  for (const [id, entry] of Object.entries(LAYER_CATALOG)) for (const l of entry.styleLayers) byStyleLayer.set(l, id as LayerId);
  return (styleLayer: string) => byStyleLayer.get(styleLayer) ?? null;
})();

function placeIdOf(properties: Record<string, unknown>): string | null {
  const id = properties.placeId ?? properties.id;
  return id === undefined || id === null ? null : String(id);
}

function paintOf(l: LayerSpecification): Record<string, unknown> {
  return ((l as { paint?: Record<string, unknown> }).paint ?? {}) as Record<string, unknown>;
}
function layoutOf(l: LayerSpecification): Record<string, unknown> {
  return ((l as { layout?: Record<string, unknown> }).layout ?? {}) as Record<string, unknown>;
}

/** A literal dash array (`['literal', [3, 2]]` or `[3, 2]`), in line widths. */
function dashOf(value: unknown): number[] | undefined {
  const v = Array.isArray(value) && value[0] === 'literal' ? value[1] : value;
  return Array.isArray(v) && v.every((x) => typeof x === 'number') ? (v as number[]) : undefined;
}

/**
 * The scene of a style at `zoom`: the visible layers in style order (hidden ones, and those
 * outside their zoom range, draw nothing), each feature of their source that passes the
 * layer's filter, with every look evaluated for that feature and its state.
 */
export function buildScene(style: StyleSpecification, states: FeatureStates, zoom: number): MapScene {
  const evaluate = evaluatorAt(zoom);
  const shapes: SceneShape[] = [];
  let background = '#ffffff';
  for (const [index, l] of style.layers.entries()) {
    const paint = paintOf(l);
    const layout = layoutOf(l);
    if (layout.visibility === 'none') continue;
    if ((l.minzoom !== undefined && zoom < l.minzoom) || (l.maxzoom !== undefined && zoom >= l.maxzoom)) continue;
    if (l.type === 'background') {
      background = hexOf(evaluate(paint['background-color'], 'color', `layers[${index}].paint.background-color`)({}, '', {})) ?? background;
      continue;
    }
    if (!('source' in l) || typeof l.source !== 'string') continue;
    const source = style.sources[l.source] as { type: string; data?: unknown; promoteId?: string } | undefined;
    const data = source?.type === 'geojson' ? (source.data as FeatureCollection | undefined) : undefined;
    if (!data?.features) continue;
    const filter = featureFilter(('filter' in l ? l.filter : undefined) as never, `layers[${index}].filter`);
    const sourceStates = states.get(l.source);
    const layer = toggleOf(l.id);
    const base = { styleLayer: l.id, layer };
    const drawnWith = LOOK_PROPERTIES[l.type as keyof typeof LOOK_PROPERTIES];
    if (!drawnWith) continue;
    const look: Record<string, Evaluated> = Object.fromEntries(
      Object.entries(drawnWith).map(([name, [where, key, kind]]) => [name, evaluate((where === 'paint' ? paint : layout)[key], kind, `layers[${index}].${where}.${key}`)]),
    );
    const dash = l.type === 'line' ? dashOf(paint['line-dasharray']) : undefined;
    for (const f of data.features) {
      const properties = (f.properties ?? {}) as Record<string, unknown>;
      const id = String(source?.promoteId ? properties[source.promoteId] : (f.id ?? ''));
      if (!filter.filter({ zoom }, { type: 'Unknown', id, properties } as never)) continue;
      const state = sourceStates?.get(id) ?? {};
      const at = (e: Evaluated) => e(properties, id, state);
      const common = { ...base, placeId: placeIdOf(properties), geometry: f.geometry };
      if (l.type === 'symbol') {
        const text = String(at(look.field) ?? '');
        if (!text) continue;
        const rotate = num(at(look.rotate));
        shapes.push({
          kind: 'text', ...common, text,
          textSize: num(at(look.size)) ?? 16,
          textColour: hexOf(at(look.colour)) ?? '#000000',
          haloColour: hexOf(at(look.halo)),
          haloWidth: num(at(look.haloWidth)) ?? 0,
          ...(rotate ? { rotate } : {}),
          ...(Array.isArray(layout['text-variable-anchor']) ? { anchors: layout['text-variable-anchor'] as string[], offsetEm: num(layout['text-radial-offset']) ?? 0 } : {}),
          ...(layout['text-allow-overlap'] === true ? { overlap: true } : {}),
        });
      } else if (l.type === 'line') {
        const colour = at(look.colour);
        const width = num(at(look.width)) ?? 1;
        if (width <= 0) continue;
        shapes.push({
          kind: 'line', ...common,
          stroke: hexOf(colour) ?? '#000000',
          strokeWidth: width,
          strokeOpacity: times(num(at(look.opacity)), alphaOf(colour)),
          ...(dash ? { dash: dash.map((d) => d * width) } : {}),
        });
      } else if (l.type === 'circle') {
        const fill = at(look.fill);
        const stroke = at(look.stroke);
        shapes.push({
          kind: 'circle', ...common,
          radius: num(at(look.radius)) ?? 5,
          fill: hexOf(fill) ?? '#000000',
          fillOpacity: times(num(at(look.opacity)), alphaOf(fill)),
          stroke: hexOf(stroke),
          strokeWidth: num(at(look.strokeWidth)) ?? 0,
          strokeOpacity: times(num(at(look.strokeOpacity)), alphaOf(stroke)),
        });
      } else {
        const fill = at(look.fill);
        shapes.push({ kind: 'area', ...common, fill: hexOf(fill) ?? '#000000', fillOpacity: times(num(at(look.opacity)), alphaOf(fill)) });
      }
    }
  }
  return { zoom, background, shapes };
}
