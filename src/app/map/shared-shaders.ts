/**
 * MapLibre compiles one shader program per layer type *and* per set of paint properties that are
 * data-driven. On a software renderer each program costs tens of milliseconds to link and compile,
 * so every layer of a type is given the same data-driven set: constants and zoom curves are
 * turned into per-feature values that always fall back to the constant. The map looks the same;
 * it compiles one program per layer type instead of one per variant.
 */
import type { LayerSpecification } from 'maplibre-gl';

/**
 * The paint properties each program reads per feature (the variants MapLibre would split on),
 * with the style spec's default for a layer that leaves one unset (checked against the spec in
 * tests/unit/app/shared-shaders.test.ts).
 */
export const SHARED_PAINT: Partial<Record<LayerSpecification['type'], Record<string, unknown>>> = {
  fill: { 'fill-color': '#000000', 'fill-opacity': 1 },
  line: { 'line-color': '#000000', 'line-width': 1, 'line-opacity': 1, 'line-blur': 0, 'line-gap-width': 0, 'line-offset': 0 },
  circle: {
    'circle-radius': 5, 'circle-color': '#000000', 'circle-blur': 0, 'circle-opacity': 1,
    'circle-stroke-width': 0, 'circle-stroke-color': '#000000', 'circle-stroke-opacity': 1,
  },
  symbol: { 'text-color': '#000000', 'text-halo-color': 'rgba(0, 0, 0, 0)', 'text-halo-width': 0, 'text-halo-blur': 0, 'text-opacity': 1 },
};

const FEATURE_OPERATORS = new Set(['get', 'has', 'feature-state', 'properties', 'id', 'geometry-type']);
const readsFeature = (v: unknown): boolean => Array.isArray(v) && (FEATURE_OPERATORS.has(v[0] as string) || v.some(readsFeature));
/** ['interpolate', kind, ['zoom'], …] or ['step', ['zoom'], …]. */
const isZoomCurve = (v: unknown): v is unknown[] =>
  Array.isArray(v) && ((v[0] === 'interpolate' && v[2]?.[0] === 'zoom') || (v[0] === 'step' && v[1]?.[0] === 'zoom'));

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
  const shared = SHARED_PAINT[layer.type];
  if (!shared) return layer;
  const paint: Record<string, unknown> = { ...((layer as { paint?: object }).paint ?? {}) };
  for (const [p, fallback] of Object.entries(shared)) paint[p] = perFeatureValue(paint[p] ?? fallback);
  const extra = layer.type === 'fill' ? { 'fill-antialias': false } : {};
  return { ...layer, paint: { ...paint, ...extra } } as LayerSpecification;
}
