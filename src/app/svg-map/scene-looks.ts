/**
 * The SVG map's looks from the scene: every place element it draws takes its fill, stroke,
 * width, dash, opacity and dot radius from the shape the scene (the WebGL style evaluated, for
 * the same state and feature states) has for it at the SVG map's current zoom. So the two maps
 * cannot drift apart in colour or size, and the selection looks as MapLibre draws it. What stays
 * the SVG map's own: geometry (from the same place features), hit areas, halo radii (a ground
 * distance, drawn in map units) and the reading highlight, which is not a map state.
 */
import type { MapScene, SceneShape } from '../scene/map-scene.ts';

type Attr = 'fill' | 'fill-opacity' | 'stroke' | 'stroke-width' | 'stroke-opacity' | 'stroke-dasharray' | 'r' | 'font-size';

/** The style layer that draws a point source's precision halos (`sub-parks-halo`): the layer modules' naming. */
export const haloLayerOf = (source: string) => `${source}-halo`;

/** Two decimals are finer than a screen shows; the same scene always gives the same attributes. */
const num = (n: number) => String(Math.round(n * 100) / 100 + 0);

const AREA = (s: SceneShape): Partial<Record<Attr, string | undefined>> => ({
  fill: s.fill,
  'fill-opacity': s.fillOpacity === undefined ? undefined : num(s.fillOpacity),
});
const LINE = (s: SceneShape): Partial<Record<Attr, string | undefined>> => ({
  stroke: s.stroke,
  'stroke-width': s.strokeWidth === undefined ? undefined : num(s.strokeWidth),
  'stroke-opacity': s.strokeOpacity === undefined ? undefined : num(s.strokeOpacity),
  'stroke-dasharray': s.dash ? s.dash.map(num).join(' ') : undefined,
});
const CIRCLE = (withRadius: boolean) => (s: SceneShape): Partial<Record<Attr, string | undefined>> => ({
  ...AREA(s),
  ...LINE(s),
  r: withRadius && s.radius !== undefined ? num(s.radius) : undefined,
});
const TEXT = (s: SceneShape): Partial<Record<Attr, string | undefined>> => ({
  fill: s.textColour,
  'font-size': s.textSize === undefined ? undefined : num(s.textSize),
});

/**
 * Which style layer draws each element the SVG map keys by `data-place` (the element, or its
 * group), and which of its looks the element takes. `layer` gets the element's source.
 */
export const LOOK_RULES: Array<{ select: string; layer: (source: string) => string; look: (s: SceneShape) => Partial<Record<Attr, string | undefined>> }> = [
  { select: 'path.district', layer: () => 'districts-fill', look: AREA },
  { select: '.marked-outline.is-selected', layer: () => 'districts-selected', look: LINE },
  { select: '.extent .extent-fill', layer: () => 'science-cities-fill', look: AREA },
  { select: '.extent .extent-line', layer: () => 'science-cities-line', look: LINE },
  { select: '.link .link-line', layer: () => 'jjj-arcs', look: LINE },
  { select: '.halos circle', layer: haloLayerOf, look: CIRCLE(false) },
  { select: '.pin .dot', layer: (source) => (source === 'jjj-nodes' ? 'jjj-nodes' : `${source}-dot`), look: CIRCLE(true) },
  { select: '.pin .arrow', layer: () => 'jjj-national-arrow', look: TEXT },
];

/** The scene's shapes by style layer and place; every `jjj-arcs-*` layer answers as `jjj-arcs`. */
export function shapesByPlace(scene: MapScene): Map<string, SceneShape> {
  const byKey = new Map<string, SceneShape>();
  for (const s of scene.shapes) {
    if (!s.placeId) continue;
    const layer = s.styleLayer.startsWith('jjj-arcs-') ? 'jjj-arcs' : s.styleLayer;
    const key = `${layer}|${s.placeId}`;
    if (!byKey.has(key)) byKey.set(key, s);
  }
  return byKey;
}

/** Sets every keyed element's looks from the scene; returns how many elements it styled. */
export function applySceneLooks(root: Element, scene: MapScene): number {
  const shapes = shapesByPlace(scene);
  let styled = 0;
  for (const rule of LOOK_RULES) {
    for (const el of root.querySelectorAll<SVGElement>(rule.select)) {
      const keyed = el.closest<SVGElement>('[data-place]');
      const place = el.dataset.place ?? keyed?.dataset.place;
      const source = el.dataset.source ?? keyed?.dataset.source ?? '';
      const shape = place ? shapes.get(`${rule.layer(source)}|${place}`) : undefined;
      if (!shape) continue;
      for (const [name, value] of Object.entries(rule.look(shape))) {
        if (value !== undefined) el.setAttribute(name, value);
      }
      styled++;
    }
  }
  return styled;
}
