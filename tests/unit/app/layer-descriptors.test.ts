import { describe, expect, it } from 'vitest';
import { classBreaks } from '../../../src/app/map/choropleth.ts';
import { LAYER_CATALOG } from '../../../src/app/map/layer-catalog.ts';
import { LAYERS } from '../../../src/app/map/layers/index.ts';
import { STRINGS } from '../../../src/app/i18n/strings.ts';
import { LAYER_IDS } from '../../../src/app/state/state.ts';

const ctx = { lang: 'zh' as const, breaks: classBreaks([1, 5, 9]) };

describe('layer descriptors', () => {
  it('give every toggle exactly one module, with its strings', () => {
    const ids = LAYERS.map((d) => d.id).filter((id) => id !== null);
    expect([...ids].sort()).toEqual([...LAYER_IDS].sort());
    for (const id of LAYER_IDS) expect(STRINGS[`layer.${id}`], id).toBeDefined();
  });

  it('name their style layers after the layer, each once, and hit only their own', () => {
    const seen = new Set<string>();
    for (const d of LAYERS) {
      const own = d.style(ctx).map((p) => p.layer.id);
      for (const id of own) {
        expect(seen.has(id), id).toBe(false);
        seen.add(id);
        if (d.id) expect(id.startsWith(d.id === 'science-cities' ? 'science-cities' : d.id), id).toBe(true);
      }
      for (const hit of Object.keys(d.hits)) expect(own, hit).toContain(hit);
    }
  });

  it('put every label of a toggle above every shape', () => {
    for (const d of LAYERS.filter((x) => x.id !== null)) {
      for (const p of d.style(ctx)) expect(p.layer.type === 'symbol' ? p.z >= 100 : p.z < 100, p.layer.id).toBe(true);
    }
  });

  it('are what the catalog is made of: style layers, clickable layers and legend', () => {
    for (const d of LAYERS) {
      if (!d.id) continue;
      expect(LAYER_CATALOG[d.id].styleLayers).toEqual(d.style(ctx).map((p) => p.layer.id));
      expect(LAYER_CATALOG[d.id].clickable).toEqual(Object.keys(d.hits));
      expect(LAYER_CATALOG[d.id].legend).toEqual(d.legend);
    }
  });
});
