import { describe, expect, it } from 'vitest';
import { STRINGS, t } from '../../../src/app/i18n/strings.ts';

describe('UI strings', () => {
  it('has every string in Chinese and English', () => {
    for (const [key, v] of Object.entries(STRINGS)) {
      expect(v.zh.trim(), key).not.toBe('');
      expect(v.en.trim(), key).not.toBe('');
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('dataMissing', 'en', { file: 'a.json', reason: 'HTTP 404', command: 'npm run x' })).toBe('Could not load the data file a.json (HTTP 404). Run npm run x to rebuild it.');
    expect(t('dataMissing', 'en')).toContain('{file}');
  });

  it('always shows the schematic-map notice in both languages', () => {
    for (const lang of ['zh', 'en'] as const) expect(t('notice', lang)).toBe('示意图，非标准地图 / Schematic map, not an official map');
  });
});
