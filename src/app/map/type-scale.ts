/**
 * The map's type scale follows the theme: on a projector (while a story is presented) every map
 * label is half as large again, so the smallest (11 px point names) reach 16.5 CSS px, in step
 * with the presenting captions. One factor for every label keeps the hierarchy between them.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { AtlasState } from '../state/state.ts';

export type TypeScale = 'screen' | 'projector';
export const TYPE_FACTOR: Record<TypeScale, number> = { screen: 1, projector: 1.5 };

export const typeScaleOf = (state: Partial<Pick<AtlasState, 'tour'>>): TypeScale => (state.tour ? 'projector' : 'screen');

type Size = number | ExpressionSpecification;

/**
 * A text-size times `k`. A zoom curve must stay the outermost expression, so its stops are
 * scaled, not the curve; any other expression is wrapped in a product.
 */
export function scaleSize(size: Size, k: number): Size {
  if (k === 1) return size;
  if (typeof size === 'number') return Math.round(size * k * 10) / 10;
  const [op] = size;
  const input = op === 'interpolate' ? size[2] : op === 'step' ? size[1] : null;
  if (Array.isArray(input) && input[0] === 'zoom') {
    // Outputs: [interpolate, type, input, stop, OUT, stop, OUT …] and [step, input, OUT, stop, OUT …].
    const isOutput = (i: number) => (op === 'interpolate' ? i >= 4 && i % 2 === 0 : i >= 2 && i % 2 === 0);
    return size.map((x, i) => (isOutput(i) ? scaleSize(x as Size, k) : x)) as ExpressionSpecification;
  }
  return ['*', k, size] as ExpressionSpecification;
}

/** The layer with its text (if any) at the scale's size. */
export function scaleLayerText(layer: LayerSpecification, scale: TypeScale): LayerSpecification {
  const size = layer.type === 'symbol' ? layer.layout?.['text-size'] : undefined;
  if (size === undefined || TYPE_FACTOR[scale] === 1) return layer;
  return { ...layer, layout: { ...layer.layout, 'text-size': scaleSize(size as Size, TYPE_FACTOR[scale]) } } as LayerSpecification;
}
