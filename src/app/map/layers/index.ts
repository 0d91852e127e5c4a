/**
 * Every map layer, one module each: the style, the toggles, the legend and the hit-testing are
 * generated from this array (the drawing order from each layer's own z, not from this order).
 */
import type { LayerDescriptor } from '../layer-descriptor.ts';
import { contextLayer } from './context-layers.ts';
import { districtsLayer } from './district-layers.ts';
import { facilitiesLayer } from './facility-layers.ts';
import { jjjLayer } from './jjj-layers.ts';
import { provinceOutlineLayer } from './province-outline-layers.ts';
import { scienceCitiesLayer } from './science-city-layers.ts';
import { subParksLayer } from './sub-park-layers.ts';
import { subjectLabelLayer } from './subject-layers.ts';

export const LAYERS: readonly LayerDescriptor[] = [contextLayer, districtsLayer, scienceCitiesLayer, provinceOutlineLayer, jjjLayer, subParksLayer, facilitiesLayer, subjectLabelLayer];
