/**
 * MapLibre compiles one shader program per layer type *and* per set of paint properties that are
 * data-driven. On a software renderer each program costs tens of milliseconds to link and compile,
 * so every layer of a type is given the same data-driven set: constants and zoom curves are
 * turned into per-feature values that always fall back to the constant. The map looks the same;
 * it compiles one program per layer type instead of one per variant.
 */
import type { LayerSpecification } from 'maplibre-gl';

/** The paint properties each program reads per feature (the variants MapLibre would split on). */
export const SHARED_PAINT: Partial<Record<LayerSpecification['type'], string[]>> = {
  fill: ['fill-color', 'fill-opacity'],
  line: ['line-color', 'line-width', 'line-opacity', 'line-blur', 'line-gap-width', 'line-offset'],
  circle: ['circle-radius', 'circle-color', 'circle-blur', 'circle-opacity', 'circle-stroke-width', 'circle-stroke-color', 'circle-stroke-opacity'],
  symbol: ['text-color', 'text-halo-color', 'text-halo-width', 'text-halo-blur', 'text-opacity'],
};

/** Defaults of the style spec, for properties a layer leaves unset. */
const DEFAULTS: Record<string, unknown> = {
  'fill-color': '#000000', 'fill-opacity': 1,
  'line-color': '#000000', 'line-width': 1, 'line-opacity': 1, 'line-blur': 0, 'line-gap-width': 0, 'line-offset': 0,
  'circle-radius': 5, 'circle-color': '#000000', 'circle-blur': 0, 'circle-opacity': 1, 'circle-stroke-width': 0, 'circle-stroke-color': '#000000', 'circle-stroke-opacity': 1,
  'text-color': '#000000', 'text-halo-color': 'rgba(0, 0, 0, 0)', 'text-halo-width': 0, 'text-halo-blur': 0, 'text-opacity': 1,
};

const FEATURE_OPERATORS = new Set(['get', 'has', 'feature-state', 'properties', 'id', 'geometry-type']);
const readsFeature = (v: unknown): boolean => Array.isArray(v) && (FEATURE_OPERATORS.has(v[0] as string) || v.some(readsFeature));
const isZoomCurve = (v: unknown): v is unknown[] =>
  Array.isArray(v) && (v[0] === 'interpolate' || v[0] === 'step') && JSON.stringify(v).includes('["zoom"]');

/** A value no feature carries, so the constant always wins. */
const perFeature = (constant: unknown) => ['coalesce', ['get', '__shared_shader'], constant];

export function perFeatureValue(value: unknown): unknown {
  if (readsFeature(value)) return value;
  if (!isZoomCurve(value)) return perFeature(value);
  // A zoom curve must stay outermost: its stop outputs become per-feature instead
  // (interpolate: op, kind, input, then stop/output pairs; step: op, input, output, then pairs).
  const isOutput = (i: number) => (value[0] === 'interpolate' ? i >= 4 && i % 2 === 0 : i >= 2 && i % 2 === 0);
  return value.map((v, i) => (isOutput(i) ? perFeature(v) : v));
}

export function shareShaders(layer: LayerSpecification): LayerSpecification {
  const props = SHARED_PAINT[layer.type];
  if (!props) return layer;
  const paint: Record<string, unknown> = { ...((layer as { paint?: object }).paint ?? {}) };
  for (const p of props) paint[p] = perFeatureValue(paint[p] ?? DEFAULTS[p]);
  const extra = layer.type === 'fill' ? { 'fill-antialias': false } : {};
  return { ...layer, paint: { ...paint, ...extra } } as LayerSpecification;
}
