import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { buildStyle } from '../../../src/app/map/build-style.ts';
import { LAYER_CATALOG, clickableLayers } from '../../../src/app/map/layer-catalog.ts';
import { DEFAULT_STATE, LAYER_IDS } from '../../../src/app/state/state.ts';
import { boundaries, data } from './map-fixtures.ts';
it('dump', () => {
  const out = ['zh', 'en'].map((lang) => buildStyle(boundaries, data, { ...DEFAULT_STATE, lang: lang as 'zh' | 'en', layers: ['districts', 'jjj'] }));
  writeFileSync(`/tmp/style-${process.env.TAG}.json`, JSON.stringify({ out, cat: LAYER_CATALOG, click: clickableLayers(LAYER_IDS) }));
});
