/**
 * What a map layer is, as one object per layer module: its style layers with their place in the
 * drawing order, which of them a click selects and how eagerly, its legend and its toggle. The
 * style, the layer catalog (toggles, legend, hit-testing) and so the scene and the exports are
 * generated from the array in layers/index.ts — adding a layer is one module there and its strings.
 */
import type { FeatureCollection } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { PlaceKind, Topic } from '../../types.ts';
import type { AtlasIndex } from '../data/atlas-data.ts';
import type { Boundaries } from '../data/load-boundaries.ts';
import type { Lang, StringKey } from '../i18n/strings.ts';
import type { LayerId } from '../state/state.ts';

export type LegendSymbol = 'fill' | 'line' | 'circle' | 'halo' | 'arrow';

/**
 * A line as the map draws it: its dash in line widths (MapLibre scales line-dasharray by the
 * width), its cap (a round cap turns a 0-length dash into a dot), and the width a legend sample
 * draws it at — so the legend shows the line the map shows, not a generic dashed stroke.
 */
export interface LineLook {
  dash: readonly number[] | null;
  cap: 'round' | 'butt';
  width: number;
}

export interface LegendEntry {
  symbol: LegendSymbol;
  colour: string;
  labelKey: StringKey;
  /** For a line symbol: how the line is drawn. */
  line?: LineLook;
}

export const lineEntry = (line: LineLook, colour: string, labelKey: StringKey): LegendEntry => ({ symbol: 'line', colour, labelKey, line });

/** The dash in pixels at the look's width, as SVG and canvas take it ([] is solid). */
export const dashPixels = (line: LineLook): number[] => (line.dash ?? []).map((d) => d * line.width);

/** What a layer's style depends on besides its own module: the language and the district classes. */
export interface StyleContext {
  lang: Lang;
  /** Lower bounds of the choropleth classes for the current counts. */
  breaks: number[];
}

/**
 * A style layer and its place in the drawing order: shapes 0–99, labels 100–199 (every label
 * above every shape; MapLibre places the topmost label first when labels collide, so the most
 * important names get the highest z). Equal z keeps the module's own order.
 */
export interface Placed {
  z: number;
  layer: LayerSpecification;
}

/** What a layer's place data is built from: the first view's counts, the boundaries, the theme. */
export interface SourceInput {
  data: AtlasIndex;
  boundaries: Pick<Boundaries, 'labels' | 'extents'>;
  topic: Topic | null;
}

export interface PlaceListing {
  kinds(kind: PlaceKind): boolean;
  uncited?: boolean;
}

export interface LayerDescriptor {
  /** The toggle (URL `layers=`, place list, legend); null for the backdrop, always drawn. */
  id: LayerId | null;
  style(ctx: StyleContext): Placed[];
  /** Style layers a click selects, by priority: lower is picked first where several are hit. */
  hits: Readonly<Record<string, number>>;
  legend: readonly LegendEntry[];
  /**
   * The GeoJSON sources this layer builds from the places, by source id (points keyed by
   * `placeId`), built again when the theme or a document filter changes the counts. The style,
   * applyState, the scene and the SVG map all take them from here.
   */
  sources?(input: SourceInput): Record<string, FeatureCollection>;
  /**
   * The places the place list lists under this layer's name: of these kinds, when the documents
   * cite them (and also when they do not, with `uncited`, for a layer that draws them all).
   */
  lists?: PlaceListing;
}

export const at = (z: number) => (layer: LayerSpecification): Placed => ({ z, layer });
