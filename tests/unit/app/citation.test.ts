import { describe, expect, it } from 'vitest';
import { type Citation, citationParts, formatCitation } from '../../../src/app/ui/citation.ts';
import { writtenLang } from '../../../src/app/ui/source-text.ts';

const full: Citation = { docId: '004', title: '北京市“十四五”時期國際科技創新中心建設規劃', publisher: '北京市人民政府（首都之窗）', date: '2021-11-24' };
const text = (c: Citation, lang: 'zh' | 'en') => citationParts(c, lang).map((p) => (typeof p === 'string' ? p : p.text)).join('');

describe('citations', () => {
  it('keeps the title and publisher as published, apart from the UI’s marks, in both languages', () => {
    expect(citationParts(full, 'en')).toEqual(['“', { field: 'title', text: full.title }, '”, ', { field: 'publisher', text: full.publisher }, ', 2021-11-24']);
    expect(citationParts(full, 'zh')).toEqual(['《', { field: 'title', text: full.title }, '》，', { field: 'publisher', text: full.publisher }, '，2021-11-24']);
  });

  it('joins to the formatted citation, with missing parts left out', () => {
    const cases: Citation[] = [full, { ...full, publisher: '' }, { ...full, date: '' }, { ...full, publisher: '', date: '' }, { docId: 'x', title: 'x', publisher: '', date: '' }];
    for (const c of cases) for (const lang of ['zh', 'en'] as const) expect(text(c, lang)).toBe(formatCitation(c, lang));
    expect(formatCitation(full, 'en')).toBe('“北京市“十四五”時期國際科技創新中心建設規劃”, 北京市人民政府（首都之窗）, 2021-11-24');
    expect(formatCitation({ ...full, publisher: '' }, 'en')).toBe('“北京市“十四五”時期國際科技創新中心建設規劃”, 2021-11-24');
    expect(formatCitation({ ...full, date: '' }, 'zh')).toBe('《北京市“十四五”時期國際科技創新中心建設規劃》，北京市人民政府（首都之窗）');
    // A part left out leaves no field behind.
    expect(citationParts({ ...full, publisher: '' }, 'en').filter((p) => typeof p !== 'string')).toEqual([{ field: 'title', text: full.title }]);
  });
});

describe('written language of a name', () => {
  it('is Chinese with Han characters, English for a Latin-script alias', () => {
    expect(writtenLang('怀柔科学城')).toBe('zh');
    expect(writtenLang('中關村')).toBe('zh');
    expect(writtenLang('E-Town')).toBe('en');
    expect(writtenLang('ZGC')).toBe('en');
  });
});
