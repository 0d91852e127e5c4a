/** Paint values read the way MapLibre reads them: parsed against the style spec's own definitions. */
import { createPropertyExpression, latest } from '@maplibre/maplibre-gl-style-spec';

export interface PaintSpec {
  'property-type': string;
  default?: unknown;
}

/** Every paint property of a layer type, by name, as the spec defines it. */
export const paintSpecs = (layerType: string): Record<string, PaintSpec> =>
  (latest as unknown as Record<string, Record<string, PaintSpec>>)[`paint_${layerType}`] ?? {};

/** The parsed expression of a paint value; throws on a value the spec rejects. */
export function parsePaint(layerType: string, prop: string, value: unknown) {
  const parsed = createPropertyExpression(value, 'paint', paintSpecs(layerType)[prop] as never);
  if (parsed.result !== 'success') throw new Error(`invalid ${prop}: ${JSON.stringify(value)}`);
  return parsed.value;
}
