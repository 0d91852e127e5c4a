/**
 * The legend and layer panel wired to the store: drawn again when the layers, theme or language
 * change, and when a document filter's counts are in (it then says the filter is in force).
 */
import type { Topic } from '../../../types.ts';
import { choroplethLegend } from '../../map/choropleth.ts';
import type { AtlasState, LayerId } from '../../state/state.ts';
import { byId, type FeatureContext } from '../feature-context.ts';
import type { DocFilter } from '../filter/filter-controller.ts';
import { renderLegend } from './legend-view.ts';

export function mountLegendController(ctx: FeatureContext, filter: DocFilter): void {
  const { store, data } = ctx;
  const handlers = {
    onToggleLayer: (id: LayerId, on: boolean) => {
      const layers = store.get().layers.filter((l) => l !== id);
      store.set({ layers: on ? [...layers, id] : layers });
    },
    onTopic: (topic: Topic | null) => store.set({ topic }),
  };
  const draw = (s: AtlasState) => {
    const line = filter.line(s.lang);
    renderLegend(byId('legend'), s, choroplethLegend([...data.districtCounts(s.topic).values()]), s.lang, handlers,
      line ? { line, onClear: () => store.set({ filter: null }) } : null);
  };
  store.subscribe((s, prev) => {
    if (s.layers !== prev.layers || s.topic !== prev.topic || s.lang !== prev.lang) draw(s);
  });
  draw(store.get());
  filter.onApplied(draw);
}
